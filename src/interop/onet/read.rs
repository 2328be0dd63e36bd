//! Reading the O*NET CSV files into tables, each row checked, every problem reported with
//! its file, line and column.

use std::collections::{HashMap, HashSet};

use super::database;
use crate::Error;
use crate::interop::csv::{Seen, Table, refused_keys};
use crate::model::by_key::ByKey;
use crate::model::names::lf_lines;
use crate::model::order;

/// The files' names in errors, as in the layout of `data/onet`.
pub(super) const OCCUPATIONS: &str = "onet/occupations.csv";
pub(super) const ELEMENTS: &str = "onet/elements.csv";
const LEVELS: &str = "onet/occupation_skill_levels.csv";
const TASKS: &str = "onet/tasks.csv";

pub(super) struct Element {
    pub(super) line: usize,
    pub(super) parent: String,
    pub(super) name: String,
    pub(super) description: String,
}

/// What the ratings give: the rated occupations and elements (each sorted, each code once),
/// and the requirements.
#[derive(Default)]
pub(super) struct Ratings {
    pub(super) occupations: Vec<String>,
    pub(super) elements: Vec<String>,
    pub(super) requires: HashMap<String, Vec<(String, u8)>>,
}

pub(super) struct Task {
    pub(super) soc: String,
    pub(super) text: String,
    pub(super) core: bool,
}

/// Whether `soc` is shaped like an O*NET-SOC code, `NN-NNNN.NN`.
fn is_soc(soc: &str) -> bool {
    let b = soc.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| match i {
            2 => c == b'-',
            7 => c == b'.',
            _ => c.is_ascii_digit(),
        })
}

