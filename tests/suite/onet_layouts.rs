//! O*NET's own database files given to the loader of the compact layout (`csv/35`):
//! recognised by their headers and refused with one error each, naming the layout and the
//! one the loader reads, rather than an error for every compact column they lack.

use karmayogi::{Error, OnetCsv, OnetOptions, load_onet};

/// Real rows of O*NET 23's `Skills.txt` (text edition: tab-separated, one row per scale).
const SKILLS_TXT: &str = include_str!("../data/cases/csv/35-onet-database-layout.txt");
const OCCUPATIONS: &str = "soc,title\n11-1011.00,Chief Executives\n";
const ELEMENTS: &str = "element_id,parent_id,depth,name,description\n\
    2.A.1,,2,Content,Background structures\n\
    2.A.1.a,2.A.1,3,Reading Comprehension,Understanding written sentences\n\
    2.A.1.b,2.A.1,3,Active Listening,Giving full attention\n";

const RATINGS_LAYOUT: &str =
    "O*NET's database layout (`Skills.txt`: a row per rating scale, `Scale ID` IM or LV)";
const RATINGS_COMPACT: &str = "the compact layout, \
    `soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant`: a row per \
    rated skill, its IM value as `importance_1_5` and its LV value as `level_0_7`";

fn errors(csv: &OnetCsv<'_>) -> Vec<Error> {
    load_onet(csv, &OnetOptions::default())
        .expect_err("a database file")
        .iter()
        .cloned()
        .collect()
}

/// `Skills.txt` as the ratings: one error, its message naming the layout and the columns
/// to convert to; before, six `CsvMissingColumn`s named `soc`, `importance_1_5`, ….
#[test]
fn onet_skills_txt_is_named_as_onets_database_layout() {
    let found = errors(&OnetCsv::new(OCCUPATIONS, ELEMENTS, SKILLS_TXT));
    assert_eq!(
        found,
        [Error::CsvOtherLayout {
            file: "onet/occupation_skill_levels.csv",
            layout: RATINGS_LAYOUT,
            expected: RATINGS_COMPACT,
        }]
    );
    assert_eq!(
        found[0].to_string(),
        format!(
            "onet/occupation_skill_levels.csv is in {RATINGS_LAYOUT}, which this loader does \
             not read: convert it to {RATINGS_COMPACT}"
        )
    );
    // The Excel edition's `Skills.xlsx` saved as CSV (with `Title` and `Scale Name`).
    let excel = "O*NET-SOC Code,Title,Element ID,Element Name,Scale ID,Scale Name,Data Value,\
        N,Standard Error,Lower CI Bound,Upper CI Bound,Recommend Suppress,Not Relevant,Date,\
        Domain Source\n\
        11-1011.00,Chief Executives,2.A.1.a,Reading Comprehension,IM,Importance,4.12,8,0.13,\
        3.88,4.37,N,,07/2014,Analyst\n";
    let found = errors(&OnetCsv::new(OCCUPATIONS, ELEMENTS, excel));
    assert!(
        matches!(&found[..], [Error::CsvOtherLayout { layout, .. }] if *layout == RATINGS_LAYOUT),
        "{found:?}"
    );
}

/// Every file of the database given: one error for each file, naming which it is.
#[test]
fn every_onet_database_file_is_named() {
    let occupations = "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\t\
        Determine and formulate policies\n";
    let elements = "Element ID\tElement Name\tDescription\n2.A.1.a\tReading Comprehension\t\
        Understanding written sentences\n";
    let tasks = "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\t\
        Domain Source\n11-1011.00\t8823\tDirect or coordinate an organization's financial \
        or budget activities.\tCore\t87\t07/2014\tIncumbent\n";
    let csv = OnetCsv::new(occupations, elements, SKILLS_TXT).tasks(tasks);
    let found: Vec<(&str, &str)> = errors(&csv)
        .iter()
        .map(|e| match e {
            Error::CsvOtherLayout { file, layout, .. } => (*file, *layout),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "onet/occupations.csv",
                "O*NET's database layout (`Occupation Data.txt`)"
            ),
            (
                "onet/elements.csv",
                "O*NET's database layout (`Content Model Reference.txt`)"
            ),
            ("onet/occupation_skill_levels.csv", RATINGS_LAYOUT),
            (
                "onet/tasks.csv",
                "O*NET's database layout (`Task Statements.txt`)"
            ),
        ]
    );
}

/// A compact file that also has a database column is read as compact, and a file of
/// neither layout is still reported by the columns it lacks.
#[test]
fn compact_files_and_other_files_are_read_as_before() {
    let ratings = "soc,element_id,importance_1_5,level_0_7,recommend_suppress,not_relevant,\
        Scale ID\n11-1011.00,2.A.1.a,4.12,4.75,N,N,IM\n";
    let spec = load_onet(
        &OnetCsv::new(OCCUPATIONS, ELEMENTS, ratings),
        &OnetOptions::default(),
    )
    .expect("compact columns");
    assert_eq!(spec.roles[0].requires.len(), 1);
    let found = errors(&OnetCsv::new(OCCUPATIONS, ELEMENTS, "soc,element\n"));
    assert!(
        found
            .iter()
            .all(|e| matches!(e, Error::CsvMissingColumn { .. })),
        "{found:?}"
    );
}
