//! The scores of one criterion's levels, as the proficiency order reads them: numbers as
//! read, or letter grades or Roman numerals when every score the criterion writes is text
//! of that one scheme; then turned so that a higher score is a higher level, as
//! [`CaseScoreOrder`] says the scale runs.

use crate::interop::case::huge::text as held_text;
use crate::interop::case::import::{CaseScoreOrder, CaseScoreReading};
use crate::interop::case::package::CaseCriterionLevel;
use crate::interop::case::read::unsigned_zero;
use crate::model::roman::roman;

/// One criterion's scores, level by level in the criterion's order.
pub(super) struct Scores {
    /// How they were read.
    pub(super) reading: CaseScoreReading,
    /// The score each level has as read (a letter's derived number); `None` without one.
    pub(super) read: Vec<Option<f64>>,
    /// The score that orders each level and that the level rule maps: as read, or
    /// reflected when lower scores are better.
    pub(super) ordering: Vec<Option<f64>>,
    /// The text a letter grade or Roman numeral score was derived from.
    pub(super) written: Vec<Option<String>>,
}

/// Reads the scores of `levels` under `order`. O(levels).
pub(super) fn read(levels: &[CaseCriterionLevel], order: CaseScoreOrder) -> Scores {
    let texts: Vec<Option<&str>> = levels.iter().map(score_text).collect();
    let numbers = levels.iter().any(|l| l.score.is_some());
    let written: Vec<&str> = texts.iter().flatten().copied().collect();
    let (reading, read): (CaseScoreReading, Vec<Option<f64>>) = match scheme(&written) {
        Some(reading) if !numbers => {
            let grades = || written.iter().filter_map(|t| grade(t));
            // Plain letters keep the gaps of unused letters; with `+` or `-`, which
            // grades the scale has between those used is unknowable, so only their order
            // counts: the lowest used scores 1 and each higher one more.
            let modified = written.iter().any(|t| t.ends_with(['+', '-']));
            let mut used: Vec<u8> = grades().collect();
            used.sort_unstable();
            used.dedup();
            let last = grades().max().unwrap_or(0);
            let read = texts
                .iter()
                .map(|t| {
                    let t = (*t)?;
                    match reading {
                        CaseScoreReading::Letters if modified => {
                            let at = used.binary_search(&grade(t)?).ok()?;
                            u32::try_from(used.len() - at).ok().map(f64::from)
                        }
                        CaseScoreReading::Letters => {
                            grade(t).map(|at| f64::from(last / 3 - at / 3 + 1))
                        }
                        _ => roman(t).map(f64::from),
                    }
                })
                .collect();
            (reading, read)
        }
        _ => {
            let read = levels.iter().map(|l| l.score.map(unsigned_zero)).collect();
            (CaseScoreReading::Numbers, read)
        }
    };
    let derived = reading != CaseScoreReading::Numbers;
    let written = texts
        .iter()
        .map(|t| t.filter(|_| derived).map(str::to_owned))
        .collect();
    // Letter grades have A best whatever the order: they were read so already.
    let reflect = order == CaseScoreOrder::LowerIsBetter && reading != CaseScoreReading::Letters;
    let ordering = if reflect {
        reflected(&read)
    } else {
        read.clone()
    };
    Scores {
        reading,
        read,
        ordering,
        written,
    }
}

/// The text of a level's `score` that the reader could not read as a number (trimmed), if
/// any: it stays in the level's fields.
fn score_text(level: &CaseCriterionLevel) -> Option<&str> {
    match level.extra.get("score") {
        Some(v) if level.score.is_none() => held_text(v).map(str::trim),
        _ => None,
    }
}

/// The one scheme all of `texts` are written in: letter grades or Roman numerals. `None`
/// when there are none, when they mix schemes or hold other text, or when every one reads
/// as both (`"I"`, `"V"`, `"X"` alone: letter grades or numerals, unknowable; `"Level V"`
/// is a numeral, as no letter grade is written so).
fn scheme(texts: &[&str]) -> Option<CaseScoreReading> {
    if texts.is_empty() {
        return None;
    }
    let letters = texts.iter().all(|t| grade(t).is_some());
    let numerals = texts.iter().all(|t| roman(t).is_some());
    match (letters, numerals) {
        (true, false) => Some(CaseScoreReading::Letters),
        (false, true) => Some(CaseScoreReading::RomanNumerals),
        _ => None,
    }
}

/// A letter grade's place in the order of grades, best first: three places per letter,
/// `+` before the letter alone before `-` (`A+` 0, `A` 1, `A-` 2, `B+` 3, …), in any case.
fn grade(text: &str) -> Option<u8> {
    let (letter, modifier) = match *text.as_bytes() {
        [b] => (b, 1),
        [b, b'+'] => (b, 0),
        [b, b'-'] => (b, 2),
        _ => return None,
    };
    letter
        .is_ascii_alphabetic()
        .then(|| (letter.to_ascii_uppercase() - b'A') * 3 + modifier)
}

