//! Whether a document a writer wrote reads back with the content written: the check
//! behind `FrameworkSpec::try_to_json` and `OfficersSpec::try_to_json`.
//!
//! A spec's serde form writes every text and number as held, except a `level` with the
//! name kept beside it (`"3 - Advanced"`, or the name alone for a level given by name
//! only): the readers read such text by its shape, so some pairs come back as another
//! pair (`3` named `Foundation 2` is written `"3 - Foundation 2"`, which reads back as a
//! level given by name only). The content is compared as the readers and
//! `Framework::new` mean it (see [`meaning`]); a pair that comes back meaning something
//! else is reported where it is written, as the reader reports a value it refuses.

use std::fmt::Write;
use std::ops::Range;

use crate::model::error::Error;
use crate::model::json_spans::{elements, list_elements, members};
use crate::model::level_text::{BY_NAME, required_level};
use crate::model::quote::quoted;

/// A `level` and the name kept beside it as the readers and `Framework::new` mean them:
/// the name trimmed (the readers trim it, and names are compared trimmed); and a level
/// given by name only whose name reads as a number (`"3"`, `"L3"`, `"3 - Advanced"`,
/// though not `"Foundation 2"`, which may be a competency's own name) that number, with
/// the name beside it, which is how the readers read the name written alone (see
/// `Evidence::LEVEL_BY_NAME`). O(length of the name).
pub(crate) fn meaning(level: Option<u8>, name: Option<&str>) -> (Option<u8>, Option<String>) {
    let name = name.map(str::trim);
    if let (Some(BY_NAME), Some(text)) = (level, name) {
        // `serde_json`'s error type: the JSON readers already compile the level readers
        // for it, where serde's own `value::Error` compiled them a second time.
        let read = required_level(serde::de::value::StrDeserializer::<serde_json::Error>::new(
            text,
        ));
        if let Ok((number, named)) = read
            && number != BY_NAME
        {
            return (Some(number), named.map(|n| n.trim().to_owned()));
        }
    }
    (level, name.map(str::to_owned))
}

