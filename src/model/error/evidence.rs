//! What is wrong with a passbook entry.

use std::fmt;

use super::text::{did_you_mean, quote_hint};
use crate::model::quote::quoted;
use crate::{CompetencyId, CourseId, OfficerId};

/// What is wrong with a passbook entry, in [`Error::InvalidEvidence`](crate::Error::InvalidEvidence).
///
/// Serialized inside the error as `"problem": {"problem": "<code>", fields…}`, the code
/// being the variant's name in snake case (also [`EvidenceProblem::code`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceProblem {
    /// The competency is not in the framework. Fix the id or add the competency.
    UnknownCompetency {
        /// The closest known competency id, if one is close. One reading (a cohort, a
        /// profile, a CSV load) compares ids by edit distance for up to 2²⁷ character
        /// pairs in all, so that a file written against another framework is reported in
        /// about half a second; after that only an id equal but for its written form
        /// (case, spaces, invisible characters, Unicode form, leading zeros) is
        /// suggested. An id that is the entry's in another Unicode form comes first, and
        /// the message says it is the same text.
        nearest: Option<String>,
        /// Whether only a quoted CSV cell holds `nearest` (`"p "` for the id `p `), when
        /// a CSV reader suggests it: it has spaces around it (an unquoted cell is
        /// trimmed), a quote, a comma or a semicolon. The message then gives the cell to
        /// write. Always `false` from JSON.
        quote_nearest: bool,
    },
    /// The level is above the competency's highest level (evidence may name 0, none, or
    /// a level from its lowest to its highest). Also given after
    /// [`EvidenceProblem::UnknownCompetency`] for a level above 5, which no competency
    /// has, with `min` 1 and `max` 5.
    LevelAboveScale {
        /// The level given.
        level: u8,
        /// The competency's lowest level.
        min: u8,
        /// The competency's highest level.
        max: u8,
    },
    /// The level is above 0 and below the competency's lowest level (its `min_level`): the
    /// competency does not exist at that level, e.g. level 2 of an SFIA skill that starts
    /// at level 4. Record 0 (none) or a level the competency has.
    LevelBelowScale {
        /// The level given.
        level: u8,
        /// The competency's lowest level.
        min: u8,
        /// The competency's highest level.
        max: u8,
    },
    /// The level is written with a name (`"3 - Advanced"`) that the competency does not
    /// give that level: the number says one level, the name another or none, and which is
    /// meant is unknowable. Names are the competency's own (its level descriptors'
    /// `name`), else the platform's defaults (Basic, Proficient, Advanced, Expert, Ustad;
    /// None for 0), as the officers CSV reader reads them. Write the number alone, or with
    /// the competency's name of that level.
    LevelNameMismatch {
        /// The level's number as written.
        level: u8,
        /// The name written beside it.
        name: String,
        /// The competency's name of level `level`, if it has one.
        level_named: Option<String>,
        /// The level of the competency that `name` names, if exactly one does.
        named: Option<u8>,
    },
    /// The level is written as a name alone (`"Proficient"`, `"Expert"`) that is not the
    /// name of exactly one level of the competency: no level has it, or several have
    /// (`named` lists them). Names are the competency's own (its level descriptors'
    /// `name`), else the platform's defaults (Basic, Proficient, Advanced, Expert, Ustad),
    /// level by level, as the officers CSV reader reads them; for a competency the
    /// framework does not hold (an error of its own), the defaults. Write the level's
    /// number, or the name of one of its levels.
    UnresolvedLevelName {
        /// The name written, trimmed; empty for an entry given by name only
        /// ([`Evidence::LEVEL_BY_NAME`](crate::Evidence::LEVEL_BY_NAME)) without a name or
        /// with a blank one, as an entry built in Rust may be, or as a JSON passbook's
        /// `"level": 255` reads ("level 255, which marks a level given by name only,
        /// without a name").
        name: String,
        /// The levels of the competency that have this name, lowest first: empty when
        /// none has, two or more when several have.
        named: Vec<u8>,
        /// The competency's lowest level (1 for a competency not known).
        min: u8,
        /// The competency's highest level (5 for a competency not known).
        max: u8,
    },
    /// The date is neither empty (undated) nor an ISO 8601 date `YYYY-MM-DD` or date-time.
    InvalidDate {
        /// The text found.
        found: String,
        /// The ISO date it most probably means, when that is unambiguous (e.g. `2024-01-05`
        /// for `2024-1-5`, `2024-12-31` for `31/12/2024`); for a count of epoch
        /// milliseconds or seconds (`1707537600000`), the instant it stands for as an ISO
        /// date-time in UTC (`2024-02-10T04:00:00Z`), the day being the time zone's to say.
        suggestion: Option<String>,
        /// For a date whose year has two digits (`15/03/24`, `15-Mar-24`), the ISO dates
        /// it reads as in the 1900s and in the 2000s, earlier first (`1924-03-15`,
        /// `2024-03-15`): the century is the writer's to say, so neither is suggested
        /// alone. Empty otherwise, and when day and month could be either (`01/02/24`).
        two_digit_year: Box<[String]>,
    },
    /// The course is not in the framework. Fix the id or add the course.
    UnknownCourse {
        /// The course id given.
        course: String,
        /// The closest known course id, if one is close.
        nearest: Option<String>,
        /// Whether only a quoted CSV cell holds `nearest` (`"p "` for the id `p `), when
        /// a CSV reader suggests it: it has spaces around it (an unquoted cell is
        /// trimmed), a quote, a comma or a semicolon. The message then gives the cell to
        /// write. Always `false` from JSON.
        quote_nearest: bool,
    },
    /// A course completion names no course. Name the course completed.
    CompletionWithoutCourse,
    /// A course completion names a course that does not build the entry's competency.
    /// Fix the competency or the course, or record the evidence as an assessment.
    CourseDoesNotBuild {
        /// The course.
        course: CourseId,
    },
    /// A course completion claims a level above the one the course brings a learner to.
    /// Fix the level, or let [`LevelPolicy::course_levels`](crate::LevelPolicy::course_levels)
    /// cap it.
    AboveCourseLevel {
        /// The course.
        course: CourseId,
        /// The level claimed.
        level: u8,
        /// The level the course builds the competency to.
        course_level: u8,
    },
    /// (A warning, from [`Framework::review_officers`](crate::Framework::review_officers).)
    /// The entry is dated after the review's as-of date: a mistyped year, or data newer
    /// than the snapshot.
    AfterAsOf {
        /// The entry's date.
        date: String,
        /// The as-of date of the review.
        as_of: String,
    },
    /// (A warning, from [`Framework::review_officers`](crate::Framework::review_officers).)
    /// The entry has the same competency, source, course and day as the earlier entry
    /// `first` of the passbook, and either repeats it whole (a line exported twice) or
    /// gives another level or verified flag, which cannot both be true of one piece of
    /// evidence. Both entries are kept and the highest counting level counts; remove the
    /// repeat or correct the wrong entry. Entries of one competency on different days (or
    /// from different sources or courses) are progress over time, and not reported.
    Duplicate {
        /// The 0-based index of the earlier entry in the officer's passbook.
        first: usize,
        /// The 1-based line of the earlier entry in `evidence.csv`, when read from CSV.
        #[serde(skip_serializing_if = "Option::is_none")]
        first_line: Option<usize>,
        /// The level of this entry.
        level: u8,
        /// The level of the earlier entry.
        first_level: u8,
        /// Whether this entry is verified.
        verified: bool,
        /// Whether the earlier entry is verified.
        first_verified: bool,
    },
}

