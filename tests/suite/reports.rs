//! Reports for people: the `Display` of every analysis result, asserted whole on two
//! hand-written departments. Each report prints names with ids, aligned columns, and
//! counts whose nouns agree with them.
//!
//! Reports that depend on which courses a planner picks (department plans, learning
//! paths, career paths) use a sub post office where every gap has exactly one course
//! closing it, so the plan is the only least-hours plan and the text depends on the
//! reporting alone. The others use the head post office of the examples. The evaluation
//! report is asserted whole in `tests/suite/evaluate.rs`.

use karmayogi::{
    AcbpOptions, CareerFit, CareerOptions, Cohort, EntityKind, Error, Fit, Framework, GapOptions,
    LevelPolicy, NeedsOptions, OfficerSpec, OfficersSpec, Profile, RankOptions, RecommendOptions,
};

const HEAD_POST_OFFICE: &str = include_str!("../../examples/data/head_post_office.json");
const HEAD_POST_OFFICE_OFFICERS: &str =
    include_str!("../../examples/data/head_post_office_officers.json");

/// A sub post office: every competency but GST has exactly one course that closes it
/// (accounts 3 needs `acc-201`, which needs `acc-101`), and the GST course reaches only
/// level 1. Deepak has completed `acc-101`; Bimal has no name; Chitra has no gap.
const SUB_POST_OFFICE: &str = r#"{
  "format_version": 2,
  "competencies": [
    {"id": "cash", "name": "Cash handling", "type": "functional"},
    {"id": "accounts", "name": "Government accounts", "type": "functional"},
    {"id": "ethics", "name": "Integrity and ethics", "type": "behavioural"},
    {"id": "savings", "name": "Small savings schemes", "type": "domain"},
    {"id": "gst", "name": "GST basics", "type": "domain"}
  ],
  "activities": [
    {"id": "reconcile", "name": "Reconcile the daily account",
     "requires": [{"competency": "accounts", "level": 3}, {"competency": "cash", "level": 2}]}
  ],
  "roles": [
    {"id": "counter", "name": "Counter duty",
     "requires": [{"competency": "cash", "level": 3}, {"competency": "ethics", "level": 2},
                  {"competency": "savings", "level": 2}]},
    {"id": "accounts-desk", "name": "Accounts desk", "activities": ["reconcile"],
     "requires": [{"competency": "gst", "level": 2}]}
  ],
  "positions": [
    {"id": "spm", "name": "Sub-Postmaster", "department": "posts",
     "roles": ["counter", "accounts-desk"]},
    {"id": "pa", "name": "Postal Assistant", "department": "posts", "roles": ["counter"]}
  ],
  "courses": [
    {"id": "cash-101", "name": "Cash handling at the counter", "hours": 6,
     "provides": [{"competency": "cash", "level": 3}]},
    {"id": "acc-101", "name": "Accounts basics", "hours": 4,
     "provides": [{"competency": "accounts", "level": 2}]},
    {"id": "acc-201", "name": "Post office accounts", "hours": 10,
     "provides": [{"competency": "accounts", "level": 3}], "prerequisites": ["acc-101"]},
    {"id": "ethics-circle", "name": "Integrity circle", "hours": 2, "mode": "social",
     "provides": [{"competency": "ethics", "level": 3}]},
    {"id": "savings-rotation", "name": "Savings counter rotation", "hours": 12,
     "mode": "experiential", "provides": [{"competency": "savings", "level": 2}]},
    {"id": "gst-intro", "name": "GST awareness", "hours": 3,
     "provides": [{"competency": "gst", "level": 1}]}
  ]
}"#;

const SUB_POST_OFFICE_OFFICERS: &str = r#"{
  "format_version": 2,
  "officers": [
    {"id": "o-deepak", "name": "Deepak Singh", "department": "posts", "position": "spm",
     "passbook": [
       {"competency": "cash", "level": 2, "source": "assessment", "date": "2025-01-10"},
       {"competency": "ethics", "level": 2, "source": "feedback360", "date": "2025-01-10"},
       {"competency": "savings", "level": 1, "source": "assessment", "date": "2025-01-10"},
       {"competency": "accounts", "level": 2, "source": "course_completion",
        "date": "2024-08-01", "course": "acc-101"}]},
    {"id": "o-anita", "name": "Anita Das", "department": "posts", "position": "spm",
     "passbook": [
       {"competency": "cash", "level": 3, "source": "assessment", "date": "2025-01-10"},
       {"competency": "ethics", "level": 1, "source": "feedback360", "date": "2025-01-10"},
       {"competency": "savings", "level": 2, "source": "assessment", "date": "2025-01-10"}]},
    {"id": "o-bimal", "department": "posts", "position": "pa",
     "passbook": [
       {"competency": "cash", "level": 1, "source": "assessment", "date": "2025-01-10"},
       {"competency": "ethics", "level": 2, "source": "feedback360", "date": "2025-01-10"}]},
    {"id": "o-chitra", "name": "Chitra Rao", "department": "posts", "position": "pa",
     "passbook": [
       {"competency": "cash", "level": 3, "source": "assessment", "date": "2025-01-10"},
       {"competency": "ethics", "level": 2, "source": "feedback360", "date": "2025-01-10"},
       {"competency": "savings", "level": 2, "source": "assessment", "date": "2025-01-10"}]}
  ]
}"#;

