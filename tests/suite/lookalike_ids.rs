//! Ids that print alike but differ: text written decomposed (`e` followed by a combining
//! acute accent, as macOS file names and some HR exports hold it) looks exactly like the
//! precomposed text (`é`) the framework was written with, yet is another id. An error
//! about such an id must show the difference, or "unknown competency `José`" beside a
//! framework holding `José` cannot be acted on.

use karmayogi::{
    Cohort, CohortCsvReader, Framework, LevelPolicy, NeedsOptions, OfficerSpec, OfficersCsv,
    OfficersCsvOptions, OfficersSpec, ReviewOptions, load_officers,
};
use serde_json::json;

const PRECOMPOSED: &str = "Jos\u{e9}";
const DECOMPOSED: &str = "Jose\u{301}";

fn framework() -> Framework {
    Framework::from_json(
        &json!({"format_version": 2,
            "competencies": [{"id": PRECOMPOSED, "name": "Competency", "type": "domain"}],
            "roles": [{"id": "r", "name": "Role",
                       "requires": [{"competency": PRECOMPOSED, "level": 2}]}],
            "positions": [{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}]})
        .to_string(),
    )
    .expect("valid")
}

#[test]
fn an_unknown_id_written_decomposed_shows_its_marks() {
    let fw = framework();
    let officers = json!({"format_version": 2, "officers": [
        {"id": "o", "department": "d", "position": "p",
         "passbook": [{"competency": DECOMPOSED, "level": 2, "source": "assessment"}]}]});
    let json = Cohort::from_json(&fw, &officers.to_string(), &LevelPolicy::default())
        .expect_err("an unknown competency")
        .to_string();
    let csv = OfficersCsv {
        officers: "id,department,position\r\no,d,p\r\n",
        evidence: Some(&format!(
            "officer,competency,level,source\r\no,{DECOMPOSED},2,assessment\r\n"
        )),
    };
    let loaded = load_officers(&fw, &csv, &OfficersCsvOptions::default())
        .expect_err("an unknown competency")
        .to_string();
    // The precomposed id is suggested, and said to be the same text (it was not
    // suggested at all before).
    for message in [json, loaded] {
        assert!(message.contains(r#""Jose\u{301}""#), "{message}");
        assert!(
            message.ends_with(&format!(
                ": unknown competency, did you mean `{PRECOMPOSED}` (the same text in another \
                 unicode form)?"
            )),
            "{message}"
        );
    }
    // The precomposed id is found, and prints as it is.
    let ok = json!({"format_version": 2, "officers": [
        {"id": "o", "department": "d", "position": "p",
         "passbook": [{"competency": PRECOMPOSED, "level": 2, "source": "assessment"}]}]});
    Cohort::from_json(&fw, &ok.to_string(), &LevelPolicy::default()).expect("valid");
}

/// Two entities whose ids are one text in two Unicode forms stay two entities, and the
/// framework's review names both, escaped, for every kind of id.
#[test]
fn the_review_names_ids_that_are_one_text_in_two_forms() {
    let fw = Framework::from_json(
        &json!({"format_version": 2,
            "competencies": [
                {"id": PRECOMPOSED, "name": "One", "type": "domain"},
                {"id": DECOMPOSED, "name": "Two", "type": "domain"},
                {"id": "plain", "name": "Three", "type": "domain"}],
            "roles": [{"id": "r", "name": "Role",
                       "requires": [{"competency": PRECOMPOSED, "level": 2},
                                    {"competency": DECOMPOSED, "level": 3}]}],
            "positions": [
                {"id": "p", "name": "Post", "department": "Se\u{301}curite\u{301}", "roles": ["r"]},
                {"id": "q", "name": "Post", "department": "S\u{e9}curit\u{e9}", "roles": ["r"]}],
            "courses": [
                {"id": "\u{212b}ngstr\u{f6}m", "name": "Kelvin", "hours": 1, "provides": []},
                {"id": "\u{c5}ngstr\u{f6}m", "name": "A ring", "hours": 1, "provides": []}]})
        .to_string(),
    )
    .expect("distinct ids, each valid");
    // Nothing is merged: two competencies, each required at its own level.
    assert_eq!(fw.competencies().len(), 3);
    let warnings: Vec<String> = fw.review().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            r#"competency ids "Jose\u{301}", "Jos\u{e9}" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#,
            r#"course ids "\u{c5}ngstr\u{f6}m", "\u{212b}ngstr\u{f6}m" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#,
            r#"department ids "Se\u{301}curite\u{301}", "S\u{e9}curit\u{e9}" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#,
        ]
    );
    let codes: Vec<&str> = fw.review().iter().map(karmayogi::Error::code).collect();
    assert_eq!(codes, ["equivalent_ids"; 3]);
    // A framework in one form has nothing to review.
    assert!(framework().review().is_empty());
}

