//! Where a course document holds its records: a list, one record, or one of the
//! platform's API responses around them (a search page, an empty search page, a content
//! or hierarchy read), and what such a response holds beside them.

use serde_json::{Map, Value};

use super::json::{Report, shape};
use super::report::IgotWhat;
use crate::Errors;
use crate::interop::case::huge;

const DOCUMENT: &str = "igot course records";

/// What the course loader reads at the top level, as its errors say.
const TOP: &str = "an array of course records, a record, or a search or read response";

/// What the loader reads at `result.content` or `content`.
const CONTENT: &str =
    "an array of course records (a search response) or one record (a read response)";

/// What the loader reads in a response's `result`.
const RESULT: &str = "a search response's `content` or `count`, or a read response's `content`";

/// Where a search response holds its records.
const READ: &str = "$.result.content";

/// The keys of a response's envelope, which say nothing of the records.
const ENVELOPE: &[&str] = &["id", "ver", "ts", "params", "responseCode"];

/// The records of a course document and where they stand.
pub(super) struct Records<'a> {
    /// The records, in document order.
    pub(super) list: &'a [Value],
    /// Where they stand.
    place: Place,
}

/// Where the records of a document stand.
enum Place {
    /// In an array at this path.
    List(&'static str),
    /// One record at this path.
    One(&'static str),
}

impl Records<'_> {
    /// The JSON path of record `i`.
    pub(super) fn path(&self, i: usize) -> String {
        match self.place {
            Place::List(base) => format!("{base}[{i}]"),
            Place::One(path) => path.to_owned(),
        }
    }

    /// The path of the array holding the records, or `None` for a lone record (a
    /// document's top level or a read response's `content`).
    pub(super) fn list_path(&self) -> Option<&'static str> {
        match self.place {
            Place::List(base) => Some(base),
            Place::One(_) => None,
        }
    }
}

/// The records of a course document:
/// - an array of records, or one record (an object with `identifier`);
/// - a search response (`composite/v1/search`, `content/v1/search`):
///   `{"result": {"count": N, "content": [...]}}`, or `{"content": [...]}`; a page on which
///   nothing matched, which the platform writes without `content`
///   (`{"result": {"count": 0}}`: Sunbird's `SearchBaseActor.getCompositeSearchResponse`
///   puts each list only when it has a record), holds no records;
/// - a read response (`content/v3/read`, `course/v1/hierarchy`): one record,
///   `{"result": {"content": {...}}}` (Sunbird's `ContentActor.read`,
///   `HierarchyManager.getHierarchy`).
///
/// A `content` of `null` is none. O(1).
///
/// # Errors
/// [`Error::IgotShape`](crate::Error::IgotShape) for a document that is none of these: a
/// value other than an array or object at the top, at `content` or at `result.content`; an
/// object with neither `identifier`, `content` nor `result`; a `result` with neither
/// `content` nor `count` (a question set's read response, `result.questionset`, holds no
/// course).
pub(super) fn records(doc: &Value) -> Result<Records<'_>, Errors> {
    let map = match doc {
        Value::Array(list) => {
            let place = Place::List("$");
            return Ok(Records { list, place });
        }
        Value::Object(map) if map.contains_key("identifier") => {
            let list = std::slice::from_ref(doc);
            let place = Place::One("$");
            return Ok(Records { list, place });
        }
        Value::Object(map) => map,
        other => return Err(shape(DOCUMENT, "$", other, TOP)),
    };
    let result = map.get("result");
    let (found, path) = match (result.and_then(search_or_read), content(map)) {
        (Some(result), _) => (content(result).unwrap_or(&Value::Null), READ),
        (None, Some(c)) => (c, "$.content"),
        (None, None) => {
            return Err(match result {
                Some(r @ Value::Object(_)) => shape(DOCUMENT, "$.result", r, RESULT),
                Some(other) => shape(DOCUMENT, "$.result", other, "a response's `result` object"),
                None => shape(DOCUMENT, "$", doc, TOP),
            });
        }
    };
    match found {
        Value::Array(list) => Ok(Records {
            list,
            place: Place::List(path),
        }),
        Value::Null => Ok(Records {
            list: &[],
            place: Place::List(path),
        }),
        Value::Object(_) => Ok(Records {
            list: std::slice::from_ref(found),
            place: Place::One(path),
        }),
        other => Err(shape(DOCUMENT, path, other, CONTENT)),
    }
}