/// Scores of a scale whose lower scores are better, turned so that higher ones are: each
/// score other than 0 becomes `lowest + highest − score` over the criterion's scores other
/// than 0 (1 to 5 becomes 5 to 1, gaps kept), and 0 stays 0, the level of none ("not
/// applicable").
///
/// The reflection is exact where binary arithmetic is not: it is computed as
/// `(highest − score) + lowest`, so the highest score becomes the lowest and a score far
/// below the highest (1 beside 10¹⁶) is not absorbed into 0, the level of none; and scores
/// written with a few decimal places (0.1, 0.2, 0.3) turn into the decimals they reflect to
/// (0.3, 0.2, 0.1, not 0.30000000000000004), so that a [`CaseLevelRule::Table`] names them.
///
/// [`CaseLevelRule::Table`]: crate::CaseLevelRule::Table
fn reflected(scores: &[Option<f64>]) -> Vec<Option<f64>> {
    let nonzero = || scores.iter().flatten().copied().filter(|&s| !is_zero(s));
    let lowest = nonzero().fold(f64::INFINITY, f64::min);
    let highest = nonzero().fold(f64::NEG_INFINITY, f64::max);
    let places = decimal_places(nonzero(), lowest.abs().max(highest.abs()));
    scores
        .iter()
        .map(|s| {
            s.map(|s| {
                if is_zero(s) {
                    s
                } else {
                    let turned = (highest - s) + lowest;
                    unsigned_zero(places.map_or(turned, |p| at_places(turned, p)))
                }
            })
        })
        .collect()
}

/// The most decimal places among `scores` written in their shortest form (`0.25`: 2), when
/// every multiple of that place up to `largest` is read back exactly from its text at that
/// many places after a few roundings (below 2⁵⁰ units of it); `None` otherwise.
fn decimal_places(scores: impl Iterator<Item = f64>, largest: f64) -> Option<usize> {
    let mut places = 0;
    for s in scores {
        let text = s.to_string();
        places = places.max(text.find('.').map_or(0, |dot| text.len() - dot - 1));
        if places > 15 {
            return None;
        }
    }
    // At most 15 places, checked above.
    let units = largest * 10f64.powi(i32::from(places as u8));
    (units < 2f64.powi(50)).then_some(places)
}

/// `x` read back from its text at `places` decimal places: the nearest `f64` to `x`
/// rounded to `places` decimals. With `x` times 10^`places` below 2⁵⁰ (as
/// [`decimal_places`] ensures) the rounded units are a whole `f64` and 10^`places` is
/// exact, so one correctly rounded division gives what parsing the decimal text gives,
/// without linking a decimal parser into the WebAssembly module.
fn at_places(x: f64, places: usize) -> f64 {
    let scale = 10f64.powi(i32::from(u8::try_from(places).unwrap_or(u8::MAX)));
    (x * scale).round() / scale
}

