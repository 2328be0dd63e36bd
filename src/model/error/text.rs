//! Pieces of error messages shared by several variants.

use std::fmt::Write;

pub(crate) use super::alike_text::{alike, lookalike_how};
pub(super) use super::case_element::{CaseElement, CaseIdItems};
pub(super) use super::fields_text::{
    igot_unread_entries_text, invalid_level_text, no_known_kind_text, quoted_list,
};
pub(super) use crate::model::quote::quoted;
use crate::{CourseId, EntityKind, GroupId};

/// A number as messages show it: as Rust prints it (`-1`, `2.5`, `NaN`, `inf`), but in
/// scientific notation (`1e308`, `1e-300`) when that would take more than 16 digits, so
/// a value like `1e308` is not printed as 309 digits.
pub(crate) fn number(value: f64) -> String {
    let decimal = value.to_string();
    let magnitude = value.abs();
    if magnitude.is_finite() && magnitude != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        scientific(&decimal)
    } else {
        decimal
    }
}

/// A finite, non-zero number's decimal text (`-150…0`, `0.0…015`) in scientific notation,
/// as `{:e}` writes it (`-1.5e20`, `1.5e-300`). Both are the shortest digits that read
/// back as the number, so they are taken from the decimal text rather than formatted
/// again: `{:e}` would link the standard library's exponent formatting into the
/// WebAssembly module for this one message.
fn scientific(decimal: &str) -> String {
    let (sign, unsigned) = match decimal.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", decimal),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut digits = String::with_capacity(whole.len() + fraction.len());
    digits.push_str(whole);
    digits.push_str(fraction);
    let zeros = digits.bytes().take_while(|&b| b == b'0').count();
    let significant = digits.get(zeros..).unwrap_or("").trim_end_matches('0');
    // The first significant digit's place: `whole.len() - 1 - zeros`, negative when the
    // number is below 1.
    let (minus, exponent) = if zeros < whole.len() {
        ("", whole.len() - 1 - zeros)
    } else {
        ("-", zeros + 1 - whole.len())
    };
    let mut chars = significant.chars();
    let first = chars.next().unwrap_or('0');
    let rest = chars.as_str();
    let point = if rest.is_empty() { "" } else { "." };
    format!("{sign}{first}{point}{rest}e{minus}{exponent}")
}

/// The message of [`Error::InvalidLevelRange`](super::Error::InvalidLevelRange).
pub(super) fn level_range_text(competency: &str, min: u8, max: u8) -> String {
    format!(
        "competency {} exists at levels {min} to {max}: expected 1 to 5, lowest first",
        quoted(competency)
    )
}

/// The message of [`Error::BlankLevelName`](super::Error::BlankLevelName).
pub(super) fn blank_level_name_text(competency: &str, level: u8) -> String {
    format!(
        "competency {} gives level {level} a blank name: expected a name or none",
        quoted(competency)
    )
}

/// The message of [`Error::LevelNamedAsNumber`](super::Error::LevelNamedAsNumber).
pub(super) fn named_as_number_text(
    competency: &str,
    level: u8,
    name: &str,
    reads_as: u64,
) -> String {
    format!(
        "competency {} names its level {level} {}, which reads as level {reads_as} wherever \
         a level is written: expected a name that is no other level's number",
        quoted(competency),
        quoted(name)
    )
}

/// The message of [`Error::SameLevelNames`](super::Error::SameLevelNames).
pub(super) fn same_level_names_text(
    competency: &str,
    levels: [u8; 2],
    names: &[String; 2],
) -> String {
    format!(
        "competency {} names its level {} {} and its level {} {}, which read as one name: \
         expected level names that differ in what they show",
        quoted(competency),
        levels[0],
        quoted(&names[0]),
        levels[1],
        quoted(&names[1])
    )
}

