//! Every `lastChangeDateTime` an export writes has a time zone: CASE 1.1's JSON Schema
//! gives the field the `date-time` format, RFC 3339's, which requires one, and `OpenSALT`
//! and `OpenCASE` validate packages against it. A document stamped without a zone
//! (`2024-03-01`, `2024-03-01T10:15:00`) was written without one, and one stamped with a
//! zone's abbreviation (`2024-03-01 10:15:00 IST`, case/94) lost its zone.

use std::path::{Path, PathBuf};

use karmayogi::{
    CaseDocument, CaseExportOptions, CaseFieldReason, CaseImport, CaseImportOptions,
    CaseLeftOutReason, CasePackage, Error, Framework,
};

use crate::support::import;

const ZONE_NAME: &str =
    include_str!("../data/cases/case/94-document-stamped-with-a-zone-name.json");

/// Whether `text` is an RFC 3339 `date-time` (section 5.6), the format JSON Schema's
/// `date-time` names: `full-date "T" full-time`, `T` and `Z` in either case, the time
/// with seconds, an optional fraction and a zone (`Z` or `±hh:mm`), each part in range.
/// Written apart from the crate's reading of time stamps, as a schema validator checks.
fn rfc3339_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let marks = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if b.len() < 20 || marks.iter().any(|&(at, m)| b[at] != m) || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    let clock = (digits(11..13), digits(14..16), digits(17..19));
    let (Some(hour), Some(minute), Some(second)) = clock else {
        return false;
    };
    if !(1..=days).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        if end == 0 {
            return false;
        }
        rest = &fraction[end..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| a.is_ascii_digit() && b.is_ascii_digit();
            two(*h1, *h2)
                && two(*m1, *m2)
                && (h1 - b'0') * 10 + (h2 - b'0') <= 23
                && (m1 - b'0') * 10 + (m2 - b'0') <= 59
        }
        _ => false,
    }
}

/// The stamps of `package` that are no RFC 3339 `date-time`, and how many it has: the
/// value of every `lastChangeDateTime` key of the JSON written (read from the text, as a
/// package may hold numbers beyond a double's range, which `serde_json` refuses).
#[track_caller]
fn invalid_stamps(package: &CasePackage) -> (Vec<String>, usize) {
    let json = package.to_json();
    let key = "\"lastChangeDateTime\"";
    let mut all = Vec::new();
    let mut rest = json.as_str();
    while let Some(at) = rest.find(key) {
        rest = rest[at + key.len()..].trim_start();
        rest = rest.strip_prefix(':').unwrap().trim_start();
        rest = rest.strip_prefix('"').expect("a string");
        let end = rest.find('"').unwrap();
        all.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    let count = all.len();
    all.retain(|s| !rfc3339_date_time(s));
    (all, count)
}

/// The CASE packages the repository holds: the real ones under `tests/data/case/` and the
/// reduced ones under `tests/data/cases/case/`.
fn packages() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    walk(&root.join("case"), &mut out);
    walk(&root.join("cases/case"), &mut out);
    out.sort();
    out
}

/// `document` with what export requires and the import could not give filled in.
fn exportable(document: &CaseDocument, stamp: &str) -> CaseDocument {
    let mut document = document.clone();
    if document.title.trim().is_empty() {
        "Framework".clone_into(&mut document.title);
    }
    if document.creator.trim().is_empty() {
        "Publisher".clone_into(&mut document.creator);
    }
    if document.identifier.trim().is_empty() {
        "d0000000-0000-4000-8000-000000000094".clone_into(&mut document.identifier);
    }
    stamp.clone_into(&mut document.last_change_date_time);
    document
}

#[test]
fn the_schema_date_time_check_is_rfc_3339() {
    for good in [
        "2024-03-01T10:15:00Z",
        "2024-03-01t10:15:00z",
        "2024-03-01T10:15:00.123+05:30",
        "2024-02-29T23:59:60-00:00",
    ] {
        assert!(rfc3339_date_time(good), "{good}");
    }
    for bad in [
        "2024-03-01T10:15:00",
        "2024-03-01",
        "2024-03-01 10:15:00Z",
        "2024-03-01T10:15Z",
        "2023-02-29T10:15:00Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T10:15:00+0530",
        "2024-03-01T10:15:00.Z",
        "2024-03-01T10:15:00+24:00",
    ] {
        assert!(!rfc3339_date_time(bad), "{bad}");
    }
}