fn load(framework: &str, officers: &str) -> (Framework, Vec<OfficerSpec>) {
    let fw = Framework::from_json(framework).expect("a valid framework");
    let officers = OfficersSpec::from_json(officers)
        .expect("a valid officers document")
        .officers;
    (fw, officers)
}

fn head_post_office() -> (Framework, Vec<OfficerSpec>) {
    load(HEAD_POST_OFFICE, HEAD_POST_OFFICE_OFFICERS)
}

fn sub_post_office() -> (Framework, Vec<OfficerSpec>) {
    load(SUB_POST_OFFICE, SUB_POST_OFFICE_OFFICERS)
}

#[track_caller]
fn profile(fw: &Framework, officers: &[OfficerSpec], id: &str) -> Profile {
    let officer = officers
        .iter()
        .find(|o| o.id.as_str() == id)
        .expect("a known officer");
    Profile::new(fw, officer, &LevelPolicy::default()).expect("a valid officer")
}

#[track_caller]
fn cohort(fw: &Framework, officers: &[OfficerSpec]) -> Cohort {
    Cohort::new(fw, officers, &LevelPolicy::default()).expect("valid officers")
}

#[track_caller]
fn assert_text(got: &str, expected: &str) {
    assert!(
        got == expected,
        "--- got ---\n{got}--- expected ---\n{expected}"
    );
}

// ---------------------------------------------------------------------------------------
// Gaps, heatmap, rankings: the head post office
// ---------------------------------------------------------------------------------------

const MEENA_GAPS: &str = "\
Meena Iyer [meena-iyer] against Postmaster, Head Post Office [postmaster-hpo]: readiness 79% (10 of 16 requirements met, 10 of 48 levels short)
  competency                                           type         held  required  short  required by
  Public procurement [procurement]                     functional      0         3      3  office-administration / process-procurement @3
  Right to Information [rti]                           functional      0         3      3  office-administration / reply-rti @3
  Digital literacy (e-Office, CSI) [digital-literacy]  functional      2         3      1  accounts-treasury / prepare-daily-account @2; mail-operations / track-speed-post @3; office-administration / draft-notes @2
  Empathy [empathy]                                    behavioural     2         3      1  counter-supervision / handle-complaints @3
  Grievance redressal (CPGRAMS) [grievance-redressal]  functional      2         3      1  counter-supervision / handle-complaints @3
  Post Office Savings Schemes [savings-schemes]        domain          3         4      1  accounts-treasury / audit-savings @4
";

#[test]
fn a_gap_report_names_the_officer_the_post_and_each_competency() {
    let (fw, officers) = head_post_office();
    let meena = profile(&fw, &officers, "meena-iyer");
    let report = fw
        .gap(&meena, &GapOptions::default())
        .expect("same framework");
    assert_text(&report.to_string(), MEENA_GAPS);
}

#[test]
fn met_requirements_listed_in_a_gap_report_say_met() {
    let (fw, officers) = head_post_office();
    let meena = profile(&fw, &officers, "meena-iyer");
    let options = GapOptions::default().include_met(true);
    let text = fw
        .gap(&meena, &options)
        .expect("same framework")
        .to_string();
    let teamwork = text
        .lines()
        .find(|l| l.contains("Teamwork [teamwork]"))
        .expect("the met requirement is listed");
    assert!(
        teamwork.contains(" behavioural     3         2    met  "),
        "{teamwork}"
    );
    // The six gaps first, then the ten met requirements, under one header.
    let rows: Vec<&str> = text.lines().skip(2).collect();
    assert_eq!(rows.len(), 16, "{text}");
    assert!(rows[..6].iter().all(|r| !r.contains(" met ")), "{text}");
    assert!(rows[6..].iter().all(|r| r.contains(" met ")), "{text}");
}

#[test]
fn a_gap_report_without_gaps_says_so() {
    let (fw, officers) = sub_post_office();
    let chitra = profile(&fw, &officers, "o-chitra");
    let report = fw
        .gap(&chitra, &GapOptions::default())
        .expect("same framework");
    assert_text(
        &report.to_string(),
        "Chitra Rao [o-chitra] against Postal Assistant [pa]: readiness 100% (3 of 3 \
         requirements met, 0 of 7 levels short)\n  no gaps\n",
    );
}

const HEATMAP: &str = "\
Training needs of 5 officers (54 officer-requirement pairs): 13 of 16 competencies with officers short
legend: required = officers whose post requires it; short = officers below the required level; levels = levels short, summed; mean = levels short per officer short; met = officers at or above the required level; -1 to -5 = officers short of it by 1 to 5 levels
  competency                                               type         required  short  levels  mean  met  -1  -2  -3  -4  -5
  People management [people-management]                    functional          5      3       7  2.33    2   0   2   1   0   0
  Public procurement [procurement]                         functional          3      3       7  2.33    0   1   0   2   0   0
  Right to Information [rti]                               functional          3      2       5  2.50    1   0   1   1   0   0
  Grievance redressal (CPGRAMS) [grievance-redressal]      functional          3      2       4  2.00    1   1   0   1   0   0
  India Post Payments Bank products [india-post-payments]  domain              3      2       4  2.00    1   0   2   0   0   0
  Digital literacy (e-Office, CSI) [digital-literacy]      functional          5      3       3  1.00    2   3   0   0   0   0
  Financial accounting [financial-accounting]              functional          3      2       3  1.50    1   1   1   0   0   0
  Citizen centricity [citizen-centricity]                  behavioural         3      1       1  1.00    2   1   0   0   0   0
  Empathy [empathy]                                        behavioural         3      1       1  1.00    2   1   0   0   0   0
  Mail and Speed Post logistics [mail-logistics]           domain              3      1       1  1.00    2   1   0   0   0   0
  Noting and drafting [noting-drafting]                    functional          3      1       1  1.00    2   1   0   0   0   0
  Postal operations [postal-operations]                    domain              3      1       1  1.00    2   1   0   0   0   0
  Post Office Savings Schemes [savings-schemes]            domain              1      1       1  1.00    0   1   0   0   0   0
  Decision making [decision-making]                        behavioural         3      0       0  0.00    3   0   0   0   0   0
  Integrity and ethics [integrity]                         behavioural         5      0       0  0.00    5   0   0   0   0   0
  Teamwork [teamwork]                                      behavioural         5      0       0  0.00    5   0   0   0   0   0
