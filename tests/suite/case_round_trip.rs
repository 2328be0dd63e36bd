//! What a CASE import accepts, the crate's own export of the result accepts too, or the
//! import says why not: a package imports, its framework is built, and exporting it with
//! the document the import read must succeed and import again to the same dictionary
//! unless the import report is incomplete and names the document field at fault.
//!
//! The shapes come from publishers: `lastChangeDateTime` as a date alone, with a space
//! for the `T` (a SQL time stamp), minutes without seconds, a zone as `+0530`, the basic
//! format, and not at all; documents without a creator or title; rubric levels described
//! by blank text.

use karmayogi::{
    CaseElement, CaseExportOptions, CaseFieldReason, CaseImport, CaseImportOptions, CasePackage,
    Error, Errors, Framework,
};
use serde_json::{Value, json};

const DOC: &str = "d0000000-0000-4000-8000-000000000001";
const ITEM: &str = "c0000000-0000-4000-8000-000000000001";

fn package(document: &Value) -> Value {
    json!({
        "CFDocument": document.clone(),
        "CFItems": [{"identifier": ITEM, "fullStatement": "Counts.",
                     "CFItemType": "Functional Competency"}],
        "CFAssociations": [{"identifier": "e0000000-0000-4000-8000-000000000001",
            "associationType": "isChildOf",
            "originNodeURI": {"identifier": ITEM, "uri": "https://x.example/i", "title": "t"},
            "destinationNodeURI": {"identifier": DOC, "uri": "https://x.example/d", "title": "t"}}]
    })
}

fn document(stamp: Option<&str>) -> Value {
    let mut d = json!({"identifier": DOC, "creator": "Board", "title": "Maths"});
    if let Some(stamp) = stamp {
        d["lastChangeDateTime"] = json!(stamp);
    }
    d
}

