//! Officers' profile competencies (FRAC era): the level each officer declared, and the
//! level the platform raised as they passed courses' assessments.

use serde_json::Value;

use super::alike::KeptIds;
use super::json::{
    Report, level, level_by_name, level_name, parse, refuse_other_kinds, refuse_unread,
    required_text, written_id,
};
use super::report::{IgotLoad, IgotWhat};
use super::responses;
use crate::DocumentKind;
use crate::interop::case::huge;
use crate::model::level::{name_alone, name_then_number};
use crate::model::missing::is_missing;
use crate::{Errors, Evidence, EvidenceSource};

const DOCUMENT: &str = "igot profile competencies";
const KNOWN: &[&str] = &[
    "id",
    "competencySelfAttestedLevelValue",
    "competencySelfAttestedLevel",
    "competencyCBPCompletionLevel",
    "competencyCBPCompletionLevelValue",
    "competencySelfAttestedLevelName",
    "competencyCBPCompletionLevelName",
];

/// Reads an officer's profile competencies (`profileDetails.competencies` of the
/// platform's user record) into passbook [`Evidence`], each with the source that matches
/// how the platform recorded it.
///
/// The document is the `competencies` array, an object holding it (`profileDetails`), a
/// user record holding `profileDetails`, or a user read response (`user/v1/read`,
/// `user/private/v1/read` of Sunbird's user service, as iGOT serves it:
/// `{"id": "api.user.read", …, "result": {"response": {<user record>}}}`, the record the
/// platform's own portal reads at `result.response.profileDetails`; igot/36), or a search
/// of the FRAC-era profile registry, `{"id": "open-saber.registry.search", …, "result":
/// {"UserProfile": [{<user record>}]}}`, which the platform's network hub service
/// (`sunbird-cb/sunbird-cb-network`, `ProfileRequestHandler`: a registry search of entity
/// type `UserProfile` by user id, its record read at `result.UserProfile[0]`) answers and
/// its old portal read the user's competencies from
/// (`result.UserProfile[0].competencies`): the record's own `competencies` (or its
/// `profileDetails`) are read, and noted ([`IgotWhat::ProfileFromRegistry`]); a list of no
/// record or of several is refused, as one officer's profile is read (igot/39). A
/// `profileDetails` or `profiledetails` written as JSON text, as the platform stores it in
/// the `profiledetails` column of its user table (`sunbird-cb/sunbird-core-dataproducts`
/// reads it there with `from_json`), is read as the object it holds and noted
/// ([`IgotWhat::ObjectFromText`]). A user record
/// whose `profileDetails` is absent or `null`, or holds no `competencies` (or `null`
/// there), as most users' records do, has none: an empty load, its keys counted ignored.
/// Per entry (its `id` is the competency's):
/// - the **self-attested** level, `competencySelfAttestedLevelValue` (`Level N`), or when
///   that is absent or unreadable `competencySelfAttestedLevel` (the platform writes a
///   level number there, or the level node's id, which is no level) → evidence from
///   [`EvidenceSource::SelfDeclared`];
/// - the **CBP-completion** level, `competencyCBPCompletionLevel` (a number), or
///   `competencyCBPCompletionLevelValue` (`Level N`) → evidence from
///   [`EvidenceSource::Assessment`]: the platform raises it, as a running maximum, to the
///   level a course tags when the officer passes its assessment and the certificate is
///   issued. The profile keeps no course, so it is not a course completion (which names
///   one).
///
/// Both are undated (the profile records no date: [`LevelPolicy::undated`](crate::LevelPolicy::undated)
/// decides whether they count) and verified (the source already says who vouched for
/// them: by default a [`LevelPolicy`](crate::LevelPolicy) counts the assessment-raised
/// level and not the declared one, and `self_declared(true)` reproduces the platform's gap,
/// which uses the declared level). A level may be written `Level N` (or as a label, `LN`,
/// `Lvl-N`, `Level_N`), `N` (also `N.0`,
/// `N.00` or `N,0`, as spreadsheet exports write a whole number, and the JSON number
/// `N.0`), or by its name (`Proficient`, or a competency's own name such as `Reconciles`
/// or `Foundation 2`), kept as a level given by name only ([`Evidence::LEVEL_BY_NAME`]
/// with the name in [`Evidence::level_name`]) and read by the competency's own names
/// where the passbook meets a framework, as a JSON passbook's `"level": "Proficient"` is
/// (igot/07); beside a name field holding another name, a default name (Basic … Ustad)
/// is read as its number and noted ([`IgotWhat::LevelFromName`]), the name field kept
/// beside it to be checked against it (at that field's path,
/// `$[0].competencySelfAttestedLevel`). Any other fraction (`4.5`), a sign (`-0`), an
/// exponent (`4e0`) or a FRAC level node's id (`CLID33`) is a level that cannot be read.
///
/// The level's name the platform writes beside each level
/// (`competencySelfAttestedLevelName`, `competencyCBPCompletionLevelName`) is kept in
/// [`Evidence::level_name`]: wherever the passbook meets a framework it must be the
/// competency's own name of that level, else
/// [`EvidenceProblem::LevelNameMismatch`](crate::EvidenceProblem::LevelNameMismatch)
/// names the officer and entry; a name without a level is a level given by name only
/// ([`Evidence::LEVEL_BY_NAME`]), read by the competency's own names there. A name that
/// marks a missing value (`N/A`, `null`, `-`) is none, so it is neither checked against
/// the level beside it nor read as a level, and the passbook's JSON reads back
/// (igot/08).
///
/// Set aside, each reported: an entry that is not an object or lacks an `id`; a level that
/// cannot be read, or above 5, at the path of the field that holds it
/// (`$[0].competencySelfAttestedLevelValue`), as only that level is set aside and the
/// entry's other kind of level is still read; an entry that gives no level kept (neither
/// level, or each it gives set aside) at its own path (`$[0]`, [`IgotWhat::NoLevel`]),
/// after its fields: so a report's path tells a dropped entry (its own path) from a kept
/// one whose field was set aside (igot/38). Noted, at the path of the field it is about
/// (igot/42): the second field of a
/// level holding another level than the field read ([`IgotWhat::LevelsDisagree`]:
/// `competencySelfAttestedLevel` `"2"` beside `competencySelfAttestedLevelValue`
/// `"Level 3"` keeps 3 and says so at `$[0].competencySelfAttestedLevel`), and a field
/// before the one read holding a level that cannot be read
/// ([`IgotWhat::UnreadableLevel`]); an entry whose `id`
/// repeats an earlier entry's ([`IgotWhat::Repeated`], at the later entry): both are read,
/// so their levels are evidence side by side (the level policy counts the highest that
/// counts) and [`Framework::review_officers`](crate::Framework::review_officers) names two
/// that disagree. A level's name of another type than text
/// (`competencyCBPCompletionLevelName: 5`) is not read, and noted
/// ([`IgotWhat::WrongType`]); an id with stray whitespace (`" CID9 "`,
/// [`IgotWhat::IdWhitespace`]) and ids that differ only in letter case or whitespace
/// around them ([`IgotWhat::LookalikeIds`]) are noted, each entry read under its id as
/// written (igot/26). The other fields (names, descriptions, `osid`, …) are counted as
/// ignored, and so are the keys around the entries (a user record's other fields,
/// `profileDetails.personalDetails`), by their paths.
///
/// # Errors
/// [`Error::Json`](crate::Error::Json) for malformed JSON or a repeated key;
/// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) for a document
/// of another kind: another iGOT export, or a framework, officers or CASE document (see
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json); a list is of another kind
/// only when every entry is, so an export with some bad entries is read, and they are
/// reported);
/// a framework's `competencies` (igot/10) and the position master list (igot/14) are no
/// profile's; [`Error::IgotShape`](crate::Error::IgotShape) for a document that is none
/// of the shapes above, at its top level or in the response or record around the entries
/// (a `result` without a `response` object; a user search's `result.response`, which
/// holds several users in `content`; a registry search's `result.UserProfile` holding no
/// record, several, or one that is not an object; a `profileDetails` or `competencies` of
/// another type; a `profileDetails` written as text that is not JSON, or JSON text of
/// another value than an object, the error saying what the text holds); [`Error::IgotUnreadEntries`](crate::Error::IgotUnreadEntries) for a list holding entries none of which is an
/// object holding `id` or a level field (igot/33), which would otherwise load as an
/// empty profile. `[]` is a profile with no competencies: an empty load.
///
/// # Complexity
/// Linear in the text.
///
/// # Example
/// ```
/// use karmayogi::{EvidenceSource, load_igot_profile};
///
/// let json = r#"{"competencies": [{"id": "CID9", "name": "Government accounts",
///   "competencySelfAttestedLevel": "CLID31", "competencySelfAttestedLevelValue": "Level 3",
///   "competencyCBPCompletionLevel": "2", "competencyCBPCompletionLevelValue": "Level 2"}]}"#;
/// let load = load_igot_profile(json)?;
/// let read: Vec<(EvidenceSource, u8)> = load.value.iter().map(|e| (e.source, e.level)).collect();
/// assert_eq!(read, [(EvidenceSource::SelfDeclared, 3), (EvidenceSource::Assessment, 2)]);
/// # Ok::<(), karmayogi::Errors>(())
/// ```
pub fn load_igot_profile(json: &str) -> Result<IgotLoad<Vec<Evidence>>, Errors> {
    let mut doc = parse(json)?;
    refuse_other_kinds(&doc, DocumentKind::IgotProfile, "iGOT profile competencies")?;
    let mut report = Report::default();
    responses::details_from_text(&mut doc, &mut report)?;
    let (entries, base) = responses::profile_competencies(&doc, &mut report)?;
    refuse_unread(DOCUMENT, &base, entries, KNOWN)?;
    let mut evidence = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut kept = KeptIds::default();
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let Some(entry) = entry.as_object() else {
            report.set_aside(
                &path,
                "",
                IgotWhat::wrong_type("competency", entry, "an object"),
            );
            continue;
        };
        report.ignore_others("competency", entry, KNOWN);
        let id = match required_text(entry, "id") {
            Ok(id) => id,
            Err(what) => {
                report.set_aside(&path, &written_id(entry, "id"), what);
                continue;
            }
        };
        if seen.insert(id) {
            kept.keep(&mut report, &path, id);
        } else {
            // Both entries' levels are read: a repeat or a contradiction shows here.
            report.note(&path, id, IgotWhat::Repeated);
        }
        let pairs = [
            (
                EvidenceSource::SelfDeclared,
                [
                    "competencySelfAttestedLevelValue",
                    "competencySelfAttestedLevel",
                ],
                "competencySelfAttestedLevelName",
            ),
            (
                EvidenceSource::Assessment,
                [
                    "competencyCBPCompletionLevel",
                    "competencyCBPCompletionLevelValue",
                ],
                "competencyCBPCompletionLevelName",
            ),
        ];
        // Whether the entry gives a level that is kept.
        let mut kept_one = false;
        for (source, fields, name_field) in pairs {
            let name = level_name(&mut report, (&path, id), entry, name_field);
            // A level written as a name (`"Proficient"`, `"Reconciles"`) is given by name
            // only, as a JSON passbook keeps it: read by the competency's own names where
            // the passbook meets a framework. Beside a name field holding another name,
            // the level is read as before, so that the two are checked against each other.
            let written = level_name_written(entry, fields);
            let name = match (written, name) {
                (Some(w), None) => Some(w.to_owned()),
                (Some(w), Some(n)) if w.to_lowercase() == n.to_lowercase() => Some(w.to_owned()),
                (_, name) => name,
            };
            let by_name = written.is_some() && written == name.as_deref();
            let read = if by_name {
                Read::Level(Evidence::LEVEL_BY_NAME)
            } else {
                match read_level(&mut report, &path, id, entry, fields) {
                    // The level's name alone: read by the competency's own names where the
                    // passbook meets a framework.
                    Read::Absent if name.is_some() => Read::Level(Evidence::LEVEL_BY_NAME),
                    read => read,
                }
            };
            match read {
                Read::Absent | Read::SetAside => {}
                Read::Level(level) => {
                    kept_one = true;
                    evidence.push(Evidence {
                        competency: id.into(),
                        level,
                        level_name: name.clone(),
                        source,
                        date: String::new(),
                        verified: true,
                        course: None,
                    });
                }
            }
        }
        // The entry is dropped only when it gives no level at all: then it is set aside
        // at its own path, after the reasons of the fields set aside (each at its own
        // path), so that a report tells a kept entry from a dropped one.
        if !kept_one {
            report.set_aside(&path, id, IgotWhat::NoLevel);
        }
    }
    kept.note_alike(&mut report);
    Ok(IgotLoad {
        value: evidence,
        report: report.finish(),
    })
}