/// `result` when it is the `result` of a search or read response: an object holding
/// `content` (not `null`) or `count`.
fn search_or_read(result: &Value) -> Option<&Map<String, Value>> {
    result
        .as_object()
        .filter(|r| content(r).is_some() || r.contains_key("count"))
}

/// The `content` of `map`, `None` when absent or `null`.
fn content(map: &Map<String, Value>) -> Option<&Value> {
    map.get("content").filter(|c| !c.is_null())
}

/// Reports what a response holds around its `records` records (none for a lone record or
/// an array): a key the loader does not read, at the top or in `result`, counted ignored
/// under its path (`$.content` beside `$.result.content`, `$.result.collections`, a
/// search's `$.result.facets`); one holding a list also set aside as
/// [`IgotWhat::ListNotRead`] (a search of several object types lists each other type under
/// its own key: `$.result.QuestionSet`); a `result.count` other than the records read
/// noted as [`IgotWhat::CountDisagrees`] (a page of a larger search: a page past the last,
/// which the platform writes without `content`, counts the whole search and holds none),
/// or as [`IgotWhat::WrongType`] when it is not a whole number (igot/22, igot/34).
/// O(keys).
pub(super) fn around(doc: &Value, records: usize, report: &mut Report) {
    let Value::Object(map) = doc else { return };
    if map.contains_key("identifier") {
        return;
    }
    let Some(result) = map.get("result").and_then(search_or_read) else {
        report.ignore_around(
            "$",
            map,
            &[ENVELOPE, &["content"]].concat(),
            Some("$.content"),
        );
        return;
    };
    report.ignore_around("$", map, &[ENVELOPE, &["result"]].concat(), Some(READ));
    report.ignore_around("$.result", result, &["count", "content"], Some(READ));
    let records = records as u64;
    match result.get("count") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) if n.as_u64().is_some() => {
            let count = n.as_u64().unwrap_or_default();
            if count != records {
                report.note(
                    "$.result.count",
                    "",
                    IgotWhat::CountDisagrees { count, records },
                );
            }
        }
        Some(other) => {
            let what = IgotWhat::wrong_type("count", other, "a whole number");
            report.note("$.result.count", "", what);
        }
    }
}

/// The profile loader's document.
const PROFILE: &str = "igot profile competencies";

/// The shapes the profile loader reads, as its errors say.
const PROFILE_SHAPES: &str = "profile competencies (an array, an object holding `competencies`, a user record \
     holding `profileDetails`, or a user read response)";

