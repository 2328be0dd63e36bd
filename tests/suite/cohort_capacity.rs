//! A framework holds no more competencies than a cohort can name.
//!
//! A cohort packs each held level as `competency << 3 | level` in three bytes, so it names
//! competencies below 2²¹. A framework of 2²¹ + 1 competencies (2,097,153) used to build,
//! answer gap reports, and then refuse every cohort whose officers held its last
//! competency, with an error naming neither the officer nor the competency ("too many
//! competencies a cohort's held levels can name"). It is refused where it is built, as
//! too many competencies; one of 2²¹ builds, and a cohort holding its last competency
//! builds too. The input is generated: its point is its size.

use karmayogi::{
    Cohort, CompetencySpec, CompetencyType, Error, Framework, FrameworkSpec, LevelPolicy,
    NeedsOptions, OfficersCsv, OfficersCsvOptions, OfficersSpec, PositionSpec, RequirementSpec,
    RoleSpec,
};

/// The most competencies a framework holds.
const LIMIT: usize = 1 << 21;

/// `n` competencies `c0000000`, `c0000001`, …, and a post whose one role requires the
/// first and the last at level 3.
fn framework(n: usize) -> FrameworkSpec {
    let mut spec = FrameworkSpec::new();
    spec.competencies = (0..n)
        .map(|i| CompetencySpec::new(format!("c{i:07}"), "c", CompetencyType::Domain))
        .collect();
    spec.roles.push(RoleSpec {
        id: "r".into(),
        name: "r".into(),
        activities: Vec::new(),
        requires: vec![
            RequirementSpec::new("c0000000", 3),
            RequirementSpec::new(format!("c{:07}", n - 1), 3),
        ],
    });
    spec.positions.push(PositionSpec {
        id: "p".into(),
        name: "p".into(),
        department: "d".into(),
        roles: vec!["r".into()],
    });
    spec
}

#[test]
fn frameworks_hold_no_more_competencies_than_a_cohort_can_name() {
    let errors = Framework::new(framework(LIMIT + 1)).expect_err("one competency too many");
    assert_eq!(
        errors.as_slice(),
        [Error::CapacityExceeded {
            what: "competencies",
            limit: LIMIT as u64,
        }]
    );
    assert_eq!(
        errors.to_string(),
        "1 problem found:\n  - too many competencies: at most 2097152"
    );
}

#[test]
fn a_cohort_holds_the_last_competency_of_the_largest_framework() {
    let fw = Framework::new(framework(LIMIT)).expect("2^21 competencies fit");
    let doc = format!(
        r#"{{"format_version": 2, "officers": [{{"id": "o1", "department": "d", "position": "p",
          "passbook": [{{"competency": "c{:07}", "level": 2, "source": "assessment"}}]}}]}}"#,
        LIMIT - 1
    );
    let officers = OfficersSpec::from_json(&doc).expect("valid").officers;
    let cohort = Cohort::new(&fw, &officers, &LevelPolicy::default()).expect("the last fits");
    assert_eq!(
        Cohort::from_json(&fw, &doc, &LevelPolicy::default())
            .expect("read in one pass")
            .len(),
        1
    );
    let evidence = format!(
        "officer,competency,level,source\no1,c{:07},2,assessment\n",
        LIMIT - 1
    );
    let csv = OfficersCsv::new("id,department,position\no1,d,p\n").evidence(&evidence);
    let load = Cohort::from_csv(&fw, &csv, &OfficersCsvOptions::default()).expect("read");
    assert_eq!(load.cohort.len(), 1);
    let needs = fw
        .training_needs(&cohort, &NeedsOptions::default())
        .expect("needs");
    let last = needs
        .rows
        .iter()
        .find(|r| r.competency.as_str() == format!("c{:07}", LIMIT - 1))
        .expect("the last competency is a row");
    assert_eq!((last.officers_short, last.total_shortfall), (1, 1));
}

/// Officers naming competencies of another framework: every id unknown, each of about
/// the length of the framework's own, so each is compared by edit distance with every one
/// of them. 20 officers against 2,000 competencies of 62 characters took 1.5·10⁸ cells of
/// edit distance; 100 against 15,000 took 23 s in release, and 1,000 (the most distinct
/// ids searched) about four minutes, to say "unknown competency". The search for the
/// nearest id now stops after a fixed number of cells per reading: the first unknown ids
/// get their suggestion, the rest are reported without one, and every one is reported.
#[test]
fn suggestions_for_unknown_ids_stop_after_a_fixed_amount_of_work() {
    let pad = "x".repeat(40);
    let mut spec = framework(2_000);
    for c in &mut spec.competencies {
        c.id = format!("kcm:Functional/{pad}/{}", c.id.as_str()).into();
    }
    spec.roles[0].requires = vec![RequirementSpec::new(spec.competencies[0].id.clone(), 3)];
    let fw = Framework::new(spec).expect("valid");
    let officers: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"id": "o{i:02}", "department": "d", "position": "p", "passbook":
                  [{{"competency": "kcm:Behavioural/{pad}/c{i:07}", "level": 2, "source": "assessment"}}]}}"#
            )
        })
        .collect();
    let doc = format!(
        r#"{{"format_version": 2, "officers": [{}]}}"#,
        officers.join(",")
    );
    let errors = Cohort::from_json(&fw, &doc, &LevelPolicy::default()).expect_err("unknown");
    assert_eq!(errors.len(), 20, "every unknown id is reported");
    let suggested: Vec<bool> = errors
        .iter()
        .map(|e| e.to_string().contains("did you mean"))
        .collect();
    assert!(suggested[0], "{}", errors.as_slice()[0]);
    assert!(!suggested[19], "{}", errors.as_slice()[19]);
    assert!(
        suggested.windows(2).all(|w| w[0] >= w[1]),
        "the search stops once: {suggested:?}"
    );
}
