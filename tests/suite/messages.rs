//! Errors that say what to do: a suggested id that only a quoted CSV cell holds is given
//! as that cell (csv/28), a CSV text that is a JSON document names the document's kind
//! and readers (csv/29), and a JSON document of no kind the crate reads is said to be
//! so, with its fields and the ones the reader needs (igot/18, framework/17,
//! officers/23).

use karmayogi::{
    Cohort, CohortCsvReader, DocumentKind, Error, Errors, EvidenceProblem, Framework, OfficersCsv,
    OfficersCsvOptions, load_officers,
};

const QUOTED_FRAMEWORK: &str =
    include_str!("../data/cases/csv/28-spaced-ids-written-unquoted-framework.json");
const QUOTED_OFFICERS: &str =
    include_str!("../data/cases/csv/28-spaced-ids-written-unquoted-officers.csv");
const QUOTED_EVIDENCE: &str =
    include_str!("../data/cases/csv/28-spaced-ids-written-unquoted-evidence.csv");

/// The errors of the three CSV readers on the same files (the two-step loader, the cohort
/// loader and the cohort loader fed in pieces of 3 bytes), checked to agree.
fn csv_errors(fw: &Framework, officers: &str, evidence: &str) -> Vec<Error> {
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let loaded = load_officers(fw, &csv, &options).map(|_| ());
    let loaded = loaded.map_err(Errors::into_vec).err().unwrap_or_default();
    let cohort = Cohort::from_csv(fw, &csv, &options).map(|_| ());
    let cohort = cohort.map_err(Errors::into_vec).err().unwrap_or_default();
    let mut reader = CohortCsvReader::new(fw, &options);
    for piece in officers.as_bytes().chunks(3) {
        reader.push_officers(piece);
    }
    for piece in evidence.as_bytes().chunks(3) {
        reader.push_evidence(piece);
    }
    let pushed = reader.finish().map(|_| ());
    let pushed = pushed.map_err(Errors::into_vec).err().unwrap_or_default();
    assert_eq!(cohort, loaded);
    assert_eq!(pushed, loaded);
    loaded
}

/// Where an error suggests a quoted cell: (file, line, column, the cell as RFC 4180
/// quotes the suggested id).
fn quoted_suggestion(error: &Error) -> Option<(&'static str, usize, &'static str, String)> {
    let cell = |id: &str| format!("\"{}\"", id.replace('"', "\"\""));
    match error {
        Error::CsvUnknownReference {
            file,
            line,
            column,
            nearest: Some(id),
            quote_nearest: true,
            ..
        } => Some((file, *line, column, cell(id))),
        Error::CsvRow {
            file,
            line,
            column,
            error,
        } => match &**error {
            Error::InvalidEvidence {
                problem:
                    EvidenceProblem::UnknownCompetency {
                        nearest: Some(id),
                        quote_nearest: true,
                    }
                    | EvidenceProblem::UnknownCourse {
                        nearest: Some(id),
                        quote_nearest: true,
                        ..
                    },
                ..
            } => Some((file, *line, column, cell(id))),
            _ => None,
        },
        _ => None,
    }
}

/// `text` with the cell of `column` on `line` replaced by `cell` (unquoted cells only).
fn with_cell(text: &str, line: usize, column: &str, cell: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let at = lines[0].split(',').position(|c| c == column).unwrap();
    let mut cells: Vec<&str> = lines[line - 1].split(',').collect();
    cells[at] = cell;
    lines[line - 1] = cells.join(",");
    lines.join("\n") + "\n"
}