";

#[test]
fn the_heatmap_explains_its_columns_and_aligns_them() {
    let (fw, officers) = head_post_office();
    let needs = fw
        .training_needs(&cohort(&fw, &officers), &NeedsOptions::default())
        .expect("same framework");
    assert_text(&needs.to_string(), HEATMAP);
}

#[test]
fn a_heatmap_of_one_officer_speaks_of_one_officer() {
    let (fw, officers) = head_post_office();
    let needs = fw
        .training_needs(&cohort(&fw, &officers[..1]), &NeedsOptions::default())
        .expect("same framework");
    let text = needs.to_string();
    assert!(
        text.starts_with(
            "Training needs of 1 officer (16 officer-requirement pairs): 6 of 16 competencies \
             with officers short\n"
        ),
        "{text}"
    );
    let empty = fw
        .training_needs(&cohort(&fw, &[]), &NeedsOptions::default())
        .expect("same framework");
    assert_text(
        &empty.to_string(),
        "Training needs of 0 officers (0 officer-requirement pairs): 0 of 0 competencies with \
         officers short\n",
    );
}

const VACANCY: &str = "\
Postmaster, Head Post Office [postmaster-hpo]: 4 officers ranked by readiness
  officer                        readiness  gaps  levels short
  Arjun Rao [arjun-rao]                56%     9            21
  Farah Khan [farah-khan]              38%    13            30
  Lakshmi Menon [lakshmi-menon]        35%    14            31
  Suresh Patil [suresh-patil]          23%    15            37
";

const NEAREST_POSTS: &str = "\
Arjun Rao [arjun-rao]: 2 posts ranked by readiness
  post                                                              readiness  gaps  levels short
  Postmaster, Head Post Office [postmaster-hpo]                           56%     9            21
  Assistant Section Officer, Postal Division Office [aso-division]        43%     5            12
";

#[test]
fn rankings_name_the_side_that_varies_and_head_with_the_other() {
    let (fw, officers) = head_post_office();
    let cohort = cohort(&fw, &officers);
    let fits = fw
        .officers_for(&cohort, "postmaster-hpo", &RankOptions::default())
        .expect("a known post");
    assert_text(&Fit::table(&fits).to_string(), VACANCY);

    let arjun = profile(&fw, &officers, "arjun-rao");
    let posts = fw
        .positions_for(&arjun, &RankOptions::default())
        .expect("same framework");
    assert_text(&Fit::table(&posts).to_string(), NEAREST_POSTS);
    assert_eq!(
        posts[0].to_string(),
        "Arjun Rao [arjun-rao] for Postmaster, Head Post Office [postmaster-hpo]: readiness \
         56%, 21 levels short in 9 competencies"
    );
    assert_eq!(Fit::table(&[]).to_string(), "nothing ranked\n");
}

// ---------------------------------------------------------------------------------------
// Plans: the sub post office, where every least-hours plan is unique
// ---------------------------------------------------------------------------------------

const SUB_POST_OFFICE_PLAN: &str = "\
Annual capacity building plan for 4 officers: 7 of 9 gaps closed (73.3% of the weighted shortfall); proven optimal
8 enrolments of 3 officers in 5 courses, 62 person-hours
2 gaps left open: 2 gaps above every course's level

Courses to run
  course                                       mode          hours   seats  person-hours
  Post office accounts [acc-201]               formal         10.0       2          20.0
  Cash handling at the counter [cash-101]      formal          6.0  2 of 3          12.0
  Savings counter rotation [savings-rotation]  experiential   12.0       2          24.0
  Accounts basics [acc-101]                    formal          4.0       1           4.0
  Integrity circle [ethics-circle]             social          2.0       1           2.0

Competencies (officers short of them)
  competency                       type         short  closed  open  left open because
  Government accounts [accounts]   functional       2       2     0
  Cash handling [cash]             functional       2       2     0
  GST basics [gst]                 domain           2       0     2  2 gaps above every course's level
  Small savings schemes [savings]  domain           2       2     0
  Integrity and ethics [ethics]    behavioural      1       1     0

Attendance by course
  Post office accounts [acc-201]: 2 seats
    Anita Das [o-anita], Deepak Singh [o-deepak]
  Cash handling at the counter [cash-101]: 2 seats
    o-bimal, Deepak Singh [o-deepak]
  Savings counter rotation [savings-rotation]: 2 seats
    o-bimal, Deepak Singh [o-deepak]
  Accounts basics [acc-101]: 1 seat
    Anita Das [o-anita]
  Integrity circle [ethics-circle]: 1 seat
    Anita Das [o-anita]

