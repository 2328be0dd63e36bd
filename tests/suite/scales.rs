//! Proficiency scales written by other frameworks' authors (`tests/data/cases/scales/`),
//! as CASE rubrics carry them: each file keeps one shape of scale, and each test asserts
//! the levels it becomes and what the import reports about how.

use karmayogi::{
    CaseDropReason, CaseElement, CaseFieldReason, CaseImport, CaseImportOptions, CaseLevelRule,
    CaseScoreOrder, CaseScoreReading, Framework, Level,
};

const NEGATIVE_ZERO: &str = include_str!("../data/cases/scales/09-negative-zero-score.json");
const TEXT_SCORES: &str = include_str!("../data/cases/scales/10-text-scores.json");
const GRADES: &str = include_str!("../data/cases/scales/11-letter-and-roman-scores.json");
const DESCENDING: &str = include_str!("../data/cases/scales/12-descending-scores.json");

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
            (0, "Not evident".to_owned()),
            (1, "Aware".to_owned()),
            (2, "Practitioner".to_owned()),
            (top, "Expert".to_owned()),
        ];
        assert_eq!(described(&import), expected, "{rule:?}");
        // The zero is level 0 (none), listed first, described, and reported as a
        // positive zero.
        assert_eq!(dropped(&import), []);
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

/// Competency `c`'s described levels, as (level, name).
fn named_levels(import: &CaseImport, c: usize) -> Vec<(u8, String)> {
    (import.spec.competencies[c].levels.iter())
        .map(|l| (l.level, l.name.clone().unwrap_or_default()))
        .collect()
}

fn owned(levels: &[(u8, &str)]) -> Vec<(u8, String)> {
    levels.iter().map(|&(l, n)| (l, n.to_owned())).collect()
}

// scales/11: letter grades, A best, and Roman numerals, listed best-first and worst-first.

#[test]
fn letter_grades_have_a_best_and_roman_numerals_their_values() {
    let import = with_rule(GRADES, CaseLevelRule::Score);
    assert_eq!(
        named_levels(&import, 0),
        owned(&[
            (1, "Needs improvement"),
            (2, "Fair"),
            (3, "Good"),
            (4, "Very good"),
            (5, "Outstanding")
        ])
    );
    assert_eq!(
        named_levels(&import, 1),
        owned(&[
            (1, "Foundation"),
            (2, "Intermediate"),
            (3, "Advanced"),
            (4, "Expert")
        ])
    );
    // Nothing is set aside: the texts were read, and the report says how.
    assert!(import.report.is_complete(), "{:?}", import.report);
    let scales = &import.report.scales;
    assert_eq!(scales[0].reading, CaseScoreReading::Letters);
    assert_eq!(scales[1].reading, CaseScoreReading::RomanNumerals);
    let written: Vec<(String, Option<f64>)> = (scales[0].levels.iter())
        .map(|l| (l.written.clone().unwrap(), l.score))
        .collect();
    assert_eq!(
        format!("{written:?}"),
        r#"[("E", Some(1.0)), ("D", Some(2.0)), ("C", Some(3.0)), ("B", Some(4.0)), ("A", Some(5.0))]"#
    );
    Framework::new(import.spec).expect("valid");
}

