//! The unit tests of `csv.rs`: records, quotes, headers and delimiters read by `Table`.

use super::feed::DECODED;
use super::*;

/// Every well-formed record of `text` (the first is the header) as owned fields, and
/// the errors.
fn records(text: &str) -> (Vec<(usize, Vec<String>)>, Vec<Error>) {
    let mut table = Table::new("t.csv", text, b',');
    let mut record = csv::StringRecord::new();
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    while let Some(r) = table.next_record(&mut record) {
        match r {
            Ok(line) => out.push((line, record.iter().map(str::to_owned).collect())),
            Err((_, e)) => errors.push(e),
        }
    }
    (out, errors)
}

fn row(line: usize, fields: &[&str]) -> (usize, Vec<String>) {
    (line, fields.iter().map(|f| (*f).to_owned()).collect())
}

#[test]
fn reads_quotes_doubled_quotes_crlf_and_bom() {
    let text = "\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n,\n3,\"\"";
    let (rows, errors) = records(text);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        rows,
        [
            row(1, &["a", "b"]),
            row(2, &["x, \"y\"", "two\r\nlines"]),
            row(6, &["3", ""]),
        ]
    );
}

#[test]
fn whitespace_around_fields_and_blank_lines_are_dropped() {
    let (rows, errors) = records(" a , b\t\r\n  \r\n x ,\"q\"  \n\u{a0}\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rows, [row(1, &["a", "b"]), row(3, &["x", "q"])]);
    // Any Unicode whitespace, as `str::trim`; a record with nothing to trim is as read.
    let (rows, errors) = records("p,\u{b}v\u{2003}\nq r,s\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rows, [row(1, &["p", "v"]), row(2, &["q r", "s"])]);
}

#[test]
fn lone_cr_ends_a_record_and_trailing_comma_adds_an_empty_field() {
    let (rows, errors) = records("a,b,\rc");
    assert!(errors.is_empty());
    assert_eq!(rows, [row(1, &["a", "b", ""]), row(2, &["c"])]);
}

#[test]
fn misplaced_quotes_are_reported_and_reading_goes_on() {
    let (rows, errors) = records("a,b\"c\n\"x\"y,z\n\"two\nlines\", \"q\"\nok,1\n");
    assert_eq!(rows, [row(5, &["ok", "1"])]);
    assert_eq!(
        errors,
        [
            Error::CsvMisplacedQuote {
                file: "t.csv",
                line: 1,
                field: 2
            },
            Error::CsvMisplacedQuote {
                file: "t.csv",
                line: 2,
                field: 1
            },
            Error::CsvMisplacedQuote {
                file: "t.csv",
                line: 4,
                field: 2
            },
        ]
    );
}

#[test]
fn excel_text_formulas_are_quoted_fields_of_their_own() {
    let (rows, errors) = records("a,b\n=\"0123\",x\n=\"01,23\",y\n=\"01\"z,w\n=\"01\" ,v\n=\"7");
    assert_eq!(
        rows,
        [
            row(1, &["a", "b"]),
            row(2, &["=\"0123\"", "x"]),
            row(5, &["=\"01\"", "v"])
        ]
    );
    let misplaced = |line| Error::CsvMisplacedQuote {
        file: "t.csv",
        line,
        field: 1,
    };
    assert_eq!(errors, [misplaced(3), misplaced(4), misplaced(6)]);
    // Read by name, the formula gives its text.
    let mut errors = Vec::new();
    let table = Table::open(
        "t.csv",
        "id\n=\"0123\"\n\"=\"\"0456\"\"\"\n",
        &["id"],
        &mut errors,
    )
    .expect("the header has id");
    let mut ids = Vec::new();
    table.rows(&mut errors, |row, _| ids.push(row.text("id").to_owned()));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids, ["0123", "0456"]);
}

#[test]
fn unclosed_quote_names_the_line_it_opened_on() {
    let (rows, errors) = records("a\n\"open\nstill open\n");
    assert_eq!(rows, [row(1, &["a"])]);
    assert_eq!(
        errors,
        [Error::CsvUnclosedQuote {
            file: "t.csv",
            line: 2
        }]
    );
}

#[test]
fn records_of_empty_fields_are_blank_lines() {
    let (rows, errors) = records("a,b\n,\n\"\",\"\" \n,,,\nx,\n");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rows, [row(1, &["a", "b"]), row(5, &["x", ""])]);
}

