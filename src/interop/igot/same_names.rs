//! Names that differ only in whitespace: the one rule every iGOT loader applies to the
//! records it keeps. A name with stray whitespace is kept as written and noted
//! ([`IgotWhat::Whitespace`], by each loader with [`whitespace`](super::json::whitespace));
//! a name equal to an earlier record's of the same kind (in
//! the same place, for the KCM's themes and sub-themes) once whitespace is normalised is
//! kept too, as its own record, and noted with the earlier record's id
//! ([`IgotWhat::SameNameApartFromWhitespace`], or [`IgotWhat::SameName`] when the two are
//! written alike): two records are never merged, and never made two in silence.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::json::{Report, whitespace};
use super::report::IgotWhat;
use crate::model::names::one_line;

/// The names kept so far, by scope and normalised form: the first record's id and name.
#[derive(Default)]
pub(super) struct SameNames {
    first: HashMap<(String, String), (String, String)>,
}

impl SameNames {
    /// Notes stray whitespace in record `id`'s `name`, then as [`SameNames::note`].
    pub(super) fn note_all(
        &mut self,
        report: &mut Report,
        (path, id): (&str, &str),
        scope: &str,
        name: &str,
    ) {
        if let Some(kinds) = whitespace(name) {
            report.note(path, id, IgotWhat::Whitespace { kinds });
        }
        self.note(report, (path, id), scope, name);
    }

    /// Notes record `id`'s `name` (at `path`, among the records of `scope`) when an
    /// earlier record's has its form, and remembers it when it is the first. O(length of the name).
    pub(super) fn note(
        &mut self,
        report: &mut Report,
        (path, id): (&str, &str),
        scope: &str,
        name: &str,
    ) {
        match self.first.entry((scope.to_owned(), one_line(name))) {
            Entry::Occupied(first) => {
                let (other, written) = first.get();
                let other = other.clone();
                let what = if written == name {
                    IgotWhat::SameName { other }
                } else {
                    IgotWhat::SameNameApartFromWhitespace { other }
                };
                report.note(path, id, what);
            }
            Entry::Vacant(slot) => {
                slot.insert((id.to_owned(), name.to_owned()));
            }
        }
    }
}
