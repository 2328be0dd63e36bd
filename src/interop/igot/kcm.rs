//! The Karmayogi Competency Model dictionary (`competencies.json` of the platform's
//! services): areas → themes → sub-themes, names only.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::alike::KeptIds;
use super::json::{
    Report, parse, refuse_other_kinds, refuse_unread, required_text, shape, whitespace, written_id,
};
use super::report::{IgotLoad, IgotWhat};
use super::same_names::SameNames;
use crate::DocumentKind;
use crate::interop::case::huge;
use crate::model::quote::hidden;
use crate::{CompetencySpec, CompetencyType, Errors, FrameworkSpec, GroupKind, GroupSpec};

const DOCUMENT: &str = "kcm dictionary";

/// What the KCM's sub-themes become in [`load_kcm`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KcmSubThemes {
    /// Each sub-theme is a competency, in its theme's group: what the platform's KCM-era
    /// course tags and passbook name. Its type is its area's (Behavioural, Functional,
    /// Domain). The default.
    #[default]
    Competencies,
    /// Each sub-theme is a group of kind sub-theme, under its theme: for a framework whose
    /// own competencies (FRAC-era, or a department's domain competencies) are placed under
    /// the KCM's sub-themes.
    Groups,
}

/// Options for [`load_kcm`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KcmOptions {
    sub_themes: KcmSubThemes,
}

impl KcmOptions {
    /// What the sub-themes become (default [`KcmSubThemes::Competencies`]).
    pub fn sub_themes(mut self, sub_themes: KcmSubThemes) -> Self {
        self.sub_themes = sub_themes;
        self
    }
}

/// The id the KCM loaders give an area (`[area]`), a theme (`[area, theme]`) or a
/// sub-theme (`[area, theme, sub-theme]`): `kcm:` followed by the names as written, joined
/// by `/`, with `%` written `%25`, `/` written `%2F` and every hidden character (a control,
/// a whitespace character other than the space, a zero-width or other invisible
/// character, as [`Framework::new`](crate::Framework::new) refuses in ids) written as the
/// `%XX` of its UTF-8 bytes inside a name: a name copied from a spreadsheet with a
/// no-break space at its end (`U+00A0`, `%C2%A0`) gives an id that validates, and prints
/// apart from the name without it. Identity is the
/// whole path, never a name alone: the KCM has two sub-themes called "Research & Need
/// Analysis" under different themes, and they get two ids. Distinct paths always give
/// distinct ids (the escaping is reversible).
///
/// # Complexity
/// Linear in the names' total length.
///
/// # Example
/// ```
/// assert_eq!(
///     karmayogi::kcm_id(&["Functional", "Policy Architecture", "Policy design/ amendment"]),
///     "kcm:Functional/Policy Architecture/Policy design%2F amendment"
/// );
/// ```
pub fn kcm_id(names: &[&str]) -> String {
    let mut id = String::from("kcm:");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            id.push('/');
        }
        for ch in name.chars() {
            match ch {
                '%' => id.push_str("%25"),
                '/' => id.push_str("%2F"),
                other if hidden(other) => {
                    let mut bytes = [0; 4];
                    for b in other.encode_utf8(&mut bytes).bytes() {
                        // Writing to a `String` cannot fail.
                        let _ = write!(id, "%{b:02X}");
                    }
                }
                other => id.push(other),
            }
        }
    }
    id
}

/// The competency type of a KCM area, by name (any case, spaces around ignored).
pub(super) fn area_type(area: &str) -> Option<CompetencyType> {
    let a = area.trim();
    if a.eq_ignore_ascii_case("behavioural") || a.eq_ignore_ascii_case("behavioral") {
        Some(CompetencyType::Behavioural)
    } else if a.eq_ignore_ascii_case("functional") {
        Some(CompetencyType::Functional)
    } else if a.eq_ignore_ascii_case("domain") {
        Some(CompetencyType::Domain)
    } else {
        None
    }
}