/// Whether `score` is 0 or -0.
fn is_zero(score: f64) -> bool {
    unsigned_zero(score).total_cmp(&0.0).is_eq()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn levels(scores: &[Value]) -> Vec<CaseCriterionLevel> {
        scores
            .iter()
            .map(|s| {
                let map = serde_json::json!({ "score": s });
                let Value::Object(map) = map else {
                    unreachable!()
                };
                crate::interop::case::read::level(map)
            })
            .collect()
    }

    fn read_as(scores: &[Value], order: CaseScoreOrder) -> (CaseScoreReading, Vec<Option<f64>>) {
        let s = read(&levels(scores), order);
        (s.reading, s.ordering)
    }

    #[test]
    fn letters_have_a_best_and_the_last_letter_used_scores_one() {
        use serde_json::json;
        let (reading, scores) = read_as(
            &[json!("A"), json!("b"), json!(" C "), json!("E")],
            CaseScoreOrder::HigherIsBetter,
        );
        assert_eq!(reading, CaseScoreReading::Letters);
        assert_eq!(scores, [Some(5.0), Some(4.0), Some(3.0), Some(1.0)]);
        // The order option does not turn letters again.
        let lower = read_as(&[json!("A"), json!("B")], CaseScoreOrder::LowerIsBetter);
        assert_eq!(lower.1, [Some(2.0), Some(1.0)]);
    }

    #[test]
    fn roman_numerals_are_their_values() {
        use serde_json::json;
        let (reading, scores) = read_as(
            &[json!("I"), json!("ii"), json!("IV"), json!("VII")],
            CaseScoreOrder::HigherIsBetter,
        );
        assert_eq!(reading, CaseScoreReading::RomanNumerals);
        assert_eq!(scores, [Some(1.0), Some(2.0), Some(4.0), Some(7.0)]);
    }

    #[test]
    fn mixed_ambiguous_or_other_text_gives_no_scheme() {
        use serde_json::json;
        for scores in [
            vec![json!("A"), json!(2)],
            vec![json!("A"), json!("II")],
            vec![json!("I"), json!("V")],
            vec![json!("A"), json!("AA")],
            vec![json!("IIII")],
        ] {
            let (reading, got) = read_as(&scores, CaseScoreOrder::HigherIsBetter);
            assert_eq!(reading, CaseScoreReading::Numbers, "{scores:?}");
            let numbers: Vec<Option<f64>> = scores.iter().map(Value::as_f64).collect();
            assert_eq!(got, numbers, "{scores:?}");
        }
    }

    #[test]
    fn lower_is_better_reflects_scores_other_than_zero() {
        let scores = [Some(1.0), Some(2.0), Some(4.0), Some(0.0), None];
        assert_eq!(
            reflected(&scores),
            [Some(4.0), Some(3.0), Some(1.0), Some(0.0), None]
        );
        assert_eq!(reflected(&[Some(3.0)]), [Some(3.0)]);
    }

    #[test]
    #[allow(clippy::float_cmp)]
    fn at_places_is_the_decimal_text_read_back() {
        // Values a few ulps from a decimal of `p` places below 2^50 units, as reflected
        // scores are: the same as formatting at `p` places and parsing the text.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for p in 0..=15_usize {
            let scale = 10f64.powi(i32::try_from(p).unwrap());
            for _ in 0..2_000 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let limit = (2f64.powi(50) / scale).max(1.0);
                #[allow(clippy::cast_precision_loss)]
                let units = ((seed >> 11) as f64 % (limit * scale)).floor();
                let exact = units / scale;
                for x in [
                    exact,
                    exact.next_up(),
                    exact.next_down(),
                    (exact + 0.1) - 0.1,
                ] {
                    let text: f64 = format!("{x:.p$}").parse().unwrap();
                    assert_eq!(at_places(x, p), text, "{x} at {p} places");
                }
            }
        }
    }

    #[test]
    fn lower_is_better_reflects_decimals_and_far_apart_scores_exactly() {
        // In binary, 0.1 + 0.3 − 0.1 is 0.30000000000000004 and 0.4 − 0.3 is
        // 0.10000000000000003.
        assert_eq!(
            reflected(&[Some(0.1), Some(0.2), Some(0.3)]),
            [Some(0.3), Some(0.2), Some(0.1)]
        );
        assert_eq!(
            reflected(&[Some(1.25), Some(2.6), Some(9.95), Some(0.0)]),
            [Some(9.95), Some(8.6), Some(1.25), Some(0.0)]
        );
        // 1 + 10¹⁶ is 10¹⁶ in binary: the lowest score is not turned into 0 (none).
        assert_eq!(reflected(&[Some(1.0), Some(1e16)]), [Some(1e16), Some(1.0)]);
        assert_eq!(
            reflected(&[Some(1e300), Some(2.0)]),
            [Some(2.0), Some(1e300)]
        );
    }

    #[test]
    fn grades_with_plus_and_minus_are_read_in_order_only() {
        use serde_json::json;
        let (reading, scores) = read_as(
            &[
                json!("B"),
                json!("A-"),
                json!("A+"),
                json!("a"),
                json!("C+"),
            ],
            CaseScoreOrder::HigherIsBetter,
        );
        assert_eq!(reading, CaseScoreReading::Letters);
        assert_eq!(
            scores,
            [Some(2.0), Some(3.0), Some(5.0), Some(4.0), Some(1.0)]
        );
        // A modifier makes `I` a grade, not a numeral.
        let (reading, scores) = read_as(&[json!("I+"), json!("V")], CaseScoreOrder::LowerIsBetter);
        assert_eq!(reading, CaseScoreReading::Letters);
        assert_eq!(scores, [Some(2.0), Some(1.0)]);
        // Other marks are not grades.
        let (reading, _) = read_as(&[json!("A++"), json!("B")], CaseScoreOrder::HigherIsBetter);
        assert_eq!(reading, CaseScoreReading::Numbers);
    }

    #[test]
    fn roman_numerals_are_read_in_level_labels() {
        use serde_json::json;
        let (reading, scores) = read_as(
            &[
                json!("Level I"),
                json!("level-ii"),
                json!("LVL IV"),
                json!("L V"),
            ],
            CaseScoreOrder::HigherIsBetter,
        );
        assert_eq!(reading, CaseScoreReading::RomanNumerals);
        assert_eq!(scores, [Some(1.0), Some(2.0), Some(4.0), Some(5.0)]);
        // `LIV` and `LV` would be numerals of their own, beyond X; a label of numerals
        // among numbers gives no scheme.
        for scores in [vec![json!("LIV")], vec![json!("Level IV"), json!(3)]] {
            let (reading, _) = read_as(&scores, CaseScoreOrder::HigherIsBetter);
            assert_eq!(reading, CaseScoreReading::Numbers, "{scores:?}");
        }
    }
}
