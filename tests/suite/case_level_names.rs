//! Level names that read as another level (`tests/data/cases/case/83-…`): a 7-level
//! rubric naming its levels `Level 1` to `Level 7`, imported with `Proportional { top: 7
//! }` as SFIA is, gave level 4 the name `Level 5`, which every reader of a level reads as
//! 5, and `Framework::new` refused the spec the import had returned. Such a name is set
//! aside and reported; the level keeps its description. Then the law behind it: for every
//! CASE package of the repository and mutations of their level names, under every level
//! rule, an import that succeeds gives a spec `Framework::new` accepts.

use std::path::Path;

use karmayogi::{
    CaseElement, CaseFieldReason, CaseIds, CaseImport, CaseImportOptions, CaseLevelRule,
    CaseScoreOrder, Framework,
};
use serde_json::Value;

use crate::support::json_files;

const NAMED_AS_NUMBERS: &str =
    include_str!("../data/cases/case/83-level-names-reading-as-other-levels.json");

fn level_id(n: u8) -> String {
    format!("b0000000-0000-4000-8000-0000000000{n}")
}

/// `(level, name, description)` of each descriptor of competency `c`.
fn descriptors(import: &CaseImport, c: usize) -> Vec<(u8, Option<&str>, &str)> {
    (import.spec.competencies[c].levels.iter())
        .map(|d| (d.level, d.name.as_deref(), d.description.as_str()))
        .collect()
}

#[test]
fn a_seven_level_scale_named_by_number_imports_with_the_names_of_other_levels_set_aside() {
    let options = CaseImportOptions::default().level_rule(CaseLevelRule::Proportional { top: 7 });
    let import = CaseImport::from_json(NAMED_AS_NUMBERS, &options).unwrap();
    let described = |n: u8| format!("Works at responsibility level {n}.");
    let (d1, d2, d3, d5, d6) = (
        described(1),
        described(2),
        described(3),
        described(5),
        described(6),
    );
    assert_eq!(
        descriptors(&import, 0),
        [
            (1, Some("Level 1"), d1.as_str()),
            (2, Some("Level 2"), d2.as_str()),
            (3, Some("Level 3"), d3.as_str()),
            (4, None, d5.as_str()),
            (5, None, d6.as_str()),
        ]
    );
    assert_eq!(
        descriptors(&import, 1),
        [
            (1, None, "Keeps files in order."),
            (2, Some("Level 2"), "Runs a registry."),
        ]
    );
    let set_aside: Vec<(CaseElement, &str, &str, CaseFieldReason)> =
        (import.report.dropped_fields.iter())
            .filter(|f| f.element == CaseElement::Level)
            .map(|f| (f.element, f.identifier.as_str(), f.field.as_str(), f.reason))
            .collect();
    let named = |level, reads_as| CaseFieldReason::NamesAnotherLevel { level, reads_as };
    assert_eq!(
        set_aside,
        [
            (
                CaseElement::Level,
                level_id(15).as_str(),
                "quality",
                named(4, 5)
            ),
            (
                CaseElement::Level,
                level_id(16).as_str(),
                "quality",
                named(5, 6)
            ),
            (
                CaseElement::Level,
                level_id(21).as_str(),
                "quality",
                named(1, 3)
            ),
        ]
    );
    Framework::new(import.spec).unwrap();
    // Under the default rule the 7-level criterion cannot be mapped (set aside with its
    // item); the level scored 1 and named `3` is still set aside by its name.
    let import = CaseImport::from_json(NAMED_AS_NUMBERS, &CaseImportOptions::default()).unwrap();
    assert!(
        (import.report.dropped_fields.iter())
            .any(|f| f.identifier == level_id(21) && f.reason == named(1, 3)),
        "{:?}",
        import.report.dropped_fields
    );
    Framework::new(import.spec).unwrap();
}

/// The options packages are imported under: every level rule (the scales of 5, 7 and 8
/// levels, and points out of 100), both score orders, both id fields.
fn every_options() -> Vec<CaseImportOptions> {
    let rules = [
        CaseLevelRule::Score,
        CaseLevelRule::Rank,
        CaseLevelRule::Proportional { top: 7 },
        CaseLevelRule::Proportional { top: 8 },
        CaseLevelRule::Proportional { top: 100 },
    ];
    let mut options = Vec::new();
    for rule in rules {
        let base = CaseImportOptions::default().level_rule(rule);
        options.push(base.clone());
        options.push(base.clone().score_order(CaseScoreOrder::LowerIsBetter));
        options.push(base.ids(CaseIds::HumanCodingScheme));
    }
    options
}

/// The level names a mutation writes on the level at `at` (from 0) scored `score`:
/// names reading as the level's own number, as the next one, the one before, as 0, and
/// as a number no scale has.
fn names(at: usize, score: Option<i64>) -> [String; 6] {
    let s = score.unwrap_or(i64::try_from(at).unwrap() + 1);
    [
        format!("Level {s}"),
        s.to_string(),
        format!("Level {}", s + 1),
        format!("L{}", s - 1),
        "0".to_owned(),
        "12".to_owned(),
    ]
}

/// Every criterion level of `package` (any depth: a package may be wrapped), named by
/// `name(at, score)`.
fn rename_levels(value: &mut Value, name: &dyn Fn(usize, Option<i64>) -> String) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key.eq_ignore_ascii_case("CFRubricCriterionLevels")
                    && let Value::Array(levels) = child
                {
                    for (at, level) in levels.iter_mut().enumerate() {
                        if let Value::Object(level) = level {
                            let score = level.get("score").and_then(Value::as_i64);
                            level.insert("quality".to_owned(), Value::String(name(at, score)));
                        }
                    }
                } else {
                    rename_levels(child, name);
                }
            }
        }
        Value::Array(list) => list.iter_mut().for_each(|v| rename_levels(v, name)),
        _ => {}
    }
}

#[track_caller]
fn imports_buildable(path: &Path, what: &str, text: &str, options: &[CaseImportOptions]) -> bool {
    let mut imported = false;
    for (o, options) in options.iter().enumerate() {
        if let Ok(import) = CaseImport::from_json(text, options) {
            imported = true;
            if let Err(e) = Framework::new(import.spec) {
                panic!(
                    "{} ({what}, options {o}): imported, then refused: {e}",
                    path.display()
                );
            }
        }
    }
    imported
}

/// The law: an import that succeeds hands over a spec the framework accepts, for every
/// CASE package of the repository (the real ones of `tests/data/case/`, the reduced
/// cases) as written and with each level named as the level itself, as the next and the
/// previous level, as level 0 and as a level no scale has, under every level rule.
#[test]
fn every_package_imported_builds_a_framework_with_level_names_of_any_number() {
    let options = every_options();
    let (mut packages, mut imported) = (0, 0);
    for dir in [
        "tests/data/case",
        "tests/data/cases/case",
        "tests/data/cases/scales",
    ] {
        for path in json_files(dir) {
            let text = std::fs::read_to_string(&path).unwrap();
            packages += 1;
            imported += usize::from(imports_buildable(&path, "as written", &text, &options));
            let Ok(json) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            for k in 0..6 {
                let mut mutated = json.clone();
                rename_levels(&mut mutated, &|at, score| names(at, score)[k].clone());
                if mutated == json {
                    break;
                }
                let text = serde_json::to_string(&mutated).unwrap();
                imports_buildable(&path, &format!("names {k}"), &text, &options);
            }
        }
    }
    assert!(
        packages > 100 && imported > 80,
        "{packages} packages, {imported} imported"
    );
}