/// A variation selector after a letter renders as nothing: `a\u{fe0f}` prints exactly as
/// `a`, so such an id is refused with the selector shown, as a zero-width space is; in a
/// name (an emoji's presentation) it is kept and printed as it is.
#[test]
fn a_variation_selector_in_an_id_is_refused_and_shown() {
    for selector in ['\u{fe0f}', '\u{fe00}', '\u{e0100}'] {
        let id = format!("rti{selector}");
        let errors = Framework::from_json(
            &json!({"format_version": 2,
                "competencies": [{"id": id, "name": "RTI", "type": "domain"}],
                "roles": [{"id": "r", "name": "Role", "requires": [{"competency": id, "level": 2}]}],
                "positions": [{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}]})
            .to_string(),
        )
        .expect_err("an id with a variation selector")
        .into_vec();
        let code = u32::from(selector);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            format!(r#"competency id "rti\u{{{code:x}}}" holds a control or invisible character"#)
        );
    }
    let fw = Framework::from_json(
        &json!({"format_version": 2,
            "competencies": [{"id": "helpline", "name": "\u{260e}\u{fe0f} Helpline", "type": "domain"}],
            "roles": [{"id": "r", "name": "Role", "requires": [{"competency": "helpline", "level": 2}]}],
            "positions": [{"id": "p", "name": "Post", "department": "d", "roles": ["r"]}]})
        .to_string(),
    )
    .expect("a name may hold an emoji's variation selector");
    let officers = json!({"format_version": 2, "officers": [
        {"id": "o", "department": "d", "position": "p"}]});
    let cohort = Cohort::from_json(&fw, &officers.to_string(), &LevelPolicy::default())
        .expect("valid officers");
    let needs = fw
        .training_needs(&cohort, &NeedsOptions::default())
        .expect("needs")
        .to_string();
    assert!(needs.contains("\u{260e}\u{fe0f} Helpline"), "{needs}");
}

/// An HR export copied through a web page carries zero-width spaces and joiners after
/// ids: the id is not the framework's, and says so escaped, and the error names the
/// visible id it prints as, however short (edit distance alone suggests nothing for a
/// two-letter id), without reading one as the other.
#[test]
fn an_unknown_id_holding_an_invisible_character_names_the_id_it_prints_as() {
    let fw = Framework::from_json(
        &json!({"format_version": 2,
            "competencies": [{"id": "rti", "name": "RTI", "type": "domain"}],
            "roles": [{"id": "r", "name": "Role", "requires": [{"competency": "rti", "level": 2}]}],
            "positions": [{"id": "us", "name": "Under Secretary", "department": "d", "roles": ["r"]},
                          {"id": "ds", "name": "Deputy Secretary", "department": "d", "roles": ["r"]}]})
        .to_string(),
    )
    .expect("valid");
    let officers = "id,department,position,target\r\no1,d,us\u{200b},ds\u{200d}\r\n";
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(officers),
        &OfficersCsvOptions::default(),
    )
    .expect_err("neither position is the framework's");
    let messages: Vec<String> = errors.into_vec().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "officers.csv line 2, column `position`: \"us\\u{200b}\" is not in the framework's \
             positions, did you mean `us`?",
            "officers.csv line 2, column `target`: \"ds\\u{200d}\" is not in the framework's \
             positions, did you mean `ds`?",
        ]
    );
}

