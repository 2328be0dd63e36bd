//! Proficiency scales written by other frameworks' authors (`tests/data/cases/scales/`),
//! as CASE rubrics carry them: each file keeps one shape of scale, and each test asserts
//! the levels it becomes and what the import reports about how.

use karmayogi::{
    CaseDropReason, CaseElement, CaseImport, CaseImportOptions, CaseLevelRule, Framework, Level,
};

const NEGATIVE_ZERO: &str = include_str!("../data/cases/scales/09-negative-zero-score.json");

fn level(n: usize) -> String {
    format!("b3000000-0000-4000-8000-00000000000{n}")
}

fn with_rule(json: &str, rule: CaseLevelRule) -> CaseImport {
    let options = CaseImportOptions::default().level_rule(rule);
    CaseImport::from_json(json, &options).unwrap_or_else(|e| panic!("{e}"))
}

/// The competency's described levels, as (level, name).
fn described(import: &CaseImport) -> Vec<(u8, String)> {
    import.spec.competencies[0]
        .levels
        .iter()
        .map(|l| (l.level, l.name.clone().unwrap_or_default()))
        .collect()
}

fn dropped(import: &CaseImport) -> Vec<(CaseElement, String, CaseDropReason)> {
    (import.report.dropped.iter())
        .map(|d| (d.element, d.identifier.clone(), d.reason))
        .collect()
}

/// The scores and levels the report gives the only criterion, in its order.
fn scale(import: &CaseImport) -> Vec<(Option<f64>, Option<u8>)> {
    import.report.scales[0]
        .levels
        .iter()
        .map(|l| (l.score, l.level.map(Level::get)))
        .collect()
}

fn l(n: u8) -> Level {
    Level::new(n).unwrap()
}

// scales/09: a points rubric whose "not evident" level is scored `-0.0`.

#[test]
fn a_negative_zero_score_is_zero_under_rank_and_table() {
    let table = CaseLevelRule::Table(vec![(0.0, l(0)), (10.0, l(1)), (20.0, l(2)), (30.0, l(4))]);
    for (rule, top) in [(CaseLevelRule::Rank, 3), (table, 4)] {
        let import = with_rule(NEGATIVE_ZERO, rule.clone());
        let expected = [
            (1, "Aware".to_owned()),
            (2, "Practitioner".to_owned()),
            (top, "Expert".to_owned()),
        ];
        assert_eq!(described(&import), expected, "{rule:?}");
        // The zero is level 0 (none), listed first, and reported as a positive zero.
        assert_eq!(
            dropped(&import),
            [(CaseElement::Level, level(1), CaseDropReason::LevelNone)]
        );
        let first = import.report.scales[0].levels[0].score.unwrap();
        assert_eq!(first.to_bits(), 0.0_f64.to_bits(), "{rule:?}");
        assert_eq!(scale(&import)[0].1, Some(0));
        Framework::new(import.spec).expect("valid");
    }
}

#[test]
fn a_table_giving_zero_twice_by_its_sign_is_refused() {
    let table = CaseLevelRule::Table(vec![(0.0, l(0)), (-0.0, l(0)), (1.0, l(1))]);
    let options = CaseImportOptions::default().level_rule(table);
    let errors = CaseImport::from_json(NEGATIVE_ZERO, &options)
        .unwrap_err()
        .into_vec();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("each once"), "{}", errors[0]);
}

#[test]
fn a_negative_zero_built_in_code_is_zero_too() {
    let mut package = karmayogi::CasePackage::from_json(NEGATIVE_ZERO).unwrap();
    let levels = &mut package.rubrics[0].criteria[0].levels;
    assert_eq!(levels[0].score.map(f64::to_bits), Some(0.0_f64.to_bits()));
    levels[0].score = Some(-0.0);
    let options = CaseImportOptions::default().level_rule(CaseLevelRule::Rank);
    let import = CaseImport::from_package(&package, &options).unwrap();
    assert_eq!(scale(&import)[0].1, Some(0));
    let first = import.report.scales[0].levels[0].score.unwrap();
    assert_eq!(first.to_bits(), 0.0_f64.to_bits());
}
