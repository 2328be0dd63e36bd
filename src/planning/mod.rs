//! Planning: what to do about the gaps. Learning paths for one officer (the set-cover
//! solvers in `cover`), career paths and successors (with their lower bounds), and a
//! department's Annual Capacity Building Plan (the solvers in `department`).
//!
//! Uses `model`, `people` and `analysis`.

// Declared in the order a user meets them (see `lib.rs`).
pub(crate) mod recommend;

pub(crate) mod career;

pub(crate) mod acbp;

pub(crate) mod best_first;

pub(crate) mod bounds;
pub(crate) mod cover;
pub(crate) mod department;
pub(crate) mod groups;
pub(crate) mod memo;
pub(crate) mod seeds;

#[cfg(test)]
mod tests;
