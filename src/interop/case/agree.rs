//! A competency's levels as a rubric criterion gives them ([`Scale`]), and the levels
//! several criteria of one item agree on ([`agree`]): which criterion's scale holds is
//! unknowable, so the competency imports with what they all say.

use crate::model::level_name::name_key;
use crate::model::spec::LevelDescriptor;

/// A competency's levels, as its spec holds them.
#[derive(Debug, PartialEq)]
pub(super) struct Scale {
    pub(super) descriptors: Vec<LevelDescriptor>,
    pub(super) min_level: Option<u8>,
    pub(super) max_level: Option<u8>,
}

impl Scale {
    /// The scale from level `low` to `high` with `descriptors`, stating only what differs
    /// from the spec's defaults: the range starts at 1 and ends at the highest described
    /// level, or at 5 when none is described ([`range`] reads it back).
    pub(super) fn new(descriptors: Vec<LevelDescriptor>, low: u8, high: u8) -> Scale {
        let implied = implied_top(&descriptors);
        Scale {
            min_level: (low > 1).then_some(low),
            max_level: (high != implied).then_some(high),
            descriptors,
        }
    }
}

/// Sets aside the name of each of `descriptors` that reads as one with a lower level's
/// (as `level_name::name_key` compares names, as every reader of a level's name does), so
/// that no name the spec holds could be two levels, and drops a descriptor so left with
/// neither name nor description. Returns each level whose name was set aside with the
/// level whose name it reads as. O(levels²), at most six levels.
pub(super) fn names_read_as_one(descriptors: &mut Vec<LevelDescriptor>) -> Vec<(u8, u8)> {
    crate::model::order::sort_by_key(descriptors, |d| d.level);
    let mut seen: Vec<(String, u8)> = Vec::new();
    let mut set_aside = Vec::new();
    for d in descriptors.iter_mut() {
        let Some(key) = d.name.as_deref().map(name_key) else {
            continue;
        };
        if let Some(&(_, other)) = seen.iter().find(|(k, _)| *k == key) {
            d.name = None;
            set_aside.push((d.level, other));
        } else {
            seen.push((key, d.level));
        }
    }
    descriptors.retain(|d| d.name.is_some() || !d.description.is_empty());
    set_aside
}

/// The highest level `descriptors` describe above 0 (a named level 0 says nothing of the
/// range), or 5, as the spec reads a competency's default highest level.
fn implied_top(descriptors: &[LevelDescriptor]) -> u8 {
    (descriptors.iter())
        .map(|d| d.level)
        .filter(|&l| l > 0)
        .max()
        .unwrap_or(5)
}

/// The lowest and highest level of a scale, as the spec reads its defaults.
fn range(scale: &Scale) -> (u8, u8) {
    let implied = implied_top(&scale.descriptors);
    (
        scale.min_level.unwrap_or(1),
        scale.max_level.unwrap_or(implied),
    )
}

/// The scale every one of `scales` agrees on: their common range, with the descriptors
/// all of them give alike; `None` when there is no scale or no level in common.
pub(super) fn agree(scales: &[Scale]) -> Option<Scale> {
    let (first, others) = scales.split_first()?;
    let (mut low, mut high) = range(first);
    for scale in others {
        let (l, h) = range(scale);
        low = low.max(l);
        high = high.min(h);
    }
    if low > high {
        return None;
    }
    let descriptors: Vec<LevelDescriptor> = (first.descriptors.iter())
        .filter(|d| d.level == 0 || (low..=high).contains(&d.level))
        .filter(|d| others.iter().all(|s| s.descriptors.contains(d)))
        .cloned()
        .collect();
    Some(Scale::new(descriptors, low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(level: u8, text: &str) -> LevelDescriptor {
        LevelDescriptor {
            level,
            name: None,
            level_name: None,
            description: text.to_owned(),
        }
    }

    fn scale(descriptors: Vec<LevelDescriptor>, min: Option<u8>, max: Option<u8>) -> Scale {
        Scale {
            descriptors,
            min_level: min,
            max_level: max,
        }
    }

    #[test]
    fn criteria_agree_on_their_common_range_and_identical_descriptors() {
        let a = scale(
            vec![described(1, "x"), described(2, "y"), described(3, "z")],
            None,
            None,
        );
        let b = scale(
            vec![described(2, "y"), described(3, "other"), described(4, "w")],
            Some(2),
            None,
        );
        let agreed = agree(&[a, b]).unwrap();
        assert_eq!(range(&agreed), (2, 3));
        assert_eq!(agreed.descriptors, [described(2, "y")]);
        assert_eq!((agreed.min_level, agreed.max_level), (Some(2), Some(3)));
        // No level in common, or no scale: none.
        let low = scale(Vec::new(), None, Some(2));
        let high = scale(Vec::new(), Some(4), None);
        assert!(agree(&[low, high]).is_none());
        assert!(agree(&[]).is_none());
    }
}
