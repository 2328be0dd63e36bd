//! Numbers written not 0 that a double holds only as 0 (framework/19): `"hours": 1e-400`
//! was refused as "course `k` has 0 hours", and a level written `1e-400` read as level 0.
//! Framework and officers documents now refuse such a number as the parser refuses
//! `1e400`, `number out of range`, naming it as written, where it stands; the smallest
//! double above 0 (`5e-324`) is still read.

use karmayogi::{Cohort, Error, Framework, FrameworkSpec, LevelPolicy, OfficersSpec};

const CASE: &str =
    include_str!("../data/cases/framework/19-numbers-nearer-zero-than-a-double.json");

/// `(line, column, path, id, message)` of a JSON error.
fn json(error: &Error) -> (usize, usize, String, Option<String>, String) {
    match error {
        Error::Json {
            line,
            column,
            path,
            id,
            message,
        } => (*line, *column, path.clone(), id.clone(), message.clone()),
        other => panic!("not a JSON error: {other}"),
    }
}

fn expected(
    line: usize,
    column: usize,
    path: &str,
    id: &str,
    number: &str,
) -> (usize, usize, String, Option<String>, String) {
    (
        line,
        column,
        path.to_owned(),
        Some(id.to_owned()),
        format!(
            "number out of range: `{number}` is not 0 and is nearer 0 than a double holds \
             (about 5e-324): it would read as 0"
        ),
    )
}

#[test]
fn course_hours_nearer_zero_than_a_double_are_named_as_written() {
    let want = expected(7, 65, "courses[0].hours", "k", "1e-400");
    assert_eq!(json(&FrameworkSpec::from_json(CASE).unwrap_err()), want);
    let errors = Framework::from_json(CASE).unwrap_err();
    assert_eq!(errors.as_slice().len(), 1);
    assert_eq!(json(&errors.as_slice()[0]), want);
    // The smallest double above 0 is read, as the number it is, and refused as hours
    // below the smallest held (framework/21).
    let smallest = Framework::from_json(&CASE.replace("1e-400", "5e-324")).unwrap_err();
    assert!(matches!(
        smallest.as_slice(),
        [Error::InvalidHours { course, hours }] if course.as_str() == "k" && hours.to_bits() == 5e-324_f64.to_bits()
    ));
    // Negative, or a decimal of 400 zeros: the same.
    let negative = CASE.replace("1e-400", "-2.5E-330");
    let want = expected(7, 68, "courses[0].hours", "k", "-2.5E-330");
    assert_eq!(
        json(&FrameworkSpec::from_json(&negative).unwrap_err()),
        want
    );
    let zeros = format!("0.{}7", "0".repeat(400));
    let long = CASE.replace("1e-400", &zeros);
    let error = FrameworkSpec::from_json(&long).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&format!("`{}`… (403 characters)", &zeros[..200])),
        "{error}"
    );
    // Within a string it is text.
    let named = CASE.replace("Noting basics", "Noting 1e-400");
    assert!(FrameworkSpec::from_json(&named.replace("1e-400,", "1,")).is_ok());
}

#[test]
fn levels_nearer_zero_than_a_double_are_not_level_0() {
    let framework = Framework::from_json(&CASE.replace("1e-400", "1")).unwrap();
    let officers = r#"{"format_version": 2, "officers": [{"id": "o1", "department": "dopt",
  "position": "so", "passbook": [{"competency": "noting", "level": 1e-999, "source": "assessment"}]}]}"#;
    let mut want = expected(2, 73, "officers[0].passbook[0].level", "o1", "1e-999");
    want.4 = format!(
        "officer `o1` passbook entry 0 (competency `noting`): {}",
        want.4
    );
    assert_eq!(json(&OfficersSpec::from_json(officers).unwrap_err()), want);
    assert_eq!(
        json(
            &OfficersSpec::from_json_all(officers)
                .unwrap_err()
                .as_slice()[0]
        ),
        want
    );
    let errors = Cohort::from_json(&framework, officers, &LevelPolicy::default()).unwrap_err();
    assert_eq!(json(&errors.as_slice()[0]), want);
    let errors = Cohort::from_json_with_threads(&framework, officers, &LevelPolicy::default(), 2)
        .unwrap_err();
    assert_eq!(json(&errors.as_slice()[0]), want);
    let level = CASE.replace(r#""level": 2}]}],"#, r#""level": 2e-400}]}],"#);
    assert!(
        FrameworkSpec::from_json(&level)
            .unwrap_err()
            .to_string()
            .contains("`2e-400` is not 0"),
    );
}

/// Values read without a document of their own (one officer, a list of targets or of
/// course ids, a CASE document, as the JavaScript package reads its arguments given as
/// text) are read by `read_json` with the same check: `serde_json` alone reads each as 0.
#[test]
fn values_read_alone_refuse_numbers_nearer_zero_than_a_double() {
    use karmayogi::{CaseDocument, CourseId, OfficerSpec, Target, read_json};

    let officer = r#"{"id": "o1", "department": "dopt", "position": "so",
  "passbook": [{"competency": "noting", "level": 1e-999, "source": "assessment"}]}"#;
    let parsed: OfficerSpec = serde_json::from_str(officer).unwrap();
    assert_eq!(
        parsed.passbook[0].level, 0,
        "serde_json alone reads level 0"
    );
    let want = expected(2, 55, "passbook[0].level", "o1", "1e-999");
    assert_eq!(json(&read_json::<OfficerSpec>(officer).unwrap_err()), want);
    // A byte-order mark is not counted in the columns, as the document readers count them.
    let marked = format!("\u{feff}{officer}");
    assert_eq!(json(&read_json::<OfficerSpec>(&marked).unwrap_err()), want);
    assert_eq!(
        read_json::<OfficerSpec>(&officer.replace("1e-999", "2")).unwrap(),
        serde_json::from_str(&officer.replace("1e-999", "2")).unwrap()
    );

    let targets = r#"[{"competency": "noting", "current": 0, "required": 2},
 {"competency": "rti", "current": -2.5E-330, "required": 3}]"#;
    let mut want = expected(2, 43, "[1].current", "", "-2.5E-330");
    want.3 = None;
    assert_eq!(json(&read_json::<Vec<Target>>(targets).unwrap_err()), want);
    assert_eq!(
        read_json::<Vec<Target>>(&targets.replace("-2.5E-330", "1"))
            .unwrap()
            .len(),
        2
    );

    let document = r#"{"identifier": "c0c3b2a6-5d5e-4d3e-9f0a-1b2c3d4e5f60", "title": "FRAC",
 "version": 1e-400}"#;
    let mut want = expected(2, 18, "version", "", "1e-400");
    want.3 = None;
    assert_eq!(
        json(&read_json::<CaseDocument>(document).unwrap_err()),
        want
    );
    assert!(read_json::<CaseDocument>(&document.replace("1e-400", "\"1.0\"")).is_ok());

    // A course id list refuses any number, the smallest double above 0 too.
    assert!(read_json::<Vec<CourseId>>(r#"["k", 5e-324]"#).is_err());
}
