//! Failures as JavaScript exceptions: one `KarmayogiError` carrying every problem as data.
//!
//! Every problem is a plain object `{code, message, ...fields}`: a stable code, the
//! library's message, and the variant's fields (offending ids, file, line, column) under
//! their Rust names, so that a frontend can point at the bad entry or row. The library's
//! errors serialize themselves; the bindings add only the malformed-input problem, in the
//! shape of the library's `json` error (its `path` and `id` the library's), and name an
//! option out of range (`invalid_option`) by the camelCase key the caller wrote
//! (`maxFormalShare`), not by the Rust setter (`max_formal_share`), and a document's
//! readers by the package's functions (`loadKcm`), not by the library's (`load_kcm`).

use karmayogi::{DocumentKind, Error, Errors};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "../errors.js")]
extern "C" {
    /// The exception class the package exports (`errors.js`).
    type KarmayogiError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, problems: JsValue) -> KarmayogiError;
}

/// One problem: an error of the library, or a malformed input the bindings read.
#[derive(Debug)]
pub(crate) enum Problem {
    /// The library's error, serialized as the library serializes it.
    Library(Error),
    /// A malformed input: the library's `json` problem, with a message naming the input
    /// and the path when the input was an object.
    Json(JsonProblem),
}

/// A malformed input, serialized as the library's `json` error: `{code: "json", line,
/// column, path, id, description, message}`.
#[derive(Debug)]
pub(crate) struct JsonProblem {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) description: String,
    pub(crate) message: String,
    pub(crate) path: String,
    pub(crate) id: Option<String>,
}

impl Problem {
    /// The problem's whole message.
    pub(crate) fn message(&self) -> String {
        match self {
            Problem::Library(error @ Error::InvalidOption { option, .. }) => js_message(error)
                .replacen(
                    &format!("`{option}`"),
                    &format!("`{}`", camel_case(option)),
                    1,
                ),
            Problem::Library(error) => js_names(&js_message(error)),
            Problem::Json(json) => json.message.clone(),
        }
    }
}

/// Every kind of document, each with the package's functions that read it, as messages
/// name them to JavaScript callers in place of the library's Rust functions
/// ([`DocumentKind::readers`]).
const JS_READERS: [(DocumentKind, &str); 8] = [
    (
        DocumentKind::Framework,
        "`new Framework` or `parseFrameworkSpec`",
    ),
    (
        DocumentKind::Officers,
        "`new Cohort`, `parseOfficers` or `Framework.reviewOfficers`",
    ),
    (DocumentKind::CasePackage, "`importCase`"),
    (DocumentKind::KcmDictionary, "`loadKcm`"),
    (DocumentKind::IgotCourses, "`loadIgotCourses`"),
    (DocumentKind::FracPositions, "`loadFracPositions`"),
    (DocumentKind::PositionMaster, "`loadPositionMaster`"),
    (DocumentKind::IgotProfile, "`loadIgotProfile`"),
];

/// A library message with the Rust functions it names replaced by the package's (`load_kcm`
/// → `loadKcm`): the readers a `document_of_another_kind` or `csv_looks_like_json`
/// message sends the caller to. O(8 × length of the message).
fn js_names(message: &str) -> String {
    let mut out = message.to_owned();
    for (kind, js) in JS_READERS {
        if out.contains(kind.readers()) {
            out = out.replace(kind.readers(), js);
        }
    }
    out
}

/// Whether the library's message of `error` names the Rust functions reading a kind of
/// document: the errors holding a [`DocumentKind`] (the JavaScript tests check every
/// message thrown for Rust names).
fn names_readers(error: &Error) -> bool {
    matches!(
        error,
        Error::DocumentOfAnotherKind { .. } | Error::CsvLooksLikeJson { kind: Some(_), .. }
    )
}

