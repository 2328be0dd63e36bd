//! The figures a report prints beside their product or sum agree with it as printed:
//! a course of 0.75 h for 3 seats printed `0.8` hours and `2.2` person-hours (officers/31),
//! each rounded apart. Every number of the department plan's and the learning path's text
//! is read back and the arithmetic checked exactly (in nano-hours): hours × seats =
//! person-hours, the person-hours of the courses sum to the headline's, an officer's
//! hours to the sum of their course lines, a path's total to its steps', to its blend by
//! mode and to its terms'.

use karmayogi::{AcbpOptions, Cohort, Framework, LevelPolicy, Profile, RecommendOptions};

const FRAMEWORK: &str =
    include_str!("../data/cases/officers/31-quarter-hour-courses-framework.json");
const OFFICERS: &str = include_str!("../data/cases/officers/31-quarter-hour-courses-officers.json");

/// A printed number of hours in nano-hours, exactly (`2.25` is 2,250,000,000).
#[track_caller]
fn nanos(text: &str) -> i128 {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    assert!(fraction.len() <= 9, "{text}");
    let whole: i128 = whole.parse().unwrap_or_else(|_| panic!("{text:?}"));
    let fraction: i128 = format!("{fraction:0<9}").parse().expect("digits");
    whole * 1_000_000_000 + fraction
}

/// The number just before `word` (`18 hours` → 18) in `line`.
#[track_caller]
fn before(line: &str, word: &str) -> i128 {
    let at = line
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} in {line:?}"));
    let number = line[..at]
        .trim_end()
        .rsplit([' ', '('])
        .next()
        .expect("a number");
    nanos(number)
}

/// Checks the department plan's text; gives the number of course rows checked.
#[track_caller]
fn check_department(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let headline = before(lines[1], " person-hour");
    let table = lines
        .iter()
        .position(|l| *l == "Courses to run")
        .expect("courses");
    let mut sum = 0;
    let mut rows = 0;
    for line in &lines[table + 2..] {
        if line.trim().is_empty() {
            break;
        }
        let t: Vec<&str> = line.split_whitespace().collect();
        let n = t.len();
        let person = nanos(t[n - 1]);
        let (seats, hours) = if t[n - 3] == "of" {
            (t[n - 4], t[n - 5])
        } else {
            (t[n - 2], t[n - 3])
        };
        let seats: i128 = seats.parse().expect("seats");
        assert_eq!(nanos(hours) * seats, person, "{line}");
        sum += person;
        rows += 1;
    }
    assert_eq!(sum, headline, "{text}");
    // Each officer's hours, the sum of their course lines.
    let by_officer = lines
        .iter()
        .position(|l| l.starts_with("Attendance by officer"))
        .expect("officers");
    let mut officer: Option<(i128, i128)> = None;
    let mut officers = 0;
    for line in &lines[by_officer + 1..] {
        if line.starts_with("  ") && !line.starts_with("    ") {
            if let Some((total, sum)) = officer {
                assert_eq!(sum, total, "{text}");
            }
            officer = Some((before(line, " hour"), 0));
            officers += 1;
        } else if let Some((_, sum)) = officer.as_mut() {
            *sum += before(line, " h");
        }
    }
    if let Some((total, sum)) = officer {
        assert_eq!(sum, total, "{text}");
    }
    assert!(officers > 0);
    rows
}

/// Checks a learning path's text: the total against the steps, the blend and the terms;
/// gives the number of terms.
#[track_caller]
fn check_path(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let head = lines[0];
    let total = before(head, " hour");
    let blend: Vec<i128> = ["formal", "social", "experiential"]
        .iter()
        .map(|m| before(head, &format!(" {m}")))
        .collect();
    let mut by_mode = [0i128; 3];
    let (mut steps, mut terms, mut term_sum, mut term) = (0, 0, 0, None::<i128>);
    for line in &lines[1..] {
        if line.starts_with("  term ") {
            if let Some(t) = term {
                assert_eq!(term_sum, t, "{text}");
            }
            term = Some(before(line, " hour"));
            term_sum = 0;
            terms += 1;
        } else if line.contains(" h  ") {
            let h = before(line, " h  ");
            let m = ["formal", "social", "experiential"]
                .iter()
                .position(|m| line.ends_with(m))
                .expect("a mode");
            by_mode[m] += h;
            steps += h;
            term_sum += h;
        }
    }
    if let Some(t) = term {
        assert_eq!(term_sum, t, "{text}");
    }
    assert_eq!(steps, total, "{text}");
    assert_eq!(by_mode.to_vec(), blend, "{text}");
    assert_eq!(blend.iter().sum::<i128>(), total, "{text}");
    terms
}

/// `officers/31`: courses of 0.75, 0.1, 0.2, 1.35 and 2.125 hours for three officers.
/// The 0.75-hour course runs for 3 seats: `0.75` and `2.25` person-hours, where `0.8` and
/// `2.2` were printed.
#[test]
fn printed_hours_agree_with_their_products_and_sums() {
    let fw = Framework::from_json(FRAMEWORK).expect("valid");
    let policy = LevelPolicy::default();
    let cohort = Cohort::from_json(&fw, OFFICERS, &policy).expect("valid");
    let plan = fw
        .department_plan(&cohort, &AcbpOptions::default())
        .expect("plans");
    let text = plan.to_string();
    assert!(
        text.lines()
            .any(|l| l.contains("Counter drill [k1]") && l.ends_with(" 0.75      3          2.25")),
        "{text}"
    );
    assert!(text.contains(", 10.1 person-hours\n"), "{text}");
    assert_eq!(check_department(&text), 5);
    // With seats limited and a budget, other rows and totals.
    for (seats, budget) in [(1, 2.0), (2, 3.3), (3, 0.95)] {
        let options = AcbpOptions::default()
            .default_seats(seats)
            .budget(budget)
            .expect("a budget");
        let text = fw
            .department_plan(&cohort, &options)
            .expect("plans")
            .to_string();
        check_department(&text);
    }
    // Each officer's learning path, whole and split into terms of 0.3 and 1.5 hours.
    let spec = karmayogi::OfficersSpec::from_json(OFFICERS).expect("valid");
    let mut terms = 0;
    for officer in &spec.officers {
        let profile = Profile::new(&fw, officer, &policy).expect("valid");
        for options in [
            RecommendOptions::default(),
            RecommendOptions::default().term_hours(0.3).expect("a cap"),
            RecommendOptions::default().term_hours(1.5).expect("a cap"),
        ] {
            let text = fw
                .recommend(&profile, "p", &options)
                .expect("plans")
                .to_string();
            terms += check_path(&text);
        }
    }
    assert!(terms > 6, "{terms}");
}
