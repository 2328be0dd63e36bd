//! Documents in and out: reading framework and officers documents, the ESCO and O*NET
//! loaders, and CASE 1.1 import and export.

use karmayogi::{
    CaseDocument, CaseExport, CaseExportReport, CaseImport, CaseImportReport, CasePackage,
    DocumentKind, Error, EscoCsv, FrameworkSpec, IgotReport, OfficerSpec, OfficersCsv,
    OfficersSpec, OnetCsv, load_esco, load_esco_report, load_kcm, load_officers, load_onet,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::failure::{Failure, Problem};
use crate::framework::Framework;
use crate::json::{Input, json_problem, output};
use crate::options;

/// Reads a framework document (an object or its JSON text) without validating it: checks
/// the version and the shape, and returns the document as the library reads it (defaults
/// filled in). `new Framework(spec)` does this and validates.
#[wasm_bindgen(js_name = parseFrameworkSpec, unchecked_return_type = "FrameworkSpec")]
pub fn parse_framework_spec(
    #[wasm_bindgen(unchecked_param_type = "FrameworkSpec | string")] json: &JsValue,
) -> Result<JsValue, Failure> {
    let spec: FrameworkSpec = Input::new(json, "framework")?.read(FrameworkSpec::from_json)?;
    output(&spec)
}

/// Reads an officers document (an object or its JSON text): checks the version and the
/// shape, and returns the document as the library reads it. Officers are checked against a
/// framework by `new Profile` and `new Cohort`.
#[wasm_bindgen(js_name = parseOfficers, unchecked_return_type = "OfficersSpec")]
pub fn parse_officers(
    #[wasm_bindgen(unchecked_param_type = "OfficersSpec | string")] json: &JsValue,
) -> Result<JsValue, Failure> {
    let doc: OfficersSpec = Input::new(json, "officers")?.read(OfficersSpec::from_json)?;
    output(&doc)
}

/// The named CSV texts of an object (`{officers, evidence}`, `{occupations, skills, ...}`),
/// read as options are: the object must be plain (a `Map`, whose entries are no keys, is
/// refused by what it is), each key is read once, and every problem is reported at once:
/// a key not in `keys` (a misspelt name, whose text would go unread), a symbol key, a getter
/// or Proxy trap that throws, a required text absent and a value that is no text. `keys`
/// are `(name, required)`; a nested object (`hierarchy`) is read with [`CsvTexts::object`].
/// O(keys).
struct CsvTexts {
    /// A prototype-less object of the values read, or `undefined`.
    values: JsValue,
    path: String,
    problems: Vec<Problem>,
}

impl CsvTexts {
    /// Opens `csv` at `path` (`""` for the argument itself), expected to be `expected`.
    fn open(csv: &JsValue, path: String, keys: &[(&str, bool)], expected: &str) -> CsvTexts {
        let mut texts = CsvTexts {
            values: JsValue::UNDEFINED,
            path,
            problems: Vec::new(),
        };
        let read = options::option_fields(csv);
        let found = options::field(&read, "found").as_string();
        if read.is_null() || found.is_some() {
            let found = found.unwrap_or_else(|| {
                if csv.is_null() {
                    "null".to_owned()
                } else if !options::option_items(csv).is_null() {
                    "an array".to_owned()
                } else {
                    csv.js_typeof().as_string().unwrap_or_default()
                }
            });
            let description = format!("expected {expected}, found {found}");
            texts.report(&texts.path.clone(), &description);
            return texts;
        }
        let names: Vec<String> = keys.iter().map(|(k, _)| format!("`{k}`")).collect();
        let thrown = options::field(&read, "thrown");
        for symbol in js_sys::Array::from(&options::field(&read, "symbols")).iter() {
            let symbol = symbol.as_string().unwrap_or_default();
            let description = format!(
                "unknown CSV text {symbol}, a symbol key (texts are named by strings), expected {}",
                names.join(", ")
            );
            texts.report(&texts.at(&symbol), &description);
        }
        for key in js_sys::Array::from(&options::field(&read, "keys")).iter() {
            let key = key.as_string().unwrap_or_default();
            if !keys.iter().any(|(k, _)| *k == key) {
                let description = format!(
                    "unknown CSV text {}, expected {}",
                    karmayogi::quoted(&key),
                    names.join(", ")
                );
                texts.report(&texts.at(&key), &description);
            } else if let Some(what) = options::field(&thrown, &key).as_string() {
                texts.report(&texts.at(&key), &what);
            }
        }
        texts.values = options::field(&read, "values");
        for (key, required) in keys {
            let value = texts.value(key);
            if *required && value.is_undefined() && options::field(&thrown, key).is_undefined() {
                let description = "expected the text of a CSV file, found undefined";
                texts.report(&texts.at(key), description);
            }
        }
        texts
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn report(&mut self, path: &str, description: &str) {
        let problem = json_problem("csv texts", false, path, 0, 0, description);
        self.problems.push(problem);
    }

    /// The value read at `key`; `undefined` when absent (or unread, reported already).
    fn value(&self, key: &str) -> JsValue {
        if self.values.is_undefined() {
            return JsValue::UNDEFINED;
        }
        options::field(&self.values, key)
    }

    /// The text at `key`: `None` when absent (a required one reported by `open`) or no
    /// text, reported.
    fn text(&mut self, key: &str) -> Option<String> {
        let value = self.value(key);
        if let Some(text) = value.as_string() {
            return Some(text);
        }
        if !value.is_undefined() {
            let found = if value.is_null() {
                "null".to_owned()
            } else {
                value.js_typeof().as_string().unwrap_or_default()
            };
            let description = format!("expected the text of a CSV file, found {found}");
            self.report(&self.at(key), &description);
        }
        None
    }

    /// The nested object of texts at `key`, its problems joined to these; `None` when
    /// absent, `undefined` or `null`.
    fn object(&mut self, key: &str, keys: &[(&str, bool)], expected: &str) -> Option<CsvTexts> {
        let value = self.value(key);
        if value.is_undefined() || value.is_null() {
            return None;
        }
        let mut inner = CsvTexts::open(&value, self.at(key), keys, expected);
        self.problems.append(&mut inner.problems);
        Some(inner)
    }

    /// `value` when no problem was found.
    fn done<T>(self, value: T) -> Result<T, Failure> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(Failure(self.problems))
        }
    }
}