/// `value` with every `message` in it, nested ones (a `csv_row`'s `error`) included, as
/// [`js_names`] words it.
fn js_messages(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "message" => {
                        *text = js_names(text);
                    }
                    _ => js_messages(v),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(js_messages),
        _ => {}
    }
}

impl Problem {
    /// The field holding a number that is not finite, and the number, when the problem
    /// holds one.
    fn non_finite(&self) -> Option<(&'static str, f64)> {
        let (field, value) = match self {
            Problem::Library(
                Error::InvalidOption { value, .. }
                | Error::InvalidWeight { value, .. }
                | Error::InvalidIdWeight { value, .. },
            ) => ("value", *value),
            Problem::Library(Error::InvalidHours { hours, .. }) => ("hours", *hours),
            _ => return None,
        };
        (!value.is_finite()).then_some((field, value))
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Problem::Library(Error::InvalidOption {
                option,
                value,
                expected,
            }) => {
                let mut s = serializer.serialize_struct("Problem", 5)?;
                s.serialize_field("code", "invalid_option")?;
                s.serialize_field("message", &self.message())?;
                s.serialize_field("option", &camel_case(option))?;
                s.serialize_field("value", value)?;
                s.serialize_field("expected", expected)?;
                s.end()
            }
            Problem::Library(
                error @ (Error::InvalidWeight { .. }
                | Error::InvalidIdWeight { .. }
                | Error::InvalidHours { .. }
                | Error::CsvRow { .. }),
            ) => {
                // The library's fields, with the messages as JavaScript writes numbers.
                let mut value = library_value(error).map_err(serde::ser::Error::custom)?;
                if let Some(message) = value.get_mut("message") {
                    *message = self.message().into();
                }
                if let Error::CsvRow { error: inner, .. } = error
                    && let Some(message) = value.get_mut("error").and_then(|e| e.get_mut("message"))
                {
                    *message = js_names(&js_message(inner)).into();
                }
                value.serialize(serializer)
            }
            // A message naming a Rust function is written again with the package's names;
            // other errors serialize themselves, as the library serializes them.
            Problem::Library(error) if names_readers(error) => {
                let mut value = library_value(error).map_err(serde::ser::Error::custom)?;
                js_messages(&mut value);
                value.serialize(serializer)
            }
            Problem::Library(error) => error.serialize(serializer),
            Problem::Json(p) => {
                let mut s = serializer.serialize_struct("Problem", 7)?;
                s.serialize_field("code", "json")?;
                s.serialize_field("line", &p.line)?;
                s.serialize_field("column", &p.column)?;
                s.serialize_field("path", &p.path)?;
                s.serialize_field("id", &p.id)?;
                s.serialize_field("description", &p.description)?;
                s.serialize_field("message", &p.message)?;
                s.end()
            }
        }
    }
}

/// The library's serialized `error` as a [`serde_json::Value`], for the problems whose
/// message the bindings write again: written as JSON text and read back, which gives
/// the same value as `serde_json::to_value` (the error holds strings, integers, `f64`s
/// and lists of them, each read back as written; the keys sorted either way). The text
/// goes through the writer and reader every output and input already use, where
/// `to_value` compiled a second copy of `Error`'s serializer and of the serializers of
/// every field type into a `Value` (109 functions, 21,263 bytes of WebAssembly code).
fn library_value(error: &Error) -> serde_json::Result<serde_json::Value> {
    serde_json::from_str(&serde_json::to_string(error)?)
}

/// An option's JavaScript key: its Rust setter's name in camelCase (`term_hours` →
/// `termHours`), as the options objects spell it (see `options.rs`).
fn camel_case(rust: &str) -> String {
    let mut out = String::with_capacity(rust.len());
    let mut upper = false;
    for c in rust.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A number as JavaScript's `String(n)` writes it (ECMAScript's `Number::toString`): `NaN`,