/// The message of [`Error::InvalidLevelScale`](super::Error::InvalidLevelScale).
pub(super) fn level_scale_text(competency: &str, found: &[u8], min: u8, max: u8) -> String {
    format!(
        "competency {} describes levels {}: expected each level at most once, within {min} to \
         {max} or 0 (none)",
        quoted(competency),
        level_list(found)
    )
}

/// The message of [`Error::BlankArea`](super::Error::BlankArea).
pub(super) fn blank_area_text(competency: &str) -> String {
    format!(
        "competency {} has a blank area: expected a name or no area",
        quoted(competency)
    )
}

/// Levels as `{:?}` writes a list of them (`[1, 2, 2]`), without linking the standard
/// library's `Debug` list builders into the WebAssembly module for one message.
pub(super) fn level_list(levels: &[u8]) -> String {
    let mut out = String::from("[");
    for (i, level) in levels.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{level}");
    }
    out.push(']');
    out
}

/// `, did you mean `x`?` when there is a nearest id; ``, did you mean `Ω-law` (the same
/// text in another unicode form)?`` when it is `asked` in another Unicode form (its
/// canonical decomposition is `asked`'s), as the quoting of both then shows: the two print
/// apart only by what is escaped.
pub(super) fn did_you_mean(asked: Option<&str>, nearest: Option<&str>) -> String {
    nearest.map_or_else(String::new, |n| {
        let equivalent = asked.is_some_and(|a| crate::model::nfc::canonically_equivalent(a, n));
        let form = if equivalent {
            " (the same text in another unicode form)".to_owned()
        } else {
            asked.map_or_else(String::new, |a| {
                crate::model::nearest::other_script_hint(a, n)
            })
        };
        format!(", did you mean {}{form}?", quoted(n))
    })
}

/// The end of `Error::CsvLooksLikeJson`'s text when the CSV text is a JSON document of a
/// kind the crate reads: what the document is and the functions that read it.
pub(super) fn json_kind_hint(kind: Option<crate::DocumentKind>) -> String {
    kind.map_or_else(String::new, |k| {
        format!("; it is {k}, read by {}", k.readers())
    })
}

/// ` (write it quoted in CSV, "p ": only a quoted field keeps the spaces around it)`
/// after a suggested id that a CSV cell holds only quoted (`quote`). The cell is shown
/// as it is written, unless longer than [`SHOWN`](crate::model::quote::SHOWN)
/// characters (the id is shown cut already).
pub(super) fn quote_hint(nearest: Option<&str>, quote: bool) -> String {
    let Some(id) = nearest.filter(|_| quote) else {
        return String::new();
    };
    let shown = if id.chars().nth(crate::model::quote::SHOWN).is_none() {
        format!(", {}", crate::model::quote::csv_quoted(id))
    } else {
        String::new()
    };
    if id.trim() == id {
        format!(" (write it quoted in CSV{shown})")
    } else {
        format!(" (write it quoted in CSV{shown}: only a quoted field keeps the spaces around it)")
    }
}

/// `Error::DepartmentMismatch`'s text, with [`department_hint`].
pub(super) fn mismatch_text(
    officer: &crate::OfficerId,
    department: &crate::DepartmentId,
    position: &crate::PositionId,
    position_department: &crate::DepartmentId,
) -> String {
    format!(
        "officer {} is in department {} but position {} belongs to {}{}",
        quoted(officer.as_str()),
        quoted(department.as_str()),
        quoted(position.as_str()),
        quoted(position_department.as_str()),
        department_hint(department.as_str(), position_department.as_str())
    )
}

/// `Error::CaseConflictingIdentifiers`'s text.
pub(super) fn conflicting_text(group: &GroupId, identifiers: &[String]) -> String {
    format!(
        "group {} is given {} case identifiers: {}: expected one",
        quoted(group.as_str()),
        identifiers.len(),
        quoted_list(identifiers)
    )
}

