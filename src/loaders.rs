//! Loaders turning the open occupational frameworks ESCO and O*NET into a [`FrameworkSpec`].
//!
//! Both take the texts of compact CSV files already in memory (the layouts of
//! `data/esco` and `data/onet` in the repository, described in `data/README.md`)
//! and do no I/O. Every malformed row, missing column, repeated key or reference to an
//! unknown id is reported as an [`Error`](crate::Error) naming the file, the line and the
//! value; all problems come back at once as [`Errors`](crate::Errors), and nothing is
//! dropped silently.
//!
//! [`FrameworkSpec`]: crate::FrameworkSpec

mod esco;
mod onet;

pub use esco::{EscoCsv, EscoHierarchyCsv, EscoOptions, EscoTypeRule, load_esco};
pub use onet::{OnetCsv, OnetOptions, OnetTypeRule, load_onet};
