//! People: an officer's passbook and the current levels a [`LevelPolicy`] derives from it
//! ([`Profile`]), cohorts of officers stored as columns ([`Cohort`]), and the review of
//! officer data that validation accepts but a person should look at.
//!
//! Uses only `model`.
//!
//! [`LevelPolicy`]: crate::LevelPolicy
//! [`Profile`]: crate::Profile
//! [`Cohort`]: crate::Cohort

pub(crate) mod officer;
pub(crate) mod policy;
pub(crate) mod profile;
pub(crate) mod resolve;

pub(crate) mod builder;
pub(crate) mod cohort;
pub(crate) mod cohort_json;
pub(crate) mod cohort_json_threads;
pub(crate) mod columns;
pub(crate) mod departments;
pub(crate) mod held;
#[cfg(all(feature = "parallel", not(target_family = "wasm")))]
pub(crate) mod json_pieces;
pub(crate) mod json_text;
pub(crate) mod parts;
pub(crate) mod review;
pub(crate) mod spellings;