#[test]
fn every_export_of_the_repository_packages_writes_rfc_3339_stamps() {
    let options = CaseImportOptions::default();
    let mut exported = 0;
    for path in packages() {
        let text = std::fs::read_to_string(&path).unwrap();
        // Packages kept to show a refusal, and files of other formats, export nothing.
        let Ok(import) = CaseImport::from_json(&text, &options) else {
            continue;
        };
        let Ok(framework) = Framework::new(import.spec.clone()) else {
            continue;
        };
        let own = import.report.document.last_change_date_time.clone();
        // The package's own stamp, then the forms without a zone export reads as UTC.
        for stamp in [
            own.as_str(),
            "2024-03-01",
            "2024-03-01T10:15:00",
            "2024-03-01 9:30 PM",
        ] {
            let document = exportable(&import.report.document, stamp);
            let package = match CasePackage::from_framework(
                &framework,
                &document,
                &CaseExportOptions::default(),
            ) {
                Ok(package) => package,
                // Refused for what the package holds (text on several lines), or for its
                // own stamp; never for a stamp without a zone.
                Err(errors) => {
                    let stamp_refused = (errors.into_vec().iter())
                        .any(|e| matches!(e, Error::CaseInvalidDateTime { .. }));
                    assert!(!stamp_refused || stamp == own, "{}", path.display());
                    continue;
                }
            };
            let (invalid, count) = invalid_stamps(&package);
            assert!(invalid.is_empty(), "{}: {invalid:?}", path.display());
            assert!(count > 0, "{}", path.display());
            exported += 1;
        }
    }
    // The real packages and most reduced ones export.
    assert!(exported > 300, "{exported} exports checked");
}

// case/94: an Indian server's document stamped `2024-03-01 10:15:00 IST`.

#[test]
fn a_zone_named_by_its_abbreviation_is_written_as_its_offset() {
    let import = import(ZONE_NAME);
    assert!(import.report.is_complete(), "{:?}", import.report);
    let framework = Framework::new(import.spec).unwrap();
    let export = CasePackage::from_framework_with_report(
        &framework,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .unwrap();
    let (invalid, count) = invalid_stamps(&export.package);
    assert_eq!((invalid, count), (vec![], 3));
    let document = export.package.document.as_ref().unwrap();
    assert_eq!(document.last_change_date_time, "2024-03-01T10:15:00+05:30");
    let left: Vec<(&str, CaseLeftOutReason)> = (export.report.document.iter())
        .map(|f| (f.field.as_str(), f.reason))
        .collect();
    assert_eq!(left, [("lastChangeDateTime", CaseLeftOutReason::Rewritten)]);
    // RFC 5322's zones, and UTC, are the instants they name.
    for (given, written) in [
        ("2024-03-01 10:15:00 UTC", "2024-03-01T10:15:00Z"),
        ("2024-03-01 10:15:00 GMT", "2024-03-01T10:15:00Z"),
        ("2024-03-01 10:15 EST", "2024-03-01T10:15:00-05:00"),
        ("2024-03-01 10:15:00.5 PDT", "2024-03-01T10:15:00.5-07:00"),
        // A zone given as an offset holds; the abbreviation beside it says no more.
        ("2024-03-01 10:15:00 +0530 IST", "2024-03-01T10:15:00+05:30"),
    ] {
        let document = exportable(&import.report.document, given);
        let package =
            CasePackage::from_framework(&framework, &document, &CaseExportOptions::default())
                .unwrap();
        assert_eq!(
            package.document.as_ref().unwrap().last_change_date_time,
            written,
            "{given}"
        );
    }
}

#[test]
fn a_stamp_without_a_zone_is_read_as_utc_and_reported() {
    let framework = Framework::new(import(ZONE_NAME).spec).unwrap();
    for (given, written) in [
        ("2024-03-01", "2024-03-01T00:00:00Z"),
        ("2024-03-01T10:15:00", "2024-03-01T10:15:00Z"),
        ("2024-03-01 9:30 PM", "2024-03-01T21:30:00Z"),
        ("20240301T101500", "2024-03-01T10:15:00Z"),
    ] {
        let document = exportable(&import(ZONE_NAME).report.document, given);
        let export = CasePackage::from_framework_with_report(
            &framework,
            &document,
            &CaseExportOptions::default(),
        )
        .unwrap();
        let package = &export.package;
        assert_eq!(
            package.document.as_ref().unwrap().last_change_date_time,
            written,
            "{given}"
        );
        assert!(
            package
                .items
                .iter()
                .all(|i| i.last_change_date_time == written)
        );
        let left: Vec<String> = export
            .report
            .document
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            left,
            [
                "document field `lastChangeDateTime`: given without a time zone, read as UTC and written with Z"
            ],
            "{given}"
        );
    }
}

#[test]
fn a_zone_abbreviation_naming_no_known_offset_is_refused_and_reported() {
    let stamp = "2024-03-01 10:15:00 NZST";
    let package = ZONE_NAME.replace("2024-03-01 10:15:00 IST", stamp);
    let import = import(&package);
    let unreadable: Vec<(&str, &CaseFieldReason)> = (import.report.dropped_fields.iter())
        .map(|f| (f.field.as_str(), &f.reason))
        .collect();
    assert!(
        matches!(
            unreadable[..],
            [("lastChangeDateTime", CaseFieldReason::Unreadable { .. })]
        ),
        "{unreadable:?}"
    );
    let framework = Framework::new(import.spec).unwrap();
    let errors = CasePackage::from_framework(
        &framework,
        &import.report.document,
        &CaseExportOptions::default(),
    )
    .unwrap_err()
    .into_vec();
    assert_eq!(
        errors,
        [Error::CaseInvalidDateTime {
            value: stamp.to_owned()
        }]
    );
}
