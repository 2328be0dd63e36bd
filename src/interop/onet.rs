//! O*NET compact CSVs (skills rated by importance and level) → [`FrameworkSpec`].

mod database;
mod read;

use std::collections::{HashMap, HashSet};

use crate::model::order;
use crate::{
    ActivitySpec, CompetencySpec, CompetencyType, Error, Errors, FrameworkSpec, GroupId, GroupSpec,
    PositionSpec, RequirementSpec, RoleSpec,
};
use read::{
    ELEMENTS, Element, Elements, Keep, NotRead, Occupations, Ratings, Task, read_elements,
    read_occupations, read_ratings, read_tasks,
};

/// Chooses a competency type from an O*NET Content Model element id (e.g. `2.B.1.d`).
pub type OnetTypeRule = fn(element_id: &str) -> CompetencyType;

/// The texts of the O*NET CSV files, in the layout of `data/onet`.
///
/// Columns are found by name in each header; other columns are ignored. Needed columns:
/// - `occupations`: `soc,title`;
/// - `elements`: `element_id,parent_id,name,description`;
/// - `occupation_skill_levels`:
///   `soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant`;
/// - `tasks` (optional): `soc,task_id,task_type,task`.
///
/// Titles, names, descriptions and tasks are read as written, but for a line break inside a
/// quoted field, read as `\n` whether the file writes it `\r\n`, `\r` or `\n`: one file
/// saved on Windows or not gives the same names.
#[derive(Clone, Copy, Debug)]
pub struct OnetCsv<'a> {
    /// `occupations.csv`: the O*NET-SOC taxonomy.
    pub occupations: &'a str,
    /// `elements.csv`: the Content Model tree, naming the rated skills and their parents.
    pub elements: &'a str,
    /// `occupation_skill_levels.csv`: one row per rated (occupation, skill).
    pub occupation_skill_levels: &'a str,
    /// `tasks.csv`: task statements, which become activities; `None` for no activities.
    pub tasks: Option<&'a str>,
}

impl<'a> OnetCsv<'a> {
    /// The three files every load needs, without tasks.
    pub fn new(occupations: &'a str, elements: &'a str, occupation_skill_levels: &'a str) -> Self {
        OnetCsv {
            occupations,
            elements,
            occupation_skill_levels,
            tasks: None,
        }
    }

    /// Adds the task statements, which become the roles' activities.
    pub fn tasks(mut self, tasks: &'a str) -> Self {
        self.tasks = Some(tasks);
        self
    }
}

/// How [`load_onet`] maps the O*NET Content Model tree above the rated skills.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OnetHierarchy {
    /// Every element above a rated skill, up to the root, becomes a competency group
    /// `onet-<element_id>` with its name and description and its parent element as parent
    /// (e.g. Writing in Content, in Basic Skills, in Worker Requirements). The default.
    #[default]
    Groups,
    /// Each competency's `area` is its parent element's name (e.g. "Content"), and no group
    /// is declared: one flat label per skill, as before groups had ids.
    ParentArea,
}

/// Options for [`load_onet`].
#[derive(Clone, Copy, Debug)]
pub struct OnetOptions {
    importance_threshold: f64,
    include_suppressed: bool,
    unrated_occupations: bool,
    core_tasks_only: bool,
    type_rule: OnetTypeRule,
    hierarchy: OnetHierarchy,
}

impl Default for OnetOptions {
    fn default() -> Self {
        OnetOptions {
            importance_threshold: 3.0,
            include_suppressed: false,
            unrated_occupations: false,
            core_tasks_only: false,
            type_rule: OnetOptions::standard_type,
            hierarchy: OnetHierarchy::Groups,
        }
    }
}

impl OnetOptions {
    /// The least importance (O*NET's 1 to 5 scale) at which a rated skill becomes a
    /// requirement (default 3, "important"). Must be a number from 1 to 5; 1 keeps every
    /// relevant rating.
    pub fn importance_threshold(mut self, threshold: f64) -> Self {
        self.importance_threshold = threshold;
        self
    }

