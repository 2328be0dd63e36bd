//! CASE rubrics in any listing and display order: the levels a criterion's scores become,
//! against a reference written here from the documented rules of `CaseLevelRule` and
//! `CaseScoreOrder`. Scores are any subset of the scale (`Score`, points under `Rank`,
//! SFIA's 1–7 under `Proportional`, decimals such as 0.1 or 0.75 under a `Table`), written
//! as numbers or as text, listed and positioned in random orders, with or without a level
//! scored 0 and a tie; the level never comes from the display position.

use karmayogi::{
    CaseDropReason, CaseImport, CaseImportOptions, CaseLevelRule, CaseScoreOrder, Framework,
};
use proptest::prelude::*;
use proptest::sample::subsequence;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

const ITEM: &str = "c0000000-0000-4000-8000-000000000001";

#[derive(Clone, Debug)]
struct Rubric {
    /// Scores in listing order (0 allowed once).
    scores: Vec<u32>,
    /// Display position per listed level.
    positions: Vec<u32>,
    /// How each score is written: 0 number, 1 float, 2 text.
    written: Vec<u8>,
    /// 0 `Score`, 1 `Rank` (points), 2 `Proportional { top: 7 }` (SFIA), 3 a `Table` of
    /// decimal scores: score `k` written as `k × unit` (`unit`: digits, decimal places).
    rule: u8,
    unit: (u32, usize),
    lower_is_better: bool,
    /// The listed level (by index) whose score a second level shares, under `Score` and
    /// `Rank` (a tie: the level exists, undescribed, and both are reported).
    tie: Option<usize>,
}