Attendance by officer, courses in learning order
  Anita Das [o-anita] as Sub-Postmaster [spm]: 3 courses, 16 hours, 2 gaps closed
     1. Accounts basics [acc-101]                     4.0 h
     2. Post office accounts [acc-201]               10.0 h
     3. Integrity circle [ethics-circle]              2.0 h
  o-bimal as Postal Assistant [pa]: 2 courses, 18 hours, 2 gaps closed
     1. Cash handling at the counter [cash-101]       6.0 h
     2. Savings counter rotation [savings-rotation]  12.0 h
  Deepak Singh [o-deepak] as Sub-Postmaster [spm]: 3 courses, 28 hours, 3 gaps closed
     1. Post office accounts [acc-201]               10.0 h
     2. Cash handling at the counter [cash-101]       6.0 h
     3. Savings counter rotation [savings-rotation]  12.0 h
";

#[test]
fn a_department_plan_shows_who_attends_what() {
    let (fw, officers) = sub_post_office();
    let options = AcbpOptions::default().seats("cash-101", 3);
    let plan = fw
        .department_plan(&cohort(&fw, &officers), &options)
        .expect("valid options");
    assert_text(&plan.to_string(), SUB_POST_OFFICE_PLAN);
}

#[test]
fn a_department_plan_summary_is_the_plan_without_its_attendance() {
    let (fw, officers) = sub_post_office();
    let plan = fw
        .department_plan(&cohort(&fw, &officers), &AcbpOptions::default())
        .expect("valid options");
    let (whole, summary) = (plan.to_string(), plan.summary().to_string());
    let attendance = whole
        .find("\nAttendance by course\n")
        .expect("who attends what");
    assert_text(&summary, &whole[..attendance]);
    assert!(!summary.contains("Anita Das"), "{summary}");
}

/// A budget is any finite number of hours; printed in fixed notation, `f64::MAX` took 309
/// digits and the line of totals a department files ran to over 300 characters. Beyond
/// 10^15 hours (where whole hours stop being exact) it prints as its shortest exact
/// scientific form.
#[test]
fn a_huge_budget_prints_in_a_few_characters() {
    let (fw, officers) = sub_post_office();
    let c = cohort(&fw, &officers);
    for (budget, shown) in [
        (f64::MAX, "1.7976931348623157e308"),
        (1e300, "1e300"),
        (2.5e15, "2.5e15"),
        (999_999_999_999_999.0, "999999999999999"),
        (40.0, "40"),
        (1.5, "1.5"),
    ] {
        let options = AcbpOptions::default()
            .budget(budget)
            .expect("a valid budget");
        let plan = fw.department_plan(&c, &options).expect("valid options");
        let summary = plan.summary().to_string();
        let line = summary.lines().nth(1).expect("the line of totals");
        assert!(
            line.ends_with(&format!(" person-hours of a {shown}-hour budget")),
            "{budget}: {line}"
        );
        assert!(line.len() < 120, "{budget}: {line}");
    }
}

/// A department of `n` officers: copies of the sub post office's four, renamed.
fn department(officers: &[OfficerSpec], n: usize) -> Vec<OfficerSpec> {
    (0..n)
        .map(|i| {
            let mut o = officers[i % officers.len()].clone();
            o.id = format!("officer-{i:05}").into();
            o.name = o.name.map(|name| format!("{name} {i}"));
            o
        })
        .collect()
}

#[test]
fn a_summary_stays_as_long_as_the_catalogue_while_the_plan_grows_with_the_officers() {
    let (fw, officers) = sub_post_office();
    let lines = |n: usize| {
        let cohort = cohort(&fw, &department(&officers, n));
        let plan = fw
            .department_plan(&cohort, &AcbpOptions::default())
            .expect("valid options");
        (
            plan.summary().to_string().lines().count(),
            plan.to_string().lines().count(),
        )
    };
    let (small, large) = (lines(8), lines(4_000));
    assert_eq!(small.0, large.0, "the summary does not grow");
    // Three officers in four take courses: each gets a header line and one line per course.
    assert!(large.1 > 3_000 * 3 + small.0, "{large:?}");
}