// csv/28: position `p `, competency `rti ` and course `k ` (as the framework's JSON writes
// them) written unquoted, so trimmed to `p`, `rti` and `k`; course `gem,2` written `gem2`.
// Each suggestion says how a CSV cell writes the id (quoted), and a program reads that it
// needs quotes (`quote_nearest`);
// the plain `clerk` needs no quotes and gets no such hint. Written as suggested, every
// row reads, in every CSV reader.
#[test]
fn a_suggested_id_only_a_quoted_cell_holds_is_given_as_that_cell() {
    let fw = Framework::from_json(QUOTED_FRAMEWORK).unwrap();
    let errors = csv_errors(&fw, QUOTED_OFFICERS, QUOTED_EVIDENCE);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "officers.csv line 2, column `position`: `p` is not in the framework's positions, \
             did you mean \"p\\u{20}\"? (write it quoted in CSV, \"p \": only a quoted field \
             keeps the spaces around it)",
            "officers.csv line 3, column `position`: `clerc` is not in the framework's \
             positions, did you mean `clerk`?",
            "officers.csv line 3, column `target`: `p` is not in the framework's positions, \
             did you mean \"p\\u{20}\"? (write it quoted in CSV, \"p \": only a quoted field \
             keeps the spaces around it)",
            "evidence.csv line 2, column `competency`: officer `o1` passbook entry 0 \
             (competency `rti`): unknown competency, did you mean \"rti\\u{20}\"? (write it \
             quoted in CSV, \"rti \": only a quoted field keeps the spaces around it)",
            "evidence.csv line 2, column `course`: officer `o1` passbook entry 0 (competency \
             `rti`): unknown course `k`, did you mean \"k\\u{20}\"? (write it quoted in CSV, \
             \"k \": only a quoted field keeps the spaces around it)",
            "evidence.csv line 3, column `course`: officer `o2` passbook entry 0 (competency \
             `noting`): unknown course `gem2`, did you mean `gem,2`? (write it quoted in CSV, \
             \"gem,2\")",
        ]
    );
    assert_eq!(
        errors[0],
        Error::CsvUnknownReference {
            file: "officers.csv",
            line: 2,
            column: "position",
            found: "p".into(),
            target: "the framework's positions",
            nearest: Some("p ".into()),
            quote_nearest: true,
        }
    );
    let Error::CsvUnknownReference { quote_nearest, .. } = &errors[1] else {
        panic!("{:?}", errors[1]);
    };
    assert!(!quote_nearest);
    let value = serde_json::to_value(&errors[3]).unwrap();
    assert_eq!(value["error"]["problem"]["quote_nearest"], true);

    // Each cell written as suggested names the id meant: only `clerc` is left.
    let (mut officers, mut evidence) = (QUOTED_OFFICERS.to_owned(), QUOTED_EVIDENCE.to_owned());
    let suggested: Vec<_> = errors.iter().filter_map(quoted_suggestion).collect();
    assert_eq!(suggested.len(), 5);
    for (file, line, column, cell) in suggested {
        let text = if file == "officers.csv" {
            &mut officers
        } else {
            &mut evidence
        };
        *text = with_cell(text, line, column, &cell);
    }
    let left = csv_errors(&fw, &officers, &evidence);
    assert_eq!(left, [errors[1].clone()]);
    let officers = officers.replace("clerc", "clerk");
    assert_eq!(csv_errors(&fw, &officers, &evidence), []);
}

/// A framework document, reduced from the repository's example (csv/29).
const FRAMEWORK_AS_CSV: &str =
    include_str!("../data/cases/csv/29-framework-document-given-as-officers-csv.json");

