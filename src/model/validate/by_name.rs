//! Levels given by name only in a framework: a requirement's, course outcome's or group
//! rule's `level` written as a name followed by a number (`"Foundation 2"`), which the
//! JSON readers keep whole (`model::level_text::BY_NAME`) as they keep a passbook
//! entry's, or as a Roman numeral (`"III"`, `"Level III"`), read once the competency's
//! own level names are known.

use crate::model::level::numbered_name;
use crate::model::level_name::{level_has_name, named_level};
use crate::model::level_text::BY_NAME;
use crate::model::spec::CompetencySpec;
use crate::model::validate::Table;

/// The competencies with the lowest and highest level at which each exists.
pub(super) struct Scales<'a> {
    pub(super) competencies: &'a Table<CompetencySpec>,
    pub(super) min: &'a [u8],
    pub(super) max: &'a [u8],
}

impl Scales<'_> {
    /// Reads `level`, with `name`, at which something names `competency` when it is given
    /// by name only ([`BY_NAME`]): the level of the competency whose own name `name` is
    /// (its descriptor's `name`, else the platform's default; compared trimmed, in any
    /// case), the name kept, trimmed, or the level a Roman numeral gives where the
    /// competency names no level so (`Level III`, see [`named_level`]), without a name;
    /// else, as the officers CSV reader reads a level cell,
    /// the number with the name before it (`Foundation 3` is level 3 named `Foundation`),
    /// to be checked as a number with a name is. Anything else is left as it is: a level
    /// given by name only without a name is refused as a level outside the competency's
    /// range, and one with a name that neither names a level nor holds a number as that
    /// name (`Error::LevelNameMismatch`, worded by the name, not by the placeholder 255).
    /// O(levels + length).
    pub(super) fn read(&self, competency: &str, level: &mut u8, name: &mut Option<String>) {
        let Some(text) = name.as_deref().filter(|_| *level == BY_NAME) else {
            return;
        };
        let scale = self.competencies.get(competency).map(|c| {
            let c = c as usize;
            (&self.competencies.items[c], self.min[c], self.max[c])
        });
        let read = match scale.map(|scale| (scale, named_level(Some(scale), text))) {
            // A Roman numeral read by its value (`Level III`) is the number, no name.
            Some(((spec, ..), Ok(own))) => {
                Some((own, level_has_name(Some(spec), own, text).then_some(text)))
            }
            _ => numbered_name(text).map(|(n, named)| (n, Some(named))),
        };
        if let Some((n, named)) = read {
            (*level, *name) = (n, named.map(|t| t.trim().to_owned()));
        }
    }
}
