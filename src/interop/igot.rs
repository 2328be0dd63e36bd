//! The iGOT Karmayogi platform's own data shapes (Sunbird CB), read from JSON text: the
//! Karmayogi Competency Model dictionary, course records with competency tags of three
//! generations, FRAC-era position trees, the position master list and officers' profile
//! competencies.
//!
//! The platform validates none of these, so each loader reads records as they come and
//! returns what it built ([`IgotLoad::value`]) with a report ([`IgotReport`]) of every
//! record or tag it set aside and why, every record it kept with something to know (a name
//! matched ignoring whitespace, a misspelt key read as the platform writes it), and every
//! field it has no place for, by name and count. Only malformed JSON, a key repeated in an
//! object, or a document whose top level, or the API response around its records, has the
//! wrong shape is an error: a record, a tag list or a tag of another type is set aside and
//! the load goes on, so that every problem is reported at once.
//!
//! A number beyond a double's range (`1e400`, `-1e400`, an integer of 400 digits), which
//! JSON parsers refuse, does not make the document refused: it is read as the CASE import
//! reads it, as a value of a type of its own, `a number beyond a double's range`. In a
//! field a loader has no place for, it is counted in
//! [`IgotReport::ignored_fields`] as any value is; in one a loader needs (a level, a
//! course's `duration`), the record or requirement is set aside saying what was found. A
//! text starting with U+FDD0 (the character such a number is read behind) is the text it
//! is.

mod alike;
mod by_id;
mod courses;
mod frac;
mod json;
mod kcm;
mod levels;
mod master;
mod merge;
mod met_again;
mod nodes;
mod profile;
mod report;
mod responses;
mod same_names;
mod tags;

pub use courses::{IgotCourseOptions, load_igot_courses};
pub use frac::{FracOptions, load_frac_positions};
pub use kcm::{KcmOptions, KcmSubThemes, kcm_id, load_kcm};
pub use master::{MasterPosition, PositionMaster, PositionMatch, load_position_master};
pub use profile::load_igot_profile;
pub use report::{IgotEntry, IgotField, IgotLoad, IgotReport, IgotWhat};
pub use tags::KcmTagKey;
