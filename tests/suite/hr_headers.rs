//! HR exports name the columns of `officers.csv` and `evidence.csv` their own way:
//! `Employee ID`, `emp_id`, `Designation`, `Competency Name`, `Proficiency Level`, in any
//! case and spacing, after a byte-order mark. The loaders read the common spellings, the
//! same on both paths, prefer the loader's own name and an id column over a name column,
//! refuse a column of names where ids are read (a name read as an id is unknown or another
//! item's id), and report two headers that could each be the column instead of picking
//! one.

use karmayogi::{
    Cohort, CohortCsvReader, ColumnNotRead, Error, Errors, Framework, OfficersCsv,
    OfficersCsvOptions, OfficersLoad, load_officers,
};

use crate::support::HEADER_FRAMEWORK as FRAMEWORK;

fn load(officers: &str, evidence: &str) -> Result<OfficersLoad, Vec<Error>> {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let csv = OfficersCsv::new(officers).evidence(evidence);
    let options = OfficersCsvOptions::default();
    let two_step = load_officers(&fw, &csv, &options).map_err(Errors::into_vec);
    let streamed = Cohort::from_csv(&fw, &csv, &options).map_err(Errors::into_vec);
    match (&two_step, &streamed) {
        (Ok(load), Ok(cohort)) => {
            assert_eq!(cohort.cohort.len(), load.officers.len());
            assert_eq!(cohort.columns_not_read, load.columns_not_read);
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("the loaders disagree: {two_step:?} / {streamed:?}"),
    }
    two_step
}

/// `(officer, name, department, position, target, [(competency, level)])`.
fn read(load: &OfficersLoad) -> Vec<String> {
    load.officers
        .iter()
        .map(|o| {
            let passbook: Vec<String> = (o.passbook.iter())
                .map(|e| format!("{}:{}:{:?}:{}", e.competency, e.level, e.source, e.date))
                .collect();
            format!(
                "{} {:?} {} {} {:?} {passbook:?}",
                o.id,
                o.name,
                o.department,
                o.position,
                o.target_position
                    .as_ref()
                    .map(karmayogi::PositionId::as_str)
            )
        })
        .collect()
}

#[test]
fn common_spellings_of_the_columns_are_read() {
    let want = [
        r#"o1 Some("Asha Rao") dopt us Some("ds") ["rti:2:Assessment:2024-03-01", "noting:3:SelfDeclared:"]"#,
        "o2 None dopt ds None []",
    ];
    for (officers, evidence) in [
        (
            "\u{feff}Employee ID,Employee Name,Department,Designation,Target Position\r\n\
             o1,Asha Rao,dopt,us,ds\r\no2,,dopt,ds,\r\n",
            "Employee ID,Competency ID,Competency Name,Proficiency Level,Evidence Source,Assessment Date\r\n\
             o1,rti,Right to Information,2,assessment,2024-03-01\r\n\
             o1,noting,Noting and drafting,3,self_declared,\r\n",
        ),
        (
            "EMP_ID , emp_name ,DEPT,designation,target_designation\n\
             o1,Asha Rao,dopt,us,ds\no2,,dopt,ds,\n",
            "emp-id,competency_id,proficiency,source,date\n\
             o1,rti,2,assessment,2024-03-01\no1,noting,3,self_declared,\n",
        ),
        (
            "Officer ID,Full Name,Department Code,Position ID,Target\n\
             o1,Asha Rao,dopt,us,ds\no2,,dopt,ds,\n",
            "Officer_ID,Competency Code,Competency Level,Source Type,Completion Date\n\
             o1,rti,2,assessment,2024-03-01\no1,noting,3,self_declared,\n",
        ),
    ] {
        let load = load(officers, evidence).expect(officers);
        assert_eq!(read(&load), want, "{officers}");
    }
}

/// Headers copied from a web page or a word processor into a spreadsheet keep the page's
/// spaces: a no-break space (U+00A0), a narrow one (U+202F), a tab, or a zero-width space
/// or word joiner between words, all of which show as a space or as nothing. A header is
/// read by its letters, as one spelt with plain spaces is.
#[test]
fn headers_spaced_with_unicode_or_invisible_characters_are_read() {
    let want = [
        r#"o1 Some("Asha Rao") dopt us Some("ds") ["rti:2:Assessment:2024-03-01", "noting:3:SelfDeclared:"]"#,
        "o2 None dopt ds None []",
    ];
    let officers = "Employee\u{a0}ID,Employee\u{202f}Name,Depart\u{200b}ment,Desig\u{2060}nation,\
                    Target\tPosition\u{3000}\n\
                    o1,Asha Rao,dopt,us,ds\no2,,dopt,ds,\n";
    let evidence = "Employee\u{a0}ID,Competency\u{a0}ID,Proficiency\u{2009}Level,Evidence\u{feff}Source,\
                    Assessment\u{a0}Date\n\
                    o1,rti,2,assessment,2024-03-01\no1,noting,3,self_declared,\n";
    let load = load(officers, evidence).expect("headers read by their letters");
    assert_eq!(read(&load), want);
    assert_eq!(load.columns_not_read, []);
}

#[test]
fn the_loaders_own_name_comes_before_another_spelling() {
    // `id` is the column; `Employee ID` is some other number of the HR system.
    let officers = "id,Employee ID,department,position,Designation\no1,E-77,dopt,us,Clerk\n";
    let evidence = "officer,Employee ID,competency,level,source\no1,E-77,rti,2,assessment\n";
    let load = load(officers, evidence).expect("the loader's own names");
    assert_eq!(load.officers[0].id.as_str(), "o1");
    assert_eq!(load.officers[0].position.as_str(), "us");
    assert_eq!(load.officers[0].passbook.len(), 1);
}

#[test]
fn two_headers_that_could_each_be_the_column_are_reported() {
    let officers = "Emp ID,Employee ID,Department,Designation,Post\no1,o1,dopt,us,us\n";
    let errors = load(officers, "officer,competency,level,source\n").expect_err("ambiguous");
    assert_eq!(
        errors,
        [
            Error::CsvAmbiguousColumn {
                file: "officers.csv",
                column: "id",
                headers: vec!["Emp ID".to_owned(), "Employee ID".to_owned()],
            },
            Error::CsvAmbiguousColumn {
                file: "officers.csv",
                column: "position",
                headers: vec!["Designation".to_owned(), "Post".to_owned()],
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "officers.csv has 2 headers naming column `id`: `Emp ID`, `Employee ID`; expected one"
    );
}

#[test]
fn a_header_no_spelling_names_is_still_missing() {
    // `Name` is no id, and `Employee` alone could be a name: neither is read as the id.
    for header in ["Name,Department,Position", "Employee,Department,Position"] {
        let officers = format!("{header}\nAsha,dopt,us\n");
        let errors = load(&officers, "officer,competency,level,source\n").expect_err(header);
        assert_eq!(
            errors,
            [Error::CsvMissingColumn {
                file: "officers.csv",
                column: "id",
                header_line: None,
                nearest: None,
            }],
            "{header}"
        );
    }
}

#[test]
fn a_column_of_names_where_ids_are_read_is_refused_at_its_header() {
    // A position named `ds` beside a position whose id is `ds`: read as ids, the names
    // would put officer o1 on the wrong post without a word.
    const NAMED: &str = r#"{
      "format_version": 2,
      "competencies": [{"id": "rti", "name": "noting", "type": "domain"},
                       {"id": "noting", "name": "Noting and drafting", "type": "functional"}],
      "roles": [{"id": "r", "name": "CPIO", "requires": [{"competency": "rti", "level": 3}]}],
      "positions": [{"id": "us", "name": "ds", "department": "dopt", "roles": ["r"]},
                    {"id": "ds", "name": "Deputy Secretary", "department": "dopt", "roles": ["r"]}]
    }"#;
    let fw = Framework::from_json(NAMED).expect("valid");
    let both = |officers: &str, evidence: &str| {
        let csv = OfficersCsv::new(officers).evidence(evidence);
        let options = OfficersCsvOptions::default();
        let two_step = load_officers(&fw, &csv, &options).map_err(Errors::into_vec);
        let streamed = Cohort::from_csv(&fw, &csv, &options).map_err(Errors::into_vec);
        let errors = two_step.expect_err(officers);
        assert_eq!(streamed.expect_err(officers), errors, "{officers}");
        errors
    };
    let name_column = |file, column, header: &str| Error::CsvNameColumn {
        file,
        column,
        header: header.to_owned(),
    };
    let evidence = "Employee ID,Competency Name,Level,Source\no1,noting,2,assessment\n";
    for (header, column, found) in [
        (
            "Emp ID,Department Name,Position Name",
            "position",
            "Position Name",
        ),
        (
            "Emp ID,Dept,Designation Name",
            "position",
            "Designation Name",
        ),
        ("Emp ID,Dept,post_name", "position", "post_name"),
    ] {
        let officers = format!("{header}\no1,dopt,ds\n");
        let mut want = Vec::new();
        if header.contains("Department Name") {
            want.push(name_column("officers.csv", "department", "Department Name"));
        }
        want.push(name_column("officers.csv", column, found));
        want.push(name_column("evidence.csv", "competency", "Competency Name"));
        assert_eq!(both(&officers, evidence), want, "{header}");
    }
    // The optional target column too; and the message names header and column.
    let errors = both(
        "id,department,position,Target Position Name\no1,dopt,us,ds\n",
        "officer,competency,level,source\n",
    );
    assert_eq!(
        errors,
        [name_column(
            "officers.csv",
            "target",
            "Target Position Name"
        )]
    );
    assert_eq!(
        errors[0].to_string(),
        "officers.csv header `Target Position Name` holds names, not the ids column \
         `target` is read as: give the framework's ids under a header `target`"
    );
    assert_eq!(errors[0].code(), "csv_name_column");
    // Beside an id column, a name column is extra and ignored, as any other column.
    let load = load(
        "Emp ID,Dept,Position ID,Position Name\no1,dopt,us,Under Secretary\n",
        "Emp ID,Competency ID,Competency Name,Level,Source\no1,rti,Right to Information,2,assessment\n",
    )
    .expect("ids beside names");
    assert_eq!(load.officers[0].position.as_str(), "us");
    assert_eq!(load.officers[0].passbook[0].competency.as_str(), "rti");
}

#[test]
fn columns_the_loaders_do_not_read_are_listed() {
    // Extra columns an HR system writes, a misspelt optional column (`evidence_dt` for
    // `date`, whose dates would otherwise be lost without a word), an alias that is read
    // (`Employee ID`), and an empty header from a trailing comma, which is not a column.
    let officers = "Employee ID,Mobile,department,position, Grade ,\no1,98,dopt,us,A,\n";
    let evidence = "officer,competency,level,source,evidence_dt\no1,rti,2,assessment,2024-01-02\n";
    let read = load(officers, evidence).expect("valid");
    let not_read = |file, column, header: &str, nearest| ColumnNotRead {
        file,
        column,
        header: header.to_owned(),
        nearest,
        values: None,
    };
    // `evidence_dt` is two edits from `evidence_date`, another name of `date`.
    let want = vec![
        not_read("officers.csv", 2, "Mobile", None),
        not_read("officers.csv", 5, "Grade", None),
        not_read("evidence.csv", 5, "evidence_dt", Some("date")),
    ];
    assert_eq!(read.columns_not_read, want);
    assert_eq!(read.officers[0].passbook[0].date, "");

    // Fed in pieces as a file is read, byte by byte, the reader lists the same.
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let mut reader = CohortCsvReader::new(&fw, &OfficersCsvOptions::default());
    for b in officers.as_bytes().chunks(1) {
        reader.push_officers(b);
    }
    for b in evidence.as_bytes().chunks(1) {
        reader.push_evidence(b);
    }
    assert_eq!(reader.finish().expect("valid").columns_not_read, want);

    // Every column read: none listed.
    let read_all = load(
        "id,name,department,position,target\no1,Asha,dopt,us,ds\n",
        "officer,competency,level,source,date,verified,course\no1,rti,2,assessment,,,\n",
    );
    assert_eq!(read_all.expect("valid").columns_not_read, []);
}

#[test]
fn misspelt_optional_columns_are_named_with_the_column_they_miss() {
    // `Nmae`, `Traget`, `verifed` and `cousre` are one edit from `name`, `target`,
    // `verified` and `course`: the file reads as if it had none of them (every entry
    // verified, although the export says `no`), so the report names the column each looks
    // like. `Dat` is too short to be told from another word and is only listed.
    let officers = include_str!("../data/cases/csv/17-misspelt-optional-columns-officers.csv");
    let evidence = include_str!("../data/cases/csv/17-misspelt-optional-columns-evidence.csv");
    let read = load(officers, evidence).expect("valid");
    let not_read = |file, column, header: &str, nearest| ColumnNotRead {
        file,
        column,
        header: header.to_owned(),
        nearest,
        values: None,
    };
    let want = vec![
        not_read("officers.csv", 2, "Nmae", Some("name")),
        not_read("officers.csv", 5, "Traget", Some("target")),
        not_read("evidence.csv", 5, "Dat", None),
        not_read("evidence.csv", 6, "verifed", Some("verified")),
        not_read("evidence.csv", 7, "cousre", Some("course")),
    ];
    assert_eq!(read.columns_not_read, want);
    assert!(read.officers[0].passbook[0].verified);
    let json = serde_json::to_value(&read.columns_not_read).expect("serializes");
    assert_eq!(json[1]["nearest"], "target");
    assert!(json[2].get("nearest").is_none());

    // A column present is no column missed: with `name` read, `Nmae` is only listed.
    let both = "id,name,Nmae,department,position\no1,Asha,x,dopt,us\n";
    let read = load(
        both,
        "officer,competency,level,source\no1,rti,2,assessment\n",
    );
    let read = read.expect("valid");
    assert_eq!(
        read.columns_not_read,
        [not_read("officers.csv", 3, "Nmae", None)]
    );
}

/// A header cell of a megabyte (a document pasted into the first line, a runaway export)
/// is read past: the load reads the officer and lists the cell as a column not read. What
/// it costs is counted in `tests/header_memory.rs`.
#[test]
fn a_megabyte_header_cell_is_listed_as_a_column_not_read() {
    let cell = "x".repeat(1 << 20);
    let officers = format!("id,department,position,{cell}\no1,dopt,us,1\n");
    let evidence = format!("officer,competency,level,source,{cell}\no1,rti,2,assessment,1\n");
    let read = load(&officers, &evidence).expect("valid");
    assert_eq!(read.officers.len(), 1);
    assert_eq!(read.officers[0].passbook.len(), 1);
    let not_read: Vec<(&str, usize)> = (read.columns_not_read.iter())
        .map(|c| (c.file, c.column))
        .collect();
    assert_eq!(not_read, [("officers.csv", 4), ("evidence.csv", 5)]);
}

/// `csv/38`: a header cell whose parts name two columns (`Position / Target Position`,
/// `Competency ID / Course ID`) is read as neither: it is one error naming the cell and
/// both columns, in each file, on both paths, rather than both columns filled from it.
#[test]
fn a_header_cell_naming_two_columns_is_refused() {
    let officers =
        include_str!("../data/cases/csv/38-one-header-cell-naming-two-columns-officers.csv");
    let evidence =
        include_str!("../data/cases/csv/38-one-header-cell-naming-two-columns-evidence.csv");
    let errors = load(officers, evidence).expect_err("a shared header cell");
    assert_eq!(
        errors,
        [
            Error::CsvSharedHeader {
                file: "officers.csv",
                position: 4,
                header: "Position / Target Position".into(),
                columns: vec!["position", "target"],
            },
            Error::CsvSharedHeader {
                file: "evidence.csv",
                position: 2,
                header: "Competency ID / Course ID".into(),
                columns: vec!["competency", "course"],
            },
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "officers.csv header `Position / Target Position` (cell 4) names columns \
         `position`, `target`: expected one column to a cell"
    );
    assert_eq!(errors[0].code(), "csv_shared_header");
    // Every pair of columns a cell's two sides may name, in either file: never both read.
    let officer_columns = [
        "Employee ID",
        "Name",
        "Department",
        "Position ID",
        "Target Position",
    ];
    let evidence_columns = [
        "Employee ID",
        "Competency ID",
        "Proficiency Level",
        "Evidence Source",
        "Assessment Date",
        "Verified",
        "Course ID",
    ];
    let shared = |headers: &[&str], i: usize, j: usize| -> String {
        let mut cells: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        cells[i] = format!("{} / {}", headers[i], headers[j]);
        cells.remove(j);
        cells.join(",")
    };
    for (i, j) in (0..5)
        .flat_map(|i| (0..5).map(move |j| (i, j)))
        .filter(|(i, j)| i < j)
    {
        let header = shared(&officer_columns, i, j);
        let row = ["x"; 4].join(",");
        let errors = load(
            &format!("{header}\n{row}\n"),
            "officer,competency,level,source\n",
        )
        .expect_err(&header);
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, Error::CsvSharedHeader { columns, .. } if columns.len() == 2)),
            "{header}: {errors:?}"
        );
    }
    for (i, j) in (0..7)
        .flat_map(|i| (0..7).map(move |j| (i, j)))
        .filter(|(i, j)| i < j)
    {
        let header = shared(&evidence_columns, i, j);
        let errors = load(
            "id,department,position\no1,dopt,us\n",
            &format!("{header}\n"),
        )
        .expect_err(&header);
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, Error::CsvSharedHeader { columns, .. } if columns.len() == 2)),
            "{header}: {errors:?}"
        );
    }
}
