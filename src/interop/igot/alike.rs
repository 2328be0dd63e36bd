//! Ids that look alike: the records a loader keeps whose ids differ only in letter case or
//! in whitespace around them (`do_1`, ` do_1`, `DO_1`), or are one text in two Unicode
//! forms. Ids compare byte for byte, so such records stay apart, never merged; each one
//! after the first is noted with the whole set, as [`Framework::review`] warns of such
//! framework ids ([`Error::LookalikeIds`], [`Error::EquivalentIds`]), by the same rule
//! (`model::equivalent`). An id with whitespace around or inside it is noted too, alone.
//!
//! [`Framework::review`]: crate::Framework::review

use super::json::{Report, whitespace};
use super::report::IgotWhat;
use crate::Error;
use crate::model::equivalent::alike_officers;

/// The ids kept so far, with the paths of their records, in document order.
#[derive(Default)]
pub(super) struct KeptIds {
    kept: Vec<(String, String)>,
}

impl KeptIds {
    /// Remembers record `id` (at `path`), kept; notes stray whitespace in it
    /// ([`IgotWhat::IdWhitespace`]). O(length of the id).
    pub(super) fn keep(&mut self, report: &mut Report, path: &str, id: &str) {
        if let Some(kinds) = whitespace(id) {
            report.note(path, id, IgotWhat::IdWhitespace { kinds });
        }
        self.remember(path, id);
    }

    /// Remembers record `id` (at `path`), kept, with no note of its own: for ids the
    /// loader builds from names ([`kcm_id`](crate::kcm_id)), whose whitespace is the
    /// names' and is noted on them. O(length of the id).
    pub(super) fn remember(&mut self, path: &str, id: &str) {
        self.kept.push((path.to_owned(), id.to_owned()));
    }

    /// Notes each record whose id looks like an earlier one's
    /// ([`IgotWhat::LookalikeIds`], [`IgotWhat::EquivalentIds`]), in document order.
    /// O(n) for ids that cannot look alike (ASCII, no whitespace around them, not both
    /// cases), otherwise O(n log n + total length), as `model::equivalent` compares them.
    pub(super) fn note_alike(self, report: &mut Report) {
        self.note(report, false);
    }

    /// As [`KeptIds::note_alike`], for ids made of names whose whitespace is noted on the
    /// names ([`SameNames`](super::same_names::SameNames)): a record whose id is another's
    /// of its set apart from whitespace around it is not noted again.
    pub(super) fn note_alike_names(self, report: &mut Report) {
        self.note(report, true);
    }

    fn note(self, report: &mut Report, names: bool) {
        let kept = self.kept;
        for (k, warning) in alike_officers(kept.len(), |k| kept[k].1.as_str()) {
            let what = match warning {
                Error::EquivalentIds { ids, .. } => IgotWhat::EquivalentIds { ids },
                Error::LookalikeIds {
                    ids, other_script, ..
                } => {
                    let id = kept[k].1.trim();
                    if names && ids.iter().any(|i| i != &kept[k].1 && i.trim() == id) {
                        continue;
                    }
                    IgotWhat::LookalikeIds { ids, other_script }
                }
                _ => continue,
            };
            report.note(&kept[k].0, &kept[k].1, what);
        }
    }
}