#[test]
fn a_header_quoted_with_another_separator_is_read_with_it() {
    for (text, sep) in [
        (
            "\u{feff}\"id\";\"name\"\r\n\"1\";\"x\"\r\n",
            Delimiter::Semicolon,
        ),
        ("\n\"id\"\t\"name\"\n\"1\"\tx\n", Delimiter::Tab),
        ("sep=|\n\"id\"|name\n1|x\n", Delimiter::Pipe),
        ("SEP=\t\r\n\n;;\nid\tname\n1\tx\n", Delimiter::Tab),
    ] {
        let mut errors = Vec::new();
        let table = Table::open_with("t.csv", text, &["id"], &["name"], &mut errors)
            .expect("the header has id");
        assert_eq!(table.header().delimiter.0, sep, "{text:?}");
        let mut rows = Vec::new();
        table.rows(&mut errors, |row, _| {
            rows.push((
                row.get("id").map(str::to_owned),
                row.get("name").map(str::to_owned),
            ));
        });
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            rows,
            [(Some("1".to_owned()), Some("x".to_owned()))],
            "{text:?}"
        );
    }
    // A delimiter declared that the header is not separated by.
    let mut errors = Vec::new();
    let text = "sep=,\nid;name\n";
    assert!(Table::open("t.csv", text, &["id", "name"], &mut errors).is_none());
    let expected = Error::CsvDelimiter {
        file: "t.csv",
        found: ';',
        expected: ',',
    };
    assert_eq!(errors, [expected]);
    // A quote misplaced in a comma header stays a misplaced quote.
    let mut errors = Vec::new();
    assert!(Table::open("t.csv", "id,na\"me\n", &["id"], &mut errors).is_none());
    assert_eq!(
        errors,
        [Error::CsvMisplacedQuote {
            file: "t.csv",
            line: 1,
            field: 2
        }]
    );
}

#[test]
fn empty_text_has_no_records() {
    assert!(records("").0.is_empty());
    assert!(records("\u{feff}\n\r\n").0.is_empty());
}

#[test]
fn optional_columns_are_found_when_present() {
    let mut errors = Vec::new();
    let table = Table::open_with(
        "t.csv",
        "id, name\n7,x\n",
        &["id"],
        &["name", "target"],
        &mut errors,
    )
    .expect("the header has id");
    table.rows(&mut errors, |row, _| {
        assert_eq!(row.get("id"), Some("7"));
        assert_eq!(row.get("name"), Some("x"));
        assert_eq!(row.get("target"), None);
    });
    assert!(errors.is_empty());
}

#[test]
fn quoted_fields_are_kept_as_written_when_trimming_changes_them() {
    let mut out = Vec::new();
    super::rows::as_written(
        "o1,\"p \",x,\" \"\"a\"\" \",\"b\",\" q\"\r\n",
        b',',
        &mut out,
    );
    let got: Vec<_> = out.iter().map(|(i, t)| (*i, t.as_ref())).collect();
    assert_eq!(got, [(1, "p "), (3, " \"a\" "), (5, " q")]);
    out.clear();
    // A delimiter inside the quotes is the field's; an unquoted field is never pushed.
    super::rows::as_written(" a ;\"x; \";c", b';', &mut out);
    let got: Vec<_> = out.iter().map(|(i, t)| (*i, t.as_ref())).collect();
    assert_eq!(got, [(1, "x; ")]);
}

// A JSON document pushed in pieces is kept to its end to name its kind; each of its lines
// ends a segment of the reader, and the text kept must not be decoded again at each (that
// was quadratic in the lines). Counted in bytes decoded, not timed.
#[test]
fn a_json_document_pushed_in_pieces_is_decoded_once() {
    let fw =
        crate::Framework::from_json(include_str!("../../../examples/data/head_post_office.json"))
            .unwrap();
    let decoded_for = |lines: usize| {
        let competencies: Vec<String> = (0..lines / 2)
            .map(|i| format!("  {{\"id\": \"c{i}\",\n   \"name\": \"Competency {i}\"}}"))
            .collect();
        let text = format!(
            "{{\n \"format_version\": 2,\n \"competencies\": [\n{}\n ]\n}}\n",
            competencies.join(",\n")
        );
        let before = DECODED.with(std::cell::Cell::get);
        let mut reader = crate::CohortCsvReader::new(&fw, &crate::OfficersCsvOptions::default());
        for piece in text.as_bytes().chunks(256) {
            reader.push_officers(piece);
        }
        let errors = reader.finish().map(|_| ()).map_err(crate::Errors::into_vec);
        assert!(
            matches!(&errors, Err(e) if matches!(e.as_slice(), [Error::CsvLooksLikeJson {
                kind: Some(crate::DocumentKind::Framework),
                ..
            }])),
            "{errors:?}"
        );
        (text.len(), DECODED.with(std::cell::Cell::get) - before)
    };
    for lines in [2_000, 20_000] {
        let (len, decoded) = decoded_for(lines);
        assert!(
            decoded <= 3 * len,
            "{lines} lines: {decoded} bytes decoded of {len}"
        );
    }
}
