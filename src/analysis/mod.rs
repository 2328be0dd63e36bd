//! Analysis: what officers and departments lack and how they changed. Gap reports,
//! training needs and their roll-up by competency group, rankings by readiness,
//! before/after evaluation, and the atlas of a framework.
//!
//! Uses `model` and `people`.

// Declared in the order a user meets them (see `lib.rs`).
pub(crate) mod gap;
pub(crate) mod readiness;

pub(crate) mod needs;

pub(crate) mod rollup;

pub(crate) mod rank;

pub(crate) mod evaluate;

pub(crate) mod atlas;

pub(crate) mod evaluation;
pub(crate) mod group_totals;
pub(crate) mod pair_counts;
pub(crate) mod pairing;
// The splitting over threads, kept under this name for the layers above.
pub(crate) use crate::model::parallel;