/// `ids/01`: every default-ignorable code point prints as nothing, so an id holding one
/// prints exactly like the id without it. The shorthand format controls (`U+1BCA0` to
/// `U+1BCA3`) and the unassigned code points of the tags block's plane (`U+E0080` to
/// `U+E0FFF`) are such characters like the zero-width space: the two competencies of the
/// case are refused, each named escaped, not kept beside the `rti` they print as.
#[test]
fn ids_holding_any_default_ignorable_character_are_refused() {
    let errors = Framework::from_json(include_str!(
        "../data/cases/ids/01-invisible-format-controls-framework.json"
    ))
    .expect_err("ids that print as `rti`")
    .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"competency id "rti\u{1bca0}" holds a control or invisible character"#,
            r#"competency id "rti\u{e0fff}" holds a control or invisible character"#,
        ]
    );
}

/// `ids/02`: the braille pattern blank (`U+2800`) and the musical null notehead
/// (`U+1D159`) print as blank space, and the Egyptian hieroglyph format controls
/// (`U+13430` to `U+1343F`) and the prepended concatenation marks (`U+0600`, an Arabic
/// number sign) are format characters (category Cf) like the zero-width space: an id
/// holding one is refused, named escaped, in a framework and in an HR export.
#[test]
fn ids_holding_a_blank_symbol_or_any_format_character_are_refused() {
    let errors = Framework::from_json(include_str!(
        "../data/cases/ids/02-blank-symbols-and-format-controls-framework.json"
    ))
    .expect_err("ids that print as `rti`")
    .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"competency id "rti\u{2800}" holds a control or invisible character"#,
            r#"competency id "rti\u{13430}" holds a control or invisible character"#,
            r#"competency id "rti\u{600}" holds a control or invisible character"#,
            r#"competency id "rti\u{1d159}" holds a control or invisible character"#,
        ]
    );
    let fw = framework();
    let officers = "id,department,position\r\no\u{2800},d,p\r\no\u{1343f},d,p\r\n";
    let errors = load_officers(
        &fw,
        &OfficersCsv::new(officers),
        &OfficersCsvOptions::default(),
    )
    .expect_err("officer ids holding invisible characters")
    .into_vec();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"officers.csv line 2, column `id`: found "o\u{2800}", expected an id without control or invisible characters"#,
            r#"officers.csv line 3, column `id`: found "o\u{1343f}", expected an id without control or invisible characters"#,
        ]
    );
}