#[test]
fn plurals_agree_with_their_counts() {
    let (fw, officers) = sub_post_office();
    let anita: Vec<OfficerSpec> = officers
        .iter()
        .filter(|o| o.id.as_str() == "o-anita")
        .cloned()
        .collect();
    let plan = fw
        .department_plan(&cohort(&fw, &anita), &AcbpOptions::default())
        .expect("valid options");
    let text = plan.to_string();
    for expected in [
        "Annual capacity building plan for 1 officer: 2 of 3 gaps closed",
        "3 enrolments of 1 officer in 3 courses, 16 person-hours\n",
        "1 gap left open: 1 gap above every course's level\n",
        "  Accounts basics [acc-101]: 1 seat\n",
        "Anita Das [o-anita] as Sub-Postmaster [spm]: 3 courses, 16 hours, 2 gaps closed\n",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
    let deepak = profile(&fw, &officers, "o-deepak");
    let path = fw
        .recommend(&deepak, "pa", &RecommendOptions::default())
        .expect("a known post");
    assert!(
        path.to_string().starts_with(
            "Learning path: 2 courses, 18 hours (6.0 formal, 0.0 social, 12.0 experiential); \
             2 gaps closed, 0 open; proven optimal\n"
        ),
        "{path}"
    );
}

const ANITA_PATH: &str = "\
Learning path: 3 courses, 16 hours (14.0 formal, 2.0 social, 0.0 experiential); 2 gaps closed, 1 open; proven optimal
   1. Accounts basics [acc-101]          4.0 h  formal
        prerequisite for Post office accounts [acc-201]
   2. Post office accounts [acc-201]    10.0 h  formal
        closes Government accounts [accounts] 0 -> 3, for accounts-desk / reconcile @3
   3. Integrity circle [ethics-circle]   2.0 h  social
        closes Integrity and ethics [ethics] 1 -> 2, for counter @2
  open: GST basics [gst] 0 -> 2: courses reach only level 1
";

const ANITA_PATH_IN_TERMS: &str = "\
Learning path: 3 courses, 16 hours (14.0 formal, 2.0 social, 0.0 experiential); 2 gaps closed, 1 open; proven optimal
  term 1: 6 hours
   1. Accounts basics [acc-101]          4.0 h  formal
        prerequisite for Post office accounts [acc-201]
   2. Integrity circle [ethics-circle]   2.0 h  social
        closes Integrity and ethics [ethics] 1 -> 2, for counter @2
  term 2: 10 hours, one course longer than a term
   3. Post office accounts [acc-201]    10.0 h  formal
        closes Government accounts [accounts] 0 -> 3, for accounts-desk / reconcile @3
  open: GST basics [gst] 0 -> 2: courses reach only level 1
";

#[test]
fn a_learning_path_names_its_courses_and_the_gaps_they_close() {
    let (fw, officers) = sub_post_office();
    let anita = profile(&fw, &officers, "o-anita");
    let path = fw
        .recommend(&anita, "spm", &RecommendOptions::default())
        .expect("a known post");
    assert_text(&path.to_string(), ANITA_PATH);
    let terms = RecommendOptions::default()
        .term_hours(8.0)
        .expect("a valid term");
    let path = fw.recommend(&anita, "spm", &terms).expect("a known post");
    assert_text(&path.to_string(), ANITA_PATH_IN_TERMS);
}

const SUCCESSORS: &str = "\
Sub-Postmaster [spm]: 2 officers ranked by training needed
  officer                hours  courses  gaps  no course  readiness
  Chitra Rao [o-chitra]   14.0        2     2          1        58%
  o-bimal                 32.0        4     4          1        25%
";

const BIMAL_CAREER: &str = "\
1 result ranked by training needed
  officer  post                  hours  courses  gaps  no course  readiness
  o-bimal  Sub-Postmaster [spm]   32.0        4     4          1        25%
";

const BIMAL_STEP: &str = "\
o-bimal against Sub-Postmaster [spm]: readiness 25% (1 of 5 requirements met, 9 of 12 levels short)
  competency                       type        held  required  short  required by
  Government accounts [accounts]   functional     0         3      3  accounts-desk / reconcile @3
  Cash handling [cash]             functional     1         3      2  accounts-desk / reconcile @2; counter @3
  GST basics [gst]                 domain         0         2      2  accounts-desk @2
  Small savings schemes [savings]  domain         0         2      2  counter @2
Learning path: 4 courses, 32 hours (20.0 formal, 0.0 social, 12.0 experiential); 3 gaps closed, 1 open; proven optimal
   1. Accounts basics [acc-101]                     4.0 h  formal
        prerequisite for Post office accounts [acc-201]
   2. Post office accounts [acc-201]               10.0 h  formal
        closes Government accounts [accounts] 0 -> 3, for accounts-desk / reconcile @3
   3. Cash handling at the counter [cash-101]       6.0 h  formal
        closes Cash handling [cash] 1 -> 3, for accounts-desk / reconcile @2; counter @3
   4. Savings counter rotation [savings-rotation]  12.0 h  experiential
        closes Small savings schemes [savings] 0 -> 2, for counter @2
  open: GST basics [gst] 0 -> 2: courses reach only level 1
";

#[test]
fn career_reports_name_posts_officers_and_the_training_needed() {
    let (fw, officers) = sub_post_office();
    let successors = fw
        .successors(&cohort(&fw, &officers), "spm", &CareerOptions::default())
        .expect("a known post");
    assert_text(&CareerFit::table(&successors).to_string(), SUCCESSORS);

    let bimal = profile(&fw, &officers, "o-bimal");
    let paths = fw
        .career_paths(&bimal, &CareerOptions::default())
        .expect("same framework");
    assert_text(&CareerFit::table(&paths).to_string(), BIMAL_CAREER);
    assert_eq!(
        paths[0].to_string(),
        "o-bimal for Sub-Postmaster [spm]: 32.0 hours in 4 courses, 4 gaps (1 no course \
         closes), readiness now 25%"
    );
    let step = fw
        .career_step(
            &bimal,
            "spm",
            &GapOptions::default(),
            &RecommendOptions::default(),
        )
        .expect("a known post");
    assert_text(&step.to_string(), BIMAL_STEP);
    assert_eq!(CareerFit::table(&[]).to_string(), "nothing ranked\n");
}

// ---------------------------------------------------------------------------------------
// Officer names
// ---------------------------------------------------------------------------------------

#[test]
fn officer_names_travel_from_the_document_to_profiles_cohorts_and_back() {
    let (fw, officers) = sub_post_office();
    let names: Vec<Option<&str>> = officers.iter().map(|o| o.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Deepak Singh"),
            Some("Anita Das"),
            None,
            Some("Chitra Rao")
        ]
    );
    let cohort = cohort(&fw, &officers);
    for (i, o) in officers.iter().enumerate() {
        assert_eq!(cohort.officer_name(i), o.name.as_deref());
        let profile = cohort.profile(i).expect("an officer");
        assert_eq!(profile.name(), o.name.as_deref());
    }
    assert_eq!(cohort.officer_name(officers.len()), None);
    let document = OfficersSpec {
        format_version: karmayogi::FORMAT_VERSION,
        officers: officers.clone(),
    };
    let json = document.to_json();
    assert!(json.contains("\"name\": \"Anita Das\""), "{json}");
    assert_eq!(
        json.matches("\"name\"").count(),
        3,
        "an officer without a name is written without one"
    );
    assert_eq!(
        OfficersSpec::from_json(&json).expect("reads back"),
        document
    );
}

