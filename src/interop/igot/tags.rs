//! The competency tags of a course record, in the three generations the platform has
//! written: `competencies_v3` (FRAC era: an id and a level), `competencies_v5` and
//! `competencies_v6` (Karmayogi Competency Model: names, identifiers or ref ids).

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::json::{Report, level, level_name, parse, required_text};
use super::kcm::kcm_id;
use super::report::IgotWhat;
use crate::interop::case::huge;
use crate::interop::case::read::json_type;

/// Which fields of a KCM tag (`competencies_v5`, `competencies_v6`) name the competency in
/// [`load_igot_courses`](crate::load_igot_courses). FRAC-era tags (`competencies_v3`) always name it by `id`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KcmTagKey {
    /// The area, theme and sub-theme names, as the id [`load_kcm`](crate::load_kcm) gives
    /// the sub-theme ([`kcm_id`](crate::kcm_id)). The default.
    #[default]
    Names,
    /// The tag's own sub-theme identifier: `competencySubThemeIdentifier` of v6
    /// (`kcmfinal_fw_subtheme_<uuid>`) or `competencySubThemeId` of v5 (a whole number, as
    /// decimal text): for a framework whose competency ids are the platform's.
    Identifiers,
    /// The v6 ref id `competencySubThemeRefId` (`COMSUBTHEME-000243`); v5 tags, which have
    /// none, by their `competencySubThemeId`.
    RefIds,
}

/// What the course loader reads in a tag list, as its reports say.
const LIST: &str = "an array of tag objects, or JSON text of one";

/// The tags of tag list `field` (`competencies_v5`) of course `course` whose record is at
/// `path`, as the platform writes them: an array, or JSON text of one, which the
/// platform's own course page parses (`KB-iGOT/sunbird-cb-portal`,
/// `app-toc-single-page.component.ts`: a string is `JSON.parse`d), read as the list it
/// holds and noted ([`IgotWhat::TagsFromText`]), its tags named by their place in that
/// list (`$[0].competencies_v5[0]`). `None` when there are none to read: the
/// field absent, `null`, blank, or JSON text of `null`; or when it is set aside, reported
/// at `path.field`: text that is not JSON (malformed, a key repeated in an object, a
/// number nearer 0 than a double holds: [`IgotWhat::NotJson`] with the parser's message,
/// which places the fault in the text), JSON text of another value, or a value of another
/// type ([`IgotWhat::WrongType`]). The record is kept with its other lists (igot/35).
/// O(length of the list).
pub(super) fn tag_list<'v>(
    report: &mut Report,
    (path, course): (&str, &str),
    field: &'static str,
    value: Option<&'v Value>,
) -> Option<Cow<'v, [Value]>> {
    let at = format!("{path}.{field}");
    let found = match value {
        None | Some(Value::Null) => return None,
        Some(Value::Array(tags)) => return Some(Cow::Borrowed(tags)),
        Some(v @ Value::String(s)) if !huge::is_huge(v) => {
            let text = huge::unescape(s);
            if text.trim().is_empty() {
                return None;
            }
            match parse(text) {
                Ok(Value::Array(tags)) => {
                    report.note(&at, course, IgotWhat::TagsFromText { field });
                    return Some(Cow::Owned(tags));
                }
                Ok(Value::Null) => return None,
                Ok(Value::Object(_)) => "JSON text of an object",
                Ok(Value::String(_)) => "JSON text of a string",
                Ok(Value::Number(_)) => "JSON text of a number",
                Ok(Value::Bool(_)) => "JSON text of a boolean",
                Err(errors) => {
                    let error = errors
                        .0
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    report.set_aside(&at, course, IgotWhat::NotJson { field, error });
                    return None;
                }
            }
        }
        Some(other) => json_type(other),
    };
    let what = IgotWhat::WrongType {
        field,
        found,
        expected: LIST,
    };
    report.set_aside(&at, course, what);
    None
}

/// A tag read: the competency id it names, its level (none for KCM tags) and the level's
/// name written beside or instead of it (FRAC-era tags' `selectedLevelName`).
pub(super) struct Tag {
    pub(super) key: String,
    pub(super) level: Option<u64>,
    pub(super) name: Option<String>,
}

/// Reads tags into the report of the records they belong to.
pub(super) struct Tags<'r> {
    pub(super) report: &'r mut Report,
    /// The identifier of the course the tags belong to, which names every tag reported.
    pub(super) course: &'r str,
    /// Which fields name a KCM tag's competency.
    pub(super) key: KcmTagKey,
}