#[test]
fn letters_mixed_with_numbers_are_unscored_and_reported() {
    let mixed = GRADES.replacen(r#""score": "C""#, r#""score": 3"#, 1);
    let import = with_rule(&mixed, CaseLevelRule::Score);
    assert_eq!(import.report.scales[0].reading, CaseScoreReading::Numbers);
    // Only the level scored 3 keeps a place; each letter is reported, none guessed.
    assert_eq!(named_levels(&import, 0), owned(&[(3, "Good")]));
    let unscored: Vec<String> = (import.report.dropped.iter())
        .filter(|d| d.reason == CaseDropReason::Unscored)
        .map(|d| d.identifier.clone())
        .collect();
    assert_eq!(unscored, [level(1), level(2), level(4), level(5)]);
    // Each letter is listed with the fields set aside, as text of the wrong type.
    let letters: Vec<(String, String)> = (import.report.dropped_fields.iter())
        .filter(|f| f.element == CaseElement::Level)
        .inspect(|f| {
            assert!(
                matches!(f.reason, CaseFieldReason::WrongType { .. }),
                "{f:?}"
            );
        })
        .map(|f| (f.identifier.clone(), f.field.clone()))
        .collect();
    let expected: Vec<_> = [1, 2, 4, 5]
        .into_iter()
        .map(|n| (level(n), "score".to_owned()))
        .collect();
    assert_eq!(letters, expected);
}

#[test]
fn numerals_that_read_as_letters_too_are_unscored() {
    // "I" and "V" alone: letter grades (I above V) or numerals (V above I)?
    let ambiguous = GRADES
        .replace(r#""score": "II""#, r#""score": "V""#)
        .replace(r#""score": "III""#, r#""score": null"#)
        .replace(r#""score": "IV""#, r#""score": null"#);
    let import = with_rule(&ambiguous, CaseLevelRule::Score);
    assert_eq!(import.report.scales[1].reading, CaseScoreReading::Numbers);
    // No level has a score: the criterion is set aside with its item, as unscored.
    assert_eq!(import.spec.competencies.len(), 1);
    let item_2 = "c0000000-0000-4000-8000-000000000002";
    assert!(
        (import.report.dropped.iter())
            .any(|d| d.identifier == item_2 && d.reason == CaseDropReason::Unscored)
    );
}

// scales/12: scales on which 1 is the best level.

#[test]
fn a_scale_whose_lower_scores_are_better_is_read_so_when_told() {
    let options = CaseImportOptions::default().score_order(CaseScoreOrder::LowerIsBetter);
    let import = CaseImport::from_json(DESCENDING, &options).unwrap();
    assert_eq!(
        named_levels(&import, 0),
        owned(&[
            (1, "Awareness"),
            (2, "Beginner"),
            (3, "Intermediate"),
            (4, "Advanced"),
            (5, "Expert")
        ])
    );
    // 1, 2, 4 turned over 1 to 4: the gap stays between the two lowest levels.
    assert_eq!(
        named_levels(&import, 1),
        owned(&[(1, "Learning"), (3, "Practises"), (4, "Leads")])
    );
    assert!(import.report.is_complete(), "{:?}", import.report);
    let scale = &import.report.scales[0];
    assert_eq!(scale.order, CaseScoreOrder::LowerIsBetter);
    // The report lists the scores as written, lowest proficiency first.
    let scores: Vec<(Option<f64>, Option<u8>)> = (scale.levels.iter())
        .map(|l| (l.score, l.level.map(Level::get)))
        .collect();
    assert_eq!(
        format!("{scores:?}"),
        "[(Some(5.0), Some(1)), (Some(4.0), Some(2)), (Some(3.0), Some(3)), \
         (Some(2.0), Some(4)), (Some(1.0), Some(5))]"
    );
    Framework::new(import.spec).expect("valid");
    // Untold, the scores are points, and the report says which way they were taken.
    let import = with_rule(DESCENDING, CaseLevelRule::Score);
    assert_eq!(named_levels(&import, 0)[4], (5, "Awareness".to_owned()));
    assert_eq!(
        import.report.scales[0].order,
        CaseScoreOrder::HigherIsBetter
    );
}

#[test]
fn lower_is_better_goes_with_every_rule_and_keeps_zero_as_none() {
    let options = CaseImportOptions::default()
        .score_order(CaseScoreOrder::LowerIsBetter)
        .level_rule(CaseLevelRule::Proportional { top: 7 });
    // Seven levels, 1 the best, and a 0 for "not applicable".
    let seven: Vec<(i32, &str)> = vec![
        (0, "n/a"),
        (1, "s1"),
        (2, "s2"),
        (3, "s3"),
        (4, "s4"),
        (5, "s5"),
        (6, "s6"),
        (7, "s7"),
    ];
    let mut package: serde_json::Value = serde_json::from_str(DESCENDING).unwrap();
    let levels: Vec<serde_json::Value> = (seven.iter())
        .map(|(score, q)| serde_json::json!({"identifier": q, "quality": q, "score": score}))
        .collect();
    package["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"] = levels.into();
    let import = CaseImport::from_json(&package.to_string(), &options).unwrap();
    // 7 is the lowest level and 1 the highest: turned, 1 to 7 map to 1, 2, 3, 3, 4, 5, 5.
    assert_eq!(
        named_levels(&import, 0),
        owned(&[
            (0, "n/a"),
            (1, "s7"),
            (2, "s6"),
            (3, "s5"),
            (4, "s3"),
            (5, "s2")
        ])
    );
    let dropped = dropped(&import);
    assert!(!dropped.iter().any(|d| d.1 == "n/a"), "{dropped:?}");
    assert!(dropped.contains(&(
        CaseElement::Level,
        "s4".to_owned(),
        CaseDropReason::MergedLevel
    )));
    assert!(dropped.contains(&(
        CaseElement::Level,
        "s1".to_owned(),
        CaseDropReason::MergedLevel
    )));
}

// scales/02 again: SFIA's levels run 1 to 7; FRAC's 1 to 5. A level 7 is never clamped.

#[test]
fn a_sfia_level_above_five_is_an_error_naming_its_owner_never_clamped() {
    let sfia = include_str!("../data/cases/scales/02-sfia-partial-levels.json");
    let seven = sfia.replace(r#""level": 5}]"#, r#""level": 7}]"#);
    let errors = Framework::from_json(&seven).unwrap_err().into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["role `r-planner` names competency `ITSP` at level 7: expected 1 to 5"]
    );
    // Evidence at SFIA's level 6 names the officer, the entry and the scale.
    let framework = Framework::from_json(sfia).unwrap();
    let officers = karmayogi::OfficersSpec::from_json(
        r#"{"format_version": 2, "officers": [{"id": "u-1", "department": "it",
            "position": "p-planner", "passbook": [{"competency": "ITSP", "level": 6,
            "source": "assessment", "date": "2024-01-01"}]}]}"#,
    )
    .unwrap();
    let policy = karmayogi::LevelPolicy::default();
    let errors = karmayogi::Profile::new(&framework, &officers.officers[0], &policy)
        .unwrap_err()
        .into_vec();
    let message = errors[0].to_string();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        message.contains("`u-1`") && message.contains("`ITSP`"),
        "{message}"
    );
    assert!(message.contains('6') && message.contains('5'), "{message}");
}