/// Reads the Karmayogi Competency Model dictionary into a [`FrameworkSpec`] of groups
/// (and, by default, competencies), as `data/igot/kcm_competencies.json` holds it:
/// `[{"name": area, "competency_theme": [{"name": theme, "competency_sub_theme":
/// [names]}]}]`; or as the platform's flat export of it holds it, one entry per
/// sub-theme: `[{"competency_id": "BEH-001", "type": area, "theme": theme,
/// "theme_description": text, "sub_theme": name, "sub_theme_description": text}]`
/// (`KB-iGOT/cbp-ai-service` `data/withidentifier_competencies.json`, from the same
/// repository as the nested file; igot/33). The two are one dictionary: the flat file's
/// `type` is the area (Behavioural, Functional), its `theme` the theme and its
/// `sub_theme` the sub-theme, under the same names, so a flat entry gives the very ids
/// the nested file gives (the sub-theme is the competency, as the KCM-era course tags and
/// passbook name it), and the descriptions it adds are kept: `theme_description` as the
/// theme group's, `sub_theme_description` as the competency's (or sub-theme group's).
/// Its `competency_id`, the service's own serial number, is not the competency's id (ids
/// are the path, so that both files and the course tags name a sub-theme alike), but it
/// is read and kept against the sub-theme it names: an id naming a second sub-theme
/// ([`IgotWhat::IdOfAnother`](crate::IgotWhat::IdOfAnother), the first one's id given)
/// and a sub-theme named by a second id ([`IgotWhat::Conflict`](crate::IgotWhat::Conflict)
/// on `competency_id`; the first is kept) are noted at the entry's `competency_id`
/// (igot/41); one of another type than text is noted as such and not read. An entry is
/// read as flat when it holds `theme` and no `name`; what it sets aside of its own, its
/// sub-theme (repeated, or of an area without a type), is reported at its `sub_theme`
/// (`$[3].sub_theme`), as its area and theme are kept (igot/38).
///
/// - each area becomes a group of kind area, `kcm:{area}`;
/// - each theme a group of kind theme, `kcm:{area}/{theme}`, under its area;
/// - each sub-theme a competency `kcm:{area}/{theme}/{sub-theme}` in its theme's group,
///   typed by its area, or a group of kind sub-theme under its theme
///   ([`KcmSubThemes::Groups`]). Names are kept as written; ids follow [`kcm_id`], so
///   sub-themes of the same name under different themes stay distinct.
///
/// The spec has no positions or courses: add the department's FRAC mapping and the course
/// catalogue (see [`load_igot_courses`](crate::load_igot_courses)) before building it.
///
/// Set aside, each reported: an area, theme or sub-theme without a name, or whose name is
/// not a string or blank (with what it holds; a flat entry named by its
/// `competency_id`); an area whose `competency_theme`, or a theme whose
/// `competency_sub_theme`, is not an array, whole: no group is made of it, so that it is
/// absent from the result as the report says; a sub-theme repeating one of its theme's
/// (same id); in competency mode, each sub-theme of an area that is not Behavioural,
/// Functional or Domain, by its own path and id (the area's and themes' groups are
/// kept). Noted: an area or theme of the nested file listed twice (read as one; the flat
/// file repeats them on every entry, which is not noted), a theme the flat file
/// describes otherwise than before ([`IgotWhat::Conflict`](crate::IgotWhat::Conflict),
/// `theme_description`; the first is kept), a name with
/// stray whitespace (kept as written), and a name that differs from an earlier one of its
/// theme (or area, or of the areas) only in whitespace, `" Self-Analysis"` after
/// `"Self-Analysis"` ([`IgotWhat::SameNameApartFromWhitespace`](crate::IgotWhat::SameNameApartFromWhitespace)
/// naming the earlier id): the two are different ids, both kept, as the position master
/// list keeps two designations so named (igot/19). Ids, made of the names, that differ
/// only in letter case or are one text in two Unicode forms (`"Self-Analysis"` and
/// `"self-analysis"` under one theme) are kept apart, each after the first noted with the
/// whole set ([`IgotWhat::LookalikeIds`](crate::IgotWhat::LookalikeIds),
/// [`IgotWhat::EquivalentIds`](crate::IgotWhat::EquivalentIds)), as the other loaders
/// note such ids (igot/28). Fields other than `name`, `competency_theme` and
/// `competency_sub_theme` (of a flat entry, other than those above) are counted as
/// ignored.
///
/// # Errors
/// [`Error::Json`](crate::Error::Json) for malformed JSON or a repeated key;
/// [`Error::DocumentOfAnotherKind`](crate::Error::DocumentOfAnotherKind) for a document
/// of another kind: another iGOT export, or a framework, officers or CASE document (see
/// [`DocumentKind::of_json`](crate::DocumentKind::of_json); a list is of another kind
/// only when every entry is, so an export with some bad entries is read, and they are
/// reported);
/// course records among them (igot/13);
/// [`Error::IgotShape`](crate::Error::IgotShape) when the top level is not an array;
/// [`Error::IgotUnreadEntries`](crate::Error::IgotUnreadEntries) when it holds entries
/// and none is an object holding a field of either shape (igot/33): a document of
/// another shape never loads as an empty dictionary. `[]` is an empty one.
///
/// # Complexity
/// Linear in the text.
///
/// # Example
/// ```
/// use karmayogi::{KcmOptions, load_kcm};
///
/// let json = r#"[{"name": "Functional", "competency_theme": [
///   {"name": "Policy Architecture", "competency_sub_theme": ["Research & Need Analysis"]},
///   {"name": "Government Program Formulation",
///    "competency_sub_theme": ["Research & Need Analysis"]}]}]"#;
/// let kcm = load_kcm(json, &KcmOptions::default())?;
/// let ids: Vec<&str> = kcm.value.competencies.iter().map(|c| c.id.as_str()).collect();
/// assert_eq!(ids, [
///     "kcm:Functional/Policy Architecture/Research & Need Analysis",
///     "kcm:Functional/Government Program Formulation/Research & Need Analysis",
/// ]);
/// assert!(kcm.report.set_aside.is_empty());
/// # Ok::<(), karmayogi::Errors>(())
/// ```
pub fn load_kcm(json: &str, options: &KcmOptions) -> Result<IgotLoad<FrameworkSpec>, Errors> {
    let doc = parse(json)?;
    refuse_other_kinds(&doc, DocumentKind::KcmDictionary, "the iGOT KCM dictionary")?;
    let Value::Array(entries) = &doc else {
        return Err(shape(DOCUMENT, "$", &doc, "an array of areas"));
    };
    refuse_unread(DOCUMENT, "$", entries, &[&AREA[..], &FLAT[..]].concat())?;
    let mut kcm = Kcm {
        options,
        report: Report::default(),
        spec: FrameworkSpec::new(),
        seen: HashMap::new(),
        competencies: HashSet::new(),
        names: SameNames::default(),
        ids: KeptIds::default(),
        serials: HashMap::new(),
        serial_of: HashMap::new(),
    };
    for (a, entry) in entries.iter().enumerate() {
        let path = format!("$[{a}]");
        match entry.as_object() {
            None => {
                let what = IgotWhat::wrong_type("area", entry, "an object");
                kcm.report.set_aside(&path, "", what);
            }
            // An entry of the flat export names its theme; an area holds its themes.
            Some(record) if !record.contains_key("name") && record.contains_key("theme") => {
                kcm.flat(&path, record);
            }
            Some(record) => kcm.area(&path, record),
        }
    }
    kcm.ids.note_alike_names(&mut kcm.report);
    Ok(IgotLoad {
        value: kcm.spec,
        report: kcm.report.finish(),
    })
}