fn rubric() -> impl Strategy<Value = Rubric> {
    (
        (
            0u8..4,
            prop::sample::select(vec![(1, 1), (5, 2), (1, 2), (3, 1), (25, 2), (7, 3)]),
        ),
        any::<bool>(),
        any::<bool>(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_flat_map(|((rule, unit), lower, zero, tie, tied)| {
            let top = if rule == 2 { 7 } else { 5 };
            let scores: Vec<u32> = (1..=top).collect();
            (
                subsequence(scores, 1..=top as usize),
                Just((rule, unit, lower, zero, (tied && rule < 2).then_some(tie))),
            )
        })
        .prop_flat_map(|(mut scores, (rule, unit, lower, zero, tie))| {
            let tie = tie.map(|t| t.index(scores.len()));
            if zero {
                scores.push(0);
            }
            if rule == 1 {
                // Points: 10, 20, …
                for s in &mut scores {
                    *s *= 10;
                }
            }
            let n = scores.len();
            (
                Just(scores).prop_shuffle(),
                Just((1..=n as u32).collect::<Vec<_>>()).prop_shuffle(),
                proptest::collection::vec(0u8..3, n),
                Just((rule, unit, lower, tie)),
            )
        })
        .prop_map(
            |(scores, positions, written, (rule, unit, lower, tie))| Rubric {
                scores,
                positions,
                written,
                rule,
                unit,
                lower_is_better: lower,
                tie,
            },
        )
}

/// `k × unit` as a decimal text (`unit`: digits, decimal places): 3 × (25, 2) is `0.75`.
fn decimal(k: u32, (digits, places): (u32, usize)) -> String {
    let text = format!("{:0>width$}", k * digits, width = places + 1);
    let (whole, fraction) = text.split_at(text.len() - places);
    format!("{whole}.{fraction}")
}

impl Rubric {
    fn json(&self) -> String {
        let mut levels: Vec<Value> = (self.scores.iter().zip(&self.positions).zip(&self.written))
            .map(|((&s, &p), &w)| {
                let score = match w {
                    _ if self.rule == 3 => {
                        let text = decimal(s, self.unit);
                        if w == 2 {
                            json!(text)
                        } else {
                            json!(text.parse::<f64>().unwrap())
                        }
                    }
                    0 => json!(s),
                    1 => json!(f64::from(s)),
                    _ => json!(s.to_string()),
                };
                json!({"identifier": format!("b3000000-0000-4000-8000-0000000000{s:02}"),
                       "quality": format!("Q{s}"), "description": format!("Scored {s}."),
                       "score": score, "position": p})
            })
            .collect();
        if let Some(t) = self.tie {
            // The tie is found among the positive scores, after them in the list.
            let s = self.tied_score(t);
            levels.push(
                json!({"identifier": format!("b3000000-0000-4000-8000-0000000001{s:02}"),
                               "quality": "Tied", "description": "Tied.", "score": s}),
            );
        }
        json!({
            "CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000001",
                           "creator": "Board", "title": "Scales",
                           "lastChangeDateTime": "2024-01-01T00:00:00Z"},
            "CFItems": [{"identifier": ITEM, "fullStatement": "Resolves grievances.",
                         "CFItemType": "Functional Competency"}],
            "CFRubrics": [{"identifier": "b1000000-0000-4000-8000-000000000001",
                           "title": "Levels",
                           "CFRubricCriteria": [{
                               "identifier": "b2000000-0000-4000-8000-000000000001",
                               "CFItemURI": {"identifier": ITEM},
                               "CFRubricCriterionLevels": levels}]}]
        })
        .to_string()
    }

    fn options(&self) -> CaseImportOptions {
        let rule = match self.rule {
            0 => CaseLevelRule::Score,
            1 => CaseLevelRule::Rank,
            2 => CaseLevelRule::Proportional { top: 7 },
            // Level 0 is in the table as a score like any other.
            _ => CaseLevelRule::Table(
                (0..=5u8)
                    .map(|k| {
                        let score = decimal(u32::from(k), self.unit).parse().unwrap();
                        (score, karmayogi::Level::new(k).unwrap())
                    })
                    .collect(),
            ),
        };
        let order = if self.lower_is_better {
            CaseScoreOrder::LowerIsBetter
        } else {
            CaseScoreOrder::HigherIsBetter
        };
        CaseImportOptions::default()
            .level_rule(rule)
            .score_order(order)
    }

    /// The score tied by `tie`: the `t`th positive score in listing order.
    fn tied_score(&self, t: usize) -> u32 {
        let positive: Vec<u32> = self.scores.iter().copied().filter(|&s| s > 0).collect();
        positive[t % positive.len()]
    }

    /// The reference: (level, score describing it) for each level, ascending, and the
    /// scores set aside as merged into a lower-scored one's level.
    fn expected(&self) -> (Vec<(u8, u32)>, Vec<u32>) {
        let positive: Vec<u32> = self.scores.iter().copied().filter(|&s| s > 0).collect();
        let (lo, hi) = (
            *positive.iter().min().unwrap(),
            *positive.iter().max().unwrap(),
        );
        // (turned score, written score), lowest proficiency first.
        let mut turned: Vec<(u32, u32)> = positive
            .iter()
            .map(|&s| (if self.lower_is_better { lo + hi - s } else { s }, s))
            .collect();
        turned.sort_unstable();
        let mut levels: Vec<(u8, u32)> = Vec::new();
        let mut merged = Vec::new();
        for (rank, &(t, s)) in turned.iter().enumerate() {
            let level = match self.rule {
                0 | 3 => t as u8,
                1 => rank as u8 + 1,
                _ => (t * 5).div_ceil(7) as u8,
            };
            if levels.last().is_some_and(|l| l.0 == level) {
                merged.push(s);
            } else {
                levels.push((level, s));
            }
        }
        merged.sort_unstable();
        (levels, merged)
    }
}

fn check(r: &Rubric) -> Result<(), TestCaseError> {
    let import = CaseImport::from_json(&r.json(), &r.options())
        .map_err(|e| TestCaseError::fail(format!("{e}")))?;
    let (levels, merged) = r.expected();
    let tied = r.tie.map(|t| r.tied_score(t));
    let c = &import.spec.competencies[0];
    let got: Vec<(u8, String, String)> = c
        .levels
        .iter()
        .map(|l| {
            (
                l.level,
                l.name.clone().unwrap_or_default(),
                l.description.clone(),
            )
        })
        .collect();
    // A level scored 0 is level 0 (none), described as such.
    let zero = r.scores.contains(&0).then_some((0, 0));
    let want: Vec<(u8, String, String)> = (zero.iter().chain(&levels))
        .filter(|&&(_, s)| Some(s) != tied)
        .map(|&(l, s)| (l, format!("Q{s}"), format!("Scored {s}.")))
        .collect();
    prop_assert_eq!(got, want);
    let mut got_merged: Vec<u32> = Vec::new();
    let mut shared: Vec<u32> = Vec::new();
    for d in &import.report.dropped {
        let score: u32 = d.identifier[d.identifier.len() - 2..].parse().unwrap();
        match d.reason {
            CaseDropReason::MergedLevel => got_merged.push(score),
            CaseDropReason::SharedScore => shared.push(score),
            other => prop_assert!(false, "{} set aside: {other:?}", d.identifier),
        }
    }
    got_merged.sort_unstable();
    prop_assert_eq!(got_merged, merged);
    prop_assert_eq!(shared, tied.map_or(vec![], |s| vec![s, s]));
    let fw =
        Framework::new(import.spec.clone()).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    let (low, high) = (levels[0].0, levels[levels.len() - 1].0);
    prop_assert_eq!(fw.min_level(ITEM).map(karmayogi::Level::get), Some(low));
    prop_assert_eq!(fw.max_level(ITEM).map(karmayogi::Level::get), Some(high));
    Ok(())
}

#[test]
fn rubric_levels_come_from_scores_in_any_order() {
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&rubric(), |r| check(&r)) {
        panic!("{e}");
    }
}