/// `Error::CaseInvalidIdentifier`'s text.
pub(super) fn invalid_identifier_text(identifier: &str) -> String {
    format!(
        "case identifier {} is not a uuid: expected 8-4-4-4-12 hex digits, version 1 to 5",
        quoted(identifier)
    )
}

/// `Error::CsvSharedHeader`'s text.
pub(super) fn shared_header_text(
    file: &str,
    position: usize,
    header: &str,
    columns: &[&str],
) -> String {
    let columns: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
    format!(
        "{file} header {} (cell {position}) names columns {}: expected one column to a cell",
        quoted(header),
        columns.join(", ")
    )
}

/// `Error::CsvNameColumn`'s text.
pub(super) fn name_column_text(file: &str, column: &str, header: &str) -> String {
    format!(
        "{file} header {} holds names, not the ids column `{column}` is read as: give the \
         framework's ids under a header `{column}`",
        quoted(header)
    )
}

/// `Error::CsvAmbiguousDelimiter`'s text.
pub(super) fn ambiguous_delimiter_text(file: &str, delimiters: &[char]) -> String {
    let delimiters: Vec<String> = (delimiters.iter())
        .map(|d| format!("`{}`", d.escape_debug()))
        .collect();
    format!(
        "{file} header names the columns needed when split at any of {}: expected one delimiter",
        delimiters.join(", ")
    )
}

/// `Error::CsvAmbiguousColumn`'s text.
pub(super) fn ambiguous_column_text(file: &str, column: &str, headers: &[String]) -> String {
    format!(
        "{file} has {} headers naming column `{column}`: {}; expected one",
        headers.len(),
        quoted_list(headers)
    )
}

/// `, did you mean `0012`?` when an officer's department is their position's written
/// otherwise (leading zeros a spreadsheet dropped, another case, another Unicode form,
/// which the suggestion then names): most probably the same department, not a
/// deputation.
pub(super) fn department_hint(department: &str, position_department: &str) -> String {
    let same = crate::model::nearest::same_id_written_otherwise(department, position_department);
    did_you_mean(Some(department), same.then_some(position_department))
}

/// ` (did you mean `2024-12-31`?)` when the text is most probably that date; for a year of
/// two digits, the readings in both centuries ([`two_digit_year_hint`]).
/// `Error::InvalidPolicyDate`'s text.
pub(super) fn policy_date_text(value: &str) -> String {
    format!(
        "policy date {} is not an iso date: expected yyyy-mm-dd{}",
        quoted(value),
        date_hint(value)
    )
}

pub(super) fn date_hint(value: &str) -> String {
    match crate::model::date::suggest_iso_date(value) {
        Some(s) => format!(" (did you mean {}?)", quoted(&s)),
        None => two_digit_year_hint(&crate::model::short_year::two_digit_year_readings(value)),
    }
}

/// "; the year has two digits, so the century is not known: write \`1924-03-15\` or
/// \`2024-03-15\`" for a date's readings in the 1900s and the 2000s; empty for none.
pub(super) fn two_digit_year_hint(readings: &[String]) -> String {
    match readings {
        [] => String::new(),
        [only] => format!(
            "; the year has two digits, and only {} is a real day of the two centuries",
            quoted(only)
        ),
        all => {
            let shown: Vec<String> = all.iter().map(|r| quoted(r).to_string()).collect();
            format!(
                "; the year has two digits, so the century is not known: write {}",
                shown.join(" or ")
            )
        }
    }
}

/// `competency id "a\u{202e}b" holds …`, or `position `p` has department "d\n" holding …`.
pub(super) fn hidden_text(kind: EntityKind, id: &str, field: &str, value: &str) -> String {
    const WHAT: &str = "a control or invisible character";
    if field == "id" {
        format!("{kind} id {} holds {WHAT}", quoted(value))
    } else {
        format!(
            "{kind} {} has {field} {} holding {WHAT}",
            quoted(id),
            quoted(value)
        )
    }
}

