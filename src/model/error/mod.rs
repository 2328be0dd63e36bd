//! The crate's one error type, and [`Errors`], the list validation returns.

mod alike_text;
mod case_element;
mod code;
mod evidence;
mod fields_text;
mod list;
#[cfg(test)]
mod list_tests;
mod serialize;
#[cfg(test)]
mod tests;
pub(crate) mod text;
mod variants;

pub use case_element::{CaseElement, CaseIdItems};
pub use evidence::{EvidenceProblem, PassbookRow};
pub use list::Errors;
pub use variants::Error;
