//! The competency tags of a course record, in the three generations the platform has
//! written: `competencies_v3` (FRAC era: an id and a level), `competencies_v5` and
//! `competencies_v6` (Karmayogi Competency Model: names, identifiers or ref ids).

use serde_json::{Map, Value};

use super::json::{Report, level, level_name, required_text};
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
                        IgotWhat::WrongType {
                            field: "competencySubThemeId",
                            found: json_type(other),
                            expected: "a whole number",
                        },
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