/// Builds a framework document from the texts of the ESCO CSV files, in either layout (told
/// from the header of `occupations`): the official download as the European Commission
/// publishes it (`occupations_<lang>.csv`, `skills_<lang>.csv`,
/// `occupationSkillRelations.csv`; for the hierarchy `broaderRelationsSkillPillar.csv` and
/// `skillsHierarchy_<lang>.csv`), or the compact layout of the repository's `data/esco`.
/// Occupations become positions `occ-<id>` with one role, skills become competencies
/// `skill-<id>`, essential links level 3 and optional links level 2 (configurable). With
/// `hierarchy`, each competency sits in its skill groups.
///
/// Throws every malformed row, missing column, repeated key and unknown reference at once,
/// each naming the file, line, column and value; `loadEscoReport` sets relations naming an
/// unknown occupation or skill aside instead (the official v1.1.1 download has 67).
/// `Framework.fromEsco` builds the framework from the same texts without making objects
/// of the document (about twice as fast).
#[wasm_bindgen(js_name = loadEsco, unchecked_return_type = "FrameworkSpec")]
pub fn load_esco_js(
    #[wasm_bindgen(unchecked_param_type = "EscoCsv")] csv: &JsValue,
    options: Option<crate::args::EscoOptions>,
) -> Result<JsValue, Failure> {
    output(&esco_spec(csv, options)?)
}

