//! The messages of ids that print or look alike ([`Error::EquivalentIds`],
//! [`Error::LookalikeIds`]): the ids escaped, and how they differ.
//!
//! [`Error::EquivalentIds`]: crate::Error::EquivalentIds
//! [`Error::LookalikeIds`]: crate::Error::LookalikeIds

use std::fmt::Write;

use crate::EntityKind;
use crate::model::confusable::{OtherScriptCharacter, ascii_counterpart};
use crate::model::nearest::characters_named;

/// The message of [`Error::EquivalentIds`](crate::Error::EquivalentIds) and
/// [`Error::LookalikeIds`](crate::Error::LookalikeIds): the ids escaped, `how` they differ,
/// and that they are distinct ids that print alike.
pub(crate) fn alike(kind: EntityKind, ids: &[String], how: &str) -> String {
    let ids = code_points_list(ids);
    format!("{kind} ids {ids} {how}: distinct ids that print alike")
}

/// How lookalike ids differ: `differ only in leading zeros` for numbers (ids of ASCII
/// digits, `0123` and `123`), with `or surrounding whitespace` when one has some;
/// otherwise `differ only in letter case or surrounding whitespace`. Ids holding
/// characters of another script (`other_script`) differ `only in letters of another
/// script ("\u{455}" for `s`)` when reading those as the ASCII ones makes them equal, and
/// `only in letter case, surrounding whitespace, leading zeros or letters of another
/// script (…)` otherwise; `digits` for digits of a script of India.
pub(crate) fn lookalike_how(ids: &[String], other_script: &[OtherScriptCharacter]) -> String {
    let number = |id: &String| {
        let id = id.trim();
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
    };
    if !other_script.is_empty() {
        let named: Vec<String> = (other_script.iter())
            .map(|c| {
                format!(
                    "\"\\u{{{:x}}}\" for `{}`",
                    u32::from(c.character),
                    c.stands_for
                )
            })
            .collect();
        let what = characters_named(other_script.iter().map(|c| c.character));
        // Each character of another script as the ASCII one, a capital as a capital.
        let ascii = |id: &String| -> String {
            let counterpart = |c: char| match ascii_counterpart(c) {
                Some(a) if c.is_uppercase() => a.to_ascii_uppercase(),
                Some(a) => a,
                None => c,
            };
            id.chars().map(counterpart).collect()
        };
        let first = ascii(&ids[0]);
        let only = if ids.iter().all(|id| ascii(id) == first) {
            "only in"
        } else {
            "only in letter case, surrounding whitespace, leading zeros or"
        };
        return format!(
            "differ {only} {what} of another script ({})",
            named.join(", ")
        );
    }
    if !ids.iter().all(number) {
        "differ only in letter case or surrounding whitespace"
    } else if ids.iter().all(|id| id.trim() == id) {
        "differ only in leading zeros"
    } else {
        "differ only in leading zeros or surrounding whitespace"
    }
    .to_owned()
}

/// Each id in double quotes with every character outside printable ASCII escaped as
/// `\u{hex}` (and `\\`, `\"`): for ids that differ only in how their text is encoded.
fn code_points_list(ids: &[String]) -> String {
    let all: Vec<String> = ids
        .iter()
        .map(|id| {
            let mut out = String::from('"');
            for c in id.chars() {
                match c {
                    '"' | '\\' => {
                        out.push('\\');
                        out.push(c);
                    }
                    ' '..='~' => out.push(c),
                    _ => {
                        // Writing to a `String` cannot fail.
                        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                    }
                }
            }
            out.push('"');
            out
        })
        .collect();
    all.join(", ")
}