/// The name the first of `fields` that holds a level gives when it is written as a
/// level's name (`"Proficient"`, a competency's own `"Reconciles"`, or one holding a
/// number, `"Foundation 2"`), trimmed, as [`read_level`] takes the first field it can
/// read: `None` when a field before it reads as a number. A name is text that reads as no
/// level's number (`Level N`, `N`, `N.0`), nor a number with a name (`3 - Advanced`), nor
/// a float, nor a mark of a missing value, nor a FRAC node's id (`CLID33`: one word with a
/// digit, as the platform writes the level node in `competencySelfAttestedLevel`).
/// O(length).
fn level_name_written<'a>(
    entry: &'a serde_json::Map<String, Value>,
    fields: [&'static str; 2],
) -> Option<&'a str> {
    for field in fields {
        let Some(value) = entry.get(field) else {
            continue;
        };
        if level(value).is_ok() {
            return None;
        }
        let Some(text) = huge::text(value).map(str::trim) else {
            continue;
        };
        let id_like =
            !text.contains(char::is_whitespace) && text.contains(|c: char| c.is_ascii_digit());
        if !id_like && !is_missing(text) && (name_alone(text) || name_then_number(text)) {
            return Some(text);
        }
    }
    None
}

enum Read {
    Absent,
    SetAside,
    Level(u8),
}