/// What `loadEscoReport` built: the framework document, the relations set aside and the
/// notes.
#[derive(Serialize)]
struct EscoLoadOut<'a> {
    spec: &'a FrameworkSpec,
    set_aside: &'a [Error],
    notes: &'a [Error],
}

/// `loadEsco` that sets aside, and reports, each relation naming an occupation or skill
/// the files do not hold, rather than refusing the files for it (a release can name a
/// concept it no longer lists: the official v1.1.1 `occupationSkillRelations.csv` names a
/// withdrawn occupation 67 times). Returns the framework document and `set_aside`: one
/// `csv_unknown_reference` problem per unknown column of such a row (file, line, column,
/// id or URI, and the URI of the file it matches apart from a trailing slash or
/// `http`/`https` as `nearest`), in file order; and `notes`: a `lookalike_uris` problem
/// for each set of occupations or skills whose URIs differ only so, each read as its own
/// concept.
///
/// Throws what `loadEsco` throws, except those relations; an edge of the hierarchy naming
/// an unknown concept is still thrown.
///
/// Time and memory linear in the texts, plus sorting each occupation's requirements (and,
/// in the official layout, each file's URIs).
#[wasm_bindgen(js_name = loadEscoReport, unchecked_return_type = "EscoLoad")]
pub fn load_esco_report_js(
    #[wasm_bindgen(unchecked_param_type = "EscoCsv")] csv: &JsValue,
    options: Option<crate::args::EscoOptions>,
) -> Result<JsValue, Failure> {
    options::esco(options).then(|options| {
        let texts = EscoTexts::read(csv)?;
        let load = load_esco_report(&texts.csv(), options)?;
        output(&EscoLoadOut {
            spec: &load.spec,
            set_aside: &load.set_aside,
            notes: &load.notes,
        })
    })
}

/// The framework document the ESCO loader builds from the CSV texts of `csv`.
pub(crate) fn esco_spec(
    csv: &JsValue,
    options: Option<crate::args::EscoOptions>,
) -> Result<FrameworkSpec, Failure> {
    options::esco(options).then(|options| {
        let texts = EscoTexts::read(csv)?;
        Ok(load_esco(&texts.csv(), options)?)
    })
}

/// The texts of an `EscoCsv` object.
struct EscoTexts {
    occupations: String,
    skills: String,
    links: String,
    /// `skillBroader` and `skillGroups`, when `hierarchy` is given.
    tree: Option<(String, String)>,
}

impl EscoTexts {
    fn read(csv: &JsValue) -> Result<Self, Failure> {
        let keys = [
            ("occupations", true),
            ("skills", true),
            ("occupationSkills", true),
            ("hierarchy", false),
        ];
        let expected =
            "{occupations, skills, occupationSkills, hierarchy?} with the texts of the CSV files";
        let mut texts = CsvTexts::open(csv, String::new(), &keys, expected);
        let occupations = texts.text("occupations");
        let skills = texts.text("skills");
        let links = texts.text("occupationSkills");
        let tree_keys = [("skillBroader", true), ("skillGroups", true)];
        let tree_expected = "{skillBroader, skillGroups} with the texts of the CSV files";
        let tree = texts
            .object("hierarchy", &tree_keys, tree_expected)
            .map(|mut tree| (tree.text("skillBroader"), tree.text("skillGroups")));
        // The nested object's problems were joined to `texts` as it was read.
        let tree = match tree {
            None => None,
            Some((Some(broader), Some(groups))) => Some((broader, groups)),
            Some(_) => Some((String::new(), String::new())),
        };
        texts.done(EscoTexts {
            occupations: occupations.unwrap_or_default(),
            skills: skills.unwrap_or_default(),
            links: links.unwrap_or_default(),
            tree,
        })
    }

