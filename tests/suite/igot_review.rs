//! What the FRAC loader counts, and what its report says it set aside (igot/31–32): a node
//! counts only when every review state the platform writes says VERIFIED and it is not
//! deleted; a node whose `children` or `additionalProperties` holds another JSON type is
//! set aside and absent from the result, with what was found.

use karmayogi::{FracOptions, Framework, IgotEntry, IgotWhat, ReviewStatus, load_frac_positions};

const REVIEW: &str = include_str!("../data/cases/igot/31-frac-review-board-and-deleted-nodes.json");
const CONTAINERS: &str = include_str!("../data/cases/igot/32-frac-containers-of-another-type.json");

/// Each entry as (path, id, text).
fn entries(list: &[IgotEntry]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|e| (e.path.clone(), e.id.clone(), e.what.to_string()))
        .collect()
}

fn want(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(p, i, w)| ((*p).to_owned(), (*i).to_owned(), (*w).to_owned()))
        .collect()
}

/// igot/31: a role and a competency the first reviewer verified and the review board has
/// not (`secondaryStatus: UNVERIFIED`), a competency the board rejected, and deleted
/// nodes (`active: false`) were all read as verified, their states only counted among the
/// ignored fields. Now the role is set aside, the pending competency kept as a draft
/// (validated, not counted), the rejected and deleted ones set aside, each named.
#[test]
fn only_nodes_the_review_board_verified_and_not_deleted_count() {
    let load = load_frac_positions(REVIEW, &FracOptions::default()).unwrap();
    let pos = "$.responseData[0]";
    let rid4 = format!("{pos}.children[1]");
    assert_eq!(
        entries(&load.report.set_aside),
        want(&[
            (
                &format!("{pos}.children[0]"),
                "RID3",
                "review board state (`secondaryStatus`) `UNVERIFIED` is not VERIFIED: only \
                 mappings the review board verified count"
            ),
            (
                &format!("{rid4}.children[1]"),
                "CID40",
                "deleted on the platform (`active` is false)"
            ),
            (
                &format!("{rid4}.children[2]"),
                "CID41",
                "review board state (`secondaryStatus`) `REJECTED` is not VERIFIED: only \
                 mappings the review board verified count"
            ),
            (
                &format!("{rid4}.children[3].children[1]"),
                "CLID61",
                "deleted on the platform (`active` is false)"
            ),
            (
                &format!("{pos}.children[2]"),
                "RID5",
                "deleted on the platform (`active` is false)"
            ),
        ])
    );
    assert_eq!(
        entries(&load.report.notes),
        want(&[(
            &format!("{rid4}.children[0]"),
            "CID9",
            "review board state (`secondaryStatus`) `UNVERIFIED` is not VERIFIED: its \
             requirements are kept as drafts"
        )])
    );
    assert_eq!(
        load.report.notes[0].what,
        IgotWhat::SecondaryDraft {
            secondary_status: "UNVERIFIED".to_owned()
        }
    );
    // The states are read, no longer counted as fields with no place.
    assert_eq!(load.report.ignored_fields, []);
    let spec = &load.value;
    let roles: Vec<&str> = spec.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(roles, ["RID4"]);
    assert_eq!(spec.positions[0].roles.len(), 1);
    let competencies: Vec<&str> = spec.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(competencies, ["CID12", "CID13", "CID9"]);
    let requires: Vec<(&str, u8, ReviewStatus)> = spec.roles[0]
        .requires
        .iter()
        .map(|r| (r.competency.as_str(), r.level, r.status))
        .collect();
    assert_eq!(
        requires,
        [
            ("CID12", 1, ReviewStatus::Verified),
            ("CID13", 1, ReviewStatus::Verified),
            ("CID9", 3, ReviewStatus::Draft),
        ]
    );
    // The deleted level descriptor is not among the competency's.
    let levels: Vec<u8> = spec.competencies[0]
        .levels
        .iter()
        .map(|d| d.level)
        .collect();
    assert_eq!(levels, [1]);
    // Only the two verified requirements count.
    let framework = Framework::new(load.value).unwrap();
    let counted: Vec<(String, u8)> = framework
        .requirements("PID7")
        .unwrap()
        .iter()
        .map(|r| (r.competency.to_string(), u8::from(r.level)))
        .collect();
    assert_eq!(counted, [("CID12".to_owned(), 1), ("CID13".to_owned(), 1)]);
}

