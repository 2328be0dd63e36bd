//! Proficiency scales written by other frameworks' authors (`tests/data/cases/scales/`),
//! as CASE rubrics carry them: each file keeps one shape of scale, and each test asserts
//! the levels it becomes and what the import reports about how.

use karmayogi::{
    CaseDropReason, CaseElement, CaseImport, CaseImportOptions, CaseLevelRule, Framework, Level,
};

const NEGATIVE_ZERO: &str = include_str!("../data/cases/scales/09-negative-zero-score.json");
const TEXT_SCORES: &str = include_str!("../data/cases/scales/10-text-scores.json");

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

// scales/10: scores written as percentages (`"75%"`) and with decimal commas (`"2,5"`).

#[test]
fn percentages_and_decimal_commas_are_numbers_in_order() {
    let import = with_rule(TEXT_SCORES, CaseLevelRule::Rank);
    let names = |c: usize| -> Vec<(u8, String)> {
        (import.spec.competencies[c].levels.iter())
            .map(|l| (l.level, l.name.clone().unwrap_or_default()))
            .collect()
    };
    let owned = |v: &[(u8, &str)]| -> Vec<(u8, String)> {
        v.iter().map(|&(l, n)| (l, n.to_owned())).collect()
    };
    assert_eq!(
        names(0),
        owned(&[
            (1, "Beginning"),
            (2, "Developing"),
            (3, "Proficient"),
            (4, "Exemplary")
        ])
    );
    assert_eq!(
        names(1),
        owned(&[(1, "Grundlagen"), (2, "Fortgeschritten"), (3, "Experte")])
    );
    assert!(
        import.report.dropped.is_empty(),
        "{:?}",
        import.report.dropped
    );
    assert!(import.report.dropped_fields.is_empty());
    let scores: Vec<Vec<f64>> = (import.report.scales.iter())
        .map(|s| s.levels.iter().map(|l| l.score.unwrap()).collect())
        .collect();
    assert_eq!(
        format!("{scores:?}"),
        "[[25.0, 50.0, 75.0, 100.0], [0.5, 1.5, 2.5]]"
    );
    Framework::new(import.spec).expect("valid");
}

#[test]
fn percentages_under_the_default_rule_are_set_aside_with_their_order_reported() {
    let import = with_rule(TEXT_SCORES, CaseLevelRule::Score);
    assert!(import.spec.competencies.is_empty());
    let reasons: Vec<CaseDropReason> = import.report.dropped.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, [CaseDropReason::UnmappedScale; 4]);
    // The report keeps each score's number, in order, and says no level was given.
    let first = &import.report.scales[0];
    let scores: Vec<Option<f64>> = first.levels.iter().map(|l| l.score).collect();
    assert_eq!(
        format!("{scores:?}"),
        "[Some(25.0), Some(50.0), Some(75.0), Some(100.0)]"
    );
    assert!(first.levels.iter().all(|l| l.level.is_none()));
    // Mapped as points out of 100.
    let import = with_rule(TEXT_SCORES, CaseLevelRule::Proportional { top: 100 });
    let got: Vec<u8> = import.spec.competencies[0]
        .levels
        .iter()
        .map(|l| l.level)
        .collect();
    assert_eq!(got, [2, 3, 4, 5]);
}