#[test]
fn a_cohort_stores_names_only_once_an_officer_has_one() {
    let (fw, officers) = sub_post_office();
    let nameless: Vec<OfficerSpec> = officers
        .iter()
        .cloned()
        .map(|mut o| {
            o.name = None;
            o
        })
        .collect();
    let named = cohort(&fw, &officers).heap_bytes();
    let plain = cohort(&fw, &nameless).heap_bytes();
    let name_bytes: usize = officers
        .iter()
        .filter_map(|o| o.name.as_ref())
        .map(String::len)
        .sum();
    // With names: their text and one 4-byte offset per officer; without: nothing at all.
    assert_eq!(named - plain, name_bytes + 4 * officers.len());
    // The first name may come late: the officers before it have none.
    let mut late = nameless.clone();
    late[3].name = Some("Chitra Rao".to_owned());
    let late = cohort(&fw, &late);
    let got: Vec<Option<&str>> = (0..4).map(|i| late.officer_name(i)).collect();
    assert_eq!(got, [None, None, None, Some("Chitra Rao")]);
}

#[test]
fn a_blank_officer_name_is_refused_with_the_officer_named() {
    let (fw, officers) = sub_post_office();
    for blank in ["", "   "] {
        let mut officer = officers[0].clone();
        officer.name = Some(blank.to_owned());
        let expected = vec![Error::EmptyName {
            kind: EntityKind::Officer,
            id: "o-deepak".to_owned(),
        }];
        let errors = Profile::new(&fw, &officer, &LevelPolicy::default())
            .expect_err("a blank name")
            .into_vec();
        assert_eq!(errors, expected);
        assert_eq!(
            errors[0].to_string(),
            "officer `o-deepak` has an empty name"
        );
        let errors = Cohort::new(&fw, [&officer], &LevelPolicy::default())
            .expect_err("a blank name")
            .into_vec();
        assert_eq!(errors, expected);
    }
}

#[test]
fn version_1_documents_without_names_still_read() {
    let json = r#"{"format_version": 1, "officers": [
        {"id": "o1", "department": "posts", "position": "pa"}]}"#;
    let officers = OfficersSpec::from_json(json)
        .expect("version 1 reads")
        .officers;
    assert_eq!(officers[0].name, None);
    let (fw, _) = sub_post_office();
    let o1 = profile(&fw, &officers, "o1");
    let report = fw.gap(&o1, &GapOptions::default()).expect("same framework");
    assert!(
        report
            .to_string()
            .starts_with("o1 against Postal Assistant [pa]: "),
        "{report}"
    );
}

// ---------------------------------------------------------------------------------------
// Names as people type them: line breaks, direction overrides, every script
// ---------------------------------------------------------------------------------------

/// Every report of the sub post office's framework and officers, as printed.
fn every_report(fw: &Framework, officers: &[OfficerSpec]) -> Vec<(&'static str, String)> {
    let deepak = profile(fw, officers, "o-deepak");
    let anita = profile(fw, officers, "o-anita");
    let all = cohort(fw, officers);
    let gap = fw.gap(&deepak, &GapOptions::default()).expect("same");
    let path = fw
        .recommend(&anita, "spm", &RecommendOptions::default())
        .expect("same");
    let needs = fw
        .training_needs(&all, &NeedsOptions::default())
        .expect("same");
    let plan = fw
        .department_plan(&all, &AcbpOptions::default())
        .expect("same");
    let vacancy = fw
        .officers_for(&all, "spm", &RankOptions::default())
        .expect("same");
    let careers = fw
        .career_paths(&deepak, &CareerOptions::default())
        .expect("same");
    let step = fw
        .career_step(
            &deepak,
            "pa",
            &GapOptions::default(),
            &RecommendOptions::default(),
        )
        .expect("same");
    vec![
        ("gap report", gap.to_string()),
        ("learning path", path.to_string()),
        ("heatmap", needs.to_string()),
        ("department plan", plan.to_string()),
        ("vacancy", Fit::table(&vacancy).to_string()),
        ("career paths", CareerFit::table(&careers).to_string()),
        ("career step", step.to_string()),
    ]
}

/// Whether a character would break or reorder a printed line.
fn disruptive(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
}

