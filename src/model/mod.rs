//! The model: ids, levels, errors, the JSON interchange format ([`FrameworkSpec`]), the
//! validated [`Framework`] with its validation and provenance, and the small machinery every
//! layer above shares (stable sorting, id maps, dates, quoting, "did you mean").
//!
//! The bottom layer: nothing here uses `people`, `analysis`, `planning`, `interop` or
//! `report`.
//!
//! [`FrameworkSpec`]: crate::FrameworkSpec
//! [`Framework`]: crate::Framework

// Declared in the order a user meets them (see `lib.rs`).
pub(crate) mod framework;
pub(crate) mod spec;
pub(crate) mod spec_named;

pub(crate) mod by_key;
pub(crate) mod clock;
pub(crate) mod confusable;
pub(crate) mod csr;
pub(crate) mod cycles;
pub(crate) mod date;
pub(crate) mod day_memo;
pub(crate) mod document_kind;
pub(crate) mod epoch;
pub(crate) mod equivalent;
pub(crate) mod error;
pub(crate) mod gap_cost;
pub(crate) mod group;
pub(crate) mod hash;
pub(crate) mod hours;
pub(crate) mod id_values;
pub(crate) mod ids;
pub(crate) mod json;
pub(crate) mod json_all;
pub(crate) mod json_path;
pub(crate) mod json_spans;
pub(crate) mod json_underflow;
pub(crate) mod kind_of;
pub(crate) mod learning_order;
pub(crate) mod level;
pub(crate) mod level_label;
pub(crate) mod level_name;
pub(crate) mod level_text;
pub(crate) mod lookup;
pub(crate) mod missing;
pub(crate) mod names;
pub(crate) mod nearest;
pub(crate) mod nfc;
pub(crate) mod object;
pub(crate) mod order;
pub(crate) mod parallel;
pub(crate) mod provenance;
pub(crate) mod quote;
pub(crate) mod reach;
pub(crate) mod read_back;
pub(crate) mod requirement;
pub(crate) mod roman;
pub(crate) mod short_year;
#[cfg(test)]
pub(crate) mod test_rng;
pub(crate) mod validate;
pub(crate) mod whole;
