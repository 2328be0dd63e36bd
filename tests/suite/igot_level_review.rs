//! FRAC level nodes (COMPETENCIESLEVEL) count by the review rule of the other nodes
//! where they carry a review state (igot/40).

use crate::support::igot_entries;
use karmayogi::{FracOptions, IgotWhat, load_frac_positions};

const LEVELS: &str = include_str!("../data/cases/igot/40-frac-level-nodes-review-states.json");

/// igot/40: level nodes' review states were not read, so a level the review board
/// rejected, or the first reviewer had not verified, described its competency. Now a
/// level node carrying a state counts only when every tier says VERIFIED, with the
/// reasons the other nodes give; one carrying none counts, as the service never reviews
/// level nodes.
#[test]
fn frac_level_nodes_count_by_their_review_states() {
    let load = load_frac_positions(LEVELS, &FracOptions::default()).unwrap();
    let levels: Vec<(&str, Vec<u8>)> = (load.value.competencies.iter())
        .map(|c| (c.id.as_str(), c.levels.iter().map(|d| d.level).collect()))
        .collect();
    assert_eq!(levels, [("CID12", vec![1, 2]), ("CID13", vec![3])]);
    let role = "$.responseData[0].children[0]";
    let (c12, c13) = (
        format!("{role}.children[0].children"),
        format!("{role}.children[1].children"),
    );
    let paths = [
        format!("{c12}[2]"),
        format!("{c12}[3]"),
        format!("{c12}[4]"),
        format!("{c13}[0]"),
        format!("{c13}[1]"),
    ];
    let not = |status: &str| IgotWhat::NotVerified {
        status: status.into(),
    };
    let board = |s: &str| IgotWhat::SecondaryNotVerified {
        secondary_status: s.into(),
    };
    let wrong = IgotWhat::WrongType {
        field: "status",
        found: "an integer",
        expected: "a string",
    };
    assert_eq!(
        igot_entries(&load.report.set_aside),
        [
            (paths[0].as_str(), "CLID62", &not("UNVERIFIED")),
            (paths[1].as_str(), "CLID63", &board("UNVERIFIED")),
            (paths[2].as_str(), "CLID64", &board("REJECTED")),
            (paths[3].as_str(), "CLID70", &not("REJECTED")),
            (paths[4].as_str(), "CLID71", &wrong),
        ]
    );
    // Their states are read, no longer counted among the ignored fields.
    let ignored: Vec<&str> = (load.report.ignored_fields.iter())
        .map(|f| f.field.as_str())
        .collect();
    assert!(
        !ignored.iter().any(|f| f.starts_with("competencieslevel.")),
        "{ignored:?}"
    );
}
