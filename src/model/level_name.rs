//! The names of a competency's levels: its level descriptors' `name`, else the platform's
//! defaults (Basic, Proficient, Advanced, Expert, Ustad for 1 to 5; `None` for 0), against
//! which a level written with a name (`"3 - Advanced"`, read by `model::level_text`) is
//! checked once the competency is known. Shared by the passbook's checks
//! (`people::resolve`, the CSV loaders) and the framework's validation of requirements.

use crate::model::level::{name_then_number, numbered_name, whole_text};
use crate::model::quote::hidden;
use crate::model::roman::roman;
use crate::model::spec::CompetencySpec;
use crate::{EntityKind, Error};

/// `name` as level names compare: each run of whitespace (a no-break space, a tab) as
/// one space, other characters that print nothing (a zero-width space, a soft hyphen,
/// as text pasted from HTML holds) left out, trimmed, in lowercase. So
/// `Fully\u{a0}proficient` and `Advanced\u{200b}`, as a rubric's `quality` may hold them,
/// are the names `Fully proficient` and `Advanced` that evidence writes: names differing
/// only by characters that print nothing are one name to whoever reads them. O(length).
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !hidden(c) {
            if space && !key.is_empty() {
                key.push(' ');
            }
            space = false;
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// The platform's default level names, levels 1 to 5 (`DOMAIN.md`).
pub(crate) const LEVEL_NAMES: [&str; 5] = ["Basic", "Proficient", "Advanced", "Expert", "Ustad"];

/// The number another than `level` that a level's `name` reads as (`Level 5` or `5`
/// naming level 4): every reader reads such text as that number before any name, so the
/// name could only be read as the wrong level. Refused by the framework's validation
/// ([`Error::LevelNamedAsNumber`]) and set aside by the importers that map a scale's
/// levels onto FRAC's (a CASE rubric's level 5 of 7 becomes level 4). O(length).
pub(crate) fn reads_as_another_level(name: &str, level: u8) -> Option<u64> {
    whole_text(name).filter(|&n| n != u64::from(level))
}

/// The name of level `level` of `competency`: its descriptor's `name`, else the
/// platform's default (`None` for level 0); the defaults alone for a competency not known
/// (`None`). O(levels).
pub(crate) fn level_named(competency: Option<&CompetencySpec>, level: u8) -> Option<&str> {
    let given = competency
        .and_then(|c| c.levels.iter().find(|d| d.level == level))
        .and_then(|d| d.name.as_deref());
    let default = match level {
        0 => Some("None"),
        _ => LEVEL_NAMES.get(usize::from(level) - 1).copied(),
    };
    given.or(default)
}

/// Whether `own`, the name of level `level`, is the name whose [`name_key`] is `wanted`:
/// the whole name, or, when the name carries that level's own number before or after it
/// (`1 - Beginning`, `Level 1: Beginning`, `L1 Beginning`, `Beginning (1)` naming level
/// 1, as rubrics and HR scales print a level's number in its name; split as
/// [`numbered_name`] splits a level written with its name), the name without it. So
/// evidence writing `Beginning` names the level called `1 - Beginning`, as `1 - Beginning`
/// (the number 1 with the name `Beginning`) does. A number other than the level's is part
/// of the name, and so is a number after the name and spaces alone (`Foundation 3` naming
/// level 3, [`name_then_number`]), as competencies number a series of names (`Band 1`,
/// `Band 2`; scales/31): `Foundation` names the level called `Foundation` only. O(length).
fn is_named(own: &str, level: u8, wanted: &str) -> bool {
    name_key(own) == wanted
        || (numbered_name(own).filter(|_| !name_then_number(own)))
            .is_some_and(|(n, bare)| n == level && name_key(bare) == wanted)
}

/// Whether `name` is the name of level `level` of `competency` ([`level_named`]), compared
/// as [`name_key`] makes them, a name carrying the level's own number also without it
/// ([`is_named`]), whether or not the competency exists at that level (the level's own
/// check says so). O(levels).
pub(crate) fn level_has_name(competency: Option<&CompetencySpec>, level: u8, name: &str) -> bool {
    let wanted = name_key(name);
    level_named(competency, level).is_some_and(|own| is_named(own, level, &wanted))
}

/// The level of `competency`, which exists at levels `min` to `max`, that `text` names:
/// each of its levels is named by [`level_named`]; names compare as [`name_key`] makes
/// them, and a name carrying its level's own number (`1 - Beginning`) is also named
/// without it (`Beginning`, [`is_named`]). `Err(false)` when no level has that name, `Err(true)` when several have. For a competency not known (`None`), the default names.
///
/// A Roman numeral that names no level (`III`, `Level III`, `L-III`, in any case, as
/// [`roman`] reads it), as Indian government scales write levels ("Level II"), is the
/// level of its value, I to V, where the competency names none of its levels with a
/// Roman numeral: a competency that does (`I`, `II`, `III` for its levels 3 to 5) means
/// its own names, and a numeral none of them is names no level. That level is then
/// checked against the competency's range as a number is. VI to X name no level: no
/// scale goes beyond 5. O(levels).
pub(crate) fn named_level(
    competency: Option<(&CompetencySpec, u8, u8)>,
    text: &str,
) -> Result<u8, bool> {
    own_named_level(competency, text).or_else(|several| {
        let numeral = roman(text.trim()).filter(|&n| n <= 5);
        let (spec, min, max) = competency.map_or((None, 1, 5), |(s, min, max)| (Some(s), min, max));
        let named_so = || {
            (min.max(1)..=max)
                .any(|l| level_named(spec, l).is_some_and(|n| roman(n.trim()).is_some()))
        };
        match numeral {
            Some(n) if !several && !named_so() => Ok(n),
            _ => Err(several),
        }
    })
}

/// [`named_level`] by the competency's own names only.
fn own_named_level(competency: Option<(&CompetencySpec, u8, u8)>, text: &str) -> Result<u8, bool> {
    let wanted = name_key(text);
    let Some((spec, min, max)) = competency else {
        let found = (LEVEL_NAMES.iter())
            .position(|n| name_key(n) == wanted)
            .ok_or(false)?;
        return u8::try_from(found + 1).map_err(|_| false);
    };
    let mut found = None;
    for level in named_levels(spec, min, max) {
        if level_named(Some(spec), level).is_some_and(|own| is_named(own, level, &wanted)) {
            if found.is_some() {
                return Err(true);
            }
            found = Some(level);
        }
    }
    found.ok_or(false)
}

/// The levels of `competency` (existing at `min` to `max`) that `text` names, lowest
/// first, each named by [`level_named`] and compared as [`named_level`] compares (a name
/// carrying its level's number also without it, [`is_named`]); for a competency not known
/// (`None`), the default names of levels 1 to 5. O(levels).
pub(crate) fn levels_named(competency: Option<(&CompetencySpec, u8, u8)>, text: &str) -> Vec<u8> {
    let wanted = name_key(text);
    let levels: Vec<u8> = match competency {
        Some((spec, min, max)) => named_levels(spec, min, max).collect(),
        None => (1..=5).collect(),
    };
    let spec = competency.map(|(spec, ..)| spec);
    (levels.into_iter())
        .filter(|&level| level_named(spec, level).is_some_and(|n| is_named(n, level, &wanted)))
        .collect()
}

/// The levels of `spec` (existing at `min` to `max`) a name may name, lowest first: its
/// levels above 0, and level 0 (none) when a descriptor of its own names it, as a rubric
/// names its "not yet" level (case/96): such a name is held nothing. The platform's
/// default name of level 0 (`None`) names no level alone. O(levels).
fn named_levels(spec: &CompetencySpec, min: u8, max: u8) -> impl Iterator<Item = u8> {
    let zero = spec.levels.iter().any(|d| d.level == 0 && d.name.is_some());
    zero.then_some(0).into_iter().chain(min.max(1)..=max)
}

/// The level of `competency` (existing at `min` to `max`) whose own name ([`level_named`])
/// is written as level `level` with `name`: the one level whose name [`numbered_name`]
/// splits into that number and that name (compared as [`name_key`] makes them), as a passbook
/// entry built in Rust or a JSON document of an earlier version splits a competency's own
/// name that holds a number (`Foundation 2` is level 2 with the name `Foundation`; `Band 2`, level 4 of a
/// competency starting at 3, is level 2 with the name `Band`), where the CSV reader reads
/// the whole name. `None` when no level or several are so named. O(levels).
pub(crate) fn own_name_split(
    (spec, min, max): (&CompetencySpec, u8, u8),
    level: u8,
    name: &str,
) -> Option<u8> {
    let wanted = name_key(name);
    let mut found = None;
    for l in min.max(1)..=max {
        let split = level_named(Some(spec), l).and_then(numbered_name);
        if split.is_some_and(|(n, own)| n == level && name_key(own) == wanted) {
            if found.is_some() {
                return None;
            }
            found = Some(l);
        }
    }
    found
}

/// The two readings of level `level` written with `name` for `competency` (existing at
/// `min` to `max`): the competency's name of that level, trimmed, and the level `name`
/// names, if exactly one does. O(levels).
pub(crate) fn readings(
    competency: (&CompetencySpec, u8, u8),
    level: u8,
    name: &str,
) -> (Option<String>, Option<u8>) {
    (
        level_named(Some(competency.0), level).map(|n| n.trim().to_owned()),
        named_level(Some(competency), name).ok(),
    )
}

/// The error of `name`, written beside level `level` at which `owner` names competency
/// `scale.0` (existing at `scale.1` to `scale.2`), when it is not the competency's own
/// name of that level (its descriptor's, else the platform's default), as a passbook
/// entry's is checked: `Error::LevelNameMismatch` with both readings. O(levels).
pub(crate) fn name_mismatch(
    (owner_kind, owner): (EntityKind, &str),
    scale: (&CompetencySpec, u8, u8),
    level: u8,
    name: &str,
) -> Option<Error> {
    if level_has_name(Some(scale.0), level, name) {
        return None;
    }
    let (level_named, named) = readings(scale, level, name);
    Some(Error::LevelNameMismatch {
        owner_kind,
        owner: owner.to_owned(),
        competency: scale.0.id.as_str().to_owned(),
        level,
        name: name.to_owned(),
        level_named,
        named,
    })
}

/// The error of `name`, written beside the number of a level descriptor of `scale.0`
/// (existing at `scale.1` to `scale.2`) describing level `level`, unless the name is the
/// competency's own name of that level (the descriptor's `name`, else the platform's
/// default) or the platform's name of that number that no other level of the competency
/// has (`"3 - Advanced"` beside the descriptor's own name `Senior`): the descriptor's own
/// `name` and the platform's numbering may both stand beside a number. Another name, that
/// of another level or of none, is `Error::LevelNameMismatch` with both readings, owned by
/// the competency. O(levels).
pub(crate) fn descriptor_name_mismatch(
    scale: (&CompetencySpec, u8, u8),
    level: u8,
    name: &str,
) -> Option<Error> {
    let platform = level_has_name(None, level, name)
        && levels_named(Some(scale), name).iter().all(|&l| l == level);
    if platform {
        return None;
    }
    let owner = (EntityKind::Competency, scale.0.id.as_str());
    name_mismatch(owner, scale, level, name)
}

#[cfg(test)]
mod tests {
    use super::{is_named, name_key};

    #[test]
    fn names_compare_without_what_prints_nothing() {
        assert_eq!(name_key(" Fully\u{a0}\tProficient "), "fully proficient");
        assert_eq!(name_key("Advanced\u{200b}"), "advanced");
        assert_eq!(name_key("Ad\u{ad}vanced"), "advanced");
        assert_ne!(name_key("Fullyproficient"), name_key("Fully proficient"));
    }

    #[test]
    fn names_carrying_their_level_number_are_named_without_it() {
        for own in [
            "1 - Beginning",
            "Level 1: Beginning",
            "L1 Beginning",
            "Beginning (1)",
        ] {
            assert!(is_named(own, 1, "beginning"), "{own}");
            assert!(is_named(own, 1, &name_key(own)), "{own}");
            // Another level's number is part of the name.
            assert!(!is_named(own, 2, "beginning"), "{own}");
        }
        // A series of names (scales/31): the number is part of the name.
        assert!(!is_named("Foundation 2", 1, "foundation"));
        assert!(!is_named("Foundation 2", 2, "foundation"));
        assert!(is_named("Advanced (3)", 3, "advanced"));
    }
}