/// `export CFRubricCriterionLevel `c` level 2: quality "a\tb" holds a tab or line break: …`.
pub(super) fn several_lines_text(
    element: CaseElement,
    id: &str,
    level: Option<u8>,
    field: &str,
    value: &str,
) -> String {
    let level = level.map(|l| format!(" level {l}")).unwrap_or_default();
    format!(
        "export {element} {}{level}: {field} {} holds a tab or line break: expected text on \
         one line, as CASE's NormalizedString",
        quoted(id),
        quoted(value)
    )
}

/// `case identifier `…` given for group `g` is already competency `c`'s`.
pub(super) fn clash_text(
    identifier: &str,
    group: &GroupId,
    kind: Option<EntityKind>,
    other: &str,
) -> String {
    let holder = match kind {
        Some(kind) => format!("{kind} {}'s", quoted(other)),
        None => "the document's".to_owned(),
    };
    format!(
        "case identifier {} given for group {} is already {holder}",
        quoted(identifier),
        quoted(group.as_str())
    )
}

/// The message of a [`CaseDuplicateId`](super::Error::CaseDuplicateId): the id, then
/// each item by path, identifier and the field that gave it the id.
pub(super) fn case_id_text(kind: EntityKind, id: &str, items: &CaseIdItems) -> String {
    format!(
        "duplicate {kind} id {} at {} (identifier {}, id from its {}): \
         {} (identifier {}, id from its {}) has it too",
        quoted(id),
        items.path,
        quoted(&items.identifier),
        items.field,
        items.earlier_path,
        quoted(&items.earlier),
        items.earlier_field
    )
}

pub(super) fn duplicate_text(
    identifier: &str,
    path: &str,
    earlier: &str,
    earlier_path: &str,
) -> String {
    if identifier == earlier {
        format!(
            "duplicate case identifier {} at {path}: {earlier_path} has it too",
            quoted(identifier)
        )
    } else if identifier.trim() == earlier.trim() {
        // Spaces around it apart, the same text: a code as much as a UUID.
        format!(
            "duplicate case identifier {} at {path}: the same identifier as {} at \
             {earlier_path} (identifiers compare without the spaces around them)",
            quoted(identifier),
            quoted(earlier)
        )
    } else {
        format!(
            "duplicate case identifier {} at {path}: the same uuid as {} at {earlier_path} \
             (uuids compare without regard to case, a `urn:uuid:` prefix and spaces around \
             them)",
            quoted(identifier),
            quoted(earlier)
        )
    }
}

/// A CSV header without a needed column, and the line below that has them all, if one does.
pub(super) fn missing_column_text(
    file: &str,
    column: &str,
    header_line: Option<usize>,
    nearest: Option<&str>,
) -> String {
    match header_line {
        None => match nearest {
            None => format!("{file} has no column `{column}` in its header"),
            Some(cell) => format!(
                "{file} has no column `{column}` in its header, did you mean the header {}?",
                quoted(cell)
            ),
        },
        Some(line) => format!(
            "{file} has no column `{column}` in its header, but line {line} names every \
             column needed: remove the lines above it"
        ),
    }
}

/// A line of several cells above an HR export's header (see
/// [`Error::CsvLineAboveHeader`](crate::Error::CsvLineAboveHeader)).
pub(super) fn line_above_header_text(
    file: &str,
    (line, header_line): (usize, usize),
    cells: &[String],
) -> String {
    format!(
        "{file} line {line}, above the header on line {header_line}, has {} cells ({}): only \
         title lines of one cell are read past above a header, and this may be a misplaced \
         header or a row; remove it",
        cells.len(),
        quoted_list(cells)
    )
}

/// Why a CASE package has no document: none named, or several.
pub(super) fn missing_document_text(documents: &[String]) -> String {
    if documents.is_empty() {
        "case package has no CFDocument".to_owned()
    } else {
        format!(
            "case package has no CFDocument, and its elements name {} documents in \
             CFDocumentURI: {}: expected one",
            documents.len(),
            quoted_list(documents)
        )
    }
}

