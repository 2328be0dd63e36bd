//! More of the `Framework` class: the competency atlas, and training needs and progress
//! rolled up to competency groups.

use wasm_bindgen::prelude::*;

use crate::cohort::Cohort;
use crate::failure::Failure;
use crate::framework::Framework;
use crate::json::{output, text_arg};
use crate::options;

#[wasm_bindgen]
impl Framework {
    /// The atlas of one competency: the positions (with their departments and provenance),
    /// roles and activities that require it and at which levels, and the courses that build
    /// it. Only verified mappings count, as in `requirements`.
    ///
    /// Throws `unknown_id` (with the nearest known id) for an unknown competency.
    ///
    /// Time O(R + p + a·q + k) for R role edges, p positions, a activities carried by q
    /// roles each and k courses listed.
    #[wasm_bindgen(js_name = competencyAtlas, unchecked_return_type = "Atlas")]
    pub fn competency_atlas(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] competency: &JsValue,
    ) -> Result<JsValue, Failure> {
        let competency = text_arg(competency, "competency id")?;
        output(&self.inner.competency_atlas(&competency)?)
    }

    /// The atlas of a group: one entry, as `competencyAtlas` gives it, per competency in the
    /// group or in a group below it (each once), sorted by competency id.
    ///
    /// Throws `unknown_id` (with the nearest known id) for an unknown group.
    ///
    /// Time O(R + G) for R role edges and G the groups and memberships below the group,
    /// plus each entry's cost as in `competencyAtlas`.
    #[wasm_bindgen(js_name = groupAtlas, unchecked_return_type = "Atlas")]
    pub fn group_atlas(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] group: &JsValue,
    ) -> Result<JsValue, Failure> {
        let group = text_arg(group, "group id")?;
        output(&self.inner.group_atlas(&group)?)
    }

    /// The training needs of a cohort rolled up to the competency groups: per group, the
    /// officers whose post requires any of its competencies and those short in any (each
    /// officer once per group), and the levels short summed over its competencies; rows by
    /// total shortfall (largest first), then officers short, then id. With `kind`, only the
    /// groups of that kind (a heatmap by KCM theme); with `department`, only its officers.
    ///
    /// Throws `framework_mismatch` for a cohort of another framework, `unknown_id` for a
    /// department neither the framework's positions nor the cohort's officers name.
    ///
    /// Time linear in the cohort's officer–requirement pairs and the groups' memberships.
    #[wasm_bindgen(js_name = trainingNeedsByGroup, unchecked_return_type = "GroupNeeds")]
    pub fn training_needs_by_group(
        &self,
        cohort: &Cohort,
        options: Option<crate::args::RollupOptions>,
    ) -> Result<JsValue, Failure> {
        options::rollup(options)
            .then(|options| output(&self.inner.training_needs_by_group(&cohort.inner, options)?))
    }

    /// `compare` rolled up to the competency groups: per group, the matched officers short
    /// before and after, gaps closed and opened, levels gained and lost, and readiness
    /// before and after; groups sorted by id. Officers are matched by id and measured
    /// against their post in the first snapshot.
    ///
    /// Throws `framework_mismatch` for a cohort of another framework, `unknown_id` for an
    /// unknown department.
    ///
    /// Time linear in the two cohorts' officer–requirement pairs and the groups'
    /// memberships.
    #[wasm_bindgen(js_name = compareByGroup, unchecked_return_type = "GroupEvaluation")]
    pub fn compare_by_group(
        &self,
        before: &Cohort,
        after: &Cohort,
        options: Option<crate::args::RollupOptions>,
    ) -> Result<JsValue, Failure> {
        options::rollup(options).then(|options| {
            output(
                &self
                    .inner
                    .compare_by_group(&before.inner, &after.inner, options)?,
            )
        })
    }
}