/// A one-criterion package whose levels are scored `scores`, the `i`th level with the
/// identifier `level-i` and the quality `Q{i}`.
fn scored(scores: &[f64]) -> String {
    let levels: Vec<Value> = (scores.iter().enumerate())
        .map(|(i, &s)| {
            json!({"identifier": format!("level-{i}"), "quality": format!("Q{i}"),
                              "description": format!("Level {i}."), "score": s})
        })
        .collect();
    let r = Rubric {
        scores: vec![1],
        positions: vec![1],
        written: vec![0],
        rule: 0,
        unit: (1, 0),
        lower_is_better: false,
        tie: None,
    };
    let mut package: Value = serde_json::from_str(&r.json()).unwrap();
    package["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"] = json!(levels);
    package.to_string()
}

/// Scores turned under `LowerIsBetter` are the exact reflections: a rubric scored in
/// tenths (0.1 the best) maps under a table of the turned scores, and one scored 1 and
/// 10¹⁶ keeps both levels under `Rank` (in binary, `1 + 10¹⁶ − 10¹⁶` is 0, the level of
/// none).
#[test]
fn lower_is_better_scores_turn_exactly() {
    let level = |n| karmayogi::Level::new(n).unwrap();
    let table = CaseLevelRule::Table(vec![(0.1, level(1)), (0.2, level(2)), (0.3, level(3))]);
    for (scores, rule, want) in [
        (
            vec![0.1, 0.2, 0.3],
            table,
            vec![(1, "Q2"), (2, "Q1"), (3, "Q0")],
        ),
        (
            vec![1.0, 1e16],
            CaseLevelRule::Rank,
            vec![(1, "Q1"), (2, "Q0")],
        ),
        (
            vec![2.0, 1e300],
            CaseLevelRule::Rank,
            vec![(1, "Q1"), (2, "Q0")],
        ),
    ] {
        let options = CaseImportOptions::default()
            .level_rule(rule)
            .score_order(CaseScoreOrder::LowerIsBetter);
        let import = CaseImport::from_json(&scored(&scores), &options).unwrap();
        assert!(
            import.report.dropped.is_empty(),
            "{scores:?}: {:?}",
            import.report.dropped
        );
        let got: Vec<(u8, &str)> = import.spec.competencies[0]
            .levels
            .iter()
            .map(|l| (l.level, l.name.as_deref().unwrap_or_default()))
            .collect();
        assert_eq!(got, want, "{scores:?}");
    }
}
