//! Telling a JSON document's kind from its keys ([`DocumentKind::of_json`]), so that a
//! reader given a document of another kind names it and the reader that takes it
//! ([`Error::DocumentOfAnotherKind`]) rather than reporting its keys as unknown fields, or
//! setting every entry aside.

use serde_json::{Map, Value};

use crate::Error;
use crate::model::document_kind::DocumentKind;

impl DocumentKind {
    /// The kind of document `json` looks like, or `None` when it is not JSON or looks
    /// like none of them (a byte-order mark before it is skipped).
    ///
    /// Told from keys only, never from values beyond a node's `type`: an array is of a
    /// kind when it holds at least one entry and every entry is an object of that kind
    /// (an array holding one entry of another kind, or a non-object, is of none, so a
    /// real export with some bad entries is never taken for another; profile entries
    /// beside nodes of type `COMPETENCY` without a level, as the platform writes a
    /// profile, are a profile); an object is of a kind by the keys listed on each
    /// variant. A document holding `format_version` is a
    /// framework or officers document whatever else it holds, since no iGOT or CASE
    /// export writes that key.
    ///
    /// # Complexity
    /// O(n) time and memory in the length n of the text (it is parsed whole).
    ///
    /// # Example
    /// ```
    /// use karmayogi::DocumentKind;
    ///
    /// let officers = r#"{"format_version": 2, "officers": []}"#;
    /// assert_eq!(DocumentKind::of_json(officers), Some(DocumentKind::Officers));
    /// let master = r#"[{"id": "PID1", "name": "ACCOUNTANT", "description": "ACCOUNTANT"}]"#;
    /// assert_eq!(DocumentKind::of_json(master), Some(DocumentKind::PositionMaster));
    /// assert_eq!(DocumentKind::of_json("[]"), None);
    /// ```
    pub fn of_json(json: &str) -> Option<DocumentKind> {
        parsed(json).and_then(|doc| kind_of(&doc))
    }
}

/// The JSON value `json` holds, a byte-order mark before it skipped, or `None` when it is
/// not JSON: the one parse of every check of a text's kind. O(n) in the length n of the
/// text.
fn parsed(json: &str) -> Option<Value> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    serde_json::from_str(json).ok()
}

/// The kind of a parsed document (see [`DocumentKind::of_json`]).
pub(crate) fn kind_of(doc: &Value) -> Option<DocumentKind> {
    match doc {
        Value::Array(list) => list_kind(list),
        Value::Object(map) => object_kind(map),
        _ => None,
    }
}

/// `Err` with [`Error::DocumentOfAnotherKind`] when `doc` looks like a document of
/// another kind than `own`; `expected` names what the reader reads.
pub(crate) fn refuse_other_kind(
    doc: &Value,
    own: DocumentKind,
    expected: &'static str,
) -> Result<(), Error> {
    another_kind(kind_of(doc), own, expected).map_or(Ok(()), Err)
}

/// [`Error::DocumentOfAnotherKind`] when `kind`, a document's as [`kind_of`] tells it, is
/// a kind other than `own`; `expected` names what the reader reads.
fn another_kind(
    kind: Option<DocumentKind>,
    own: DocumentKind,
    expected: &'static str,
) -> Option<Error> {
    match kind {
        Some(found) if found != own => Some(Error::DocumentOfAnotherKind { expected, found }),
        _ => None,
    }
}

/// [`refuse_other_kind`] on a text that a reader failed to read: the error to give
/// instead of the reader's own, when the text is a document of another kind. Parses the
/// text again, so costs O(n) on the failure path only.
pub(crate) fn other_kind_error(
    json: &str,
    own: DocumentKind,
    expected: &'static str,
) -> Option<Error> {
    another_kind(kind_of(&parsed(json)?), own, expected)
}