/// One kind of level from the first of `fields` that holds a readable one; set aside when
/// one holds something and none is readable, or the one read is above 5: reported at that
/// field's path (`$[0].competencySelfAttestedLevelValue`), as only the field is set aside
/// (the entry's other kind of level may still be kept).
fn read_level(
    report: &mut Report,
    path: &str,
    id: &str,
    entry: &serde_json::Map<String, Value>,
    fields: [&'static str; 2],
) -> Read {
    let mut unreadable: Option<(&'static str, String)> = None;
    for field in fields {
        let value = match entry.get(field) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) if s.trim().is_empty() => continue,
            Some(v) => v,
        };
        let read = match level(value) {
            Ok(l) => Ok(l),
            Err(found) => match huge::text(value).and_then(level_by_name) {
                Some(l) => {
                    report.note(
                        &format!("{path}.{field}"),
                        id,
                        IgotWhat::LevelFromName {
                            name: found,
                            level: l,
                        },
                    );
                    Ok(u64::from(l))
                }
                None => Err(found),
            },
        };
        match read {
            Ok(l) if l <= 5 => {
                // A field read before it held something unreadable: kept, and said.
                if let Some((field, found)) = unreadable {
                    let at = format!("{path}.{field}");
                    report.note(&at, id, IgotWhat::UnreadableLevel { field, found });
                }
                // A field after it holding another level: the first is kept, and said.
                for other in fields.into_iter().skip_while(|&f| f != field).skip(1) {
                    if let Some(Ok(other_level)) = entry.get(other).map(level)
                        && other_level != l
                    {
                        report.note(
                            &format!("{path}.{other}"),
                            id,
                            IgotWhat::LevelsDisagree {
                                kept: field,
                                level: l as u8,
                                other,
                                other_level: u8::try_from(other_level).unwrap_or(u8::MAX),
                            },
                        );
                    }
                }
                return Read::Level(l as u8);
            }
            Ok(l) => {
                report.set_aside(
                    &format!("{path}.{field}"),
                    id,
                    IgotWhat::LevelOutOfRange {
                        level: l,
                        min: 0,
                        max: 5,
                    },
                );
                return Read::SetAside;
            }
            Err(found) => {
                unreadable.get_or_insert((field, found));
            }
        }
    }
    match unreadable {
        None => Read::Absent,
        Some((field, found)) => {
            let at = format!("{path}.{field}");
            report.set_aside(&at, id, IgotWhat::UnreadableLevel { field, found });
            Read::SetAside
        }
    }
}