/// Whether `id` is dot-separated non-empty runs of ASCII letters and digits (`2.B.1.d`).
fn is_element_id(id: &str) -> bool {
    id.split('.')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// (SOC code, title) sorted by code, each code once; the title `None` for a row with a
/// valid code but an empty title, so that references to it are not reported as unknown
/// as well.
pub(super) type Occupations = Vec<(String, Option<String>)>;

/// Whether `soc` is one of `occupations`' codes (a binary search).
pub(super) fn has_occupation(occupations: &Occupations, soc: &str) -> bool {
    occupations
        .binary_search_by(|(code, _)| code.as_str().cmp(soc))
        .is_ok()
}
/// Element id → element; `None` for a row with a valid id but another malformed field.
pub(super) type Elements = ByKey<Option<Element>>;

/// The keys of the records of `occupations.csv` and `elements.csv` not read (a quoting
/// error, a ragged row), as written, with their line: a rating or task naming one names
/// that line ([`Error::CsvRefusedReference`]), not an id the file does not hold.
#[derive(Default)]
pub(super) struct NotRead {
    pub(super) occupations: HashMap<String, usize>,
    pub(super) elements: HashMap<String, usize>,
}

pub(super) fn read_occupations(
    text: &str,
    errors: &mut Vec<Error>,
    not_read: &mut NotRead,
) -> Option<Occupations> {
    let columns = ["soc", "title"];
    let expected = "the compact layout, `soc,title`";
    if database::refused(OCCUPATIONS, text, &columns, expected, errors) {
        return None;
    }
    let table = Table::open(OCCUPATIONS, text, &columns, errors)?;
    let mut out = Vec::new();
    let mut seen = Seen::new();
    let refused = table.rows(errors, |row, errors| {
        let soc = row.text("soc");
        if !is_soc(soc) {
            errors.push(row.invalid("soc", "an o*net-soc code like `11-1011.00`"));
        }
        let title = row.non_empty("title", errors);
        if is_soc(soc) {
            match seen.check(row, soc.to_owned(), "soc", true, |_| soc.to_owned()) {
                Ok(()) => out.push((soc.to_owned(), title.map(lf_lines))),
                Err(e) => errors.push(e),
            }
        }
    });
    not_read.occupations = refused_keys(&refused);
    // The codes are distinct (checked above), so the order is total.
    order::sort_unstable_by(&mut out, |a, b| a.0.cmp(&b.0));
    Some(out)
}

pub(super) fn read_elements(
    text: &str,
    errors: &mut Vec<Error>,
    not_read: &mut NotRead,
) -> Option<Elements> {
    let columns = ["element_id", "parent_id", "name", "description"];
    let expected = "the compact layout, `element_id,parent_id,name,description` \
        (an element's parent is its id without the last part)";
    if database::refused(ELEMENTS, text, &columns, expected, errors) {
        return None;
    }
    let table = Table::open(ELEMENTS, text, &columns, errors)?;
    let mut out = Elements::default();
    let mut parents = Vec::new();
    let mut seen = Seen::new();
    let refused = table.rows(errors, |row, errors| {
        let id = row.text("element_id");
        if !is_element_id(id) {
            errors.push(row.invalid("element_id", "a content model id like `2.B.1.d`"));
        }
        let name = row.non_empty("name", errors);
        if is_element_id(id) {
            match seen.check(row, id.to_owned(), "element_id", true, |_| id.to_owned()) {
                Ok(()) => {
                    let parent = row.text("parent_id").to_owned();
                    if !parent.is_empty() {
                        parents.push((row.line(), parent.clone()));
                    }
                    let element = name.map(|name| Element {
                        line: row.line(),
                        parent,
                        name: lf_lines(name),
                        description: lf_lines(row.text("description")),
                    });
                    out.insert(id.to_owned(), element);
                }
                Err(e) => errors.push(e),
            }
        }
    });
    not_read.elements = refused_keys(&refused);
    // Parents may come after their children, so they are checked once all are read.
    for (line, parent) in parents {
        if let Some(&target_line) = not_read.elements.get(&parent) {
            errors.push(Error::CsvRefusedReference {
                file: ELEMENTS,
                line,
                column: "parent_id",
                found: parent,
                target: ELEMENTS,
                target_line,
            });
        } else if !out.contains_key(&parent) {
            errors.push(Error::CsvUnknownReference {
                file: ELEMENTS,
                line,
                column: "parent_id",
                found: parent,
                target: ELEMENTS,
                nearest: None,
                quote_nearest: false,
            });
        }
    }
    Some(out)
}

/// Which ratings become requirements: [`crate::OnetOptions`]'s two settings for them.
pub(super) struct Keep {
    /// The least importance (1–5) kept.
    pub(super) importance_threshold: f64,
    /// Whether ratings O*NET recommends suppressing are kept.
    pub(super) include_suppressed: bool,
}

pub(super) fn read_ratings(
    text: &str,
    occupations: Option<&Occupations>,
    elements: Option<&Elements>,
    not_read: &NotRead,
    options: &Keep,
    errors: &mut Vec<Error>,
) -> Ratings {
    let mut out = Ratings::default();
    let columns = [
        "soc",
        "element_id",
        "importance_1_5",
        "level_0_7",
        "recommend_suppress",
        "not_relevant",
    ];
    let expected = "the compact layout, \
        `soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant`: a row per \
        rated skill, its IM value as `importance_1_5` and its LV value as `level_0_7`";
    if database::refused(LEVELS, text, &columns, expected, errors) {
        return out;
    }
    let Some(table) = Table::open(LEVELS, text, &columns, errors) else {
        return out;
    };
    let mut seen = Seen::new();
    let (mut occupations_met, mut elements_met) = (HashSet::new(), HashSet::new());
    // O*NET writes `n/a` where a flag does not apply (e.g. `not_relevant` of an importance
    // rating), and its legacy ratings leave flags blank: both mean "not flagged".
    let flags: &[&str] = &["Y", "N", "n/a", ""];
    table.rows(errors, |row, errors| {
        let (soc, element) = (row.text("soc"), row.text("element_id"));
        let mut ok = true;
        if occupations.is_some_and(|o| !has_occupation(o, soc)) {
            errors.push(row.not_in("soc", OCCUPATIONS, &not_read.occupations));
            ok = false;
        }
        if elements.is_some_and(|e| !e.contains_key(element)) {
            errors.push(row.not_in("element_id", ELEMENTS, &not_read.elements));
            ok = false;
        }
        let importance = row.decimal("importance_1_5").filter(|d| d.within(1, 5));
        if importance.is_none() {
            errors.push(row.invalid("importance_1_5", "a decimal number from 1 to 5"));
        }
        let level = row.decimal("level_0_7").filter(|d| d.within(0, 7));
        if level.is_none() {
            errors.push(row.invalid("level_0_7", "a decimal number from 0 to 7"));
        }
        let expected = "`Y`, `N`, `n/a` or nothing";
        let suppress = row.one_of("recommend_suppress", flags, expected, errors);
        let not_relevant = row.one_of("not_relevant", flags, expected, errors);
        // The pair as one text, the first part's length in front so that no two pairs
        // share it: a `Seen<String>`, whose map the module compiles for the other files,
        // rather than a map keyed by pairs of strings of its own (1.3 KB of WebAssembly).
        let mut pair = soc.len().to_string();
        pair.push(':');
        pair.push_str(soc);
        pair.push_str(element);
        let shown = |_| format!("{soc}, {element}");
        if let Err(e) = seen.check(row, pair, "soc, element_id", true, shown) {
            errors.push(e);
            ok = false;
        }
        let (true, Some(importance), Some(level), Some(suppress), Some(not_relevant)) =
            (ok, importance, level, suppress, not_relevant)
        else {
            return;
        };
        if !occupations_met.contains(soc) {
            occupations_met.insert(soc.to_owned());
        }
        if !elements_met.contains(element) {
            elements_met.insert(element.to_owned());
        }
        // ⌈LV × 5 / 7⌉ of an LV within 0..=7 is within 0..=5 (and always computed: the
        // arguments are below 18, see `ceil_ratio`).
        let required = level.ceil_ratio(5, 7).map_or(u8::MAX, |r| r as u8);
        let counts = not_relevant != "Y"
            && (options.include_suppressed || suppress != "Y")
            && importance.at_least(options.importance_threshold)
            && required >= 1;
        if counts {
            out.requires
                .entry(soc.to_owned())
                .or_default()
                .push((element.to_owned(), required));
        }
    });
    out.occupations = sorted(occupations_met);
    out.elements = sorted(elements_met);
    out
}

/// The strings of `set` in order.
fn sorted(set: HashSet<String>) -> Vec<String> {
    let mut list: Vec<String> = set.into_iter().collect();
    order::sort_unstable(&mut list);
    list
}

pub(super) fn read_tasks(
    text: &str,
    occupations: Option<&Occupations>,
    not_read: &NotRead,
    errors: &mut Vec<Error>,
) -> Vec<(u32, Task)> {
    let mut out = Vec::new();
    let columns = ["soc", "task_id", "task_type", "task"];
    let expected = "the compact layout, `soc,task_id,task_type,task`";
    if database::refused(TASKS, text, &columns, expected, errors) {
        return out;
    }
    let Some(table) = Table::open(TASKS, text, &columns, errors) else {
        return out;
    };
    let mut seen = Seen::new();
    table.rows(errors, |row, errors| {
        let soc = row.text("soc");
        let known = occupations.is_none_or(|o| has_occupation(o, soc));
        if !known {
            errors.push(row.not_in("soc", OCCUPATIONS, &not_read.occupations));
        }
        let id = row.number("task_id", errors);
        let kind = row.one_of(
            "task_type",
            &["Core", "Supplemental", "n/a", ""],
            "`Core`, `Supplemental`, `n/a` or nothing",
            errors,
        );
        let task = row.non_empty("task", errors);
        let (true, Some(id), Some(kind), Some(task)) = (known, id, kind, task) else {
            return;
        };
        match seen.check_number(row, id, "task_id") {
            Ok(()) => {
                let task = Task {
                    soc: soc.to_owned(),
                    text: lf_lines(task),
                    core: kind == "Core",
                };
                out.push((id, task));
            }
            Err(e) => errors.push(e),
        }
    });
    // In task id order; each id is there once, as `seen` checks.
    order::sort_unstable_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}