    /// Whether ratings O*NET flags `recommend_suppress = Y` (low precision: a high standard
    /// error or too few raters) may still become requirements (default `false`: O*NET
    /// recommends not using them).
    pub fn include_suppressed(mut self, yes: bool) -> Self {
        self.include_suppressed = yes;
        self
    }

    /// Whether occupations without any skill rating become positions too (default `false`).
    /// Such a position would require nothing and so count as fully met by everyone.
    pub fn unrated_occupations(mut self, yes: bool) -> Self {
        self.unrated_occupations = yes;
        self
    }

    /// Whether only `Core` tasks become activities (default `false`: `Core`,
    /// `Supplemental` and untyped tasks (type empty or O*NET's `n/a`) all do).
    pub fn core_tasks_only(mut self, yes: bool) -> Self {
        self.core_tasks_only = yes;
        self
    }

    /// How an element's competency type is chosen (default [`OnetOptions::standard_type`]).
    pub fn type_rule(mut self, rule: OnetTypeRule) -> Self {
        self.type_rule = rule;
        self
    }

    /// How the Content Model tree is mapped (default [`OnetHierarchy::Groups`]).
    pub fn hierarchy(mut self, hierarchy: OnetHierarchy) -> Self {
        self.hierarchy = hierarchy;
        self
    }

    /// The default type rule: Social Skills (`2.B.1.*`: social perceptiveness,
    /// coordination, persuasion, negotiation, instructing, service orientation) →
    /// behavioural; Knowledge (`2.C.*`, should such ratings be loaded) → domain; every other
    /// element (basic, problem-solving, technical, systems and resource-management skills)
    /// → functional.
    pub fn standard_type(element_id: &str) -> CompetencyType {
        if element_id.starts_with("2.B.1.") {
            CompetencyType::Behavioural
        } else if element_id.starts_with("2.C.") {
            CompetencyType::Domain
        } else {
            CompetencyType::Functional
        }
    }
}