impl Tags<'_> {
    /// A FRAC-era tag: `id` at `selectedLevelLevel`, with the level's name
    /// `selectedLevelName` (trimmed; a blank one or a mark of a missing value is none).
    pub(super) fn v3(&mut self, path: &str, tag: &Map<String, Value>) -> Option<Tag> {
        self.report.ignore_others(
            "competencies_v3",
            tag,
            &["id", "selectedLevelLevel", "selectedLevelName"],
        );
        let name = level_name(self.report, (path, self.course), tag, "selectedLevelName");
        let key = self.needed(path, tag, "id")?;
        let level = match tag.get("selectedLevelLevel") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(v) => match level(v) {
                Ok(l) => Some(l),
                Err(found) => {
                    self.report.set_aside(
                        path,
                        self.course,
                        IgotWhat::UnreadableLevel {
                            field: "selectedLevelLevel",
                            found,
                        },
                    );
                    return None;
                }
            },
        };
        Some(Tag { key, level, name })
    }

    /// A KCM tag of v5: names, or the sub-theme's integer id.
    pub(super) fn v5(&mut self, path: &str, tag: &Map<String, Value>) -> Option<Tag> {
        self.report.ignore_others(
            "competencies_v5",
            tag,
            &[
                "competencyArea",
                "competencyTheme",
                "competencySubTheme",
                "competencySubThemeId",
                "competencyAreaId",
                "competencyThemeId",
                "competencyAreaDescription",
                "competencyThemeDescription",
                "competencySubThemeDescription",
                "competecnyThemeDescription",
                "competecnySubThemeDescription",
                "competencyThemeType",
            ],
        );
        let key = match self.key {
            KcmTagKey::Names => self.names(
                path,
                tag,
                ["competencyArea", "competencyTheme", "competencySubTheme"],
            )?,
            KcmTagKey::Identifiers | KcmTagKey::RefIds => match tag.get("competencySubThemeId") {
                Some(Value::Number(n)) => n.to_string(),
                Some(v @ Value::String(s)) if !s.trim().is_empty() && !huge::is_huge(v) => {
                    huge::unescape(s).to_owned()
                }
                None | Some(Value::Null) => {
                    self.report.set_aside(
                        path,
                        self.course,
                        IgotWhat::MissingField {
                            field: "competencySubThemeId",
                        },
                    );
                    return None;
                }
                Some(other) => {
                    self.report.set_aside(
                        path,
                        self.course,
                        IgotWhat::wrong_type("competencySubThemeId", other, "a whole number"),
                    );
                    return None;
                }
            },
        };
        Some(Tag {
            key,
            level: None,
            name: None,
        })
    }

    /// A KCM tag of v6: names, identifier or ref id.
    pub(super) fn v6(&mut self, path: &str, tag: &Map<String, Value>) -> Option<Tag> {
        self.report.ignore_others(
            "competencies_v6",
            tag,
            &[
                "competencyAreaName",
                "competencyThemeName",
                "competencySubThemeName",
                "competencyAreaIdentifier",
                "competencyThemeIdentifier",
                "competencySubThemeIdentifier",
                "competencyAreaRefId",
                "competencyThemeRefId",
                "competencySubThemeRefId",
                "competencyAreaDescription",
                "competencyThemeDescription",
                "competencySubThemeDescription",
                "competencyThemeType",
                "competencyThemeAdditionalProperties",
                "competencySubThemeAdditionalProperties",
            ],
        );
        let key = match self.key {
            KcmTagKey::Names => self.names(
                path,
                tag,
                [
                    "competencyAreaName",
                    "competencyThemeName",
                    "competencySubThemeName",
                ],
            )?,
            KcmTagKey::Identifiers => self.needed(path, tag, "competencySubThemeIdentifier")?,
            KcmTagKey::RefIds => self.needed(path, tag, "competencySubThemeRefId")?,
        };
        Some(Tag {
            key,
            level: None,
            name: None,
        })
    }

    /// The KCM id named by three name fields.
    fn names(
        &mut self,
        path: &str,
        tag: &Map<String, Value>,
        fields: [&'static str; 3],
    ) -> Option<String> {
        let mut names = Vec::with_capacity(3);
        for field in fields {
            names.push(self.needed(path, tag, field)?);
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Some(kcm_id(&names))
    }

    /// A text field the tag is keyed by, or `None` (set aside).
    fn needed(
        &mut self,
        path: &str,
        tag: &Map<String, Value>,
        field: &'static str,
    ) -> Option<String> {
        match required_text(tag, field) {
            Ok(s) => Some(s.to_owned()),
            Err(what) => {
                self.report.set_aside(path, self.course, what);
                None
            }
        }
    }
}