impl EvidenceProblem {
    /// The problem's stable machine-readable code: its variant's name in snake case (e.g.
    /// `"above_course_level"`).
    pub fn code(&self) -> &'static str {
        match self {
            EvidenceProblem::UnknownCompetency { .. } => "unknown_competency",
            EvidenceProblem::LevelAboveScale { .. } => "level_above_scale",
            EvidenceProblem::LevelBelowScale { .. } => "level_below_scale",
            EvidenceProblem::LevelNameMismatch { .. } => "level_name_mismatch",
            EvidenceProblem::UnresolvedLevelName { .. } => "unresolved_level_name",
            EvidenceProblem::InvalidDate { .. } => "invalid_date",
            EvidenceProblem::UnknownCourse { .. } => "unknown_course",
            EvidenceProblem::CompletionWithoutCourse => "completion_without_course",
            EvidenceProblem::CourseDoesNotBuild { .. } => "course_does_not_build",
            EvidenceProblem::AboveCourseLevel { .. } => "above_course_level",
            EvidenceProblem::AfterAsOf { .. } => "after_as_of",
            EvidenceProblem::Duplicate { .. } => "duplicate",
        }
    }
}

/// The text of an unknown competency or course, with the id suggested and, when only a
/// quoted CSV cell holds it, that cell; empty for the other problems. `competency` is the
/// entry's competency, when known: a suggestion that is the same text in another Unicode
/// form is said to be.
fn unknown_text(problem: &EvidenceProblem, competency: Option<&str>) -> String {
    match problem {
        EvidenceProblem::UnknownCompetency {
            nearest,
            quote_nearest,
        } => format!(
            "unknown competency{}{}",
            did_you_mean(competency, nearest.as_deref()),
            quote_hint(nearest.as_deref(), *quote_nearest)
        ),
        EvidenceProblem::UnknownCourse {
            course,
            nearest,
            quote_nearest,
        } => format!(
            "unknown course {}{}{}",
            quoted(course),
            did_you_mean(Some(course), nearest.as_deref()),
            quote_hint(nearest.as_deref(), *quote_nearest)
        ),
        _ => String::new(),
    }
}

