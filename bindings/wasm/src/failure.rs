//! Failures as JavaScript exceptions: one `KarmayogiError` carrying every problem as data.
//!
//! Every error the library returns passes through [`problem`], which turns it into a plain
//! object `{code, message, ...fields}`: a stable code, the library's message, and the
//! variant's fields (offending ids, file, line, column) under their Rust names, so that a
//! frontend can point at the bad entry or row.

use karmayogi::{Error, Errors};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "../errors.js")]
extern "C" {
    /// The exception class the package exports (`errors.js`).
    type KarmayogiError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, problems: JsValue) -> KarmayogiError;
}

/// A failed call: every problem found, thrown to JavaScript as one `KarmayogiError`.
#[derive(Debug)]
pub struct Failure(pub(crate) Vec<Map<String, Value>>);

impl Failure {
    /// A failure of one problem given directly, for checks the bindings make themselves.
    pub(crate) fn one(problem: Map<String, Value>) -> Failure {
        Failure(vec![problem])
    }

    /// The message of the exception: the problem's message, or a count and every message.
    pub(crate) fn message(&self) -> String {
        let text = |p: &Map<String, Value>| {
            p.get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        match self.0.as_slice() {
            [only] => text(only),
            all => {
                let mut out = format!("{} problems found:", all.len());
                for p in all {
                    out.push_str("\n  - ");
                    out.push_str(&text(p));
                }
                out
            }
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure(vec![problem(&error)])
    }
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Failure {
        Failure(errors.iter().map(problem).collect())
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let message = failure.message();
        let problems = serde_json::to_string(&failure.0)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or_else(|| js_sys::Array::new().into());
        KarmayogiError::new(&message, problems).into()
    }
}

/// A value of an error's field.
fn v(x: impl Field) -> Value {
    x.value()
}

/// The fields of a problem, in order.
fn obj<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(fields.into_iter().map(|(k, x)| (k.to_owned(), x)).collect())
}

/// What a field of an error holds, as JSON: numbers, text, ids, kinds and lists of ids.
trait Field {
    fn value(&self) -> Value;
}

impl<T: Field + ?Sized> Field for &T {
    fn value(&self) -> Value {
        (**self).value()
    }
}

macro_rules! field_from {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn value(&self) -> Value {
                Value::from(self.clone())
            }
        }
    )*};
}
field_from!(u8, u32, u64, usize, f64, String, &'static str);

macro_rules! field_display {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn value(&self) -> Value {
                Value::from(self.to_string())
            }
        }
    )*};
}
field_display!(
    karmayogi::EntityKind,
    karmayogi::CaseElement,
    karmayogi::CourseId,
    karmayogi::OfficerId,
    karmayogi::PositionId,
    karmayogi::CompetencyId
);

impl<T: Field> Field for Vec<T> {
    fn value(&self) -> Value {
        Value::Array(self.iter().map(Field::value).collect())
    }
}

/// One error as a plain object: `code`, `message`, then the variant's fields.
pub(crate) fn problem(error: &Error) -> Map<String, Value> {
    let (code, fields) = describe(error);
    let mut out = Map::new();
    out.insert("code".to_owned(), Value::from(code));
    out.insert("message".to_owned(), Value::from(error.to_string()));
    if let Value::Object(fields) = fields {
        out.extend(fields);
    }
    out
}

