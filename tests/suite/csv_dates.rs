//! Evidence dates as HR exports write them besides ISO 8601: day first (`03/04/2024`, the
//! usual form in India), month first, `03-Dec-2024`, `2024/11/05`. Each is read as the ISO
//! date it is and reported per form in `CsvFileRead::dates`; the order of day and month is
//! given, or settled by a date of the column with a number above 12, and never guessed.

use karmayogi::{
    Cohort, CohortCsvReader, DateForm, DateOrder, Error, OfficersCsv, OfficersCsvOptions,
    load_officers,
};

use crate::support::hr_framework as framework;

const OFFICERS: &str = include_str!("../data/cases/csv/06-day-first-dates-officers.csv");
const DAY_FIRST: &str = include_str!("../data/cases/csv/06-day-first-dates-evidence.csv");
const AMBIGUOUS: &str = include_str!("../data/cases/csv/07-ambiguous-dates-evidence.csv");
const MIXED: &str = include_str!("../data/cases/csv/08-mixed-order-dates-evidence.csv");
const DATE_TIMES: &str = include_str!("../data/cases/csv/10-date-times-evidence.csv");

fn messages(errors: &karmayogi::Errors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

/// The passbook dates of each officer `load_officers` read.
fn dates(evidence: &str, options: &OfficersCsvOptions) -> Vec<Vec<String>> {
    let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
    let load = load_officers(&framework(), &csv, options).expect("the export reads");
    (load.officers.iter())
        .map(|o| o.passbook.iter().map(|e| e.date.clone()).collect())
        .collect()
}

/// The evidence fed to a `CohortCsvReader` in pieces of `size` bytes.
fn in_pieces(
    evidence: &str,
    options: &OfficersCsvOptions,
    size: usize,
) -> Result<karmayogi::CohortLoad, karmayogi::Errors> {
    let fw = framework();
    let mut reader = CohortCsvReader::new(&fw, options);
    reader.push_officers(OFFICERS.as_bytes());
    for piece in evidence.as_bytes().chunks(size) {
        reader.push_evidence(piece);
    }
    reader.finish()
}

/// `csv/06`: an Indian HRMS export, dates day first (`03/04/2024` is 3 April; line 3's
/// `25/03/2024` settles it), one named month and one year first.
#[test]
fn day_first_dates_are_settled_by_the_whole_column() {
    let options = OfficersCsvOptions::default();
    assert_eq!(
        dates(DAY_FIRST, &options),
        [
            vec!["2024-04-03", "2024-03-25"],
            vec!["2024-12-03", "2024-11-05", "2024-02-01"],
        ]
    );
    let fw = framework();
    let csv = OfficersCsv::new(OFFICERS).evidence(DAY_FIRST);
    let load = load_officers(&fw, &csv, &options).expect("the export reads");
    let read = &load.files[1];
    let forms: Vec<_> = (read.dates.iter())
        .map(|d| (d.column, d.form, d.cells, d.first_line))
        .collect();
    assert_eq!(
        forms,
        [
            ("date", DateForm::DayMonthYear, 2, 2),
            ("date", DateForm::MonthNamed, 1, 4),
            ("date", DateForm::YearMonthDay, 1, 5),
        ]
    );
    assert_eq!(read.date_order, Some(DateOrder::DayFirst));
    assert_eq!(read.date_order_line, Some(3));
    // `Cohort::from_csv` reads the whole file alike.
    let cohort = Cohort::from_csv(&fw, &csv, &options).expect("the export reads");
    assert_eq!(cohort.files, load.files);
    // Fed in pieces, the reader cannot look ahead: the date before the one that settles
    // the order is refused, naming the row and column; given the order, it reads.
    let errors = in_pieces(DAY_FIRST, &options, 7).unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "evidence.csv line 2, column `date`: officer `o1` passbook entry 0 (competency \
             `rti`): date `03/04/2024` reads day first and month \
          first, and no date of the column settles which: give the date order, or write \
          yyyy-mm-dd"
        ]
    );
    let given = options.clone().date_order(DateOrder::DayFirst);
    let pieces = in_pieces(DAY_FIRST, &given, 7).expect("the order is given");
    let load = load_officers(&fw, &csv, &given).expect("the export reads");
    assert_eq!(pieces.files, load.files);
    assert_eq!(load.files[1].date_order, Some(DateOrder::DayFirst));
    assert_eq!(load.files[1].date_order_line, None);
    assert_eq!(dates(DAY_FIRST, &given), dates(DAY_FIRST, &options));
}