/// `officers/01` and `csv/18`: officer ids that differ only in letter case or surrounding
/// whitespace (`o1`, `O1`, `o1 `), or that are one text in two Unicode forms, are distinct
/// officers, never merged, and every reader of officers names them as the framework's
/// review names such framework ids: each officer whose id looks like an earlier one's, at
/// that officer, with the whole set, before the officer's other warnings.
#[test]
fn officer_ids_that_look_alike_are_named_by_every_cohort_reader() {
    let fw = framework();
    let doc = include_str!("../data/cases/officers/01-lookalike-ids-officers.json");
    let spec = OfficersSpec::from_json(doc).expect("valid");
    let warnings = fw.review_officers(&spec.officers, &ReviewOptions::default());
    let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            r#"officer ids "O1", "o1", "o1 " differ only in letter case or surrounding whitespace: distinct ids that print alike"#,
            "officer `O1` is in department `other` but position `p` belongs to `d`",
            r#"officer ids "O1", "o1", "o1 " differ only in letter case or surrounding whitespace: distinct ids that print alike"#,
            r#"officer ids "Jose\u{301}", "Jos\u{e9}" are one text in different unicode forms (nfc/nfd): distinct ids that print alike"#,
        ]
    );
    // Nothing merged: six officers.
    let cohort = Cohort::from_json(&fw, doc, &LevelPolicy::default()).expect("valid");
    assert_eq!(cohort.len(), 6);

    // The HR export: `O1` and `emp-7` at their lines, column `id`, before `O1`'s
    // department mismatch and its entry dated after the as-of date.
    let officers = include_str!("../data/cases/csv/18-lookalike-officer-ids-officers.csv");
    let evidence = include_str!("../data/cases/csv/18-lookalike-officer-ids-evidence.csv");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default().review(
        ReviewOptions::default()
            .as_of("2025-04-01")
            .expect("a date"),
    );
    let expected = [
        r#"officers.csv line 4, column `id`: officer ids "O1", "o1" differ only in letter case or surrounding whitespace: distinct ids that print alike"#,
        "officers.csv line 4, column `department`: officer `O1` is in department `other` but position `p` belongs to `d`",
        "evidence.csv line 2, column `date`: officer `O1` passbook entry 0 (competency `Jos\u{e9}`): dated `2052-01-01`, after the as-of date `2025-04-01`",
        r#"officers.csv line 6, column `id`: officer ids "EMP-7", "emp-7" differ only in letter case or surrounding whitespace: distinct ids that print alike"#,
    ];
    let text = |w: &[karmayogi::Error]| w.iter().map(ToString::to_string).collect::<Vec<_>>();
    let load = load_officers(&fw, &csv, &options).expect("valid");
    assert_eq!(load.officers.len(), 5);
    assert_eq!(text(&load.warnings), expected);
    let load = Cohort::from_csv(&fw, &csv, &options).expect("valid");
    assert_eq!(load.cohort.len(), 5);
    assert_eq!(text(&load.warnings), expected);
    let mut reader = CohortCsvReader::new(&fw, &options);
    reader.push_officers(officers.as_bytes());
    reader.push_evidence(evidence.as_bytes());
    assert_eq!(text(&reader.finish().expect("valid").warnings), expected);
}

/// The review's officer-id warnings against a pairwise oracle, on 400 lists of up to five
/// officers whose ids are drawn by a fixed sequence from ids of `a` and `b` in either case
/// with a space around some: an officer is warned about exactly when an earlier officer
/// holds another id equal to its id in lower case once trimmed (and no earlier officer
/// holds its id), and the set named is every such id of the list, sorted.
#[test]
fn officer_id_warnings_match_a_pairwise_oracle() {
    let fw = framework();
    let alphabet = ["a", "A", "b", "a ", " a", "ab", "Ab", "aB", "AB", "b ", "B"];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut warned = 0;
    for _ in 0..400 {
        let mut ids: Vec<&str> = Vec::new();
        for _ in 0..=(state % 5) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ids.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let officers: Vec<OfficerSpec> = (ids.iter())
            .map(|id| {
                serde_json::from_value(json!({"id": id, "department": "d", "position": "p"}))
                    .expect("an officer")
            })
            .collect();
        let got: Vec<Vec<String>> = (fw.review_officers(&officers, &ReviewOptions::default()))
            .into_iter()
            .map(|w| match w {
                karmayogi::Error::LookalikeIds { kind, ids, .. } => {
                    assert_eq!(kind, karmayogi::EntityKind::Officer);
                    ids
                }
                other => panic!("{other:?}"),
            })
            .collect();
        let key = |id: &str| id.trim().to_lowercase();
        let mut want = Vec::new();
        for (k, id) in ids.iter().enumerate() {
            let earlier_other = ids[..k].iter().any(|e| e != id && key(e) == key(id));
            if earlier_other && !ids[..k].contains(id) {
                let mut set: Vec<String> = (ids.iter())
                    .filter(|e| key(e) == key(id))
                    .map(|e| (*e).to_owned())
                    .collect();
                set.sort_unstable();
                set.dedup();
                want.push(set);
            }
        }
        assert_eq!(got, want, "{ids:?}");
        warned += want.len();
    }
    assert!(
        warned > 100,
        "{warned} warnings: the lists should hold lookalikes"
    );
}