/// `Infinity`, `-Infinity`, `0` for -0, the shortest digits that read back as the number,
/// in positional notation from 1e-7 (exclusive) to 1e21 (exclusive) and in exponential
/// notation with a signed exponent (`1e+21`, `-1.5e-7`) outside. Messages shown in
/// JavaScript write numbers so, rather than as Rust prints them (`inf`, `NaN`, `1e21`).
/// O(digits of the number in positional notation), at most 1,100 characters.
pub(crate) fn js_number(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    // `{}` writes the shortest digits that read back as the value, as JavaScript's
    // algorithm picks them, in positional notation (`0.00015`, `15000…0`): the digits and
    // their place are read from that text, as the library's messages do, rather than
    // from `{:e}`, which would link the standard library's exponent formatting into the
    // WebAssembly module for this function alone.
    let decimal = value.abs().to_string();
    let (whole, fraction) = decimal.split_once('.').unwrap_or((&decimal, ""));
    let all = format!("{whole}{fraction}");
    let zeros = all.bytes().take_while(|&b| b == b'0').count();
    let digits = all.get(zeros..).unwrap_or("").trim_end_matches('0');
    let k = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    // ECMAScript's n: the value is 0.digits × 10^n.
    let n = i32::try_from(whole.len()).unwrap_or(i32::MAX) - i32::try_from(zeros).unwrap_or(0);
    let sign = if value < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        let zeros = usize::try_from(n - k).unwrap_or(0);
        format!("{digits}{}", "0".repeat(zeros))
    } else if 0 < n && n <= 21 {
        let (whole, fraction) = digits.split_at(usize::try_from(n).unwrap_or(0));
        format!("{whole}.{fraction}")
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat(usize::try_from(-n).unwrap_or(0)))
    } else {
        let (first, rest) = digits.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        let e = n - 1;
        let e_sign = if e < 0 { "-" } else { "+" };
        format!("{first}{point}{rest}e{e_sign}{}", e.abs())
    };
    format!("{sign}{body}")
}

/// `message` with the last `from` (the library's text of a number, which follows any id
/// the message quotes) written as `to`.
fn replace_last(message: &str, from: &str, to: &str) -> String {
    match message.rfind(from) {
        Some(at) => format!("{}{to}{}", &message[..at], &message[at + from.len()..]),
        None => message.to_owned(),
    }
}

/// The library's text of a number in its messages (`inf`, `1e308`), taken from a message
/// of its own so that the two cannot drift apart.
fn library_number(value: f64) -> String {
    let probe = Error::InvalidOption {
        option: "",
        value,
        expected: "",
    }
    .to_string();
    probe
        .strip_prefix("option `` is ")
        .and_then(|rest| rest.strip_suffix(": expected "))
        .unwrap_or_default()
        .to_owned()
}

/// An error's message with the number it holds written as JavaScript writes it; the
/// library's message for an error holding none.
fn js_message(error: &Error) -> String {
    let message = error.to_string();
    let (value, before, after) = match error {
        Error::InvalidOption { value, .. }
        | Error::InvalidWeight { value, .. }
        | Error::InvalidIdWeight { value, .. } => (*value, " is ", ": expected"),
        Error::InvalidHours { hours, .. } => (*hours, " has ", " hours"),
        Error::CsvRow { error, .. } => {
            let inner = error.to_string();
            return replace_last(&message, &inner, &js_message(error));
        }
        _ => return message,
    };
    let rust = format!("{before}{}{after}", library_number(value));
    replace_last(
        &message,
        &rust,
        &format!("{before}{}{after}", js_number(value)),
    )
}

/// A failed call: every problem found, thrown to JavaScript as one `KarmayogiError`.
#[derive(Debug)]
pub struct Failure(pub(crate) Vec<Problem>);

impl Failure {
    /// A failure of one problem given directly, for checks the bindings make themselves.
    pub(crate) fn one(problem: Problem) -> Failure {
        Failure(vec![problem])
    }