/// A level pair written at `path` (`roles[3].requires[0].level`) in the element of a
/// top-level list that has the id `id`, as held and as read back.
pub(crate) struct Pair<'a> {
    /// The top-level list (`roles`) and the index of the element in it.
    pub(crate) list: (&'static str, usize),
    /// The steps from the element to the `level` member: keys and indices.
    pub(crate) steps: Vec<Step>,
    /// The element's `id`.
    pub(crate) id: &'a str,
    /// The level and name held.
    pub(crate) held: (Option<u8>, Option<&'a str>),
    /// The level and name read back.
    pub(crate) read: (Option<u8>, Option<&'a str>),
}

/// One step of a path inside an element: a member or an array's element.
pub(crate) enum Step {
    /// The member of this name.
    Key(&'static str),
    /// The element at this index.
    Index(usize),
}

/// How a level pair reads in a message: ``level 3 named `Advanced` ``.
fn shown((level, name): (Option<u8>, Option<&str>)) -> String {
    match (level, name) {
        (Some(BY_NAME), Some(name)) => format!("the level named {}", quoted(name)),
        (Some(level), Some(name)) => format!("level {level} named {}", quoted(name)),
        (Some(level), None) => format!("level {level}"),
        (None, Some(name)) => format!("no level, named {}", quoted(name)),
        (None, None) => "no level".to_owned(),
    }
}

/// Each pair whose [`meaning`] read back differs from the one held, as an
/// [`Error::Json`] at the place `text` (the document written) holds its `level`, or at
/// the object that lacks one: its line and column, its path and the element's id, and a
/// message naming what was held and what reads back. O(length of `text`) for the lists
/// the pairs are in, and O(length of the element) for each pair that differs.
pub(crate) fn differences<'a>(text: &str, pairs: impl IntoIterator<Item = Pair<'a>>) -> Vec<Error> {
    let mut lists: Vec<(&'static str, Vec<Range<usize>>)> = Vec::new();
    let mut lines = Lines::new(text);
    let mut errors = Vec::new();
    for pair in pairs {
        if meaning(pair.held.0, pair.held.1) == meaning(pair.read.0, pair.read.1) {
            continue;
        }
        let (list, index) = pair.list;
        let at = lists.iter().position(|(name, _)| *name == list);
        let at = at.unwrap_or_else(|| {
            lists.push((list, list_elements(text, list)));
            lists.len() - 1
        });
        let spans = &lists[at].1;
        let mut path = format!("{list}[{index}]");
        // The deepest value of the path the text holds: the object, when it lacks the
        // `level` (a name kept beside no level is not written).
        let mut at = spans.get(index).cloned();
        let mut found = at.is_some();
        for step in &pair.steps {
            match step {
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(i) => {
                    let _ = write!(path, "[{i}]");
                }
            }
            if let (true, Some(span)) = (found, at.clone()) {
                match inside(text, span, step) {
                    Some(inner) => at = Some(inner),
                    None => found = false,
                }
            }
        }
        let (line, column) = at.map_or((0, 0), |span| lines.place(span.start));
        errors.push(Error::Json {
            line,
            column,
            path,
            id: Some(pair.id.to_owned()),
            message: format!(
                "{} is written so that it reads back as {}: write the level as a number \
                 alone, or give it a name the reader keeps beside the number",
                shown(pair.held),
                shown(pair.read)
            ),
        });
    }
    errors
}

/// The span of `step` within the value at `span` of `text`: a member of an object or an
/// element of an array; `None` when it has none.
fn inside(text: &str, span: Range<usize>, step: &Step) -> Option<Range<usize>> {
    match step {
        Step::Key(key) => {
            let found = members(&text[span.clone()])?;
            let (_, inner) = found.into_iter().find(|(k, _)| k == key)?;
            Some(span.start + inner.start..span.start + inner.end)
        }
        Step::Index(i) => elements(text, span)?.get(*i).cloned(),
    }
}

/// Line and column of byte offsets in a text, as `serde_json` counts them (lines by `\n`,
/// columns in bytes, both from 1), found by a binary search over the line starts.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let breaks = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        let starts = std::iter::once(0).chain(breaks.map(|(i, _)| i + 1));
        Lines {
            starts: starts.collect(),
        }
    }

    fn place(&mut self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        (line, offset - self.starts[line - 1] + 1)
    }
}

impl crate::FrameworkSpec {
    /// Writes the spec as [`FrameworkSpec::to_json`](crate::FrameworkSpec::to_json) does,
    /// when the text reads back ([`FrameworkSpec::from_json`](crate::FrameworkSpec::from_json)
    /// accepts it) with the content written.
    ///
    /// The content is compared as the reader means it: a level's name trimmed, and a
    /// level given by name only ([`RequirementSpec::LEVEL_BY_NAME`](crate::RequirementSpec::LEVEL_BY_NAME))
    /// whose name is a level's number (`"3"`, `"3 - Advanced"`) equal to that number
    /// with the name beside it, which the reader reads it as. Every other text and number
    /// reads back as held. A spec a reader gave, or
    /// [`Framework::to_spec`](crate::Framework::to_spec) gives, is written, unless a level
    /// is named beside a number above every scale's 5. A name of any length is written
    /// (`"3 - "` and the name), and one starting with what may stand between a number
    /// and its name, or holding no letter, in brackets (`"3 ((Advanced))"`, `"3 (-
    /// Advanced)"`, `"2 (7)"`, `"3 (3.25)"`), whose inside the readers keep exactly.
    ///
    /// # Errors
    /// Every problem [`Framework::from_json`](crate::Framework::from_json) finds in the
    /// text, each an [`Error::Json`] naming its path and the id of the entity it is in:
    /// hours that are not finite (JSON has no `NaN` or infinity, so they are written
    /// `null`), a `format_version` this crate does not read
    /// ([`Error::UnsupportedFormatVersion`]), a level with a name the reader refuses
    /// (a blank name, a name alone that holds no
    /// number). When the text reads, an [`Error::Json`] for each level descriptor,
    /// requirement, course outcome or group rule whose level reads back as another
    /// (`6` named `Advanced` is written `"6 - Advanced"`, which reads as the level given
    /// by that name; a name kept beside no level is not written), at its `level` (or its
    /// object), naming what is held and what reads back. Validation is not done:
    /// [`Framework::new`](crate::Framework::new) still checks what reads back.
    ///
    /// # Complexity
    /// O(n) time and memory in the length n of the text, which is read back once.
    ///
    /// # Example
    /// ```
    /// use karmayogi::{CourseOutcome, CourseSpec, Error, FrameworkSpec, Mode};
    ///
    /// let mut spec = FrameworkSpec::new();
    /// spec.courses.push(CourseSpec {
    ///     id: "rti-101".into(),
    ///     name: "Right to Information".into(),
    ///     hours: f64::NAN,
    ///     mode: Mode::Formal,
    ///     provides: vec![CourseOutcome::new("rti", Some(3))],
    ///     prerequisites: Vec::new(),
    ///     provider: None,
    ///     language: None,
    /// });
    /// let errors = spec.try_to_json().unwrap_err();
    /// let Error::Json { path, id, .. } = &errors.as_slice()[0] else { panic!() };
    /// assert_eq!((path.as_str(), id.as_deref()), ("courses[0].hours", Some("rti-101")));
    /// spec.courses[0].hours = 6.0;
    /// assert_eq!(spec.try_to_json()?, spec.to_json());
    /// # Ok::<(), karmayogi::Errors>(())
    /// ```
    pub fn try_to_json(&self) -> Result<String, crate::Errors> {
        let text = self.to_json();
        let back = crate::FrameworkSpec::read_all(&text)?;
        let errors = differences(&text, framework_pairs(self, &back));
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(crate::Errors(errors))
        }
    }
}