/// [`other_kind_error`], or else, for a JSON object of no kind the crate reads holding
/// none of the fields of `own`'s documents, [`Error::DocumentOfNoKnownKind`] naming its
/// fields and the ones `own`'s documents need (framework and officers documents; `None`
/// for other kinds). Parses the text again, on the failure path only.
pub(crate) fn unread_kind_error(
    json: &str,
    own: DocumentKind,
    expected: &'static str,
) -> Option<Error> {
    let doc = parsed(json)?;
    let kind = kind_of(&doc);
    if let Some(error) = another_kind(kind, own, expected) {
        return Some(error);
    }
    // Besides `format_version`, which both hold.
    let (lists, needed): (&[&str], &[&'static str]) = match own {
        DocumentKind::Framework => (&FRAMEWORK_LISTS, &["format_version"]),
        DocumentKind::Officers => (&["officers"], &OFFICERS_FIELDS),
        _ => return None,
    };
    let map = doc.as_object()?;
    let own_field = |k: &str| k == "format_version" || lists.contains(&k);
    let no_kind = kind.is_none() && !map.keys().any(|k| own_field(k));
    no_kind.then(|| {
        let mut found: Vec<String> = map.keys().cloned().collect();
        found.sort_unstable();
        Error::DocumentOfNoKnownKind {
            expected,
            fields: found,
            missing: needed.to_vec(),
        }
    })
}

/// The top-level fields of an officers document, both needed.
const OFFICERS_FIELDS: [&str; 2] = ["format_version", "officers"];

/// The keys of a framework document's lists, its top-level fields beside `format_version`.
const FRAMEWORK_LISTS: [&str; 6] = [
    "competencies",
    "groups",
    "activities",
    "roles",
    "positions",
    "courses",
];

/// The keys of a CASE package and of its envelopes, compared ignoring ASCII case.
const CASE_KEYS: [&str; 8] = [
    "CFDocument",
    "CFItems",
    "CFAssociations",
    "CFDefinitions",
    "CFRubrics",
    "CFPackage",
    "CFPackages",
    "CFDocuments",
];

/// The node types of the FRAC service, compared ignoring ASCII case.
const FRAC_TYPES: [&str; 6] = [
    "POSITION",
    "ROLE",
    "ACTIVITY",
    "COMPETENCY",
    "COMPETENCIESLEVEL",
    "KNOWLEDGERESOURCE",
];

fn object_kind(map: &Map<String, Value>) -> Option<DocumentKind> {
    if map.contains_key("format_version") {
        return if map.contains_key("officers") {
            Some(DocumentKind::Officers)
        } else if FRAMEWORK_LISTS.iter().any(|k| map.contains_key(*k)) {
            Some(DocumentKind::Framework)
        } else {
            None
        };
    }
    let has = |key: &str| map.contains_key(key);
    let case = map
        .keys()
        .any(|k| CASE_KEYS.iter().any(|c| c.eq_ignore_ascii_case(k)));
    let list_of = |key: &str, kind: DocumentKind| match map.get(key) {
        Some(Value::Array(list)) => list_kind(list) == Some(kind),
        _ => false,
    };
    if case {
        Some(DocumentKind::CasePackage)
    } else if has("responseData") || entry_kind(map) == Some(DocumentKind::FracPositions) {
        Some(DocumentKind::FracPositions)
    } else if has("profileDetails")
        || has("profiledetails")
        || list_of("competencies", DocumentKind::IgotProfile)
        || user_read_response(map)
    {
        Some(DocumentKind::IgotProfile)
    } else if map.len() == 1 && map.get("positions").is_some_and(master_list) {
        Some(DocumentKind::PositionMaster)
    } else if map.len() == 1 && has("officers") {
        Some(DocumentKind::Officers)
    } else if entry_kind(map) == Some(DocumentKind::IgotCourses)
        || map
            .get("result")
            .is_some_and(|r| r.get("content").is_some() || r.get("count").is_some())
        || list_of("content", DocumentKind::IgotCourses)
    {
        Some(DocumentKind::IgotCourses)
    } else {
        None
    }
}

/// Whether `map` is a user read response of the platform: `result.response`, the user's
/// record, holding `profileDetails` (or `profiledetails`); or a profile registry search,
/// whose `result` holds `UserProfile`.
fn user_read_response(map: &Map<String, Value>) -> bool {
    let Some(result) = map.get("result") else {
        return false;
    };
    result.get("UserProfile").is_some()
        || result
            .get("response")
            .is_some_and(|u| u.get("profileDetails").is_some() || u.get("profiledetails").is_some())
}

/// Whether `positions`, the one key of an object, holds designations of the master list:
/// entries holding `id`, none of another kind nor holding a framework position's
/// `department` or `roles`. Other fields beside them (a `grade`) are the master list's
/// own, which its loader counts as ignored.
fn master_list(positions: &Value) -> bool {
    let Value::Array(list) = positions else {
        return false;
    };
    !list.is_empty()
        && list.iter().all(|entry| {
            entry.as_object().is_some_and(|e| {
                e.contains_key("id")
                    && !e.contains_key("department")
                    && !e.contains_key("roles")
                    && matches!(entry_kind(e), None | Some(DocumentKind::PositionMaster))
            })
        })
}

/// The kind every entry of `list` has, when it has at least one and they agree. The
/// platform writes each profile entry as a node of type `COMPETENCY`, so one without a
/// level field (set aside by the profile loader) does not make a profile another kind:
/// a list of profile entries and such nodes is a profile.
fn list_kind(list: &[Value]) -> Option<DocumentKind> {
    let mut kinds = list.iter().map(|v| v.as_object().and_then(entry_kind));
    let first = kinds.next()??;
    if kinds.all(|k| k == Some(first)) {
        return Some(first);
    }
    let mut profile = false;
    for entry in list {
        let entry = entry.as_object()?;
        match entry_kind(entry) {
            Some(DocumentKind::IgotProfile) => profile = true,
            Some(DocumentKind::FracPositions) if competency_node(entry) => {}
            _ => return None,
        }
    }
    profile.then_some(DocumentKind::IgotProfile)
}

/// Whether `entry` is a node of type `COMPETENCY`.
fn competency_node(entry: &Map<String, Value>) -> bool {
    matches!(entry.get("type"), Some(Value::String(t)) if t.trim().eq_ignore_ascii_case("COMPETENCY"))
}

/// The kind of export an object in a list belongs to, by its keys.
fn entry_kind(entry: &Map<String, Value>) -> Option<DocumentKind> {
    let has = |key: &str| entry.contains_key(key);
    let frac = match entry.get("type") {
        Some(Value::String(t)) => FRAC_TYPES.iter().any(|f| f.eq_ignore_ascii_case(t.trim())),
        _ => false,
    };
    // Profile entries carry `"type": "COMPETENCY"` too, as the platform writes them: the
    // level fields tell them from FRAC nodes.
    // The KCM nested (areas holding themes) or flat (one entry per sub-theme, as the
    // platform's `withidentifier_competencies.json` writes it).
    if has("competency_theme") || (has("theme") && has("sub_theme")) {
        Some(DocumentKind::KcmDictionary)
    } else if entry.keys().any(|k| {
        k.starts_with("competencySelfAttestedLevel")
            || k.starts_with("competencyCBPCompletionLevel")
    }) {
        Some(DocumentKind::IgotProfile)
    } else if frac {
        Some(DocumentKind::FracPositions)
    } else if has("identifier")
        && [
            "competencies_v3",
            "competencies_v5",
            "competencies_v6",
            "duration",
            "objectType",
        ]
        .iter()
        .any(|k| has(k))
    {
        Some(DocumentKind::IgotCourses)
    } else if has("id")
        && has("name")
        && entry
            .keys()
            .all(|k| ["id", "name", "description"].contains(&k.as_str()))
    {
        Some(DocumentKind::PositionMaster)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(json: &str) -> Option<DocumentKind> {
        DocumentKind::of_json(json)
    }

    #[test]
    fn kinds_are_told_from_keys() {
        use DocumentKind::*;
        assert_eq!(
            kind(r#"{"format_version": 2, "officers": []}"#),
            Some(Officers)
        );
        assert_eq!(kind(r#"{"officers": []}"#), Some(Officers));
        assert_eq!(
            kind(r#"{"format_version": 1, "roles": []}"#),
            Some(Framework)
        );
        assert_eq!(kind(r#"{"format_version": 1}"#), None);
        assert_eq!(kind(r#"{"cfDocument": {}}"#), Some(CasePackage));
        assert_eq!(kind(r#"{"responseData": []}"#), Some(FracPositions));
        assert_eq!(
            kind(r#"{"type": "Position", "id": "PID1"}"#),
            Some(FracPositions)
        );
        assert_eq!(kind(r#"[{"type": "functional"}]"#), None);
        assert_eq!(kind(r#"{"profileDetails": {}}"#), Some(IgotProfile));
        let profile = r#"[{"id": "CID1", "competencyCBPCompletionLevel": 2}]"#;
        assert_eq!(kind(profile), Some(IgotProfile));
        assert_eq!(
            kind(&format!(r#"{{"competencies": {profile}}}"#)),
            Some(IgotProfile)
        );
        let typed = r#"[{"type": "COMPETENCY", "id": "CID1", "competencySelfAttestedLevel": 4}]"#;
        assert_eq!(kind(typed), Some(IgotProfile));
        let with_node = r#"[{"type": "COMPETENCY", "id": "CID1", "competencySelfAttestedLevel": 4},
            {"type": "COMPETENCY", "id": "CID2"}]"#;
        assert_eq!(kind(with_node), Some(IgotProfile));
        let nodes = r#"[{"type": "COMPETENCY", "id": "CID2"}, {"type": "ROLE", "id": "RID1"}]"#;
        assert_eq!(kind(nodes), Some(FracPositions));
        let role =
            r#"[{"type": "ROLE", "id": "RID1"}, {"id": "CID1", "competencySelfAttestedLevel": 4}]"#;
        assert_eq!(kind(role), None);
        assert_eq!(
            kind(r#"{"positions": [{"id": "PID1"}]}"#),
            Some(PositionMaster)
        );
        assert_eq!(
            kind(r#"{"positions": [{"id": "PID1", "roles": []}]}"#),
            None
        );
        let graded = r#"{"positions": [{"id": "PID1", "grade": "B"}]}"#;
        assert_eq!(kind(graded), Some(PositionMaster));
        assert_eq!(kind(r#"[{"id": "PID1", "grade": "B"}]"#), None);
        // An entry holding only an id (an officer written without the rest) is no
        // designation: the master list names each.
        assert_eq!(kind(r#"[{"id": "PID1"}]"#), None);
        let named = r#"[{"id": "PID1", "name": "ACCOUNTANT"}]"#;
        assert_eq!(kind(named), Some(PositionMaster));
        assert_eq!(
            kind(r#"[{"identifier": "do_1", "duration": 60}]"#),
            Some(IgotCourses)
        );
        assert_eq!(
            kind(r#"{"identifier": "do_1", "objectType": "Course"}"#),
            Some(IgotCourses)
        );
        assert_eq!(kind(r#"{"result": {"content": []}}"#), Some(IgotCourses));
        // A content read response, and a search page on which nothing matched.
        assert_eq!(kind(r#"{"result": {"content": {}}}"#), Some(IgotCourses));
        assert_eq!(kind(r#"{"result": {"count": 0}}"#), Some(IgotCourses));
        // A user read response holding the user's profile.
        let user = r#"{"result": {"response": {"userId": "u1", "profileDetails": null}}}"#;
        assert_eq!(kind(user), Some(IgotProfile));
        assert_eq!(kind(r#"{"result": {"response": {"userId": "u1"}}}"#), None);
        assert_eq!(
            kind(r#"[{"name": "Behavioural", "competency_theme": []}]"#),
            Some(KcmDictionary)
        );
        // The flat KCM export, one entry per sub-theme.
        let flat = r#"[{"competency_id": "BEH-001", "type": "Behavioural",
            "theme": "Self-Awareness", "sub_theme": "Self-Analysis"}]"#;
        assert_eq!(kind(flat), Some(KcmDictionary));
        assert_eq!(kind(r#"[{"theme": "Self-Awareness"}]"#), None);
        // Mixed, empty or unknown entries are of no kind.
        assert_eq!(
            kind(r#"[{"id": "PID1"}, {"identifier": "do_1", "duration": 1}]"#),
            None
        );
        assert_eq!(kind(r#"[{"id": "PID1"}, 3]"#), None);
        assert_eq!(kind("[]"), None);
        assert_eq!(kind("{}"), None);
        assert_eq!(kind("[1"), None);
        assert_eq!(kind("\u{feff}{\"officers\": []}"), Some(Officers));
    }

    #[test]
    fn every_kind_is_described_with_its_readers() {
        use DocumentKind::*;
        for k in [
            Framework,
            Officers,
            CasePackage,
            KcmDictionary,
            IgotCourses,
            FracPositions,
            PositionMaster,
            IgotProfile,
        ] {
            assert!(k.description().contains('`'), "{k:?}");
            assert!(k.readers().starts_with('`'), "{k:?}");
            assert_eq!(k.to_string(), k.description());
        }
    }
}