/// `Error::LookalikeUris`'s text.
pub(super) fn lookalike_uris_text(file: &str, uris: &[String], lines: &[usize]) -> String {
    let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
    format!(
        "{file} lines {}: uris {} differ only in a trailing slash or in `http`/`https`: \
         read as distinct concepts",
        lines.join(", "),
        quoted_list(uris)
    )
}

/// `Error::UnknownReference`'s text.
pub(super) fn unknown_reference_text(
    (from_kind, from): (EntityKind, &str),
    (to_kind, to): (EntityKind, &str),
    nearest: Option<&str>,
) -> String {
    format!(
        "{from_kind} {} refers to unknown {to_kind} {}{}",
        quoted(from),
        quoted(to),
        did_you_mean(Some(to), nearest)
    )
}

/// `Error::DuplicateReference`'s text.
pub(super) fn repeated_reference_text(
    from_kind: EntityKind,
    from: &str,
    to_kind: EntityKind,
    to: &str,
) -> String {
    format!(
        "{from_kind} {} lists {to_kind} {} more than once",
        quoted(from),
        quoted(to)
    )
}

pub(super) fn cycle_text(courses: &[CourseId]) -> String {
    closed_cycle(courses.iter().map(CourseId::as_str))
}

pub(super) fn group_cycle_text(groups: &[GroupId]) -> String {
    closed_cycle(groups.iter().map(GroupId::as_str))
}

pub(super) fn group_rule_text(group: &GroupId, at_least: Option<u32>, children: u32) -> String {
    let group = quoted(group.as_str());
    match (children, at_least) {
        (0, _) => format!(
            "group {group} has a rule but no child to infer it from: expected a competency \
             in the group or a child group with a rule"
        ),
        (_, Some(n)) => format!(
            "rule of group {group} needs {n} of its {children} children: expected 1 to \
             {children}"
        ),
        (_, None) => format!("rule of group {group} cannot be met by its {children} children"),
    }
}

/// `` `a` -> `b` -> `a` ``: the ids in order, back to the first.
fn closed_cycle<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut out = String::new();
    for id in ids.clone() {
        out.push_str(&quoted(id).to_string());
        out.push_str(" -> ");
    }
    if let Some(first) = ids.into_iter().next() {
        out.push_str(&quoted(first).to_string());
    }
    out
}

/// The end of [`Error::CsvDuplicateKey`](crate::Error::CsvDuplicateKey)'s message: how the
/// first row wrote the key, when it wrote it otherwise.
pub(super) fn written_there(first_key: Option<&str>) -> String {
    first_key.map_or_else(String::new, |k| format!(", written {} there", quoted(k)))
}

#[cfg(test)]
mod tests {
    use super::{level_list, number};

    /// `number` against `{:e}` and `{}` over edge cases and 200,000 bit patterns.
    #[test]
    fn numbers_read_as_rust_prints_them() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.5,
            1e-4,
            9.999_999_999_999e-5,
            1e16,
            9_999_999_999_999_998.0,
            1e308,
            -1e308,
            1e-300,
            1.5e-5,
            -1.5e20,
            123_456_789e10,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            -5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            values.push(f64::from_bits(state));
        }
        for value in values {
            let magnitude = value.abs();
            let want = if magnitude.is_finite()
                && magnitude != 0.0
                && !(1e-4..1e16).contains(&magnitude)
            {
                format!("{value:e}")
            } else {
                value.to_string()
            };
            assert_eq!(number(value), want, "{:#x}", value.to_bits());
        }
    }

    #[test]
    fn level_lists_read_as_debug_prints_them() {
        for levels in [&[][..], &[3], &[0, 2, 2], &[255, 1, 10, 100]] {
            assert_eq!(level_list(levels), format!("{levels:?}"));
        }
    }
}