/// The level pairs of `held` beside those of `back`, its text read back (the same
/// lists in the same order, as the reader keeps them).
fn framework_pairs<'a>(
    held: &'a crate::FrameworkSpec,
    back: &'a crate::FrameworkSpec,
) -> impl Iterator<Item = Pair<'a>> {
    use Step::{Index, Key};
    let required = |r: &'a crate::RequirementSpec| (Some(r.level), r.level_name.as_deref());
    let activities = held.activities.iter().zip(&back.activities).enumerate();
    let activities = activities.flat_map(move |(i, (a, b))| {
        (a.requires.iter().zip(&b.requires).enumerate()).map(move |(j, (x, y))| Pair {
            list: ("activities", i),
            steps: vec![Key("requires"), Index(j), Key("level")],
            id: a.id.as_str(),
            held: required(x),
            read: required(y),
        })
    });
    let roles = held.roles.iter().zip(&back.roles).enumerate();
    let roles = roles.flat_map(move |(i, (a, b))| {
        (a.requires.iter().zip(&b.requires).enumerate()).map(move |(j, (x, y))| Pair {
            list: ("roles", i),
            steps: vec![Key("requires"), Index(j), Key("level")],
            id: a.id.as_str(),
            held: required(x),
            read: required(y),
        })
    });
    let outcome = |o: &'a crate::CourseOutcome| (o.level, o.level_name.as_deref());
    let courses = held.courses.iter().zip(&back.courses).enumerate();
    let courses = courses.flat_map(move |(i, (a, b))| {
        (a.provides.iter().zip(&b.provides).enumerate()).map(move |(j, (x, y))| Pair {
            list: ("courses", i),
            steps: vec![Key("provides"), Index(j), Key("level")],
            id: a.id.as_str(),
            held: outcome(x),
            read: outcome(y),
        })
    });
    let rule = |g: &'a crate::GroupSpec| {
        g.rule
            .as_ref()
            .map_or((None, None), |r| (Some(r.level), r.level_name.as_deref()))
    };
    let groups = held.groups.iter().zip(&back.groups).enumerate();
    let groups = groups.map(move |(i, (a, b))| Pair {
        list: ("groups", i),
        steps: vec![Key("rule"), Key("level")],
        id: a.id.as_str(),
        held: rule(a),
        read: rule(b),
    });
    let competencies = held.competencies.iter().zip(&back.competencies).enumerate();
    let descriptors = competencies.flat_map(move |(i, (a, b))| {
        (a.levels.iter().zip(&b.levels).enumerate()).map(move |(j, (x, y))| Pair {
            list: ("competencies", i),
            steps: vec![Key("levels"), Index(j), Key("level")],
            id: a.id.as_str(),
            held: (Some(x.level), x.level_name.as_deref()),
            read: (Some(y.level), y.level_name.as_deref()),
        })
    });
    (descriptors.chain(groups))
        .chain(activities)
        .chain(roles)
        .chain(courses)
}