/// The fields of an area of the nested dictionary.
const AREA: [&str; 2] = ["name", "competency_theme"];
/// The fields of an entry of the flat export, one per sub-theme
/// (`withidentifier_competencies.json`).
const FLAT: [&str; 6] = [
    "competency_id",
    "type",
    "theme",
    "theme_description",
    "sub_theme",
    "sub_theme_description",
];

/// The dictionary being read.
struct Kcm<'a> {
    options: &'a KcmOptions,
    report: Report,
    spec: FrameworkSpec,
    /// Group id → its index in `spec.groups`, to read an area or theme listed twice as one.
    seen: HashMap<String, usize>,
    /// The sub-theme competency ids made so far.
    competencies: HashSet<String>,
    /// The names kept, by the area (areas), area id (themes) or theme id (sub-themes)
    /// they are under, to note those that differ only in whitespace.
    names: SameNames,
    /// The ids of the groups and competencies kept, to note those that look alike.
    ids: KeptIds,
    /// The flat export's `competency_id` → the sub-theme id it first named.
    serials: HashMap<String, String>,
    /// Sub-theme id → the flat export's `competency_id` first naming it.
    serial_of: HashMap<String, String>,
}

impl Kcm<'_> {
    /// One area of the nested dictionary and its themes. An area whose
    /// `competency_theme` is not an array is set aside whole, and no group made of it.
    fn area(&mut self, path: &str, record: &Map<String, Value>) {
        self.report.ignore_others("area", record, &AREA);
        let name = match required_text(record, "name") {
            Ok(n) => n,
            Err(what) => {
                self.report.set_aside(path, "", what);
                return;
            }
        };
        let area_id = kcm_id(&[name]);
        let themes = match record.get("competency_theme") {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(t)) => t,
            Some(other) => {
                let what = IgotWhat::wrong_type("competency_theme", other, "an array");
                self.report.set_aside(path, &area_id, what);
                return;
            }
        };
        self.group(
            path,
            "",
            GroupSpec {
                kind: GroupKind::Area,
                ..GroupSpec::new(area_id.clone(), name)
            },
        );
        for (t, theme) in themes.iter().enumerate() {
            let path = format!("{path}.competency_theme[{t}]");
            self.theme(&path, name, &area_id, theme);
        }
    }

    /// One theme of the area `area` and its sub-themes. A theme whose
    /// `competency_sub_theme` is not an array is set aside whole, and no group made of it.
    fn theme(&mut self, path: &str, area: &str, area_id: &str, theme: &Value) {
        let Some(record) = theme.as_object() else {
            self.report
                .set_aside(path, "", IgotWhat::wrong_type("theme", theme, "an object"));
            return;
        };
        self.report
            .ignore_others("theme", record, &["name", "competency_sub_theme"]);
        let theme_name = match required_text(record, "name") {
            Ok(n) => n,
            Err(what) => {
                self.report.set_aside(path, "", what);
                return;
            }
        };
        let theme_id = kcm_id(&[area, theme_name]);
        let subs = match record.get("competency_sub_theme") {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(s)) => s,
            Some(other) => {
                let what = IgotWhat::wrong_type("competency_sub_theme", other, "an array");
                self.report.set_aside(path, &theme_id, what);
                return;
            }
        };
        self.group(
            path,
            area_id,
            GroupSpec {
                kind: GroupKind::Theme,
                parents: vec![area_id.into()],
                ..GroupSpec::new(theme_id.clone(), theme_name)
            },
        );
        for (s, sub) in subs.iter().enumerate() {
            let path = format!("{path}.competency_sub_theme[{s}]");
            let sub_name = match sub {
                Value::String(n) if !n.trim().is_empty() && !huge::is_huge(sub) => {
                    huge::unescape(n)
                }
                Value::String(_) if !huge::is_huge(sub) => {
                    self.report
                        .set_aside(&path, "", IgotWhat::Blank { field: "sub-theme" });
                    continue;
                }
                other => {
                    self.report.set_aside(
                        &path,
                        "",
                        IgotWhat::wrong_type("sub-theme", other, "a string"),
                    );
                    continue;
                }
            };
            self.sub_theme(&path, [area, theme_name], &theme_id, sub_name, "");
        }
    }

    /// One entry of the flat export: its area (`type`), theme and sub-theme, made as the
    /// nested dictionary makes them, with the descriptions it gives. The area and theme,
    /// which every entry of theirs repeats, are made once; a theme described otherwise
    /// than before is noted.
    fn flat(&mut self, path: &str, record: &Map<String, Value>) {
        self.report.ignore_others("entry", record, &FLAT);
        let mut names = [""; 3];
        for (name, field) in names.iter_mut().zip(["type", "theme", "sub_theme"]) {
            match required_text(record, field) {
                Ok(n) => *name = n,
                Err(what) => {
                    let id = written_id(record, "competency_id");
                    self.report.set_aside(path, &id, what);
                    return;
                }
            }
        }
        let [area, theme, sub] = names;
        let (area_id, theme_id) = (kcm_id(&[area]), kcm_id(&[area, theme]));
        let at = (path, theme_id.as_str());
        let theme_text =
            (self.report).optional_text(at, record, "theme_description", "theme_description");
        let sub_id = kcm_id(&[area, theme, sub]);
        let at = (path, sub_id.as_str());
        let sub_text = (self.report).optional_text(
            at,
            record,
            "sub_theme_description",
            "sub_theme_description",
        );
        if !self.seen.contains_key(&area_id) {
            let group = GroupSpec::new(area_id.clone(), area);
            self.group(
                path,
                "",
                GroupSpec {
                    kind: GroupKind::Area,
                    ..group
                },
            );
        }
        let theme_text = theme_text.unwrap_or("");
        match self.seen.get(&theme_id) {
            Some(&at) => {
                if !theme_text.trim().is_empty() && self.spec.groups[at].description != theme_text {
                    let what = IgotWhat::Conflict {
                        field: "theme_description",
                    };
                    self.report.note(path, &theme_id, what);
                }
            }
            None => self.group(
                path,
                &area_id,
                GroupSpec {
                    kind: GroupKind::Theme,
                    parents: vec![area_id.clone().into()],
                    description: theme_text.to_owned(),
                    ..GroupSpec::new(theme_id.clone(), theme)
                },
            ),
        }
        let at = (path, sub_id.as_str());
        let serial = (self.report).optional_text(at, record, "competency_id", "competency_id");
        if let Some(serial) = serial.filter(|s| !s.trim().is_empty()) {
            self.serial(path, serial, &sub_id);
        }
        // What a flat entry sets aside of its own is the sub-theme it names (its area and
        // theme are made, or were made before): reported at `sub_theme`.
        let path = format!("{path}.sub_theme");
        self.sub_theme(&path, [area, theme], &theme_id, sub, sub_text.unwrap_or(""));
    }

    /// The flat export's `competency_id` (`BEH-001`) of entry `path`, naming sub-theme
    /// `sub_id`: kept with the first sub-theme it names, and each sub-theme with the first
    /// id naming it, so that an id naming two sub-themes
    /// ([`IgotWhat::IdOfAnother`]) and a sub-theme named by two ids
    /// ([`IgotWhat::Conflict`] on `competency_id`) are noted at the entry's
    /// `competency_id`, as a FRAC node met again with another name is. O(length).
    fn serial(&mut self, path: &str, serial: &str, sub_id: &str) {
        let at = format!("{path}.competency_id");
        match self.serials.get(serial) {
            Some(first) if first != sub_id => {
                let what = IgotWhat::IdOfAnother {
                    field: "competency_id",
                    other: first.clone(),
                };
                self.report.note(&at, serial, what);
            }
            Some(_) => {}
            None => {
                self.serials.insert(serial.to_owned(), sub_id.to_owned());
            }
        }
        match self.serial_of.get(sub_id) {
            Some(first) if first != serial => {
                let what = IgotWhat::Conflict {
                    field: "competency_id",
                };
                self.report.note(&at, sub_id, what);
            }
            Some(_) => {}
            None => {
                self.serial_of.insert(sub_id.to_owned(), serial.to_owned());
            }
        }
    }

    /// Sub-theme `name` of theme `theme_id` (named `area`, `theme`), described by
    /// `description`: a competency typed by its area, or a group of kind sub-theme. Set
    /// aside when it repeats one of its theme's, or, as a competency, when its area is not
    /// Behavioural, Functional or Domain (each such sub-theme named, its area's groups
    /// kept).
    fn sub_theme(
        &mut self,
        path: &str,
        [area, theme]: [&str; 2],
        theme_id: &str,
        name: &str,
        description: &str,
    ) {
        let id = kcm_id(&[area, theme, name]);
        let kind = area_type(area);
        let competency = self.options.sub_themes == KcmSubThemes::Competencies;
        if competency && kind.is_none() {
            let what = IgotWhat::UnknownArea {
                area: area.to_owned(),
            };
            self.report.set_aside(path, &id, what);
            return;
        }
        if let Some(kinds) = whitespace(name) {
            self.report.note(path, &id, IgotWhat::Whitespace { kinds });
        }
        let repeated = if competency {
            !self.competencies.insert(id.clone())
        } else {
            self.seen.contains_key(&id)
        };
        if repeated {
            self.report.set_aside(path, &id, IgotWhat::DuplicateId);
            return;
        }
        self.names
            .note(&mut self.report, (path, &id), theme_id, name);
        self.ids.remember(path, &id);
        match kind {
            Some(kind) if competency => self.spec.competencies.push(CompetencySpec {
                groups: vec![theme_id.into()],
                description: description.to_owned(),
                ..CompetencySpec::new(id, name, kind)
            }),
            _ => {
                self.seen.insert(id.clone(), self.spec.groups.len());
                self.spec.groups.push(GroupSpec {
                    kind: GroupKind::SubTheme,
                    parents: vec![theme_id.into()],
                    description: description.to_owned(),
                    ..GroupSpec::new(id, name)
                });
            }
        }
    }

    /// Adds a group under `scope` (the area's id for a theme, empty for an area), or notes
    /// it when its id was met before (its contents are then read under the first); notes
    /// stray whitespace in its name, and a name of the scope's that differs only in
    /// whitespace.
    fn group(&mut self, path: &str, scope: &str, group: GroupSpec) {
        let id = group.id.to_string();
        if let Some(kinds) = whitespace(&group.name) {
            self.report.note(path, &id, IgotWhat::Whitespace { kinds });
        }
        if self.seen.contains_key(&id) {
            self.report.note(path, &id, IgotWhat::Repeated);
            return;
        }
        self.names
            .note(&mut self.report, (path, &id), scope, &group.name);
        self.ids.remember(path, &id);
        self.seen.insert(id, self.spec.groups.len());
        self.spec.groups.push(group);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::kcm_id;

    /// The inverse of [`kcm_id`]: the names back from an id.
    fn names(id: &str) -> Vec<String> {
        id.strip_prefix("kcm:")
            .unwrap_or_default()
            .split('/')
            .map(|n| {
                let mut bytes = Vec::new();
                let mut rest = n.as_bytes();
                while let Some((&b, tail)) = rest.split_first() {
                    if b == b'%' {
                        let hex = std::str::from_utf8(&tail[..2]).expect("two hex digits");
                        bytes.push(u8::from_str_radix(hex, 16).expect("hex"));
                        rest = &tail[2..];
                    } else {
                        bytes.push(b);
                        rest = tail;
                    }
                }
                String::from_utf8(bytes).expect("UTF-8")
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Distinct paths give distinct ids: every id decodes back to its names.
        #[test]
        fn ids_decode_to_their_names(
            path in prop::collection::vec("[a/%2F5 \u{a0}\u{200b}\t\u{feff}é]{0,6}", 1..4)
        ) {
            let refs: Vec<&str> = path.iter().map(String::as_str).collect();
            let id = kcm_id(&refs);
            prop_assert!(!crate::model::quote::has_hidden(&id), "{:?}", id);
            prop_assert_eq!(names(&id), path);
        }
    }
}
