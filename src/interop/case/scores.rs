//! The scores of one criterion's levels, as the proficiency order reads them: numbers as
//! read, or letter grades or Roman numerals when every score the criterion writes is text
//! of that one scheme; then turned so that a higher score is a higher level, as
//! [`CaseScoreOrder`] says the scale runs.

use serde_json::Value;

use crate::interop::case::import::{CaseScoreOrder, CaseScoreReading};
use crate::interop::case::package::CaseCriterionLevel;
use crate::interop::case::read::unsigned_zero;

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
            let last = written.iter().filter_map(|t| letter(t)).max().unwrap_or(0);
            let read = texts
                .iter()
                .map(|t| {
                    let t = (*t)?;
                    match reading {
                        CaseScoreReading::Letters => letter(t).map(|at| f64::from(last - at + 1)),
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
        Some(Value::String(text)) if level.score.is_none() => Some(text.trim()),
        _ => None,
    }
}

/// The one scheme all of `texts` are written in: letters or Roman numerals. `None` when
/// there are none, when they mix schemes or hold other text, or when every one reads as
/// both (`"I"`, `"V"`, `"X"` alone: letter grades or numerals, unknowable).
fn scheme(texts: &[&str]) -> Option<CaseScoreReading> {
    if texts.is_empty() {
        return None;
    }
    let letters = texts.iter().all(|t| letter(t).is_some());
    let numerals = texts.iter().all(|t| roman(t).is_some());
    match (letters, numerals) {
        (true, false) => Some(CaseScoreReading::Letters),
        (false, true) => Some(CaseScoreReading::RomanNumerals),
        _ => None,
    }
}

/// A letter grade's place in the alphabet (`A` 0, `B` 1, …), in any case.
fn letter(text: &str) -> Option<u8> {
    match text.as_bytes() {
        &[b] if b.is_ascii_alphabetic() => Some(b.to_ascii_uppercase() - b'A'),
        _ => None,
    }
}

/// The value of a Roman numeral from I to X, in any case, written in its standard form.
fn roman(text: &str) -> Option<u8> {
    const NUMERALS: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let at = NUMERALS.iter().position(|n| n.eq_ignore_ascii_case(text))?;
    u8::try_from(at + 1).ok()
}

/// Scores of a scale whose lower scores are better, turned so that higher ones are: each
/// score other than 0 becomes `lowest + highest − score` over the criterion's scores other
/// than 0 (1 to 5 becomes 5 to 1, gaps kept), and 0 stays 0, the level of none ("not
/// applicable").
fn reflected(scores: &[Option<f64>]) -> Vec<Option<f64>> {
    let nonzero = || scores.iter().flatten().copied().filter(|&s| !is_zero(s));
    let lowest = nonzero().fold(f64::INFINITY, f64::min);
    let highest = nonzero().fold(f64::NEG_INFINITY, f64::max);
    scores
        .iter()
        .map(|s| {
            s.map(|s| {
                if is_zero(s) {
                    s
                } else {
                    unsigned_zero(lowest + highest - s)
                }
            })
        })
        .collect()
}

/// Whether `score` is 0 or -0.
fn is_zero(score: f64) -> bool {
    unsigned_zero(score).total_cmp(&0.0).is_eq()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