/// A name holding a line break was printed raw, so it started lines of its own in every
/// report: a course name could add a fake "Attendance by officer" section and a fake
/// officer line to the plan a department files. Names are now printed escaped.
#[test]
fn names_with_line_breaks_and_direction_overrides_print_escaped() {
    let injected = r"Post office accounts\nAttendance by officer, courses in learning order\n  FAKE as Sub-Postmaster [spm]: 9 courses, 90 hours, 9 gaps closed";
    let framework = SUB_POST_OFFICE
        .replace("\"Post office accounts\"", &format!("\"{injected}\""))
        .replace("\"Cash handling\"", r#""Cash\thandling\u200b""#)
        .replace("\"Sub-Postmaster\"", r#""Sub-\u202eretsamtsoP""#);
    let officers = SUB_POST_OFFICE_OFFICERS.replace(
        "\"Deepak Singh\"",
        r#""Deepak\r\n  o-fake as Sub-Postmaster [spm]""#,
    );
    let (fw, officers) = load(&framework, &officers);
    for (what, text) in every_report(&fw, &officers) {
        let fake: Vec<&str> = text
            .lines()
            .filter(|l| {
                let l = l.trim_start();
                l.starts_with("FAKE")
                    || l.starts_with("o-fake")
                    || l.starts_with("Attendance by officer, courses")
            })
            .collect();
        let headings = usize::from(what == "department plan");
        assert_eq!(
            fake.len(),
            headings,
            "{what}: injected lines {fake:?}\n{text}"
        );
        let hidden: Vec<char> = text.chars().filter(|&c| disruptive(c)).collect();
        assert!(hidden.is_empty(), "{what}: {hidden:?} printed raw\n{text}");
    }
    let reports: Vec<String> = every_report(&fw, &officers)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let all = reports.concat();
    for shown in [
        r"Post office accounts\nAttendance by officer, courses in learning order\n  FAKE as",
        r"Cash\thandling\u{200b} [cash]",
        r"Sub-\u{202e}retsamtsoP [spm]",
        r"Deepak\r\n  o-fake as Sub-Postmaster [spm] [o-deepak]",
    ] {
        assert!(all.contains(shown), "{shown} is not shown escaped:\n{all}");
    }
    // The plan keeps one heading per section.
    let plan = &reports[3];
    assert_eq!(
        plan.lines()
            .filter(|l| l.starts_with("Attendance by officer"))
            .count(),
        1,
        "{plan}"
    );
}

/// The printed width of a cell, as a terminal shows it: wide East Asian characters and
/// emoji take two columns, combining marks and zero-width characters none. Written from
/// the Unicode blocks, independently of the crate's own measure.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x0300..=0x036F
            | 0x0900..=0x0902
            | 0x093A
            | 0x093C
            | 0x0941..=0x0948
            | 0x094D
            | 0x0951..=0x0957
            | 0x0962..=0x0963
            | 0x200B..=0x200F
            | 0xFE00..=0xFE0F => 0,
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// The display columns at which `marker` starts on each line holding it.
fn columns_of(text: &str, marker: &str) -> Vec<usize> {
    text.lines()
        .filter_map(|l| l.find(marker).map(|i| display_width(&l[..i])))
        .collect()
}

/// Tables sized columns by counting characters, so names in Hindi (combining vowel signs),
/// Chinese or with emoji pushed the next columns out of line.
#[test]
fn columns_align_for_devanagari_cjk_and_emoji_names() {
    for name in [
        "हिन्दी में टिप्पणी लेखन",
        "行政管理",
        "📋 Filing",
        "Noting and drafting",
        "ऑफिस 行政 📋",
    ] {
        let framework = SUB_POST_OFFICE
            .replace("\"Cash handling\"", &format!("\"{name}\""))
            .replace(
                "\"Post office accounts\"",
                &format!("\"{name} (accounts)\""),
            );
        let (fw, officers) = load(&framework, SUB_POST_OFFICE_OFFICERS);
        let deepak = profile(&fw, &officers, "o-deepak");
        let report = fw.gap(&deepak, &GapOptions::default()).expect("same");
        let text = report.to_string();
        let mut types = columns_of(&text, "  functional  ");
        types.extend(columns_of(&text, "  domain  "));
        assert!(
            types.len() == 4 && types.iter().all(|&c| c == types[0]),
            "the type column starts at display columns {types:?} for `{name}`:\n{text}"
        );
        let plan = fw
            .department_plan(&cohort(&fw, &officers), &AcbpOptions::default())
            .expect("same")
            .summary()
            .to_string();
        let modes: Vec<usize> = columns_of(&plan, "  formal ");
        assert!(
            modes.len() >= 2 && modes.iter().all(|&c| c == modes[0]),
            "the mode column starts at {modes:?} for `{name}`:\n{plan}"
        );
    }
}

fn one_requirement_framework(hours: &str) -> Framework {
    Framework::from_json(&format!(
        r#"{{"format_version": 2,
          "competencies": [{{"id": "c", "name": "C", "type": "functional"}}],
          "roles": [{{"id": "r", "name": "R", "requires": [{{"competency": "c", "level": 1}}]}}],
          "positions": [{{"id": "p", "name": "P", "department": "d", "roles": ["r"]}}],
          "courses": [{{"id": "k", "name": "Micro lesson", "hours": {hours},
                       "provides": [{{"competency": "c", "level": 1}}]}}]}}"#
    ))
    .expect("a valid framework")
}