fn import(package: &Value) -> CaseImport {
    CaseImport::from_json(&package.to_string(), &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{package}: {e:?}"))
}

/// Exports the import's framework with the document it read, and imports that again.
fn round_trip(import: &CaseImport) -> Result<(CasePackage, CaseImport), Vec<Error>> {
    let framework = Framework::new(import.spec.clone()).expect("valid");
    let package = CasePackage::from_framework(
        &framework,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .map_err(Errors::into_vec)?;
    let again = CaseImport::from_json(&package.to_json(), &CaseImportOptions::default())
        .map_err(Errors::into_vec)?;
    Ok((package, again))
}

/// The reasons the import gives for the document's fields.
fn document_reasons(import: &CaseImport) -> Vec<(&str, CaseFieldReason)> {
    import
        .report
        .dropped_fields
        .iter()
        .filter(|f| f.element == CaseElement::Document)
        .map(|f| (f.field.as_str(), f.reason))
        .collect()
}

#[test]
fn a_stamp_publishers_write_round_trips_written_as_case_defines() {
    for (stamp, written) in [
        ("2024-03-01T10:15:00Z", "2024-03-01T10:15:00Z"),
        // Without a zone, read as UTC: CASE 1.1's schema requires one.
        ("2024-03-01", "2024-03-01T00:00:00Z"),
        ("2024-03-01 10:15:00", "2024-03-01T10:15:00Z"),
        ("2024-03-01 10:15:00 IST", "2024-03-01T10:15:00+05:30"),
        ("2024-03-01T10:15+0530", "2024-03-01T10:15:00+05:30"),
        (
            "2024-03-01T10:15:00.250-03",
            "2024-03-01T10:15:00.250-03:00",
        ),
        ("20240301T101500Z", "2024-03-01T10:15:00Z"),
    ] {
        let import = import(&package(&document(Some(stamp))));
        assert_eq!(document_reasons(&import), [], "{stamp}");
        let (package, again) = round_trip(&import).unwrap_or_else(|e| panic!("{stamp}: {e:?}"));
        let document = package.document.as_ref().unwrap();
        assert_eq!(document.last_change_date_time, written, "{stamp}");
        assert!(
            package
                .items
                .iter()
                .all(|i| i.last_change_date_time == written),
            "{stamp}"
        );
        assert_eq!(again.spec, import.spec, "{stamp}");
        assert_eq!(again.report.document.last_change_date_time, written);
    }
}

#[test]
fn a_document_export_would_refuse_is_reported_by_the_import() {
    let unreadable = CaseFieldReason::Unreadable {
        expected: "an ISO 8601 date-time",
    };
    let cases: Vec<(Value, Vec<(&str, CaseFieldReason)>)> = vec![
        (
            document(None),
            vec![("lastChangeDateTime", CaseFieldReason::Missing)],
        ),
        (
            document(Some("  ")),
            vec![("lastChangeDateTime", CaseFieldReason::Missing)],
        ),
        (
            document(Some("01/03/2024")),
            vec![("lastChangeDateTime", unreadable)],
        ),
        (
            document(Some("last week")),
            vec![("lastChangeDateTime", unreadable)],
        ),
        (
            json!({"identifier": DOC, "lastChangeDateTime": "2024-03-01T00:00:00Z",
                   "title": null}),
            vec![
                ("creator", CaseFieldReason::Missing),
                ("title", CaseFieldReason::Missing),
            ],
        ),
    ];
    for (document, reasons) in cases {
        let import = import(&package(&document));
        assert_eq!(document_reasons(&import), reasons, "{document}");
        assert!(!import.report.is_complete(), "{document}");
        let errors = round_trip(&import).expect_err("export refuses the document");
        assert_eq!(errors.len(), reasons.len(), "{document}: {errors:?}");
    }
}

#[test]
fn a_complete_import_always_round_trips() {
    for stamp in ["2024-03-01T10:15:00Z", "2024-03-01", "2024-03-01 10:15"] {
        let import = import(&package(&document(Some(stamp))));
        assert!(import.report.is_complete(), "{stamp}");
        round_trip(&import).unwrap_or_else(|e| panic!("{stamp}: {e:?}"));
    }
}

/// Blank text is never exported: a level description of only whitespace or invisible
/// characters is written as none, as an item's is (case/80), and import reads a blank
/// one as none; the levels stay, kept by their scores.
#[test]
fn level_descriptions_of_blank_text_are_not_exported() {
    let framework = Framework::from_json(include_str!(
        "../data/cases/case/80-export-blank-level-descriptions.json"
    ))
    .expect("valid");
    let document = karmayogi::CaseDocument::new(DOC, "Maths", "Board", "2024-03-01T00:00:00Z");
    let package = CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())
        .expect("exports");
    let levels = &package.rubrics[0].criteria[0].levels;
    let described: Vec<_> = (levels.iter())
        .map(|l| (l.score, l.quality.as_deref(), l.description.as_deref()))
        .collect();
    assert_eq!(
        described,
        [
            (Some(1.0), None, None),
            (Some(2.0), None, None),
            (Some(3.0), Some("Able"), None),
            (Some(4.0), None, Some("Counts to a hundred.")),
            (Some(5.0), None, None),
        ]
    );
    let import =
        CaseImport::from_json(&package.to_json(), &CaseImportOptions::default()).expect("imports");
    let again = Framework::new(import.spec).expect("valid");
    let levels: Vec<_> = (again.competencies()[0].levels.iter())
        .map(|l| (l.level, l.name.as_deref(), l.description.as_str()))
        .collect();
    assert_eq!(
        levels,
        [(3, Some("Able"), ""), (4, None, "Counts to a hundred.")]
    );
    let id = "c0000000-0000-4000-8000-000000000001";
    assert_eq!(
        (again.min_level(id), again.max_level(id)),
        (framework.min_level(id), framework.max_level(id))
    );
}

/// A rubric level whose description is blank, from another publisher, is read as
/// undescribed, as its export would write it.
#[test]
fn a_blank_rubric_level_description_is_read_as_none() {
    let framework = Framework::from_json(include_str!(
        "../data/cases/case/80-export-blank-level-descriptions.json"
    ))
    .expect("valid");
    let document = karmayogi::CaseDocument::new(DOC, "Maths", "Board", "2024-03-01T00:00:00Z");
    let package = CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())
        .expect("exports");
    let mut json: serde_json::Value = serde_json::from_str(&package.to_json()).unwrap();
    let levels = &mut json["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"];
    levels[0]["description"] = " ".into();
    levels[1]["description"] = "\u{a0}\u{200b}".into();
    let import =
        CaseImport::from_json(&json.to_string(), &CaseImportOptions::default()).expect("imports");
    let described: Vec<_> = (import.spec.competencies[0].levels.iter())
        .map(|l| l.level)
        .collect();
    assert_eq!(described, [3, 4]);
}