    fn csv(&self) -> EscoCsv<'_> {
        let texts = EscoCsv::new(&self.occupations, &self.skills, &self.links);
        match &self.tree {
            Some((broader, groups)) => texts.hierarchy(broader, groups),
            None => texts,
        }
    }
}

/// Builds a framework document from the texts of the O*NET CSV files (the layout of the
/// repository's `data/onet`): occupations with skill ratings become positions
/// `soc-<code>`, the rated skills competencies `onet-<element id>` at level ⌈LV × 5 / 7⌉,
/// task statements (optional) activities.
///
/// Throws every malformed row, missing column, repeated key, unknown reference and option
/// out of range at once.
#[wasm_bindgen(js_name = loadOnet, unchecked_return_type = "FrameworkSpec")]
pub fn load_onet_js(
    #[wasm_bindgen(unchecked_param_type = "OnetCsv")] csv: &JsValue,
    options: Option<crate::args::OnetOptions>,
) -> Result<JsValue, Failure> {
    options::onet(options).then(|options| {
        let keys = [
            ("occupations", true),
            ("elements", true),
            ("occupationSkillLevels", true),
            ("tasks", false),
        ];
        let expected =
            "{occupations, elements, occupationSkillLevels, tasks?} with the texts of the CSV files";
        let mut csv = CsvTexts::open(csv, String::new(), &keys, expected);
        let occupations = csv.text("occupations");
        let elements = csv.text("elements");
        let ratings = csv.text("occupationSkillLevels");
        let tasks = csv.text("tasks");
        let (occupations, elements, ratings) = csv.done((
            occupations.unwrap_or_default(),
            elements.unwrap_or_default(),
            ratings.unwrap_or_default(),
        ))?;
        let mut texts = OnetCsv::new(&occupations, &elements, &ratings);
        if let Some(tasks) = &tasks {
            texts = texts.tasks(tasks);
        }
        output(&load_onet(&texts, options)?)
    })
}

/// A KCM dictionary read: the framework document and the report of what was set aside.
#[derive(Serialize)]
struct KcmLoadOut<'a> {
    spec: &'a FrameworkSpec,
    report: &'a IgotReport,
}

/// Reads the iGOT Karmayogi Competency Model dictionary (an array or its JSON text, as in
/// the repository's `data/igot/kcm_competencies.json`: areas, their themes, the themes'
/// sub-themes; or the platform's flat export of it, one entry of `type`, `theme`,
/// `sub_theme` and their descriptions per sub-theme, read as the same dictionary with the
/// same ids) into a framework document of groups and competencies with ids `kcm:<area>/
/// <theme>/<sub-theme>`. With `{subThemes: "groups"}` the sub-themes become groups rather
/// than competencies. The report lists every node set aside and every note (a repeated
/// area or theme, a name with stray whitespace) by JSON path; nothing is dropped silently.
///
/// Throws `json` for malformed JSON or a repeated key, `igot_shape` when the top level is
/// not an array, `igot_unread_entries` for a list none of whose entries is an area or a
/// flat entry, `document_of_another_kind` for another iGOT export or a framework,
/// officers or CASE document.
///
/// Time and memory linear in the text.
#[wasm_bindgen(js_name = loadKcm, unchecked_return_type = "KcmLoad")]
pub fn load_kcm_js(
    #[wasm_bindgen(unchecked_param_type = "unknown[] | string")] json: &JsValue,
    options: Option<crate::args::KcmOptions>,
) -> Result<JsValue, Failure> {
    options::kcm(options).then(|options| {
        let input = Input::new(json, "kcm dictionary")?;
        let load = input.read_all(|text| load_kcm(text, options))?;
        output(&KcmLoadOut {
            spec: &load.value,
            report: &load.report,
        })
    })
}

/// A CASE import: the framework document and the report of what had no place in it.
#[derive(Serialize)]
struct CaseImportOut<'a> {
    spec: &'a FrameworkSpec,
    report: &'a CaseImportReport,
}

