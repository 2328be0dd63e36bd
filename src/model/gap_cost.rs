//! The lower bounds on what closing a gap costs in course hours ([`GapCost`]).
//!
//! Computed in `planning::bounds` from the framework's courses alone; defined here because
//! the framework caches them per requirement for the career searches, so the type belongs
//! to the layer that holds them.

/// The three lower bounds on the course hours closing one gap takes (share, packing,
/// closure; `planning::bounds` defines and computes them), or of a whole instance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct GapCost {
    /// Whether any course (not completed) closes the gap.
    pub(crate) closable: bool,
    pub(crate) share: f64,
    pub(crate) packing: f64,
    pub(crate) closure: f64,
    /// An upper bound on the least hours closing the gap alone (the cheapest closer with
    /// its pending prerequisite closure): `closure` itself when the closures were walked.
    pub(crate) closure_at_most: f64,
}

impl GapCost {
    /// No course closes the gap (yet): every bound infinite.
    pub(crate) const OPEN: GapCost = GapCost {
        closable: false,
        share: f64::INFINITY,
        packing: f64::INFINITY,
        closure: f64::INFINITY,
        closure_at_most: f64::INFINITY,
    };
}