/// igot/31: the first tier still decides first: a node whose `status` is not VERIFIED is
/// reported by it, whatever its board state, and an `active` of another JSON type sets
/// the node aside saying so (it may be a deleted node).
#[test]
fn review_states_are_reported_by_the_tier_that_stops_the_node() {
    let json = REVIEW
        .replacen(
            r#""status": "VERIFIED", "secondaryStatus": "UNVERIFIED",
     "children""#,
            r#""status": "UNVERIFIED", "secondaryStatus": "UNVERIFIED",
     "children""#,
            1,
        )
        .replacen(
            r#""active": false,
     "children""#,
            r#""active": "no",
     "children""#,
            1,
        );
    let load = load_frac_positions(&json, &FracOptions::default()).unwrap();
    let first = |id: &str| {
        load.report
            .set_aside
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.what.to_string())
    };
    assert_eq!(
        first("RID3").as_deref(),
        Some("review state `UNVERIFIED` is not VERIFIED: only verified mappings count")
    );
    assert_eq!(
        first("RID5").as_deref(),
        Some("`active` is a string: expected true or false")
    );
}

/// igot/32: a role whose `children` is text was reported set aside while it stayed in the
/// result (with no requirements), and a competency whose `additionalProperties` is text
/// was set aside as of the "unknown type" `""`. Now every node whose `children` holds
/// another type is set aside and absent (a position, a role, an activity, a competency
/// with its requirement), and the competency's reason says a string was found where an
/// object is read; one met again is kept as first read, and the container noted.
#[test]
fn nodes_with_containers_of_another_type_are_set_aside_and_absent() {
    let load = load_frac_positions(CONTAINERS, &FracOptions::default()).unwrap();
    let pos = "$.responseData[0]";
    let rid4 = format!("{pos}.children[1]");
    let children = |found: &str| format!("`children` is {found}: expected an array");
    assert_eq!(
        entries(&load.report.set_aside),
        want(&[
            (&format!("{pos}.children[0]"), "RID3", &children("a string")),
            (
                &format!("{rid4}.children[0]"),
                "CID9",
                "`additionalProperties` is a string: expected an object"
            ),
            (
                &format!("{rid4}.children[1]"),
                "CID12",
                &children("a string")
            ),
            (
                &format!("{rid4}.children[3]"),
                "AID5",
                &children("an object")
            ),
            ("$.responseData[1]", "PID8", &children("a string")),
        ])
    );
    assert_eq!(
        entries(&load.report.notes),
        want(&[(
            &format!("{pos}.children[2].children[0]"),
            "CID13",
            "`additionalProperties` is an integer: expected an object"
        )])
    );
    // Every node set aside is absent from the result; nothing else is.
    let spec = &load.value;
    let kept: Vec<&str> = (spec.positions.iter().map(|p| p.id.as_str()))
        .chain(spec.roles.iter().map(|r| r.id.as_str()))
        .chain(spec.activities.iter().map(|a| a.id.as_str()))
        .chain(spec.competencies.iter().map(|c| c.id.as_str()))
        .collect();
    assert_eq!(kept, ["PID7", "RID4", "RID6", "CID13"]);
    for entry in &load.report.set_aside {
        assert!(!kept.contains(&entry.id.as_str()), "{entry:?}");
    }
    let requires: Vec<Vec<(&str, u8)>> = spec
        .roles
        .iter()
        .map(|r| {
            r.requires
                .iter()
                .map(|q| (q.competency.as_str(), q.level))
                .collect()
        })
        .collect();
    assert_eq!(requires, [vec![("CID13", 1)], vec![("CID13", 2)]]);
    assert!(spec.roles[0].activities.is_empty());
    Framework::new(load.value).unwrap();
}
