//! Machinery behind the public types.

pub(crate) mod bounds;
pub(crate) mod case;
pub(crate) mod columns;
pub(crate) mod cover;
pub(crate) mod csr;
pub(crate) mod csv;
pub(crate) mod cycles;
pub(crate) mod date;
pub(crate) mod department;
pub(crate) mod evaluation;
pub(crate) mod groups;
pub(crate) mod hash;
pub(crate) mod json;
pub(crate) mod lookup;
pub(crate) mod nearest;
pub(crate) mod order;
pub(crate) mod parallel;
pub(crate) mod quote;
pub(crate) mod rollup;
pub(crate) mod validate;
