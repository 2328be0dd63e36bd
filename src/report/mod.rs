//! Reports for people: the `Display` of every analysis result.
//!
//! Each report prints names with the id in brackets (`Public procurement [procurement]`),
//! aligned into columns under a header, with counts whose nouns agree with them (`1 seat`,
//! `2 seats`). A result carries the names it prints (see `DESIGN.md`, "Why reports carry
//! names"), so printing needs nothing but the result, costs time linear in its size, and
//! gives byte-identical text for the same result. This layer only reads the public fields
//! of the results; nothing else in the crate depends on it.

mod atlas;
mod evaluation;
mod gap;
mod plan;
mod rank;
mod rollup;
mod table;