/// `csv/07`: no date of the column has a number above 12: each date that reads both ways
/// is an error naming its line (`12/12/2024` reads alike either way and is read); given
/// the order, every date reads.
#[test]
fn dates_no_date_settles_are_refused_unless_the_order_is_given() {
    let fw = framework();
    let csv = OfficersCsv::new(OFFICERS).evidence(AMBIGUOUS);
    let options = OfficersCsvOptions::default();
    let errors = load_officers(&fw, &csv, &options).unwrap_err();
    let lines: Vec<_> = (errors.iter())
        .map(|e| match e {
            Error::CsvDateOrder {
                file,
                line,
                column,
                found,
                ..
            } => (*file, *line, *column, found.as_str()),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("evidence.csv", 2, "date", "03/04/2024"),
            ("evidence.csv", 3, "date", "05/06/2024"),
        ]
    );
    assert_eq!(errors.as_slice()[0].code(), "csv_date_order");
    let streamed = Cohort::from_csv(&fw, &csv, &options).unwrap_err();
    assert_eq!(messages(&streamed), messages(&errors));
    let month_first = options.clone().date_order(DateOrder::MonthFirst);
    assert_eq!(
        dates(AMBIGUOUS, &month_first),
        [vec!["2024-03-04", "2024-05-06"], vec!["2024-12-12"]]
    );
}

/// `csv/08`: line 2 settles month first; line 3 is written day first: an error naming the
/// row, never read as 25 April under the other order.
#[test]
fn a_date_against_the_settled_order_is_an_error() {
    let fw = framework();
    let csv = OfficersCsv::new(OFFICERS).evidence(MIXED);
    let options = OfficersCsvOptions::default();
    let errors = load_officers(&fw, &csv, &options).unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "evidence.csv line 3, column `date`: officer `o1` passbook entry 1 (competency \
             `integrity`): found `25/04/2024`, expected a date month \
          first (mm/dd/yyyy), as the column's"
        ]
    );
    let streamed = Cohort::from_csv(&fw, &csv, &options).unwrap_err();
    assert_eq!(messages(&streamed), messages(&errors));
    let pieces = in_pieces(MIXED, &options, 1).unwrap_err();
    assert_eq!(messages(&pieces), messages(&errors));
}

/// `csv/10`: the dates of `csv/06` with a time of day, as spreadsheets export a cell
/// holding a date and a time (`25/03/2024 17:40:05`, `03-Dec-2024 9:05 AM`): read as the
/// same days, in the same forms, the time dropped; the order still settled by line 3. A
/// time that is no time of day is not dropped: the cell is refused, naming it.
#[test]
fn a_time_of_day_after_a_date_is_dropped() {
    let options = OfficersCsvOptions::default();
    // An ISO 8601 date-time is kept as written, as everywhere (its date is its day).
    assert_eq!(
        dates(DATE_TIMES, &options),
        [
            vec!["2024-04-03", "2024-03-25"],
            vec!["2024-12-03", "2024-11-05", "2024-02-01 14:30:00"],
        ]
    );
    let fw = framework();
    let read = |evidence| {
        let csv = OfficersCsv::new(OFFICERS).evidence(evidence);
        let load = load_officers(&fw, &csv, &options).expect("the export reads");
        load.files[1].clone()
    };
    let (with_times, without) = (read(DATE_TIMES), read(DAY_FIRST));
    assert_eq!(with_times.dates, without.dates);
    assert_eq!(with_times.date_order_line, Some(3));
    let streamed = in_pieces(
        DATE_TIMES,
        &options.clone().date_order(DateOrder::DayFirst),
        5,
    )
    .expect("the export reads");
    assert_eq!(streamed.files[1].dates, without.dates);
    let late = DATE_TIMES.replace("9:05 AM", "13:05 AM");
    let csv = OfficersCsv::new(OFFICERS).evidence(&late);
    let errors = load_officers(&fw, &csv, &options).unwrap_err();
    let found: Vec<_> = (errors.iter())
        .map(|e| (e.code(), e.to_string().contains("`03-Dec-2024 13:05 AM`")))
        .collect();
    assert_eq!(found, [("csv_row", true)], "{errors}");
}