    /// The message of the exception: the problem's message, or a count and the messages of
    /// the first [`LISTED`](Self::LISTED) problems, then how many more `problems` holds.
    /// Every message of a million bad elements made an 87 MB string (twice that in
    /// JavaScript's UTF-16) beside the problems themselves.
    pub(crate) fn message(&self) -> String {
        match self.0.as_slice() {
            [only] => only.message(),
            all => {
                let mut out = format!("{} problems found:", all.len());
                for p in all.iter().take(Self::LISTED) {
                    out.push_str("\n  - ");
                    out.push_str(&p.message());
                }
                if all.len() > Self::LISTED {
                    out.push_str("\n  - and ");
                    out.push_str(&(all.len() - Self::LISTED).to_string());
                    out.push_str(" more, listed in `problems`");
                }
                out
            }
        }
    }

    /// How many problems an exception's message lists; `problems` holds them all.
    const LISTED: usize = 100;
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure(vec![Problem::Library(error)])
    }
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Failure {
        Failure(errors.into_iter().map(Problem::Library).collect())
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let message = failure.message();
        // Serializing plain fields cannot fail; an empty list keeps the message regardless.
        let problems = serde_json::to_string(&failure.0)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or_else(|| js_sys::Array::new().into());
        // JSON writes a number that is not finite as `null`: such a value is set again
        // as the number it is (`Infinity`, `NaN`), so no value given is lost.
        for (i, p) in failure.0.iter().enumerate() {
            if let Some((field, value)) = p.non_finite() {
                let object =
                    js_sys::Reflect::get_u32(&problems, u32::try_from(i).unwrap_or(u32::MAX));
                if let Some(object) = object.ok().filter(JsValue::is_object) {
                    let _ = js_sys::Reflect::set(&object, &field.into(), &value.into());
                }
            }
        }
        KarmayogiError::new(&message, problems).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karmayogi::EntityKind;
    use serde_json::Value;

    fn value(p: &Problem) -> Value {
        serde_json::from_str(&serde_json::to_string(p).unwrap()).unwrap()
    }

    #[test]
    fn a_problem_carries_code_message_and_fields() {
        let p = Problem::Library(Error::UnknownReference {
            from_kind: EntityKind::Position,
            from: "p1".into(),
            to_kind: EntityKind::Role,
            to: "r9".into(),
            nearest: Some("r1".into()),
        });
        assert_eq!(
            value(&p),
            serde_json::json!({"code": "unknown_reference",
                   "message": "position `p1` refers to unknown role `r9`, did you mean `r1`?",
                   "from_kind": "position", "from": "p1", "to_kind": "role", "to": "r9",
                   "nearest": "r1"})
        );
    }

    #[test]
    fn a_json_problem_has_the_fields_of_the_library_json_error() {
        let library = value(&Problem::Library(Error::Json {
            line: 3,
            column: 7,
            path: "competencies[0]".into(),
            id: Some("rti".into()),
            message: "missing field `name`".into(),
        }));
        let ours = value(&Problem::Json(JsonProblem {
            line: 3,
            column: 7,
            description: "missing field `name`".into(),
            message: library["message"].as_str().unwrap().to_owned(),
            path: "competencies[0]".into(),
            id: Some("rti".into()),
        }));
        assert_eq!(ours, library);
    }

    #[test]
    fn the_library_value_is_the_value_serde_json_makes() {
        let numbers = [
            2.0,
            -0.0,
            0.1 + 0.2,
            1e300,
            f64::MAX,
            5e-324,
            -2.5e-300,
            4_294_967_295.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut errors = Vec::new();
        for n in numbers {
            let hours = Error::InvalidHours {
                course: "c\u{200b}1".into(),
                hours: n,
            };
            errors.extend([
                Error::InvalidOption {
                    option: "max_formal_share",
                    value: n,
                    expected: "a share above 0 and at most 1",
                },
                Error::InvalidWeight {
                    name: "weight",
                    value: n,
                },
                Error::InvalidIdWeight {
                    kind: EntityKind::Competency,
                    id: "\"x\"\n".into(),
                    value: n,
                },
                Error::CsvRow {
                    file: "courses.csv",
                    line: 4,
                    column: "hours",
                    error: Box::new(hours.clone()),
                },
                hours,
            ]);
        }
        for (kind, _) in JS_READERS {
            errors.push(Error::DocumentOfAnotherKind {
                expected: "a framework document",
                found: kind,
            });
        }
        for error in &errors {
            let value = library_value(error).unwrap();
            assert_eq!(value, serde_json::to_value(error).unwrap(), "{error:?}");
            // The same numbers, bit for bit (`-0.0` equals `0.0` in the comparison above).
            assert_eq!(
                serde_json::to_string(&value).unwrap(),
                serde_json::to_string(&serde_json::to_value(error).unwrap()).unwrap()
            );
        }
    }

    #[test]
    fn an_option_is_named_by_its_javascript_key() {
        let library = Error::InvalidOption {
            option: "max_formal_share",
            value: 2.0,
            expected: "a share above 0 and at most 1",
        };
        let mut expected = serde_json::to_value(&library).unwrap();
        expected["option"] = "maxFormalShare".into();
        expected["message"] =
            "option `maxFormalShare` is 2: expected a share above 0 and at most 1".into();
        assert_eq!(value(&Problem::Library(library)), expected);
        assert_eq!(camel_case("hours_when_missing"), "hoursWhenMissing");
        assert_eq!(camel_case("budget"), "budget");
    }

    #[test]
    fn a_document_s_readers_are_named_by_the_package_s_functions() {
        for (kind, js) in JS_READERS {
            let error = Error::DocumentOfAnotherKind {
                expected: "a framework document",
                found: kind,
            };
            let problem = Problem::Library(error.clone());
            let message = problem.message();
            assert_eq!(message, error.to_string().replace(kind.readers(), js));
            assert!(!message.contains("from_json") && !message.contains("load_"));
            let mut expected = serde_json::to_value(&error).unwrap();
            expected["message"] = message.into();
            assert_eq!(value(&problem), expected);
        }
        let error = Error::CsvLooksLikeJson {
            file: "officers.csv",
            found: "an object",
            kind: Some(DocumentKind::Framework),
        };
        assert_eq!(
            Problem::Library(error).message(),
            "officers.csv looks like JSON (an object): expected CSV, a header line then rows; \
             it is a framework document (an object holding `format_version` and \
             `competencies`), read by `new Framework` or `parseFrameworkSpec`"
        );
    }

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        // `String(n)` in JavaScript for each.
        for (n, js) in [
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
            (-0.0, "0"),
            (0.0, "0"),
            (-1.0, "-1"),
            (2.5, "2.5"),
            (1e21, "1e+21"),
            (-1e21, "-1e+21"),
            (1e20, "100000000000000000000"),
            (123_456_789_012_345_680_000.0, "123456789012345680000"),
            (1.5e300, "1.5e+300"),
            (f64::MAX, "1.7976931348623157e+308"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (-2.5e-300, "-2.5e-300"),
            (5e-324, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (4_294_967_295.0, "4294967295"),
        ] {
            assert_eq!(js_number(n), js, "{n:?}");
        }
    }

    /// `js_number` as it was written from `{:e}`'s digits and exponent: an oracle of
    /// its own for the digits and their place read from `{}`.
    fn js_number_from_exponent(value: f64) -> String {
        if value.is_nan() || value.is_infinite() || value == 0.0 {
            return js_number(value);
        }
        let scientific = format!("{:e}", value.abs());
        let (mantissa, exponent) = scientific.split_once('e').unwrap();
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let exponent: i32 = exponent.parse().unwrap();
        let k = i32::try_from(digits.len()).unwrap();
        let n = exponent + 1;
        let sign = if value < 0.0 { "-" } else { "" };
        let body = if k <= n && n <= 21 {
            format!("{digits}{}", "0".repeat(usize::try_from(n - k).unwrap()))
        } else if 0 < n && n <= 21 {
            let (whole, fraction) = digits.split_at(usize::try_from(n).unwrap());
            format!("{whole}.{fraction}")
        } else if -6 < n && n <= 0 {
            format!("0.{}{digits}", "0".repeat(usize::try_from(-n).unwrap()))
        } else {
            let (first, rest) = digits.split_at(1);
            let point = if rest.is_empty() { "" } else { "." };
            let e = n - 1;
            let e_sign = if e < 0 { "-" } else { "+" };
            format!("{first}{point}{rest}e{e_sign}{}", e.abs())
        };
        format!("{sign}{body}")
    }

    #[test]
    fn numbers_are_written_as_from_their_exponent() {
        // Each side of every switch of notation, and 200,000 bit patterns.
        let mut values = vec![
            1e21,
            999_999_999_999_999_900_000.0,
            1e-6,
            9.999_999_999_999_999e-7,
            1e-7,
            1.5,
            0.15,
            150.0,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            values.push(f64::from_bits(state));
        }
        for value in values {
            for v in [value, -value] {
                assert_eq!(
                    js_number(v),
                    js_number_from_exponent(v),
                    "{:#x}",
                    v.to_bits()
                );
            }
        }
    }

    #[test]
    fn messages_write_the_numbers_they_hold_as_javascript_does() {
        let option = Problem::Library(Error::InvalidOption {
            option: "term_hours",
            value: f64::INFINITY,
            expected: "a finite number above 0",
        });
        assert_eq!(
            option.message(),
            "option `termHours` is Infinity: expected a finite number above 0"
        );
        let weight = Problem::Library(Error::InvalidIdWeight {
            kind: EntityKind::Competency,
            id: "x is inf: expected".into(),
            value: 1e300,
        });
        // The number is the one after the id, whatever the id holds.
        assert_eq!(
            weight.message(),
            "weight of competency `x is inf: expected` is 1e+300: expected 0 or a number \
             from 1e-9 to 1e9"
        );
        assert_eq!(value(&weight)["message"], weight.message());
        let hours = Problem::Library(Error::InvalidHours {
            course: "k".into(),
            hours: f64::NAN,
        });
        assert_eq!(
            hours.message(),
            "course `k` has NaN hours: expected a number from 5e-13 to 10000 (hours are held \
             in whole pico-hours, 1e-12 h, to the nearest with halves rounding up, so 5e-13 \
             is the smallest above 0)"
        );
        assert_eq!(value(&hours)["message"], hours.message());
        assert!(matches!(hours.non_finite(), Some(("hours", v)) if v.is_nan()));
        assert_eq!(weight.non_finite(), None);
    }

    #[test]
    fn a_message_lists_the_first_hundred_problems_and_counts_the_rest() {
        let f = Failure(
            (0..=Failure::LISTED as u32 + 4)
                .map(|value| Problem::Library(Error::LevelOutOfRange { value }))
                .collect(),
        );
        let message = f.message();
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines[0], "105 problems found:");
        assert_eq!(lines.len(), 1 + Failure::LISTED + 1);
        assert_eq!(lines[100], "  - level 99 is out of range: expected 0 to 5");
        assert_eq!(lines[101], "  - and 5 more, listed in `problems`");
    }

    #[test]
    fn several_problems_are_counted_in_the_message() {
        let f = Failure(vec![
            Problem::Library(Error::FrameworkMismatch),
            Problem::Library(Error::LevelOutOfRange { value: 9 }),
        ]);
        assert_eq!(
            f.message(),
            "2 problems found:\n  - the profile or cohort was built from a different framework\
             \n  - level 9 is out of range: expected 0 to 5"
        );
    }
}
