//! The other names HR exports give the columns of `officers.csv` and `evidence.csv`
//! (`Employee ID`, `emp_id`, `Designation`, `Competency Name`, `Proficiency Level`), read
//! when the header has no column of the loader's own name.
//!
//! A header and a name are compared folded: ASCII letters in lower case, and spaces, `_`,
//! `-` and `.` left out (`Employee ID`, `employee_id` and `EMPLOYEE-ID` are one name). A
//! column's other names come in tiers, the likelier first: the first tier a header names
//! decides, and two headers naming one tier (`Emp ID` and `Employee ID`) make the column
//! ambiguous, as two spellings of its own name do. So an export holding both `Competency
//! ID` and `Competency Name` reads the ids, and one holding only `Competency Name` reads
//! that column (whose cells must then hold the framework's competency ids, as any
//! `competency` cell must: a name is reported as an unknown competency with the nearest
//! id).

/// The other names of column `column` of `file`, folded, in tiers (see the module's docs);
/// empty for the files of other loaders.
pub(super) fn aliases(file: &str, column: &str) -> &'static [&'static [&'static str]] {
    match (file, column) {
        // An officer is named alike in both files.
        ("officers.csv", "id") | ("evidence.csv", "officer") => &[
            &["officerid", "employeeid", "empid"],
            &[
                "employeecode",
                "empcode",
                "employeeno",
                "employeenumber",
                "staffid",
            ],
        ],
        ("officers.csv", "name") => &[&["officername", "employeename", "empname", "fullname"]],
        ("officers.csv", "department") => &[
            &[
                "departmentid",
                "departmentcode",
                "dept",
                "deptid",
                "deptcode",
            ],
            &["departmentname", "deptname", "ministrydepartment"],
        ],
        ("officers.csv", "position") => &[
            &[
                "positionid",
                "positioncode",
                "designation",
                "designationid",
                "post",
            ],
            &["positionname", "designationname", "postname"],
        ],
        ("officers.csv", "target") => &[&[
            "targetposition",
            "targetpositionid",
            "targetdesignation",
            "nextposition",
        ]],
        ("evidence.csv", "competency") => {
            &[&["competencyid", "competencycode"], &["competencyname"]]
        }
        ("evidence.csv", "level") => &[&[
            "proficiencylevel",
            "proficiency",
            "competencylevel",
            "levelachieved",
            "achievedlevel",
        ]],
        ("evidence.csv", "source") => &[&["evidencesource", "sourcetype", "evidencetype"]],
        ("evidence.csv", "date") => &[&[
            "evidencedate",
            "assessmentdate",
            "completiondate",
            "dateofcompletion",
            "completedon",
            "assessedon",
        ]],
        ("evidence.csv", "verified") => &[&["isverified", "verifiedflag"]],
        ("evidence.csv", "course") => &[&["courseid", "coursecode"]],
        _ => &[],
    }
}

/// Whether `header` and `name` are equal folded (see the module's docs).
pub(super) fn folds_to(header: &str, name: &str) -> bool {
    let fold = |text: &'_ str| {
        (text.bytes())
            .filter(|b| !matches!(b, b' ' | b'_' | b'-' | b'.'))
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    fold(header) == fold(name)
}