/// Builds a [`FrameworkSpec`] with graded requirements from the O*NET CSV texts.
///
/// The mapping:
/// - each occupation with at least one rating (all of them with
///   [`unrated_occupations`](OnetOptions::unrated_occupations)) becomes a position
///   `soc-<soc>` (e.g. `soc-11-1011.00`) with one role `role-<soc>`, both named by the
///   title, in department `soc-<major group>` (the code's first two digits, e.g. `soc-11`);
/// - each element rated in `occupation_skill_levels` (the 35 O*NET skills) becomes a
///   competency `onet-<element_id>` (e.g. `onet-2.A.1.a`) with the element's name and
///   description, the [type rule](OnetOptions::type_rule)'s type and the default five
///   levels;
/// - with [`OnetHierarchy::Groups`] (the default), every element above a rated one, up to
///   the root of the Content Model, becomes a group `onet-<element_id>` (free kind) with
///   the element's name and description, whose parent is its parent element's group; a
///   competency is in its parent element's group (Writing, `2.A.1.c`, in Content,
///   `onet-2.A.1`, in Basic Skills, `onet-2.A`, in Worker Requirements, `onet-2`). With
///   [`OnetHierarchy::ParentArea`], its parent element's name is its `area` (e.g. "Social
///   Skills") and no group is declared;
/// - a rating becomes a requirement attached to the role when it is relevant
///   (`not_relevant` is not `Y`), not suppressed (`recommend_suppress` is not `Y`, unless
///   [`include_suppressed`](OnetOptions::include_suppressed)), its importance is at least
///   the [threshold](OnetOptions::importance_threshold) (default 3), compared exactly on
///   the decimal text (`2.9999999999999999999` is below 3, though the nearest double is 3),
///   and its level is above 0. Empty flags and O*NET's `n/a` ("does not apply") count as `N` (O*NET's legacy
///   ratings leave them blank);
/// - the required level is **`⌈LV × 5 / 7⌉`**, computed exactly on the decimal text: LV in
///   (0, 1.4] → 1, (1.4, 2.8] → 2, (2.8, 4.2] → 3, (4.2, 5.6] → 4, (5.6, 7] → 5; LV 0 is
///   "not required". Importances and levels are read with every digit written, however
///   many (`1.4000000000000000000001` → 2), in time linear in their length;
/// - with [tasks](OnetCsv::tasks), each task statement of an included occupation becomes
///   an activity `task-<task_id>` named by its text and listed in the occupation's role.
///   O*NET does not link tasks to skills, so these activities require nothing themselves;
///   the requirements stay on the role.
///
/// Competencies, roles and positions are ordered by element id and SOC code, requirements
/// by element id, activities by task id, so the output does not depend on the order of rows.
///
/// # Errors
/// Every problem, as [`Errors`]: [`Error::InvalidOption`] for a threshold that is not a
/// number from 1 to 5; [`Error::CsvOtherLayout`] for a file of O*NET's own database
/// (`Skills.txt`, `Occupation Data.txt`, … as published, tab-separated), told from its
/// header, one error for the file; [`Error::CsvMissingColumn`], [`Error::CsvAmbiguousColumn`],
/// [`Error::CsvUnclosedQuote`],
/// [`Error::CsvMisplacedQuote`] and [`Error::CsvFieldCount`] for malformed files;
/// [`Error::CsvInvalidValue`] for a SOC code not shaped `NN-NNNN.NN`, an empty or blank title, name or
/// task, a malformed element id, an importance outside 1–5 or a level outside 0–7 (plain
/// decimals, with a point or, as a spreadsheet in most of Europe saves them, a comma:
/// `4,12`; `1,000`, where the comma may separate thousands, is refused), a flag other than `Y`, `N`, `n/a` or empty, a task id that is not a whole
/// number, or a task type other than `Core`, `Supplemental`, `n/a` or empty; [`Error::CsvDuplicateKey`] for
/// a repeated occupation, element, (occupation, element) rating or task; and
/// [`Error::CsvUnknownReference`] for a parent element, rated occupation or element, or a
/// task's occupation that its file does not hold ([`Error::CsvRefusedReference`] when its
/// file holds it on a row not read for its own problem, a field count or a quoting error); and, with [`OnetHierarchy::Groups`], an
/// [`Error::CsvRow`] holding an [`Error::GroupCycle`] for parent links above a rated element
/// that form a cycle.
///
/// # Complexity
/// Linear in the size of the texts, plus sorting.
///
/// # Example
/// ```
/// use karmayogi::{CompetencyType, Framework, OnetCsv, OnetOptions, load_onet};
///
/// let occupations = "soc,title\n13-1041.00,Compliance Officers\n";
/// let elements = "element_id,parent_id,depth,name,description\n\
///     2.A.1,,2,Content,Background structures\n\
///     2.A.1.c,2.A.1,3,Writing,Communicating effectively in writing\n\
///     2.B.1,,2,Social Skills,Developed capacities used to work with people\n\
///     2.B.1.d,2.B.1,3,Negotiation,\"Bringing others together, reconciling differences\"\n";
/// let ratings = "soc,element_id,importance_1_5,level_0_7,n,recommend_suppress,not_relevant,date,source\n\
///     13-1041.00,2.A.1.c,3.88,4.12,8,N,N,07/2014,Analyst\n\
///     13-1041.00,2.B.1.d,2.75,3,8,N,N,07/2014,Analyst\n";
///
/// let spec = load_onet(&OnetCsv::new(occupations, elements, ratings), &OnetOptions::default())?;
/// assert_eq!(spec.positions[0].id.as_str(), "soc-13-1041.00");
/// assert_eq!(spec.positions[0].department.as_str(), "soc-13");
/// assert_eq!(spec.competencies.len(), 2); // both rated elements
/// assert_eq!(spec.competencies[1].kind, CompetencyType::Behavioural);
/// assert_eq!(spec.competencies[1].groups, ["onet-2.B.1".into()]);
/// assert_eq!(spec.groups[1].name, "Social Skills");
/// // Writing: importance 3.88 ≥ 3, level ⌈4.12 × 5 / 7⌉ = 3. Negotiation: importance 2.75 < 3.
/// let required: Vec<(&str, u8)> =
///     spec.roles[0].requires.iter().map(|r| (r.competency.as_str(), r.level)).collect();
/// assert_eq!(required, [("onet-2.A.1.c", 3)]);
/// Framework::new(spec)?;
///
/// let lower = OnetOptions::default().importance_threshold(2.5);
/// let spec = load_onet(&OnetCsv::new(occupations, elements, ratings), &lower)?;
/// assert_eq!(spec.roles[0].requires[1].level, 3); // ⌈3 × 5 / 7⌉ = ⌈2.14⌉
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_onet(csv: &OnetCsv<'_>, options: &OnetOptions) -> Result<FrameworkSpec, Errors> {
    let mut errors = Vec::new();
    let threshold = options.importance_threshold;
    if !(threshold.is_finite() && (1.0..=5.0).contains(&threshold)) {
        errors.push(Error::InvalidOption {
            option: "importance_threshold",
            value: threshold,
            expected: "a number from 1 to 5",
        });
    }
    let mut not_read = NotRead::default();
    let occupations = read_occupations(csv.occupations, &mut errors, &mut not_read);
    let elements = read_elements(csv.elements, &mut errors, &mut not_read);
    let ratings = read_ratings(
        csv.occupation_skill_levels,
        occupations.as_ref(),
        elements.as_ref(),
        &not_read,
        &Keep {
            importance_threshold: options.importance_threshold,
            include_suppressed: options.include_suppressed,
        },
        &mut errors,
    );
    let tasks = csv
        .tasks
        .map(|text| read_tasks(text, occupations.as_ref(), &not_read, &mut errors))
        .unwrap_or_default();
    let groups = match (options.hierarchy, &elements) {
        (OnetHierarchy::Groups, Some(elements)) => {
            Some(content_groups(elements, &ratings.elements, &mut errors))
        }
        _ => None,
    };
    if let Some(errors) = Errors::from_vec(errors) {
        return Err(errors);
    }
    // Without errors, both tables were read and every row in them is complete.
    let (occupations, elements) = (
        occupations.unwrap_or_default(),
        elements.unwrap_or_default(),
    );
    Ok(build(
        occupations,
        &elements,
        ratings,
        tasks,
        groups,
        options,
    ))
}