// csv/29: a framework document given as `officers.csv` was said to look like JSON, but not
// which document it is; the error now names its kind and the functions that read it, as
// data (`kind`). A JSON text of no kind the crate reads has no kind to name.
#[test]
fn a_csv_text_that_is_a_json_document_names_its_kind() {
    let fw = Framework::from_json(QUOTED_FRAMEWORK).unwrap();
    let evidence = "officer,competency,level,source\n";
    let errors = csv_errors(&fw, FRAMEWORK_AS_CSV, evidence);
    assert_eq!(
        errors,
        [Error::CsvLooksLikeJson {
            file: "officers.csv",
            found: "an object",
            kind: Some(DocumentKind::Framework),
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "officers.csv looks like JSON (an object): expected CSV, a header line then rows; it \
         is a framework document (an object holding `format_version` and `competencies`), \
         read by `FrameworkSpec::from_json` or `Framework::from_json`"
    );
    assert_eq!(
        serde_json::to_value(&errors[0]).unwrap()["kind"],
        "framework"
    );
    // The framework read as `evidence.csv`, beside a good `officers.csv`.
    let errors = csv_errors(&fw, "id,department,position\n", FRAMEWORK_AS_CSV);
    assert_eq!(
        errors,
        [Error::CsvLooksLikeJson {
            file: "evidence.csv",
            found: "an object",
            kind: Some(DocumentKind::Framework),
        }]
    );
    // Every kind is named, the officers document of officers/14 among them.
    let officers = include_str!("../data/cases/officers/14-officers-document-given-as-csv.json");
    let levels = include_str!("../../data/igot/frac_default_proficiency_levels.json");
    let kcm = include_str!("../../data/igot/kcm_competencies.json");
    for (text, kind) in [
        (officers, Some(DocumentKind::Officers)),
        (kcm, Some(DocumentKind::KcmDictionary)),
        (levels, None),
        ("[{\"x\": 1}]", None),
    ] {
        let errors = csv_errors(&fw, text, evidence);
        let [Error::CsvLooksLikeJson { kind: found, .. }] = errors.as_slice() else {
            panic!("{errors:?}");
        };
        assert_eq!(*found, kind);
        let message = errors[0].to_string();
        assert_eq!(message.contains("; it is"), kind.is_some(), "{message}");
        if let Some(kind) = kind {
            assert!(message.ends_with(kind.readers()), "{message}");
        }
    }
}

/// A call of a reader on a text, giving its errors (empty when it read the text).
type Read = Box<dyn Fn(&str) -> Vec<Error>>;

/// The framework and officers readers, each with what its errors say it expects.
fn versioned_readers() -> Vec<(&'static str, &'static str, Read)> {
    fn all<T>(result: Result<T, Errors>) -> Vec<Error> {
        result
            .map(|_| ())
            .map_err(Errors::into_vec)
            .err()
            .unwrap_or_default()
    }
    fn one<T>(result: Result<T, Error>) -> Vec<Error> {
        result.map(|_| ()).err().into_iter().collect()
    }
    let fw = Framework::from_json(QUOTED_FRAMEWORK).unwrap();
    let policy = karmayogi::LevelPolicy::default();
    vec![
        (
            "FrameworkSpec::from_json",
            "a framework document",
            Box::new(|j| one(karmayogi::FrameworkSpec::from_json(j))),
        ),
        (
            "Framework::from_json",
            "a framework document",
            Box::new(|j| all(Framework::from_json(j))),
        ),
        (
            "OfficersSpec::from_json",
            "an officers document",
            Box::new(|j| one(karmayogi::OfficersSpec::from_json(j))),
        ),
        (
            "OfficersSpec::from_json_all",
            "an officers document",
            Box::new(|j| all(karmayogi::OfficersSpec::from_json_all(j))),
        ),
        (
            "Cohort::from_json",
            "an officers document",
            Box::new(move |j| all(Cohort::from_json(&fw, j, &policy))),
        ),
    ]
}

// igot/18, framework/17, officers/23: the FRAC service's default level descriptors, a
// framework inside a `data` wrapper and another HR tool's employee export, each given to
// the framework and officers readers, were reported by their fields as unknown fields
// of the reader's document (three errors from `Framework::from_json`, the last a
// missing `format_version`). Each is now the one error saying the document is of no
// kind the crate reads, with its fields (sorted, escaped) and the fields needed.
#[test]
fn a_document_of_no_known_kind_is_said_to_be_one() {
    let levels =
        include_str!("../data/cases/igot/18-frac-default-levels-given-as-a-framework.json");
    let wrapped = include_str!("../data/cases/framework/17-framework-inside-a-wrapper.json");
    let employees =
        include_str!("../data/cases/officers/23-employees-export-given-as-officers.json");
    let whole = include_str!("../../data/igot/frac_default_proficiency_levels.json");
    let cases: [(&str, &[&str]); 5] = [
        (levels, &["levels", "source_note"]),
        (whole, &["levels", "source_note"]),
        (wrapped, &["data", "status"]),
        (employees, &["employees", "exported_at"]),
        ("{\"b\\u0007\": 1, \"a\": 2}", &["a", "b\u{7}"]),
    ];
    for (name, expected, read) in versioned_readers() {
        let missing: Vec<&str> = if expected == "a framework document" {
            vec!["format_version"]
        } else {
            vec!["format_version", "officers"]
        };
        for (json, fields) in cases {
            let error = Error::DocumentOfNoKnownKind {
                expected,
                fields: fields.iter().map(|f| (*f).to_owned()).collect(),
                missing: missing.clone(),
            };
            assert_eq!(error.code(), "document_of_no_known_kind");
            assert_eq!(read(json), [error], "{name} given {json}");
        }
    }
    let error = &versioned_readers()[1].2(levels)[0];
    assert_eq!(
        error.to_string(),
        "expected a framework document, found an object of no kind this crate reads, with \
         fields `levels`, `source_note`: missing `format_version`"
    );
    let error = &versioned_readers()[4].2("{\"b\\u0007\": 1}")[0];
    assert_eq!(
        error.to_string(),
        "expected an officers document, found an object of no kind this crate reads, with \
         one field \"b\\u{7}\": missing `format_version`, `officers`"
    );
    let value = serde_json::to_value(error).unwrap();
    assert_eq!(value["fields"], serde_json::json!(["b\u{7}"]));
    assert_eq!(
        value["missing"],
        serde_json::json!(["format_version", "officers"])
    );
    // An empty object holds none of the fields either; past 20 fields the message counts
    // the rest, which the data keeps.
    let error = &versioned_readers()[0].2("{}")[0];
    assert_eq!(
        error.to_string(),
        "expected a framework document, found an object of no kind this crate reads, with \
         no fields: missing `format_version`"
    );
    let many: Vec<String> = (0..25).map(|i| format!("\"k{i:02}\": {i}")).collect();
    let errors = versioned_readers()[0].2(&format!("{{{}}}", many.join(", ")));
    let Error::DocumentOfNoKnownKind { fields, .. } = &errors[0] else {
        panic!("{errors:?}");
    };
    assert_eq!(fields.len(), 25);
    assert!(
        errors[0]
            .to_string()
            .ends_with("`k18`, `k19` and 5 more: missing `format_version`"),
        "{}",
        errors[0]
    );
}

// A document of the reader's own kind with faults, or holding any of its fields, is
// reported field by field as before; a list, as a list; a document of another kind, as
// that kind.
#[test]
fn a_document_holding_a_field_of_its_reader_is_read_as_before() {
    let readers = versioned_readers();
    let codes = |k: usize, json: &str| -> Vec<&'static str> {
        readers[k].2(json).iter().map(Error::code).collect()
    };
    // A framework document with one unknown field beside its own.
    let framework = r#"{"format_version": 1, "competencies": [], "levels": []}"#;
    assert_eq!(codes(0, framework), ["json"]);
    assert_eq!(codes(1, framework), ["json"]);
    // `format_version` alone, or beside unknown fields, is the reader's own document.
    for json in [
        r#"{"format_version": 1}"#,
        r#"{"format_version": 2, "x": 1}"#,
    ] {
        for k in 2..5 {
            assert!(codes(k, json).iter().all(|c| *c == "json"), "{json}");
        }
    }
    assert_eq!(codes(0, r#"{"roles": [], "x": 1}"#), ["json"]);
    assert_eq!(codes(2, r#"{"officers": [], "x": 1}"#), ["json"]);
    assert_eq!(codes(0, "[{\"x\": 1}]"), ["json"]);
    assert_eq!(
        codes(0, r#"{"format_version": 2, "officers": []}"#),
        ["document_of_another_kind"]
    );
    assert_eq!(
        codes(2, r#"{"format_version": 99, "x": []}"#),
        ["unsupported_format_version"]
    );
}

// A JSON document pushed in pieces is kept to its end to name its kind: each of its lines
// ends a segment of the reader (the bytes decoded are counted by
// `interop::csv::tests::a_json_document_pushed_in_pieces_is_decoded_once`).
#[test]
fn a_long_json_document_pushed_in_pieces_is_named() {
    let fw = Framework::from_json(QUOTED_FRAMEWORK).unwrap();
    let competencies: Vec<String> = (0..50_000)
        .map(|i| {
            format!(
                "  {{\"id\": \"c{i}\",\n   \"name\": \"Competency {i}\", \"type\": \"domain\"}}"
            )
        })
        .collect();
    let text = format!(
        "{{\n \"format_version\": 2,\n \"competencies\": [\n{}\n ]\n}}\n",
        competencies.join(",\n")
    );
    assert!(text.len() > 2 << 20 && text.lines().count() > 100_000);
    let mut reader = CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
    for piece in text.as_bytes().chunks(4096) {
        reader.push_officers(piece);
    }
    let errors = reader.finish().map(|_| ()).map_err(Errors::into_vec);
    assert_eq!(
        errors,
        Err(vec![Error::CsvLooksLikeJson {
            file: "officers.csv",
            found: "an object",
            kind: Some(DocumentKind::Framework),
        }])
    );
}