impl fmt::Display for EvidenceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvidenceProblem::UnknownCompetency { .. } | EvidenceProblem::UnknownCourse { .. } => {
                f.write_str(&unknown_text(self, None))
            }
            EvidenceProblem::LevelAboveScale { level, min: 1, max } => {
                write!(f, "level {level}: expected 0 to {max}")
            }
            EvidenceProblem::LevelAboveScale { level, min, max } => {
                write!(f, "level {level}: expected 0 (none) or {min} to {max}")
            }
            EvidenceProblem::LevelBelowScale { level, min, max } => write!(
                f,
                "level {level} is below the competency's lowest level: expected 0 (none) or {min} to {max}"
            ),
            EvidenceProblem::LevelNameMismatch {
                level,
                name,
                level_named,
                named,
            } => NameReadings {
                level: *level,
                name,
                level_named: level_named.as_deref(),
                named: *named,
            }
            .fmt(f),
            EvidenceProblem::UnresolvedLevelName { .. } => UnresolvedName(self).fmt(f),
            EvidenceProblem::InvalidDate {
                found,
                suggestion,
                two_digit_year,
            } => {
                write!(
                    f,
                    "date {} is not an iso date: expected yyyy-mm-dd, an iso 8601 date-time, or no date",
                    quoted(found)
                )?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean {}?)", quoted(s)),
                    None => f.write_str(&super::text::two_digit_year_hint(two_digit_year)),
                }
            }

            EvidenceProblem::CompletionWithoutCourse => {
                f.write_str("a course completion names no course: expected the course's id")
            }
            EvidenceProblem::CourseDoesNotBuild { course } => write!(
                f,
                "course {} does not build this competency",
                quoted(course.as_str())
            ),
            EvidenceProblem::AboveCourseLevel {
                course,
                level,
                course_level,
            } => write!(
                f,
                "level {level} is above level {course_level}, the level course {} builds it to",
                quoted(course.as_str())
            ),
            EvidenceProblem::AfterAsOf { date, as_of } => write!(
                f,
                "dated {}, after the as-of date {}",
                quoted(date),
                quoted(as_of)
            ),
            EvidenceProblem::Duplicate {
                first,
                first_line,
                level,
                first_level,
                verified,
                first_verified,
            } => {
                let at = first_line.map_or_else(String::new, |l| format!(" (line {l})"));
                if level == first_level && verified == first_verified {
                    return write!(
                        f,
                        "repeats passbook entry {first}{at}: the same competency, level, \
                         source, course and day"
                    );
                }
                let flag = |v: bool| if v { "verified" } else { "unverified" };
                write!(
                    f,
                    "level {level} ({}) conflicts with level {first_level} ({}) of passbook \
                     entry {first}{at}, of the same competency, source, course and day",
                    flag(*verified),
                    flag(*first_verified)
                )
            }
        }
    }
}

impl EvidenceProblem {
    /// The problem's text in an entry naming `competency`: an unknown competency's
    /// suggestion says when it is the same text in another Unicode form.
    pub(super) fn of<'a>(&'a self, competency: &'a CompetencyId) -> OfEntry<'a> {
        OfEntry(self, competency)
    }
}

/// [`EvidenceProblem::of`]'s text.
pub(super) struct OfEntry<'a>(&'a EvidenceProblem, &'a CompetencyId);

impl fmt::Display for OfEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            EvidenceProblem::UnknownCompetency { .. } => {
                f.write_str(&unknown_text(self.0, Some(self.1.as_str())))
            }
            problem => problem.fmt(f),
        }
    }
}

/// The passbook entry a row of `evidence.csv` holds, named by an error about one of the
/// row's cells ([`Error::CsvInvalidValue`](crate::Error::CsvInvalidValue),
/// [`Error::CsvDateOrder`](crate::Error::CsvDateOrder)) as
/// [`Error::InvalidEvidence`](crate::Error::InvalidEvidence) names an entry. Its fields
/// are serialized inside the error, beside the error's own.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PassbookRow {
    /// The officer the row names, as written.
    pub officer: OfficerId,
    /// The entry's 0-based index in the officer's passbook, as
    /// [`Error::InvalidEvidence`](crate::Error::InvalidEvidence) counts it; `None` (absent
    /// from the JSON form) when the officer is not in `officers.csv`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The competency the row names, as written.
    pub competency: CompetencyId,
}

