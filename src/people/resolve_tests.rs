//! Tests of checking officers: the quick check of common entries against the full one.

use super::*;
use crate::people::policy::UndatedEvidence;

fn framework() -> Framework {
    Framework::from_json(
        r#"{"format_version": 2,
          "competencies": [{"id": "a", "name": "A", "type": "domain"},
                           {"id": "b", "name": "B", "type": "domain",
                            "min_level": 2, "max_level": 4},
                           {"id": "competency-long-id", "name": "C", "type": "domain"}],
          "roles": [], "positions": [],
          "courses": [{"id": "k", "name": "K", "hours": 1,
                       "provides": [{"competency": "a", "level": 3}]}]}"#,
    )
    .expect("a framework")
}

fn policies() -> Vec<LevelPolicy> {
    vec![
        LevelPolicy::default(),
        LevelPolicy::default()
            .verified_only(false)
            .self_declared(true),
        (LevelPolicy::default().not_before("2024-01-01"))
            .expect("a date")
            .undated(UndatedEvidence::Ignored),
    ]
}

/// A passbook entry's fields: competency, level, source, date, verified, course.
type Entry = (
    String,
    u8,
    EvidenceSource,
    &'static str,
    bool,
    Option<&'static str>,
);

/// Every entry of a grid over each field's kinds of value.
fn entries() -> Vec<Entry> {
    let mut all = Vec::new();
    for competency in ["a", "b", "competency-long-id", "zz", ""] {
        for level in 0..=6 {
            for source in [
                EvidenceSource::Assessment,
                EvidenceSource::Feedback360,
                EvidenceSource::SelfDeclared,
                EvidenceSource::CourseCompletion,
            ] {
                for date in [
                    "",
                    "2024-02-29",
                    "2023-12-31",
                    "2023-02-29",
                    "2024-02-10T09:30:00Z",
                    " ",
                    "24-01-01",
                ] {
                    for verified in [true, false] {
                        for course in [None, Some("k"), Some("nope")] {
                            let c = competency.to_owned();
                            all.push((c, level, source, date, verified, course));
                        }
                    }
                }
            }
        }
    }
    all
}

/// The quick check gives exactly what the full check gives, for every entry it takes, with
/// and without the dates remembered.
#[test]
fn common_entries_give_what_the_full_check_gives() {
    let fw = framework();
    let mut taken = 0;
    // The dates remembered across entries give what reading each date gives.
    let mut dates = DayMemo::default();
    for policy in policies() {
        for (competency, level, source, date, verified, course) in entries() {
            let e = EvidenceView {
                competency: &competency,
                level,
                level_name: None,
                source,
                date,
                verified,
                course,
            };
            let quick = common_entry(&fw, &policy, e, None).map(|c| c.held);
            let remembered = common_entry(&fw, &policy, e, Some(&mut dates)).map(|c| c.held);
            assert_eq!(remembered, quick, "{e:?}");
            let Some(quick) = quick else {
                continue;
            };
            taken += 1;
            let mut completed = Vec::new();
            let full = check_evidence(&fw, &policy, e, &mut completed, &mut Nearest::new(10));
            assert!(full.problems.is_empty(), "{e:?}");
            assert!(completed.is_empty(), "{e:?}");
            let full = full.held.map(|(c, l)| c << 3 | u32::from(l));
            assert_eq!(quick, full, "{e:?}");
        }
    }
    assert!(taken > 100, "{taken}");
}

/// An officer's held levels against the highest counted level of each competency,
/// taken entry by entry from the full check, for passbooks in and out of order.
#[test]
fn held_levels_are_the_highest_counted_per_competency() {
    let fw = framework();
    let policy = LevelPolicy::default();
    let grid = entries();
    let mut rng = 7_u64;
    for round in 0..300 {
        let n = round % 12;
        let mut passbook = Vec::new();
        for _ in 0..n {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            passbook.push(grid[(rng % grid.len() as u64) as usize].clone());
        }
        if round % 3 == 0 {
            passbook.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let views: Vec<EvidenceView<'_>> = (passbook.iter())
            .map(|(c, level, source, date, verified, course)| EvidenceView {
                competency: c,
                level: *level,
                level_name: None,
                source: *source,
                date,
                verified: *verified,
                course: *course,
            })
            .collect();
        let mut expected = std::collections::BTreeMap::new();
        let mut faulty = false;
        for &e in &views {
            let full = check_evidence(&fw, &policy, e, &mut Vec::new(), &mut Nearest::new(10));
            faulty |= !full.problems.is_empty();
            if let (true, Some((c, level))) = (full.problems.is_empty(), full.held) {
                let best = expected.entry(c).or_insert(level);
                *best = (*best).max(level);
            }
        }
        let (mut held, mut completed, mut errors) = (vec![7], Vec::new(), Vec::new());
        let officer = OfficerView {
            id: "o",
            name: None,
            department: "d",
            position: "p",
            target: None,
        };
        resolve_officer(
            &fw,
            officer,
            views.iter().copied(),
            &policy,
            &mut Resolved {
                held: &mut held,
                completed: &mut completed,
                errors: &mut errors,
                nearest: &mut Nearest::new(10),
                own: &mut Vec::new(),
                dates: None,
            },
        );
        let expected: Vec<u32> = std::iter::once(7)
            .chain(expected.iter().map(|(&c, &l)| c << 3 | u32::from(l)))
            .collect();
        assert_eq!(held, expected, "{passbook:?}");
        // The unknown position, and one error per problem.
        assert_eq!(errors.len() > 1, faulty);
    }
}