/// The elements above the rated ones, up to the root, as groups sorted by id; reports
/// parent links that form a cycle, at the line of the element where the walk closes it.
fn content_groups(
    elements: &Elements,
    rated: &[String],
    errors: &mut Vec<Error>,
) -> Vec<GroupSpec> {
    // The elements met above, by id, and the same in the order met.
    let mut met: HashSet<&str> = HashSet::new();
    let mut above: Vec<(&str, &Element)> = Vec::new();
    let mut cyclic: Vec<Vec<String>> = Vec::new();
    for id in rated {
        let mut path: Vec<&str> = vec![id];
        let mut at = elements.get(id).and_then(Option::as_ref);
        while let Some(element) = at.filter(|e| !e.parent.is_empty()) {
            let parent = element.parent.as_str();
            if let Some(i) = path.iter().position(|&p| p == parent) {
                // The walk came back: the path from `parent` on is a cycle.
                let mut cycle: Vec<String> = path[i..].iter().map(|&p| p.to_owned()).collect();
                let smallest = (0..cycle.len()).min_by_key(|&k| &cycle[k]).unwrap_or(0);
                cycle.rotate_left(smallest);
                cyclic.push(cycle);
                break;
            }
            if met.contains(parent) {
                break;
            }
            let Some(p) = elements.get(parent).and_then(Option::as_ref) else {
                break;
            };
            met.insert(parent);
            above.push((parent, p));
            path.push(parent);
            at = Some(p);
        }
    }
    // Each cycle once, in order; equal cycles are equal values, so any sort gives this one.
    order::sort_unstable(&mut cyclic);
    cyclic.dedup();
    for cycle in cyclic {
        let line = cycle
            .first()
            .and_then(|c| elements.get(c))
            .and_then(Option::as_ref)
            .map_or(0, |e| e.line);
        // The walk went from child to parent, the order of a group cycle.
        let groups: Vec<GroupId> = cycle.iter().map(|id| group_id(id)).collect();
        errors.push(Error::CsvRow {
            file: ELEMENTS,
            line,
            column: "parent_id",
            error: Box::new(Error::GroupCycle { groups }),
        });
    }
    // The ids are distinct, so the order is total.
    order::sort_unstable_by(&mut above, |a, b| a.0.cmp(b.0));
    above
        .into_iter()
        .map(|(id, element)| GroupSpec {
            description: element.description.clone(),
            parents: if element.parent.is_empty() {
                Vec::new()
            } else {
                vec![group_id(&element.parent)]
            },
            ..GroupSpec::new(group_id(id), element.name.clone())
        })
        .collect()
}