/// The profile competencies of a document and the path of their list, the keys around
/// them counted ignored in `report` under their paths (a user record's other fields,
/// `$.result.response.firstName`; `profileDetails`' other than `competencies`,
/// `$.profileDetails.personalDetails`; igot/22). The document is:
/// - the `competencies` array, or an object holding it (`profileDetails`);
/// - a user record holding `profileDetails`;
/// - a user read response (`user/v1/read`, `user/private/v1/read`):
///   `{"id": "api.user.read", …, "result": {"response": {<user record>}}}`, the record
///   the platform's own portal reads at `result.response.profileDetails`.
///
/// A user record's `profiledetails`, as the portal also reads it, is read as its
/// `profileDetails`. A user record whose `profileDetails` is `null` or absent, or holds no
/// `competencies` (or `null` there), has none: an empty list, not an error, as most users' records hold
/// none (igot/36). O(keys on the way).
///
/// # Errors
/// [`Error::IgotShape`](crate::Error::IgotShape) for a document that is none of these: a
/// `result` without a `response` object, a user search's `result.response` (which holds
/// several users' records in `content`), a `profileDetails` or `competencies` of another
/// type, or an object with neither `competencies`, `profileDetails` nor `result`.
pub(super) fn profile_competencies<'a>(
    doc: &'a Value,
    report: &mut Report,
) -> Result<(&'a [Value], String), Errors> {
    let mut around: Around<'a> = Vec::new();
    let mut at = doc;
    let mut path = String::from("$");
    // `at` is a user's record: no `profileDetails` there, or none in it, is none.
    let mut user = false;
    if let Value::Object(map) = doc
        && let Some(result) = map.get("result")
        && details_key(map).is_none()
        && !map.contains_key("competencies")
    {
        around.push(("$".to_owned(), map, USER_ENVELOPE));
        if let Some(records) = result.get("UserProfile") {
            at = registry_record(records)?;
            if let Value::Object(result) = result {
                around.push(("$.result".to_owned(), result, &["UserProfile"]));
            }
            path.push_str(".result.UserProfile[0]");
            report.note(&path, "", IgotWhat::ProfileFromRegistry);
        } else {
            at = user_record(result)?;
            if let Value::Object(result) = result {
                around.push(("$.result".to_owned(), result, &["response"]));
            }
            path.push_str(".result.response");
        }
        user = true;
    }
    let list = match at {
        // The profile registry's record holds its `competencies` itself, as the portal
        // reads them (`result.UserProfile[0].competencies`).
        Value::Object(map)
            if user && details_key(map).is_none() && map.contains_key("competencies") =>
        {
            competencies(map, &mut path, &mut around)?
        }
        Value::Object(map) if user || details_key(map).is_some() => {
            let key = details_key(map);
            around.push((path.clone(), map, key.unwrap_or_default()));
            match key.and_then(|k| Some((k[0], map.get(k[0])?))) {
                None | Some((_, Value::Null)) => None,
                Some((key, Value::Object(details))) => {
                    path.push('.');
                    path.push_str(key);
                    competencies(details, &mut path, &mut around)?
                }
                Some((key, other)) => {
                    path.push('.');
                    path.push_str(key);
                    let expected = "a user's `profileDetails` object";
                    return Err(shape(PROFILE, &path, other, expected));
                }
            }
        }
        Value::Object(map) if map.contains_key("competencies") => {
            competencies(map, &mut path, &mut around)?
        }
        Value::Array(list) => Some(list.as_slice()),
        other => return Err(shape(PROFILE, &path, other, PROFILE_SHAPES)),
    };
    for (at, map, known) in around {
        report.ignore_around(&at, map, known, None);
    }
    Ok((list.unwrap_or_default(), path))
}

/// The key of a user record's profile, alone in a list (the keys of the record read):
/// `profileDetails`, or `profiledetails` as the
/// platform's portal also reads it (`result.response.profiledetails` before
/// `result.response.profileDetails`); the first when both are there, the other then
/// counted ignored.
fn details_key(map: &Map<String, Value>) -> Option<&'static [&'static str]> {
    let i = DETAILS.iter().position(|k| map.contains_key(*k))?;
    Some(&DETAILS[i..=i])
}

/// The spellings of a user record's profile key, in the order read.
const DETAILS: &[&str] = &["profileDetails", "profiledetails"];

/// The objects around a profile's competencies: each one's path, its keys, and the keys
/// of it that are read.
type Around<'a> = Vec<(String, &'a Map<String, Value>, &'static [&'static str])>;

/// The keys of a user read response's top level that the loader reads or that say
/// nothing of the user.
const USER_ENVELOPE: &[&str] = &["id", "ver", "ts", "ets", "params", "responseCode", "result"];

/// The one user's record of a profile registry search (`result.UserProfile`, a list):
/// its only entry, an object. A list of none or of several users' records, or of another
/// type, is refused: the loader reads one officer's profile.
fn registry_record(records: &Value) -> Result<&Value, Errors> {
    let path = "$.result.UserProfile";
    let expected = "the profile registry's record of one user: an array holding one object";
    match records {
        Value::Array(list) => match list.as_slice() {
            [record @ Value::Object(_)] => Ok(record),
            [other] => Err(shape(
                PROFILE,
                &format!("{path}[0]"),
                other,
                "a user's record",
            )),
            [] => Err(Errors::from(crate::Error::IgotShape {
                document: PROFILE,
                path: path.to_owned(),
                found: "an empty array (no user's record)",
                expected,
            })),
            _ => Err(Errors::from(crate::Error::IgotShape {
                document: PROFILE,
                path: path.to_owned(),
                found: "an array of several users' records",
                expected,
            })),
        },
        other => Err(shape(PROFILE, path, other, expected)),
    }
}

