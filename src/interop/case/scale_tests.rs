//! Unit tests of `scale`: scores mapped to levels by each rule.

use super::*;

fn levels(rule: &CaseLevelRule, scores: &[f64]) -> Vec<Option<u8>> {
    let scores: Vec<Option<f64>> = scores.iter().copied().map(Some).collect();
    map_scores(rule, &scores)
}

#[test]
fn the_score_is_the_level_by_default() {
    let rule = CaseLevelRule::Score;
    assert_eq!(
        levels(&rule, &[0.0, 1.0, 4.0, 5.0]),
        [Some(0), Some(1), Some(4), Some(5)]
    );
    assert_eq!(levels(&rule, &[6.0, 2.5, -1.0]), [None, None, None]);
    assert_eq!(map_scores(&rule, &[None]), [None]);
}

#[test]
fn ranks_start_at_one_above_a_zero_score() {
    let rule = CaseLevelRule::Rank;
    assert_eq!(
        levels(&rule, &[0.0, 10.0, 20.0, 30.0]),
        [Some(0), Some(1), Some(2), Some(3)]
    );
    let six = levels(&rule, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    assert_eq!(six[5], None);
    assert_eq!(levels(&rule, &[-1.0]), [None]);
}

#[test]
fn proportional_mapping_is_exact() {
    // SFIA's seven levels, and O*NET's 0–7 level scale as the O*NET loader maps it.
    let sfia = CaseLevelRule::Proportional { top: 7 };
    let all: Vec<f64> = (0..=7).map(f64::from).collect();
    let mapped: Vec<u8> = levels(&sfia, &all)
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert_eq!(mapped, [0, 1, 2, 3, 3, 4, 5, 5]);
    let digcomp = CaseLevelRule::Proportional { top: 8 };
    let all: Vec<f64> = (1..=8).map(f64::from).collect();
    let mapped: Vec<u8> = levels(&digcomp, &all)
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert_eq!(mapped, [1, 2, 2, 3, 4, 4, 5, 5]);
    assert_eq!(levels(&sfia, &[8.0, 3.5]), [None, None]);
}

#[test]
fn tables_map_exact_scores_only() {
    let rule = CaseLevelRule::Table(vec![
        (1.0, Level::new(1).unwrap()),
        (2.0, Level::new(3).unwrap()),
    ]);
    assert_eq!(levels(&rule, &[1.0, 2.0, 3.0]), [Some(1), Some(3), None]);
}

#[test]
fn rules_that_map_nothing_are_rejected() {
    assert_eq!(check_rule(&CaseLevelRule::Proportional { top: 0 }).len(), 1);
    let one = Level::new(1).unwrap();
    let table = CaseLevelRule::Table(vec![(1.0, one), (1.0, one), (f64::NAN, one)]);
    assert_eq!(check_rule(&table).len(), 2);
    let falling = CaseLevelRule::Table(vec![(1.0, Level::new(3).unwrap()), (2.0, one)]);
    assert_eq!(check_rule(&falling).len(), 1);
    assert!(check_rule(&CaseLevelRule::Score).is_empty());
}