/// A document identifier holding a control or invisible character (a zero-width space
/// pasted after a UUID, a bell) is no id of the spec, so the import read it; but export
/// refuses to derive a UUID that would hide the character. The import says so: the
/// identifier is unreadable and the import is not complete. A code (`MATH-2024`) is no
/// UUID either, but export derives one from it, so it stays complete.
#[test]
fn a_document_identifier_export_would_refuse_is_reported_by_the_import() {
    let unreadable = CaseFieldReason::Unreadable {
        expected: "an identifier without control or invisible characters",
    };
    for (identifier, reasons) in [
        (format!("{DOC}\u{200b}"), vec![("identifier", unreadable)]),
        ("doc\u{7}1".to_owned(), vec![("identifier", unreadable)]),
        ("MATH-2024".to_owned(), vec![]),
        (DOC.to_uppercase(), vec![]),
    ] {
        let mut p = package(&document(Some("2024-03-01")));
        p["CFDocument"]["identifier"] = json!(identifier);
        p["CFAssociations"][0]["destinationNodeURI"]["identifier"] = json!(identifier);
        let import = import(&p);
        assert_eq!(document_reasons(&import), reasons, "{identifier:?}");
        assert_eq!(
            import.report.is_complete(),
            reasons.is_empty(),
            "{identifier:?}"
        );
        let exported = round_trip(&import);
        assert_eq!(exported.is_ok(), reasons.is_empty(), "{identifier:?}");
    }
}

/// A package of one competency whose rubric has a level per score, each described.
fn scored(scores: &[u32]) -> Value {
    let levels: Vec<Value> = (scores.iter())
        .map(|s| {
            json!({"identifier": format!("10000000-0000-4000-8000-0000000000{s:02}"),
                   "score": s, "quality": format!("Q{s}"), "description": format!("D{s}")})
        })
        .collect();
    let mut p = package(&document(Some("2025-01-01T00:00:00Z")));
    p["CFRubrics"] = json!([{"identifier": "20000000-0000-4000-8000-000000000001",
        "CFRubricCriteria": [{"identifier": "30000000-0000-4000-8000-000000000001",
            "CFItemURI": {"identifier": ITEM, "uri": "https://x.example/i", "title": "t"},
            "CFRubricCriterionLevels": levels}]}]);
    p
}

#[test]
fn a_rescaled_import_round_trips_on_the_scale_it_was_mapped_to() {
    use karmayogi::{CaseLevelRule, Level};
    let level = |n: u8| Level::new(n).unwrap();
    let table = CaseLevelRule::Table(vec![(10.0, level(1)), (20.0, level(3)), (30.0, level(5))]);
    for (scores, rule) in [
        (
            vec![1, 2, 3, 4, 5, 6, 7],
            CaseLevelRule::Proportional { top: 7 },
        ),
        (vec![4, 5, 6, 7], CaseLevelRule::Proportional { top: 7 }),
        (
            vec![0, 1, 2, 3, 4, 5, 6, 7],
            CaseLevelRule::Proportional { top: 7 },
        ),
        (
            vec![1, 2, 3, 4, 5, 6, 7, 8],
            CaseLevelRule::Proportional { top: 8 },
        ),
        (vec![1, 2, 3], CaseLevelRule::Proportional { top: 3 }),
        (vec![10, 20, 30], CaseLevelRule::Rank),
        (vec![10, 20, 30], table),
    ] {
        let options = CaseImportOptions::default().level_rule(rule.clone());
        let first = CaseImport::from_json(&scored(&scores).to_string(), &options)
            .unwrap_or_else(|e| panic!("{scores:?}: {e}"));
        let competency = &first.spec.competencies[0];
        // The export writes the scale the framework holds, FRAC's levels, scored as the
        // levels: imported under the default rule, that is the same framework.
        let (package, again) = round_trip(&first).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(again.spec, first.spec, "{scores:?} under {rule:?}");
        let written: Vec<f64> = (package.rubrics[0].criteria[0].levels.iter())
            .filter_map(|l| l.score)
            .collect();
        // Level 0, described when the publisher scores a level 0, is written scored 0.
        let lowest = competency.min_level.unwrap_or(1);
        let zero = competency.levels.iter().any(|d| d.level == 0);
        let expected: Vec<f64> = (zero.then_some(0).into_iter().chain(lowest..))
            .take(written.len())
            .map(f64::from)
            .collect();
        assert_eq!(written, expected, "{scores:?} under {rule:?}");
        assert!(written.iter().all(|&s| (0.0..=5.0).contains(&s)));
        // The rubric says which scale its scores are on, and an import under the rule
        // that mapped the publisher's scale reads them as that scale, not again: the
        // same framework, the report stating the rule used.
        let description = package.rubrics[0]
            .description
            .as_deref()
            .unwrap_or_default();
        assert!(
            description.contains("FRAC proficiency levels"),
            "{description:?}"
        );
        let same_rule = CaseImport::from_json(&package.to_json(), &options)
            .unwrap_or_else(|e| panic!("{scores:?}: {e}"));
        assert_eq!(
            same_rule.spec, first.spec,
            "{scores:?} again under {rule:?}"
        );
        assert!(same_rule.report.is_complete(), "{:?}", same_rule.report);
        assert_eq!(same_rule.report.scales[0].rule, CaseLevelRule::Score);
    }
}