// scales/15: rubrics printed for people, scored in points (`"3 points"`, listed best
// first) and out of the scale's top (`"3/4"`, `"Level 3 of 4"`).

const POINTS: &str = include_str!("../data/cases/scales/15-scores-in-points.json");

#[test]
fn scores_in_points_or_out_of_a_top_are_the_number_before_the_top() {
    let import = with_rule(POINTS, CaseLevelRule::Score);
    let names = ["Beginning", "Developing", "Proficient", "Exemplary"];
    let expected: Vec<(u8, String)> = (1..=4).zip(names.map(str::to_owned)).collect();
    assert_eq!(import.spec.competencies.len(), 3);
    for c in &import.spec.competencies {
        let got: Vec<(u8, String)> = (c.levels.iter())
            .map(|l| (l.level, l.name.clone().unwrap_or_default()))
            .collect();
        assert_eq!(got, expected, "{}", c.id);
        assert_eq!((c.min_level, c.max_level), (None, None), "{}", c.id);
    }
    // Read as numbers: nothing set aside, nothing reported of the wrong type.
    for s in &import.report.scales {
        assert_eq!(s.reading, CaseScoreReading::Numbers);
    }
    assert!(import.report.is_complete(), "{:?}", import.report);
    Framework::new(import.spec).unwrap();
    // A top says where the scale ends, not how to map it: "Level 6 of 7" is 6, which a
    // seven-level scale maps to FRAC's five by a rule.
    let sfia = POINTS.replace("Level 4 of 4", "Level 7 of 7");
    let import = with_rule(&sfia, CaseLevelRule::Proportional { top: 7 });
    let c = &import.spec.competencies[2];
    let got: Vec<u8> = c.levels.iter().map(|l| l.level).collect();
    assert_eq!(got, [1, 2, 3, 5]);
}