/// Imports a CASE 1.1 `CFPackage` (an object or its JSON text): `CFItem`s become
/// competencies or areas, rubric criterion levels level descriptors; the report lists by
/// identifier every association, element and field the framework has no place for.
///
/// Throws every structural problem of the package at once (missing document or
/// identifiers, duplicate identifiers, unknown nodes, `isChildOf` cycles, …), and
/// `document_of_another_kind` for a framework, officers or iGOT document, as an object or
/// as text alike.
#[wasm_bindgen(js_name = importCase, unchecked_return_type = "CaseImport")]
pub fn import_case(
    #[wasm_bindgen(unchecked_param_type = "CasePackage | string")] cfpackage: &JsValue,
    options: Option<crate::args::CaseImportOptions>,
) -> Result<JsValue, Failure> {
    options::case_import(options).then(|options| {
        let input = Input::new(cfpackage, "case package")?;
        // Text is a publisher's, read as `CasePackage::from_json` reads it; an object is the
        // package type's serde form, as `exportCase` gives it (a text starting with U+FDD0
        // held with one more in front), read back as serde reads it.
        // A document of another kind is named as `CasePackage::from_json` names it in text.
        let package: CasePackage = if input.given_as_text() {
            input.read(CasePackage::from_json)?
        } else {
            input.parse().map_err(|failure| {
                input
                    .other_kind(DocumentKind::CasePackage, "a CASE package")
                    .unwrap_or(failure)
            })?
        };
        let CaseImport { spec, report } = CaseImport::from_package(&package, options)?;
        output(&CaseImportOut {
            spec: &spec,
            report: &report,
        })
    })
}

/// Exports a framework's competency dictionary as a CASE 1.1 `CFPackage`, with name-based
/// UUIDs and the document's `lastChangeDateTime` on every element, so the same framework
/// always gives the same package.
///
/// A document identifier that is not a CASE UUID (a code, a URL) is written as the
/// version-5 UUID derived from it, in RFC 9562's URL namespace; `CFDocument.identifier` of
/// the result shows the one written.
///
/// Throws `case_invalid_identifier` (a blank document identifier, or one holding an
/// invisible character), `case_invalid_date_time` or `case_field_type` (a field written
/// back as given holding another type than CASE's: `version: 1.1` for `"1.1"`) for a bad
/// document,
/// `case_text_on_several_lines` for a document text CASE types as a normalized string
/// (title, creator, publisher, a subject, …), a name beside a description, a level name, or
/// an option's item type name or rubric title holding a tab or line break, and
/// `case_blank_area` for a competency whose area is blank.
#[wasm_bindgen(js_name = exportCase, unchecked_return_type = "CasePackage")]
pub fn export_case(
    framework: &Framework,
    #[wasm_bindgen(unchecked_param_type = "CaseDocument")] document: &JsValue,
    options: Option<crate::args::CaseExportOptions>,
) -> Result<JsValue, Failure> {
    case_export_args(document, options, |document, options| {
        output(&CasePackage::from_framework(
            &framework.inner,
            document,
            options,
        )?)
    })
}

/// Reads the arguments of `exportCase` and `exportCaseWithReport` alike, the document
/// first (a document of the wrong shape throws alone, the options unread), then calls
/// `export` with the document and the options read, as `options::Read::then` does.
fn case_export_args(
    document: &JsValue,
    options: Option<crate::args::CaseExportOptions>,
    export: impl FnOnce(&CaseDocument, &karmayogi::CaseExportOptions) -> Result<JsValue, Failure>,
) -> Result<JsValue, Failure> {
    let document: CaseDocument = Input::new(document, "case document")?.parse()?;
    options::case_export(options).then(|options| export(&document, options))
}

/// A CASE export: the package and the report of what it does not hold as given.
#[derive(Serialize)]
struct CaseExportOut<'a> {
    package: &'a CasePackage,
    report: &'a CaseExportReport,
}