/// The id of the group an element of the Content Model becomes.
fn group_id(element: &str) -> GroupId {
    GroupId::new(format!("onet-{element}"))
}

fn build(
    occupations: Occupations,
    elements: &Elements,
    ratings: Ratings,
    tasks: Vec<(u32, Task)>,
    groups: Option<Vec<GroupSpec>>,
    options: &OnetOptions,
) -> FrameworkSpec {
    let Ratings {
        occupations: rated,
        elements: rated_elements,
        requires: mut requires_of,
    } = ratings;
    let mut spec = FrameworkSpec::new();
    let grouped = groups.is_some();
    spec.groups = groups.unwrap_or_default();
    spec.competencies = rated_elements
        .iter()
        .filter_map(|id| {
            let element = elements.get(id)?.as_ref()?;
            let parent = elements.get(&element.parent).and_then(Option::as_ref);
            Some(CompetencySpec {
                id: format!("onet-{id}").into(),
                name: element.name.clone(),
                description: element.description.clone(),
                kind: (options.type_rule)(id),
                area: parent.filter(|_| !grouped).map(|p| p.name.clone()),
                groups: parent
                    .filter(|_| grouped)
                    .map(|_| vec![group_id(&element.parent)])
                    .unwrap_or_default(),
                levels: Vec::new(),
                min_level: None,
                max_level: None,
            })
        })
        .collect();
    let included = |soc: &str| {
        options.unrated_occupations || rated.binary_search_by(|r| r.as_str().cmp(soc)).is_ok()
    };
    let mut activities_of: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, task) in tasks {
        if included(&task.soc) && (task.core || !options.core_tasks_only) {
            activities_of.entry(task.soc).or_default().push(id);
            spec.activities.push(ActivitySpec {
                id: format!("task-{id}").into(),
                name: task.text,
                requires: Vec::new(),
            });
        }
    }
    for (soc, title) in occupations {
        let Some(title) = title.filter(|_| included(&soc)) else {
            continue;
        };
        let mut requires = requires_of.remove(&soc).unwrap_or_default();
        order::sort_unstable(&mut requires);
        spec.roles.push(RoleSpec {
            id: format!("role-{soc}").into(),
            name: title.clone(),
            activities: activities_of
                .remove(&soc)
                .unwrap_or_default()
                .into_iter()
                .map(|id| format!("task-{id}").into())
                .collect(),
            requires: requires
                .into_iter()
                .map(|(element, level)| RequirementSpec::new(format!("onet-{element}"), level))
                .collect(),
        });
        spec.positions.push(PositionSpec {
            id: format!("soc-{soc}").into(),
            name: title,
            department: format!("soc-{}", soc.get(..2).unwrap_or(&soc)).into(),
            roles: vec![format!("role-{soc}").into()],
        });
    }
    spec
}