/// The passbook entry a CSV row holds, as a prefix of a row error's message: `officer
/// `x` passbook entry 2 (competency `y`): `, as [`Error::InvalidEvidence`](crate::Error)
/// names it; without the index when the officer is not read; empty for a row of another
/// file.
/// `Error::InvalidEvidence`'s text.
pub(super) fn evidence_text(
    officer: &OfficerId,
    index: usize,
    competency: &CompetencyId,
    problem: &EvidenceProblem,
) -> String {
    format!(
        "officer {} passbook entry {index} (competency {}): {}",
        quoted(officer.as_str()),
        quoted(competency.as_str()),
        problem.of(competency)
    )
}

/// `Error::CsvInvalidValue`'s text, at `(file, line, column)`.
pub(super) fn invalid_value_text(
    (file, line, column): (&str, usize, &str),
    entry: Option<&PassbookRow>,
    found: &str,
    expected: &str,
) -> String {
    format!(
        "{file} line {line}, column `{column}`: {}found {}, expected {expected}",
        entry_text(entry),
        quoted(found)
    )
}

/// `Error::CsvDateOrder`'s text, at `(file, line, column)`.
pub(super) fn date_order_text(
    (file, line, column): (&str, usize, &str),
    entry: Option<&PassbookRow>,
    found: &str,
) -> String {
    format!(
        "{file} line {line}, column `{column}`: {}date {} reads day first and month first, \
         and no date of the column settles which: give the date order, or write yyyy-mm-dd",
        entry_text(entry),
        quoted(found)
    )
}

pub(super) fn entry_text(entry: Option<&PassbookRow>) -> String {
    let Some(PassbookRow {
        officer,
        index,
        competency,
    }) = entry
    else {
        return String::new();
    };
    let entry = index.map_or_else(String::new, |i| format!(" passbook entry {i}"));
    format!(
        "officer {}{entry} (competency {}): ",
        quoted(officer.as_str()),
        quoted(competency.as_str())
    )
}

/// A level written with a name its competency does not give it, both readings told, as
/// [`EvidenceProblem::LevelNameMismatch`] and
/// [`Error::LevelNameMismatch`](crate::Error::LevelNameMismatch) word it: ``level 3 written
/// with the name `Advanced`, which the competency gives no level: its level 3 is
/// `Expert`; write the number alone, or with that name``.
pub(crate) struct NameReadings<'a> {
    pub(crate) level: u8,
    pub(crate) name: &'a str,
    pub(crate) level_named: Option<&'a str>,
    pub(crate) named: Option<u8>,
}

impl fmt::Display for NameReadings<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = self.level;
        // `u8::MAX` is `RequirementSpec::LEVEL_BY_NAME`, written out: the level readers
        // use this file's errors. Given by name only, by a name that names no level, so
        // no number was written (tests/suite/level_placeholder.rs).
        if level == u8::MAX {
            return write!(
                f,
                "a level written as the name {}, which the competency gives no level: \
                 write the level's number, or the name of one of its levels",
                quoted(self.name)
            );
        }
        write!(
            f,
            "level {level} written with the name {}",
            quoted(self.name)
        )?;
        match self.named {
            Some(n) => write!(f, ", which the competency gives level {n}")?,
            None => f.write_str(", which the competency gives no level")?,
        }
        match self.level_named {
            Some(own) => write!(
                f,
                ": its level {level} is {}; write the number alone, or with that name",
                quoted(own)
            ),
            None => f.write_str(": write the number alone"),
        }
    }
}

/// A level written as a name alone that names no level, or several levels, of its
/// competency, as [`EvidenceProblem::UnresolvedLevelName`] words it, in the terms the
/// officers CSV reader's message uses: ``level written as the name `Basic`, which levels 1
/// and 3 of the competency have: expected a level from 0 to 3, or a name only one of the
/// competency's levels has``. Writes nothing for another problem.
struct UnresolvedName<'a>(&'a EvidenceProblem);

impl fmt::Display for UnresolvedName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let EvidenceProblem::UnresolvedLevelName {
            name,
            named,
            min,
            max,
        } = self.0
        else {
            return Ok(());
        };
        if name.is_empty() {
            // What a JSON passbook's `"level": 255` reads as, so the number is named.
            f.write_str("level 255, which marks a level given by name only, without a name")?;
        } else {
            write!(f, "level written as the name {}, ", quoted(name))?;
        }
        match named.as_slice() {
            _ if name.is_empty() => {}
            [] => f.write_str("which no level of the competency has")?,
            [levels @ .., last] => {
                let levels: Vec<String> = levels.iter().map(u8::to_string).collect();
                write!(
                    f,
                    "which levels {} and {last} of the competency have",
                    levels.join(", ")
                )?;
            }
        }
        let levels = if *min <= 1 {
            format!("a level from 0 to {max}")
        } else {
            format!("a level 0 (none) or {min} to {max}")
        };
        let which = if named.is_empty() {
            "the name of one of the competency's levels"
        } else {
            "a name only one of the competency's levels has"
        };
        write!(f, ": expected {levels}, or {which}")
    }
}
