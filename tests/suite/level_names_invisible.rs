//! Level names holding characters that print nothing, as a rubric's `quality` pasted
//! from HTML holds them (`Fully\u00a0proficient` with a no-break space, `Advanced\u200b`
//! with a zero-width space; scales/41). Evidence naming the level as it prints (`Fully
//! proficient`, `Advanced`) was refused as a name no level has, with a message showing
//! neither the hidden character nor the level nearly named. Names now compare with each
//! run of whitespace as one space and characters that print nothing left out; two levels
//! of one competency whose names differ only so are refused by the framework (scales/43).

use karmayogi::{Error, Framework, LevelPolicy, OfficersSpec, Profile};

const FRAMEWORK: &str =
    include_str!("../data/cases/scales/41-level-names-with-invisible-characters-framework.json");
const OFFICERS: &str =
    include_str!("../data/cases/scales/41-level-names-with-invisible-characters-officers.json");
const SAME_NAMES: &str = include_str!(
    "../data/cases/scales/43-level-names-differing-only-by-invisible-characters-framework.json"
);

#[test]
fn names_differing_only_by_characters_that_print_nothing_are_one_name() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let doc = OfficersSpec::from_json(OFFICERS).expect("reads");
    let policy = LevelPolicy::default();
    for (officer, level) in [(0, 2), (1, 3), (2, 2)] {
        let profile = Profile::new(&fw, &doc.officers[officer], &policy)
            .unwrap_or_else(|e| panic!("o{officer}: {e}"));
        assert_eq!(profile.level(&fw, "drafting").expect("known").get(), level);
    }
}

/// Two levels of one competency whose names differ only by characters that print nothing
/// (a zero-width space, a no-break space, a byte order mark, a soft hyphen, a zero-width
/// joiner) were accepted, and every lookup of the name then refused as naming both. The
/// framework is now refused, naming both levels with the hidden character escaped
/// (scales/43).
#[test]
fn two_levels_whose_names_read_as_one_are_refused_by_the_framework() {
    let errors = Framework::from_json(SAME_NAMES)
        .expect_err("refused")
        .into_vec();
    let found: Vec<(&str, u8, &str, u8, &str)> = (errors.iter())
        .map(|e| match e {
            Error::SameLevelNames {
                competency,
                levels: [level, other_level],
                names: [name, other_name],
            } => (
                competency.as_str(),
                *level,
                name.as_str(),
                *other_level,
                other_name.as_str(),
            ),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "drafting",
                1,
                "Fully proficient",
                2,
                "Fully\u{a0}proficient"
            ),
            ("drafting", 3, "Expert", 4, "\u{feff}Expert"),
            ("procurement", 1, "Co\u{ad}ordinates", 2, "Coordinates"),
            ("procurement", 3, "Leads\u{200d}", 4, "Leads"),
            ("rti", 2, "Advanced", 3, "Advanced\u{200b}"),
        ]
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for (message, shown) in
        messages
            .iter()
            .zip(["\\u{a0}", "\\u{feff}", "\\u{ad}", "\\u{200d}", "\\u{200b}"])
    {
        assert!(message.contains(shown), "{message}");
        assert!(message.contains("read as one name"), "{message}");
    }
}

/// The same in a CASE rubric (case/97), whose import gave a spec the framework now
/// refuses: an import that succeeds hands over a spec the framework accepts
/// (`case_level_names`), so the import sets aside the higher level's name and reports it
/// naming both levels; the level keeps its place.
#[test]
fn a_rubric_s_qualities_that_read_as_one_keep_the_lower_level_s_name() {
    const PACKAGE: &str = include_str!(
        "../data/cases/case/97-rubric-qualities-differing-by-invisible-characters.json"
    );
    let options = karmayogi::CaseImportOptions::default();
    let import = karmayogi::CaseImport::from_json(PACKAGE, &options).expect("imports");
    let c = &import.spec.competencies[0];
    let names: Vec<(u8, Option<&str>)> = (c.levels.iter())
        .map(|d| (d.level, d.name.as_deref()))
        .collect();
    assert_eq!(names, [(1, Some("Developing")), (2, Some("Advanced"))]);
    assert_eq!(c.max_level, Some(3));
    let set_aside: Vec<(&str, &str, karmayogi::CaseFieldReason)> =
        (import.report.dropped_fields.iter())
            .filter(|f| f.element == karmayogi::CaseElement::Level)
            .map(|f| (f.identifier.as_str(), f.field.as_str(), f.reason))
            .collect();
    assert_eq!(
        set_aside,
        [(
            "l9700000-0000-4000-8000-000000000003",
            "quality",
            karmayogi::CaseFieldReason::SameNameAsLevel { level: 3, other: 2 }
        )]
    );
    Framework::new(import.spec).expect("valid");
}
