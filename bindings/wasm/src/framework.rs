//! The `Framework` class: a validated framework and every analysis on it.

use std::rc::Rc;

use karmayogi::{DepartmentId, Target};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::cohort::{Cohort, read_officers};
use crate::failure::Failure;
use crate::json::{Input, json_problem, output, text_arg};
use crate::options;
use crate::profile::Profile;

/// A validated competency framework: the dictionary, the FRAC mapping (positions → roles →
/// activities → competencies at levels) and the course catalogue.
///
/// Built from a framework document (an object or its JSON text), which is checked once,
/// reporting every problem together: a `KarmayogiError` whose `problems` name the offending
/// ids. Everything is kept sorted by id.
#[wasm_bindgen]
pub struct Framework {
    pub(crate) inner: Rc<karmayogi::Framework>,
}

/// One department's training needs, for `trainingNeedsByDepartment`.
#[derive(Serialize)]
struct DepartmentNeeds<'a, 'f> {
    department: &'a DepartmentId,
    needs: karmayogi::DepartmentNeeds<'a, 'f>,
}

#[wasm_bindgen]
impl Framework {
    /// Validates a framework document and builds the framework.
    ///
    /// Throws a `KarmayogiError` listing every problem: an unsupported `format_version`, a
    /// malformed document (with its line, column and path), empty or duplicate ids, unknown
    /// references, levels outside a competency's scale, positions without roles, invalid
    /// course hours and prerequisite cycles.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "FrameworkSpec | string")] spec: &JsValue,
    ) -> Result<Framework, Failure> {
        // Every bad entry of a document that does not read, then every validation problem.
        let framework = Input::new(spec, "framework")?.read_all(karmayogi::Framework::from_json)?;
        Ok(Framework {
            inner: Rc::new(framework),
        })
    }

    /// Builds the framework straight from the texts of the ESCO CSV files (either layout,
    /// as `loadEsco` reads them): what `new Framework(loadEsco(csv, options))` builds, without making JavaScript objects of
    /// the document and reading them back.
    ///
    /// Throws what `loadEsco` throws, then what `new Framework` throws.
    ///
    /// Time and memory linear in the texts (the loader's, then validation's).
    #[wasm_bindgen(js_name = fromEsco)]
    pub fn from_esco(
        #[wasm_bindgen(unchecked_param_type = "EscoCsv")] csv: &JsValue,
        options: Option<crate::args::EscoOptions>,
    ) -> Result<Framework, Failure> {
        let spec = crate::interchange::esco_spec(csv, options)?;
        Ok(Framework {
            inner: Rc::new(karmayogi::Framework::new(spec)?),
        })
    }

    /// The framework as a document again, every list sorted by id.
    #[wasm_bindgen(js_name = toSpec, unchecked_return_type = "FrameworkSpec")]
    pub fn to_spec(&self) -> Result<JsValue, Failure> {
        output(&self.inner.to_spec())
    }

    /// The framework document as pretty-printed JSON text (the text the library's
    /// `FrameworkSpec::to_json` writes).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, Failure> {
        let compact = serde_json::to_string(&self.inner.to_spec())
            .map_err(|e| Failure::one(json_problem("output", true, "", 0, 0, &e.to_string())))?;
        Ok(crate::json::pretty(&compact))
    }

    /// The competency dictionary, sorted by id.
    #[wasm_bindgen(unchecked_return_type = "CompetencySpec[]")]
    pub fn competencies(&self) -> Result<JsValue, Failure> {
        output(self.inner.competencies())
    }

    /// The activities, sorted by id.
    #[wasm_bindgen(unchecked_return_type = "ActivitySpec[]")]
    pub fn activities(&self) -> Result<JsValue, Failure> {
        output(self.inner.activities())
    }

    /// The roles, sorted by id.
    #[wasm_bindgen(unchecked_return_type = "RoleSpec[]")]
    pub fn roles(&self) -> Result<JsValue, Failure> {
        output(self.inner.roles())
    }

    /// The positions, sorted by id.
    #[wasm_bindgen(unchecked_return_type = "PositionSpec[]")]
    pub fn positions(&self) -> Result<JsValue, Failure> {
        output(self.inner.positions())
    }

    /// The course catalogue, sorted by id.
    #[wasm_bindgen(unchecked_return_type = "CourseSpec[]")]
    pub fn courses(&self) -> Result<JsValue, Failure> {
        output(self.inner.courses())
    }

    /// A competency by id; `undefined` when the framework has none.
    #[wasm_bindgen(unchecked_return_type = "CompetencySpec | undefined")]
    pub fn competency(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "competency id")?;
        let id = id.as_str();
        self.inner
            .competency(id)
            .map_or(Ok(JsValue::UNDEFINED), output)
    }

    /// A position by id; `undefined` when the framework has none.
    #[wasm_bindgen(unchecked_return_type = "PositionSpec | undefined")]
    pub fn position(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "position id")?;
        let id = id.as_str();
        self.inner
            .position(id)
            .map_or(Ok(JsValue::UNDEFINED), output)
    }

    /// A course by id; `undefined` when the catalogue has none.
    #[wasm_bindgen(unchecked_return_type = "CourseSpec | undefined")]
    pub fn course(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "course id")?;
        let id = id.as_str();
        self.inner.course(id).map_or(Ok(JsValue::UNDEFINED), output)
    }

    /// The highest level a competency defines (5 unless its descriptors say fewer);
    /// `undefined` for an unknown id.
    #[wasm_bindgen(js_name = maxLevel)]
    pub fn max_level(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<Option<u8>, Failure> {
        let id = text_arg(id, "competency id")?;
        Ok(self.inner.max_level(&id).map(karmayogi::Level::get))
    }

    /// The lowest level at which a competency exists (1 unless its `min_level` says
    /// otherwise); `undefined` for an unknown id.
    #[wasm_bindgen(js_name = minLevel)]
    pub fn min_level(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<Option<u8>, Failure> {
        let id = text_arg(id, "competency id")?;
        Ok(self.inner.min_level(&id).map(karmayogi::Level::get))
    }

    /// Every competency group, sorted by id: the document's own, and `area:{name}` for each
    /// area its competencies name without declaring the group.
    #[wasm_bindgen(unchecked_return_type = "GroupSpec[]")]
    pub fn groups(&self) -> Result<JsValue, Failure> {
        output(self.inner.groups())
    }

    /// A competency group by id; `undefined` when the framework has none.
    #[wasm_bindgen(unchecked_return_type = "GroupSpec | undefined")]
    pub fn group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "group id")?;
        self.inner.group(&id).map_or(Ok(JsValue::UNDEFINED), output)
    }

    /// The ids of the groups directly above a group, sorted.
    ///
    /// Throws `unknown_id` for an unknown group.
    #[wasm_bindgen(js_name = parentGroups, unchecked_return_type = "string[]")]
    pub fn parent_groups(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "group id")?;
        output(&self.inner.parent_groups(&id)?)
    }

    /// The ids of the groups directly below a group, sorted.
    ///
    /// Throws `unknown_id` for an unknown group.
    #[wasm_bindgen(js_name = childGroups, unchecked_return_type = "string[]")]
    pub fn child_groups(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "group id")?;
        output(&self.inner.child_groups(&id)?)
    }

    /// The ids of the competencies directly in a group (through their `groups` or `area`),
    /// sorted.
    ///
    /// Throws `unknown_id` for an unknown group.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn members(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "group id")?;
        output(&self.inner.members(&id)?)
    }

    /// The ids of the groups a competency is directly in, sorted.
    ///
    /// Throws `unknown_id` for an unknown competency.
    #[wasm_bindgen(js_name = groupsOf, unchecked_return_type = "string[]")]
    pub fn groups_of(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
    ) -> Result<JsValue, Failure> {
        let id = text_arg(id, "competency id")?;
        output(&self.inner.groups_of(&id)?)
    }

    /// Every group after all of its parents (among groups whose parents are all listed,
    /// the smallest id first): walked backwards, every group comes after its descendants,
    /// as roll-ups need.
    #[wasm_bindgen(js_name = groupsTopDown, unchecked_return_type = "GroupSpec[]")]
    pub fn groups_top_down(&self) -> Result<JsValue, Failure> {
        output(&self.inner.groups_top_down())
    }

    /// What validation accepts but is probably a mistake, as warnings (problems with a
    /// code and fields, never thrown): an officer whose id differs from an earlier
    /// officer's only in letter case or surrounding whitespace (`lookalike_ids`) or in
    /// Unicode form (`equivalent_ids`), an officer in another department than their
    /// position's (`department_mismatch`), a passbook entry repeating or contradicting an
    /// earlier one (`invalid_evidence` with the problem `duplicate`), and with `asOf`
    /// evidence dated after it (`invalid_evidence` with the problem `after_as_of`). `officers` is an array of
    /// officers, an officers document or its JSON text; officers validation would refuse
    /// are skipped.
    ///
    /// Throws for an `asOf` that is not `YYYY-MM-DD`, or for malformed officers: every
    /// problem of the document and of every officer, with the library's paths, ids, lines
    /// and columns (as `new Cohort` reports them).
    #[wasm_bindgen(js_name = reviewOfficers, unchecked_return_type = "Problem[]")]
    pub fn review_officers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "OfficerSpec[] | OfficersSpec | string")]
        officers: &JsValue,
        options: Option<crate::args::ReviewOptions>,
    ) -> Result<JsValue, Failure> {
        options::review(options).then(|options| {
            let warnings = read_officers(officers, |stream| {
                Ok(self.inner.review_officers(stream, options))
            })?;
            output(&warnings)
        })
    }

    /// A course and everything it requires, directly or through other prerequisites, in
    /// learning order (every course after its prerequisites, ties by id).
    ///
    /// Throws `unknown_id` for an unknown course.
    #[wasm_bindgen(js_name = prerequisiteClosure, unchecked_return_type = "string[]")]
    pub fn prerequisite_closure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] course: &JsValue,
    ) -> Result<JsValue, Failure> {
        let course = text_arg(course, "course id")?;
        let course = course.as_str();
        output(&self.inner.prerequisite_closure(course)?)
    }

    /// What a position requires: each competency at the highest level any verified path
    /// demands, with every role → activity path that demands it (provenance), by competency
    /// id.
    ///
    /// Throws `unknown_id` for an unknown position.
    #[wasm_bindgen(unchecked_return_type = "Requirement[]")]
    pub fn requirements(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
    ) -> Result<JsValue, Failure> {
        let position = text_arg(position, "position id")?;
        let position = position.as_str();
        output(&self.inner.requirements(position)?)
    }

    /// The officer's gap report against their current position: gaps (largest shortfall
    /// first) with provenance, and readiness, the weighted share of required proficiency
    /// held.
    ///
    /// Throws `framework_mismatch` when the profile was built from another framework.
    #[wasm_bindgen(unchecked_return_type = "GapReport")]
    pub fn gap(
        &self,
        profile: &Profile,
        options: Option<crate::args::GapOptions>,
    ) -> Result<JsValue, Failure> {
        options::gap(options).then(|options| output(&self.inner.gap(&profile.inner, options)?))
    }

    /// The officer's gap report against any position (a transfer, a promotion).
    ///
    /// Throws `unknown_id` for an unknown position.
    #[wasm_bindgen(js_name = gapFor, unchecked_return_type = "GapReport")]
    pub fn gap_for(
        &self,
        profile: &Profile,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
        options: Option<crate::args::GapOptions>,
    ) -> Result<JsValue, Failure> {
        options::gap(options).then(|options| {
            let position = text_arg(position, "position id")?;
            output(&self.inner.gap_for(&profile.inner, &position, options)?)
        })
    }

    /// A learning path closing the officer's gaps against a position: the fewest hours
    /// closing every gap some course can close, or with `budget` the most weighted
    /// shortfall within those hours; prerequisites pulled in and ordered, optionally split
    /// into terms and steered towards the 70-20-10 blend; each step says which gaps it
    /// closes and for which roles and activities; gaps left open carry the reason.
    ///
    /// Throws `unknown_id` for an unknown position or weighted competency, and
    /// `invalid_option` for an option out of range.
    #[wasm_bindgen(unchecked_return_type = "Plan")]
    pub fn recommend(
        &self,
        profile: &Profile,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
        options: Option<crate::args::RecommendOptions>,
    ) -> Result<JsValue, Failure> {
        options::recommend(options).then(|options| {
            let position = text_arg(position, "position id")?;
            output(&self.inner.recommend(&profile.inner, &position, options)?)
        })
    }

    /// A learning path reaching any list of competency targets (an individual development
    /// plan), given the courses already completed.
    ///
    /// Throws every unknown or repeated competency, level outside a competency's scale and
    /// unknown course at once.
    #[wasm_bindgen(js_name = recommendTargets, unchecked_return_type = "Plan")]
    pub fn recommend_targets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Target[]")] targets: &JsValue,
        completed: Option<crate::args::StringList>,
        options: Option<crate::args::RecommendOptions>,
    ) -> Result<JsValue, Failure> {
        options::recommend(options).then(|options| {
            let targets: Vec<Target> = Input::new(targets, "targets")?.parse()?;
            let completed: Vec<karmayogi::CourseId> = match completed.map(JsValue::from) {
                Some(c) if !c.is_undefined() && !c.is_null() => {
                    Input::new(&c, "completed courses")?.parse()?
                }
                _ => Vec::new(),
            };
            output(
                &self
                    .inner
                    .recommend_targets(&targets, &completed, options)?,
            )
        })
    }

    /// The positions an officer is closest to being ready for, by readiness (ties: smaller
    /// shortfall, then position id).
    #[wasm_bindgen(js_name = positionsFor, unchecked_return_type = "Fit[]")]
    pub fn positions_for(
        &self,
        profile: &Profile,
        options: Option<crate::args::RankOptions>,
    ) -> Result<JsValue, Failure> {
        options::rank(options)
            .then(|options| output(&self.inner.positions_for(&profile.inner, options)?))
    }

    /// The officers of a cohort closest to being ready for a position, by readiness.
    ///
    /// Throws `unknown_id` for an unknown position and for an unknown `department`
    /// option, both at once (the position's first).
    #[wasm_bindgen(js_name = officersFor, unchecked_return_type = "Fit[]")]
    pub fn officers_for(
        &self,
        cohort: &Cohort,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
        options: Option<crate::args::RankOptions>,
    ) -> Result<JsValue, Failure> {
        options::rank(options).then(|options| {
            let position = text_arg(position, "position id")?;
            output(&self.inner.officers_for(&cohort.inner, &position, options)?)
        })
    }

    /// The training needs of a cohort: per competency, how many officers its positions
    /// require it of, how many are short and by how much (the heatmap's data), without
    /// building any per-officer report.
    #[wasm_bindgen(js_name = trainingNeeds, unchecked_return_type = "TrainingNeeds")]
    pub fn training_needs(
        &self,
        cohort: &Cohort,
        options: Option<crate::args::NeedsOptions>,
    ) -> Result<JsValue, Failure> {
        options::needs(options)
            .then(|options| output(&self.inner.training_needs(&cohort.inner, options)?))
    }

    /// `trainingNeeds` for each department of the cohort, sorted by department.
    #[wasm_bindgen(
        js_name = trainingNeedsByDepartment,
        unchecked_return_type = "DepartmentNeeds[]"
    )]
    pub fn training_needs_by_department(
        &self,
        cohort: &Cohort,
        options: Option<crate::args::NeedsOptions>,
    ) -> Result<JsValue, Failure> {
        options::needs(options).then(|options| {
            let by_department = self
                .inner
                .training_needs_by_department(&cohort.inner, options)?;
            let entries: Vec<DepartmentNeeds<'_, '_>> = (by_department.iter())
                .map(|needs| DepartmentNeeds {
                    department: needs.department(),
                    needs,
                })
                .collect();
            output(&entries)
        })
    }

    /// A department's Annual Capacity Building Plan: which courses to run with how many
    /// seats, which officers attend what, and per competency what it closes and why the
    /// rest stays open; within an hour budget, seat limits and a per-officer cap.
    #[wasm_bindgen(js_name = departmentPlan, unchecked_return_type = "DepartmentPlan")]
    pub fn department_plan(
        &self,
        cohort: &Cohort,
        options: Option<crate::args::AcbpOptions>,
    ) -> Result<JsValue, Failure> {
        options::acbp(options)
            .then(|options| output(&self.inner.department_plan(&cohort.inner, options)?))
    }

    /// An officer's move to a post: the gap report against it and the learning path that
    /// closes it.
    #[wasm_bindgen(js_name = careerStep, unchecked_return_type = "CareerStep")]
    pub fn career_step(
        &self,
        profile: &Profile,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
        gap: Option<crate::args::GapOptions>,
        recommend: Option<crate::args::RecommendOptions>,
    ) -> Result<JsValue, Failure> {
        let options = options::gap(gap).and(options::recommend(recommend));
        options.then(|(gap, recommend)| {
            let position = text_arg(position, "position id")?;
            output(
                &self
                    .inner
                    .career_step(&profile.inner, &position, gap, recommend)?,
            )
        })
    }

    /// The posts an officer could be ready for with the least training: by gaps no course
    /// can close, then hours of the learning path, then readiness, then post id.
    #[wasm_bindgen(js_name = careerPaths, unchecked_return_type = "CareerFit[]")]
    pub fn career_paths(
        &self,
        profile: &Profile,
        options: Option<crate::args::CareerOptions>,
    ) -> Result<JsValue, Failure> {
        options::career(options)
            .then(|options| output(&self.inner.career_paths(&profile.inner, options)?))
    }

    /// The officers of a cohort who could be ready for a position with the least training,
    /// ranked as `careerPaths` ranks posts.
    ///
    /// Throws `unknown_id` for an unknown position and for an unknown `department`
    /// option, both at once (the position's first).
    #[wasm_bindgen(unchecked_return_type = "CareerFit[]")]
    pub fn successors(
        &self,
        cohort: &Cohort,
        #[wasm_bindgen(unchecked_param_type = "string")] position: &JsValue,
        options: Option<crate::args::CareerOptions>,
    ) -> Result<JsValue, Failure> {
        options::career(options).then(|options| {
            let position = text_arg(position, "position id")?;
            output(&self.inner.successors(&cohort.inner, &position, options)?)
        })
    }

    /// What changed between two snapshots of the same officers (matched by id): gaps closed
    /// and opened and readiness gained, overall, per competency, position and department,
    /// and how the courses completed in between did.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn compare(
        &self,
        before: &Cohort,
        after: &Cohort,
        options: Option<crate::args::CompareOptions>,
    ) -> Result<JsValue, Failure> {
        options::compare(options)
            .then(|options| output(&self.inner.compare(&before.inner, &after.inner, options)?))
    }
}