/// Reads a user record's `profileDetails` (or `profiledetails`) written as JSON text, as
/// the platform stores it in the `profiledetails` column of its `sunbird.user` table and
/// its own reports read it there (`sunbird-cb/sunbird-core-dataproducts`,
/// `declaredCompetencyDataFrame`: `from_json(col("profiledetails"), …)`, then
/// `profile.competencies`): the text is parsed and put in its place, and noted
/// ([`IgotWhat::ObjectFromText`]) at its path. The record is the document, a user read
/// response's `result.response`, or a registry search's `result.UserProfile[0]`. Text
/// that is blank is no profile (as `null`). O(length of the text).
///
/// # Errors
/// [`Error::IgotShape`](crate::Error::IgotShape) for text that is not JSON, or JSON text
/// of another value than an object (or `null`).
pub(super) fn details_from_text(doc: &mut Value, report: &mut Report) -> Result<(), Errors> {
    let (record, at): (Option<&mut Value>, &str) = match doc {
        Value::Object(map) if details_key(map).is_some() => (Some(doc), "$"),
        Value::Object(map) => match map.get_mut("result") {
            Some(Value::Object(result)) if result.contains_key("UserProfile") => (
                result
                    .get_mut("UserProfile")
                    .and_then(|l| l.as_array_mut())
                    .and_then(|l| l.first_mut()),
                "$.result.UserProfile[0]",
            ),
            Some(Value::Object(result)) => (result.get_mut("response"), "$.result.response"),
            _ => (None, ""),
        },
        _ => (None, ""),
    };
    let Some(Value::Object(record)) = record else {
        return Ok(());
    };
    let Some(key) = details_key(record).map(|k| k[0]) else {
        return Ok(());
    };
    let Some(value @ Value::String(_)) = record.get_mut(key) else {
        return Ok(());
    };
    if huge::is_huge(value) {
        return Ok(());
    }
    let text = value.as_str().map(huge::unescape).unwrap_or_default();
    let path = format!("{at}.{key}");
    let expected = "a user's `profileDetails` object, or JSON text of one";
    let found = if text.trim().is_empty() {
        *value = Value::Null;
        return Ok(());
    } else {
        match super::json::parse(text) {
            Ok(object @ Value::Object(_)) => {
                *value = object;
                report.note(&path, "", IgotWhat::ObjectFromText { field: key });
                return Ok(());
            }
            Ok(Value::Null) => {
                *value = Value::Null;
                return Ok(());
            }
            Ok(Value::Array(_)) => "JSON text of an array",
            Ok(Value::String(_)) => "JSON text of a string",
            Ok(Value::Number(_)) => "JSON text of a number",
            Ok(Value::Bool(_)) => "JSON text of a boolean",
            Err(_) => "a string that is not JSON",
        }
    };
    Err(Errors::from(crate::Error::IgotShape {
        document: PROFILE,
        path,
        found,
        expected,
    }))
}

/// The user's record in a user read response's `result`: its `response`, an object.
fn user_record(result: &Value) -> Result<&Value, Errors> {
    match result.get("response") {
        Some(record @ Value::Object(fields)) => {
            if fields.contains_key("content") && details_key(fields).is_none() {
                let expected = "one user's record (a user read response), not a user search's \
                                `content`";
                return Err(shape(PROFILE, "$.result.response", record, expected));
            }
            Ok(record)
        }
        Some(other) => Err(shape(
            PROFILE,
            "$.result.response",
            other,
            "a user's record",
        )),
        None => Err(shape(
            PROFILE,
            "$.result",
            result,
            "a user read response's `result`, holding `response`, or a profile registry \
             search's, holding `UserProfile`",
        )),
    }
}

/// The `competencies` of `map` (at `path`, to which `.competencies` is added when they are
/// there): `None` when absent or `null`.
fn competencies<'a>(
    map: &'a Map<String, Value>,
    path: &mut String,
    around: &mut Around<'a>,
) -> Result<Option<&'a [Value]>, Errors> {
    around.push((path.clone(), map, &["competencies"]));
    let Some(list) = map.get("competencies") else {
        return Ok(None);
    };
    path.push_str(".competencies");
    match list {
        Value::Array(list) => Ok(Some(list)),
        Value::Null => Ok(None),
        other => Err(shape(
            PROFILE,
            path,
            other,
            "an array of profile competencies",
        )),
    }
}