/// An exported package rescored afterwards (its levels' scores moved to a 7-point scale,
/// the rubric's note that the scores are FRAC's levels left in place) contradicts the
/// note: the import's own rule maps it, and the report says so.
#[test]
fn a_package_rescored_after_export_is_mapped_by_the_rule_given() {
    use karmayogi::CaseLevelRule;
    let first = CaseImport::from_json(
        &scored(&[1, 2, 3, 4, 5]).to_string(),
        &CaseImportOptions::default(),
    )
    .expect("imports");
    let (mut package, _) = round_trip(&first).unwrap_or_else(|e| panic!("{e:?}"));
    let rule = CaseLevelRule::Proportional { top: 7 };
    let options = CaseImportOptions::default().level_rule(rule.clone());
    // As exported, the note holds and the scores are read as levels.
    let as_exported = CaseImport::from_json(&package.to_json(), &options).expect("imports");
    assert_eq!(as_exported.report.scales[0].rule, CaseLevelRule::Score);
    // The exported scores 1 to 5, in level order, moved to 1, 3, 4, 6, 7.
    let levels = &mut package.rubrics[0].criteria[0].levels;
    levels.sort_by(|a, b| a.score.partial_cmp(&b.score).expect("scores are numbers"));
    for (level, to) in levels.iter_mut().zip([1.0, 3.0, 4.0, 6.0, 7.0]) {
        level.score = Some(to);
    }
    let rescored = CaseImport::from_json(&package.to_json(), &options).expect("imports");
    let scale = &rescored.report.scales[0];
    assert_eq!(scale.rule, rule);
    let mapped: Vec<(f64, u8)> = (scale.levels.iter())
        .map(|l| (l.score.unwrap(), l.level.map_or(0, karmayogi::Level::get)))
        .collect();
    // ⌈score × 5 / 7⌉.
    assert_eq!(
        mapped,
        [(1.0, 1), (3.0, 3), (4.0, 3), (6.0, 5), (7.0, 5)],
        "{scale:?}"
    );
}

// case/47: `lastChangeDateTime` as a count of epoch milliseconds or seconds, a JSON
// number (also a double) or text, as servers storing times as numbers export it.

const EPOCH: &str = include_str!("../data/cases/case/47-last-change-as-epoch-milliseconds.json");

#[test]
fn an_epoch_count_is_read_as_its_instant_and_round_trips_complete() {
    let import = CaseImport::from_json(EPOCH, &CaseImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(import.report.is_complete(), "{:?}", import.report);
    assert_eq!(
        import.report.document.last_change_date_time,
        "2024-01-01T00:00:00.123Z"
    );
    assert!(import.report.document.extra.is_empty());
    let (package, again) = round_trip(&import).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(again.spec, import.spec);
    assert!(again.report.is_complete(), "{:?}", again.report);
    assert!((package.items.iter()).all(|i| i.last_change_date_time == "2024-01-01T00:00:00.123Z"));
    // The report's document as a program holds it (its JSON, as the wasm package gives
    // it to JavaScript) and gives it back to export: read the same way.
    let held = serde_json::to_value(&import.report.document).unwrap();
    let given: karmayogi::CaseDocument = serde_json::from_value(held).unwrap();
    assert_eq!(given, import.report.document);
    let mut raw = given.clone();
    raw.last_change_date_time.clear();
    let mut value = serde_json::to_value(&raw).unwrap();
    value["lastChangeDateTime"] = json!(1_704_067_200_123_u64);
    let given: karmayogi::CaseDocument = serde_json::from_value(value).unwrap();
    assert_eq!(given, import.report.document);
}

#[test]
fn a_number_that_is_no_epoch_count_is_reported_and_export_refuses_it() {
    for count in [
        json!(0),
        json!(-1_704_067_200_000_i64),
        json!(17_040_672_000_000_u64),
    ] {
        let import = import(&package(&json!({"identifier": DOC, "creator": "Board",
            "title": "Maths", "lastChangeDateTime": count})));
        assert_eq!(
            document_reasons(&import),
            [(
                "lastChangeDateTime",
                CaseFieldReason::WrongType {
                    found: "an integer",
                    expected: "a string"
                }
            )],
            "{count}"
        );
        assert!(round_trip(&import).is_err(), "{count}");
    }
}