/// Exports as `exportCase` does, with a report of everything of the framework and the
/// document the package does not hold as given: `left_out` lists activities, roles,
/// positions and courses (a CASE package holds competencies and groups only),
/// descriptions that show nothing, levels with nothing to write but their score, level
/// names written beside numbers and group rules, each with its kind, id, level (for a
/// level) and reason; `document` lists the document fields written otherwise (an
/// identifier replaced by a CASE UUID, a time stamp written in CASE's form, …). Each
/// entry's `message` shows its id escaped as error messages do.
///
/// Throws as `exportCase` does.
#[wasm_bindgen(js_name = exportCaseWithReport, unchecked_return_type = "CaseExport")]
pub fn export_case_with_report(
    framework: &Framework,
    #[wasm_bindgen(unchecked_param_type = "CaseDocument")] document: &JsValue,
    options: Option<crate::args::CaseExportOptions>,
) -> Result<JsValue, Failure> {
    case_export_args(document, options, |document, options| {
        let CaseExport { package, report } =
            CasePackage::from_framework_with_report(&framework.inner, document, options)?;
        output(&CaseExportOut {
            package: &package,
            report: &report,
        })
    })
}

/// The texts of an HR export: `officers` (required) and `evidence` (optional).
pub(crate) fn officers_csv(csv: &JsValue) -> Result<(String, Option<String>), Failure> {
    let keys = [("officers", true), ("evidence", false)];
    let expected = "{officers, evidence} with the texts of the CSV files";
    let mut texts = CsvTexts::open(csv, String::new(), &keys, expected);
    let officers = texts.text("officers");
    let evidence = texts.text("evidence");
    texts.done((officers.unwrap_or_default(), evidence))
}

/// What `loadOfficers` read: the officers, the warnings and the columns not read.
#[derive(Serialize)]
struct OfficersLoadOut<'a> {
    officers: &'a [OfficerSpec],
    warnings: &'a [Error],
    #[serde(rename = "columnsNotRead")]
    columns_not_read: &'a [karmayogi::ColumnNotRead],
    files: &'a [karmayogi::CsvFileRead],
}

/// Reads officers and their passbooks from the CSV texts of an HR export (`officers.csv`:
/// `id, department, position` and optional `name, target`; `evidence.csv`: `officer,
/// competency, level, source` and optional `date, verified, course`), checked against the
/// framework. Returns the officers in file order, the warnings (probable mistakes that
/// are not errors, each a `csv_row` problem naming the line and column) and the columns
/// whose header names no column of the format (`{file, column, header}`, column 1-based):
/// their cells were not read; and how each file was read (`files`: its delimiter, told
/// from the header unless given, and its optional cells read as missing).
///
/// Throws every problem at once, each naming the file, line and column: malformed CSV,
/// missing columns, invalid cells, repeated officers, unknown positions, officers,
/// competencies and courses (with the nearest known id), and passbook entries the
/// framework refuses (`csv_row` holding the `invalid_evidence` problem).
#[wasm_bindgen(js_name = loadOfficers, unchecked_return_type = "OfficersLoad")]
pub fn load_officers_js(
    framework: &Framework,
    #[wasm_bindgen(unchecked_param_type = "OfficersCsv")] csv: &JsValue,
    options: Option<crate::args::OfficersCsvOptions>,
) -> Result<JsValue, Failure> {
    options::officers_csv(options).then(|(options, _)| {
        let (officers, evidence) = officers_csv(csv)?;
        let mut texts = OfficersCsv::new(&officers);
        if let Some(evidence) = &evidence {
            texts = texts.evidence(evidence);
        }
        let load = load_officers(&framework.inner, &texts, options)?;
        output(&OfficersLoadOut {
            officers: &load.officers,
            warnings: &load.warnings,
            columns_not_read: &load.columns_not_read,
            files: &load.files,
        })
    })
}