/// The code and the fields of one error.
///
/// This match is the only place that knows the variants of `karmayogi::Error`. When the
/// library gives every error a stable `code()` and serializes its fields, replace it with
/// those two (the shape of the problems stays `{code, message, ...fields}`). Until then the
/// code is the variant's name in snake case. The JSON error's parser text is `description`,
/// since `message` is the whole message.
#[allow(clippy::too_many_lines)] // one arm per variant, in the library's order
fn describe(error: &Error) -> (&'static str, Value) {
    use Error as E;
    match error {
        E::Json {
            line,
            column,
            message,
        } => (
            "json",
            obj([
                ("line", v(line)),
                ("column", v(column)),
                ("description", v(message)),
            ]),
        ),
        E::UnsupportedFormatVersion { found, expected } => (
            "unsupported_format_version",
            obj([("found", v(found)), ("expected", v(expected))]),
        ),
        E::LevelOutOfRange { value } => ("level_out_of_range", obj([("value", v(value))])),
        E::EmptyId { kind, index } => ("empty_id", obj([("kind", v(kind)), ("index", v(index))])),
        E::EmptyName { kind, id } => ("empty_name", obj([("kind", v(kind)), ("id", v(id))])),
        E::DuplicateId { kind, id } => ("duplicate_id", obj([("kind", v(kind)), ("id", v(id))])),
        E::UnknownReference {
            from_kind,
            from,
            to_kind,
            to,
        } => (
            "unknown_reference",
            obj([
                ("from_kind", v(from_kind)),
                ("from", v(from)),
                ("to_kind", v(to_kind)),
                ("to", v(to)),
            ]),
        ),
        E::DuplicateReference {
            from_kind,
            from,
            to_kind,
            to,
        } => (
            "duplicate_reference",
            obj([
                ("from_kind", v(from_kind)),
                ("from", v(from)),
                ("to_kind", v(to_kind)),
                ("to", v(to)),
            ]),
        ),
        E::InvalidLevel {
            owner_kind,
            owner,
            competency,
            level,
            min,
            max,
        } => (
            "invalid_level",
            obj([
                ("owner_kind", v(owner_kind)),
                ("owner", v(owner)),
                ("competency", v(competency)),
                ("level", v(level)),
                ("min", v(min)),
                ("max", v(max)),
            ]),
        ),
        E::InvalidLevelScale { competency, found } => (
            "invalid_level_scale",
            obj([("competency", v(competency)), ("found", v(found))]),
        ),
        E::PositionWithoutRoles { position } => {
            ("position_without_roles", obj([("position", v(position))]))
        }
        E::PrerequisiteCycle { courses } => ("prerequisite_cycle", obj([("courses", v(courses))])),
        E::InvalidHours { course, hours } => (
            "invalid_hours",
            obj([("course", v(course)), ("hours", v(hours))]),
        ),
        E::InvalidDate { officer, value } => (
            "invalid_date",
            obj([("officer", v(officer)), ("value", v(value))]),
        ),
        E::InvalidPolicyDate { value } => ("invalid_policy_date", obj([("value", v(value))])),
        E::UnknownId { kind, id } => ("unknown_id", obj([("kind", v(kind)), ("id", v(id))])),
        E::FrameworkMismatch => ("framework_mismatch", obj([])),
        E::InvalidWeight { name, value } => (
            "invalid_weight",
            obj([("name", v(name)), ("value", v(value))]),
        ),
        E::InvalidIdWeight { kind, id, value } => (
            "invalid_id_weight",
            obj([("kind", v(kind)), ("id", v(id)), ("value", v(value))]),
        ),
        E::CapacityExceeded { what, limit } => (
            "capacity_exceeded",
            obj([("what", v(what)), ("limit", v(limit))]),
        ),
        E::CaseMissingDocument => ("case_missing_document", obj([])),
        E::CaseMissingIdentifier { element, path } => (
            "case_missing_identifier",
            obj([("element", v(element.to_string())), ("path", v(path))]),
        ),
        E::CaseMissingField {
            element,
            identifier,
            field,
        } => (
            "case_missing_field",
            obj([
                ("element", v(element.to_string())),
                ("identifier", v(identifier)),
                ("field", v(field)),
            ]),
        ),
        E::CaseDuplicateIdentifier { identifier } => (
            "case_duplicate_identifier",
            obj([("identifier", v(identifier))]),
        ),
        E::CaseUnknownNode {
            association,
            end,
            node,
        } => (
            "case_unknown_node",
            obj([
                ("association", v(association)),
                ("end", v(end)),
                ("node", v(node)),
            ]),
        ),
        E::CaseChildOfCycle { items } => ("case_child_of_cycle", obj([("items", v(items))])),
        E::CaseUnknownCriterionItem { criterion, item } => (
            "case_unknown_criterion_item",
            obj([("criterion", v(criterion)), ("item", v(item))]),
        ),
        E::CaseTooManyLevels {
            item,
            criterion,
            count,
        } => (
            "case_too_many_levels",
            obj([
                ("item", v(item)),
                ("criterion", v(criterion)),
                ("count", v(count)),
            ]),
        ),
        E::CaseConflictingCriteria { item, criteria } => (
            "case_conflicting_criteria",
            obj([("item", v(item)), ("criteria", v(criteria))]),
        ),
        E::CaseInvalidIdentifier { identifier } => (
            "case_invalid_identifier",
            obj([("identifier", v(identifier))]),
        ),
        E::CaseInvalidDateTime { value } => ("case_invalid_date_time", obj([("value", v(value))])),
        E::CaseBlankArea { competency } => {
            ("case_blank_area", obj([("competency", v(competency))]))
        }
        E::CsvUnclosedQuote { file, line } => (
            "csv_unclosed_quote",
            obj([("file", v(file)), ("line", v(line))]),
        ),
        E::CsvMisplacedQuote { file, line, field } => (
            "csv_misplaced_quote",
            obj([("file", v(file)), ("line", v(line)), ("field", v(field))]),
        ),
        E::CsvFieldCount {
            file,
            line,
            expected,
            found,
        } => (
            "csv_field_count",
            obj([
                ("file", v(file)),
                ("line", v(line)),
                ("expected", v(expected)),
                ("found", v(found)),
            ]),
        ),
        E::CsvMissingColumn { file, column } => (
            "csv_missing_column",
            obj([("file", v(file)), ("column", v(column))]),
        ),
        E::CsvInvalidValue {
            file,
            line,
            column,
            found,
            expected,
        } => (
            "csv_invalid_value",
            obj([
                ("file", v(file)),
                ("line", v(line)),
                ("column", v(column)),
                ("found", v(found)),
                ("expected", v(expected)),
            ]),
        ),
        E::CsvDuplicateKey {
            file,
            line,
            column,
            key,
            first_line,
        } => (
            "csv_duplicate_key",
            obj([
                ("file", v(file)),
                ("line", v(line)),
                ("column", v(column)),
                ("key", v(key)),
                ("first_line", v(first_line)),
            ]),
        ),
        E::CsvUnknownReference {
            file,
            line,
            column,
            found,
            target,
        } => (
            "csv_unknown_reference",
            obj([
                ("file", v(file)),
                ("line", v(line)),
                ("column", v(column)),
                ("found", v(found)),
                ("target", v(target)),
            ]),
        ),
        E::InvalidOption {
            option,
            value,
            expected,
        } => (
            "invalid_option",
            obj([
                ("option", v(option)),
                ("value", v(value)),
                ("expected", v(expected)),
            ]),
        ),
        // A variant newer than this match: its message still says everything.
        _ => ("error", obj([])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karmayogi::EntityKind;

    #[test]
    fn a_problem_carries_code_message_and_fields() {
        let p = problem(&Error::UnknownReference {
            from_kind: EntityKind::Position,
            from: "p1".into(),
            to_kind: EntityKind::Role,
            to: "r9".into(),
        });
        assert_eq!(
            Value::Object(p),
            serde_json::json!({"code": "unknown_reference",
                   "message": "position `p1` refers to unknown role `r9`",
                   "from_kind": "position", "from": "p1", "to_kind": "role", "to": "r9"})
        );
    }

    #[test]
    fn the_json_error_keeps_its_position_and_the_parser_text() {
        let p = problem(&Error::Json {
            line: 3,
            column: 7,
            message: "missing field `name`".into(),
        });
        assert_eq!(p["code"], "json");
        assert_eq!(p["line"], 3);
        assert_eq!(p["column"], 7);
        assert_eq!(p["description"], "missing field `name`");
    }

    #[test]
    fn several_problems_are_counted_in_the_message() {
        let f = Failure(vec![
            problem(&Error::FrameworkMismatch),
            problem(&Error::LevelOutOfRange { value: 9 }),
        ]);
        assert_eq!(
            f.message(),
            "2 problems found:\n  - the profile or cohort was built from a different framework\
             \n  - level 9 is out of range: expected 0 to 5"
        );
    }
}