fn officers_of_p(n: usize, held: impl Fn(usize) -> bool) -> Vec<OfficerSpec> {
    let list: Vec<String> = (0..n)
        .map(|i| {
            let passbook = if held(i) {
                r#"[{"competency": "c", "level": 1, "source": "assessment", "date": "2025-01-01"}]"#
            } else {
                "[]"
            };
            format!(
                r#"{{"id": "o{i:04}", "department": "d", "position": "p", "passbook": {passbook}}}"#
            )
        })
        .collect();
    OfficersSpec::from_json(&format!(
        r#"{{"format_version": 2, "officers": [{}]}}"#,
        list.join(",")
    ))
    .expect("valid officers")
    .officers
}

/// The department plan's headline printed the closed share with `{:.1}`: 2,499 of 2,500
/// equal gaps closed read "(100.0% of the weighted shortfall)"; evaluation readiness did
/// the same. Every share now follows one rule: never 100% unless all, never 0% unless none.
#[test]
fn shares_never_round_to_all_or_none() {
    let fw = one_requirement_framework("1");
    let none = officers_of_p(2500, |_| false);
    let before = cohort(&fw, &none);
    let options = AcbpOptions::default().budget(2499.0).expect("a budget");
    let plan = fw.department_plan(&before, &options).expect("same");
    assert_eq!((plan.gaps_closed, plan.gaps), (2499, 2500));
    let summary = plan.summary().to_string();
    assert!(
        summary.starts_with(
            "Annual capacity building plan for 2500 officers: 2499 of 2500 gaps closed \
             (>99.9% of the weighted shortfall); proven optimal\n"
        ),
        "{summary}"
    );
    let all = fw
        .department_plan(&before, &AcbpOptions::default())
        .expect("same");
    assert!(
        all.summary()
            .to_string()
            .contains("(100.0% of the weighted")
    );

    // One officer of 2,500 reaches the level: readiness 0% -> 0.04%, shown as <0.1%.
    let one = cohort(&fw, &officers_of_p(2500, |i| i == 0));
    let gained = fw
        .compare(&before, &one, &karmayogi::CompareOptions::default())
        .expect("same");
    let line = gained.overall.to_string();
    assert!(
        line.contains("readiness 0.0% -> <0.1% (+<0.1 points)"),
        "{line}"
    );
    // All but one: 99.96%, shown as >99.9%.
    let most = cohort(&fw, &officers_of_p(2500, |i| i > 0));
    let gained = fw
        .compare(&before, &most, &karmayogi::CompareOptions::default())
        .expect("same");
    let line = gained.overall.to_string();
    assert!(line.contains("readiness 0.0% -> >99.9% ("), "{line}");
    let everyone = cohort(&fw, &officers_of_p(2500, |_| true));
    let gained = fw
        .compare(&before, &everyone, &karmayogi::CompareOptions::default())
        .expect("same");
    let line = gained.overall.to_string();
    assert!(
        line.contains("readiness 0.0% -> 100.0% (+100.0 points)"),
        "{line}"
    );
}

/// A course of 0.04 hours (valid: above 0) printed as `0.0 h`, and the path as "0.0
/// hours": hours now get the decimals a non-zero amount needs.
#[test]
fn a_short_course_prints_its_hours() {
    let fw = one_requirement_framework("0.04");
    let officers = officers_of_p(1, |_| false);
    let o = profile(&fw, &officers, "o0000");
    let plan = fw
        .recommend(&o, "p", &RecommendOptions::default())
        .expect("same")
        .to_string();
    assert!(
        plan.starts_with(
            "Learning path: 1 course, 0.04 hours (0.04 formal, 0.0 social, 0.0 experiential)"
        ),
        "{plan}"
    );
    assert!(plan.contains("Micro lesson [k]  0.04 h  formal"), "{plan}");
    assert!(!plan.contains(" 0.0 h"), "{plan}");
    let dept = fw
        .department_plan(&cohort(&fw, &officers), &AcbpOptions::default())
        .expect("same")
        .to_string();
    assert!(dept.contains("0.04 person-hours"), "{dept}");
}

/// The heatmap legend said `met` counts "officers at the level", but an officer above the
/// required level is counted there too.
#[test]
fn the_heatmap_legend_says_met_includes_officers_above_the_level() {
    let fw = Framework::from_json(
        r#"{"format_version": 2,
          "competencies": [{"id": "c", "name": "C", "type": "functional"}],
          "roles": [{"id": "r", "name": "R", "requires": [{"competency": "c", "level": 2}]}],
          "positions": [{"id": "p", "name": "P", "department": "d", "roles": ["r"]}]}"#,
    )
    .expect("valid");
    let officers = OfficersSpec::from_json(
        r#"{"format_version": 2, "officers": [{"id": "o", "department": "d", "position": "p",
            "passbook": [{"competency": "c", "level": 5, "source": "assessment",
                          "date": "2024-01-01"}]}]}"#,
    )
    .expect("valid")
    .officers;
    let needs = fw
        .training_needs(&cohort(&fw, &officers), &NeedsOptions::default())
        .expect("same");
    assert_eq!(needs.rows[0].histogram[0], 1);
    let text = needs.to_string();
    assert!(!text.contains("officers at the level,"), "{text}");
    assert!(
        text.contains("met = officers at or above the required level;"),
        "{text}"
    );
}
