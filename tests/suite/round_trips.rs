//! Every framework and passbook the repository holds, written by the crate and read back:
//! each CASE package and reduced case that imports, each framework JSON file (the cases',
//! the examples'), and the frameworks the ESCO, O*NET and iGOT loaders build from the real
//! data. For each framework, CASE export → import → export gives the same package byte
//! for byte and the same dictionary (competencies, areas and groups, level descriptors,
//! scale bounds), and the framework JSON writer and reader give the same spec and text;
//! for each passbook file, the officers JSON writer and reader give the same officers.
//!
//! Failures are gathered over all inputs and reported at once, each naming its file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use karmayogi::{
    CaseDocument, CaseExportOptions, CaseIds, CaseImport, CaseImportOptions, CaseLeftOutReason,
    CaseLevelRule, CasePackage, CompetencySpec, Error, EscoCsv, EscoOptions, FracOptions,
    Framework, FrameworkSpec, GroupKind, KcmOptions, Level, OfficersSpec, OnetCsv, OnetOptions,
    load_esco, load_frac_positions, load_kcm, load_onet,
};

use crate::support::json_files;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn name(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A level descriptor as `(level, name, level name, description)`.
type Descriptor = (u8, Option<String>, Option<String>, String);

/// A competency with its area read as the area group it stands for, its groups and
/// levels sorted: what a dictionary holds, whatever the order of its lists.
#[derive(Debug, PartialEq)]
struct Competency {
    name: String,
    description: String,
    kind: String,
    groups: BTreeSet<String>,
    levels: Vec<Descriptor>,
    bounds: (Option<u8>, Option<u8>),
}

/// A group as `(name, description, kind, parents)`.
type Group = (String, String, String, BTreeSet<String>);

/// The dictionary of a spec, normalised: an `area` is the group `area:NAME` of kind area
/// named `NAME`, as CASE export writes it and import reads it back.
#[derive(Debug, PartialEq)]
struct Dictionary {
    competencies: BTreeMap<String, Competency>,
    groups: BTreeMap<String, Group>,
}

/// Blank text as empty: export omits blank text (case/10, case/80), which holds nothing:
/// whitespace, and the invisible characters the inputs here hold (zero-width space,
/// joiners, word joiner, byte-order mark).
fn text(t: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
    if t.chars().all(|c| c.is_whitespace() || invisible(c)) {
        String::new()
    } else {
        t.to_owned()
    }
}

/// `c` of `framework` normalised; its scale bounds are the ones the framework reads
/// (an unset `max_level` is the highest described level, so `max_level: 3` over levels
/// 1 to 3 and none at all are the same scale).
fn competency(
    framework: &Framework,
    c: &CompetencySpec,
    groups: &mut BTreeMap<String, Group>,
) -> Competency {
    let mut member: BTreeSet<String> = c.groups.iter().map(|g| g.as_str().to_owned()).collect();
    if let Some(area) = &c.area {
        let id = format!("area:{area}");
        groups.entry(id.clone()).or_insert_with(|| {
            let kind = format!("{:?}", GroupKind::Area);
            (area.clone(), String::new(), kind, BTreeSet::new())
        });
        member.insert(id);
    }
    let mut levels: Vec<Descriptor> = (c.levels.iter())
        .map(|l| {
            let name = |t: &Option<String>| t.clone();
            (
                l.level,
                name(&l.name),
                name(&l.level_name),
                text(&l.description),
            )
        })
        // A level described by blank text alone is undescribed once exported.
        .filter(|(_, name, _, description)| name.is_some() || !description.is_empty())
        .collect();
    levels.sort();
    Competency {
        name: c.name.clone(),
        description: text(&c.description),
        kind: format!("{:?}", c.kind),
        groups: member,
        levels,
        bounds: (
            framework.min_level(c.id.as_str()).map(Level::get),
            framework.max_level(c.id.as_str()).map(Level::get),
        ),
    }
}

fn dictionary(framework: &Framework) -> Dictionary {
    let spec = framework.to_spec();
    let mut groups: BTreeMap<String, Group> = (spec.groups.iter())
        .map(|g| {
            let parents = g.parents.iter().map(|p| p.as_str().to_owned()).collect();
            let kind = format!("{:?}", g.kind);
            (
                g.id.as_str().to_owned(),
                (g.name.clone(), text(&g.description), kind, parents),
            )
        })
        .collect();
    let competencies = (spec.competencies.iter())
        .map(|c| {
            (
                c.id.as_str().to_owned(),
                competency(framework, c, &mut groups),
            )
        })
        .collect();
    Dictionary {
        competencies,
        groups,
    }
}

/// Where one input's round trips differ, with its name.
type Faults = Vec<String>;

/// CASE export → import → export of `framework` with `document`: the two packages must
/// be the same text and the dictionaries the same. Export may refuse only text CASE
/// types as a `NormalizedString` written on several lines (case/58), or, for a `document`
/// an import read and reported incomplete (`document_reported`), the document itself.
fn case_round_trip(
    what: &str,
    framework: &Framework,
    document: &CaseDocument,
    (document_reported, import): (bool, &CaseImportOptions),
    faults: &mut Faults,
) {
    let options = CaseExportOptions::default();
    let first = match CasePackage::from_framework_with_report(framework, document, &options) {
        Ok(p) => p,
        Err(e) => {
            let by_design = |e: &Error| match e {
                Error::CaseTextOnSeveralLines { .. } => true,
                _ => document_reported,
            };
            if !e.iter().all(by_design) {
                faults.push(format!("{what}: export refused: {e}"));
            }
            return;
        }
    };
    let text = first.package.to_json();
    let back = match CaseImport::from_json(&text, import) {
        Ok(b) => b,
        Err(e) => return faults.push(format!("{what}: own export refused: {e}")),
    };
    if !back.report.is_complete() {
        faults.push(format!(
            "{what}: own export imported incomplete: {:?}",
            back.report
        ));
    }
    let rebuilt = match Framework::new(back.spec) {
        Ok(f) => f,
        Err(e) => return faults.push(format!("{what}: own export does not build: {e}")),
    };
    let (mut before, after) = (dictionary(framework), dictionary(&rebuilt));
    // The name written beside a level's number, which the export reports (case/82), is
    // the one part of the dictionary CASE has no place for.
    for left in &first.report.left_out {
        if left.reason == CaseLeftOutReason::LevelName
            && let Some(c) = before.competencies.get_mut(&left.id)
        {
            for d in c.levels.iter_mut().filter(|d| Some(d.0) == left.level) {
                d.2 = None;
            }
        }
    }
    if before != after {
        faults.push(format!(
            "{what}: dictionary differs after a CASE round trip:\n  {before:?}\n  {after:?}"
        ));
    }
    match CasePackage::from_framework(&rebuilt, &back.report.document, &options) {
        Ok(second) if second.to_json() == text => {}
        Ok(second) => faults.push(format!(
            "{what}: second CASE export differs:\n{}",
            first_difference(&text, &second.to_json())
        )),
        Err(e) => faults.push(format!("{what}: second export refused: {e}")),
    }
}

/// The first line where two texts differ, from each.
fn first_difference(a: &str, b: &str) -> String {
    let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
    match line {
        Some(n) => format!(
            "  line {n}: {:?}\n  line {n}: {:?}",
            a.lines().nth(n).unwrap(),
            b.lines().nth(n).unwrap()
        ),
        None => format!(
            "  {} lines against {}",
            a.lines().count(),
            b.lines().count()
        ),
    }
}

/// Framework JSON write → read → write: the same spec and text.
fn json_round_trip(what: &str, framework: &Framework, faults: &mut Faults) {
    let spec = framework.to_spec();
    let text = spec.to_json();
    match Framework::from_json(&text) {
        Ok(back) if back.to_spec() == spec && back.to_spec().to_json() == text => {}
        Ok(back) => faults.push(format!(
            "{what}: framework JSON round trip differs:\n{}",
            first_difference(&text, &back.to_spec().to_json())
        )),
        Err(e) => faults.push(format!("{what}: own framework JSON refused: {e}")),
    }
}

/// A document export accepts.
fn document() -> CaseDocument {
    CaseDocument::new(
        "d0000000-0000-4000-8000-0000000000aa",
        "Round trip",
        "Board",
        "2024-01-01T00:00:00Z",
    )
}

fn both_round_trips(what: &str, framework: &Framework, faults: &mut Faults) {
    let import = CaseImportOptions::default();
    case_round_trip(what, framework, &document(), (false, &import), faults);
    json_round_trip(what, framework, faults);
}

fn report(faults: &Faults, checked: usize, at_least: usize) {
    assert!(checked >= at_least, "only {checked} inputs checked");
    assert!(
        faults.is_empty(),
        "{} of {checked} round trips differ:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// Runs `check` on the text of every `.json` file under `dirs`, gathering faults; `check`
/// says whether the file was one it round-trips. At least `at_least` files must be.
fn over_files(
    dirs: &[&str],
    at_least: usize,
    mut check: impl FnMut(&str, &str, &mut Faults) -> bool,
) {
    let mut faults = Faults::new();
    let mut checked = 0;
    for path in dirs.iter().flat_map(|d| json_files(d)) {
        if check(&name(&path), &read(&path), &mut faults) {
            checked += 1;
        }
    }
    report(&faults, checked, at_least);
}

/// Every CASE package of the repository that imports (the real ones in `tests/data/case/`
/// and the reduced cases in `tests/data/cases/case/`): its framework through CASE export
/// and import again, with the document the import read and with one export accepts, and
/// through framework JSON.
#[test]
fn every_case_package_that_imports_round_trips() {
    let dirs = ["tests/data/case", "tests/data/cases/case"];
    over_files(&dirs, 50, |what, text, faults| {
        let mut imported = false;
        let rules = [
            CaseLevelRule::Score,
            CaseLevelRule::Rank,
            CaseLevelRule::Proportional { top: 7 },
        ];
        let ids = [CaseIds::Identifier, CaseIds::HumanCodingScheme];
        let each = rules.iter().flat_map(|r| ids.map(|i| (r.clone(), i)));
        for (rule, ids) in each {
            let options = CaseImportOptions::default()
                .ids(ids)
                .level_rule(rule.clone());
            let Ok(import) = CaseImport::from_json(text, &options) else {
                continue;
            };
            let Ok(framework) = Framework::new(import.spec) else {
                continue;
            };
            let what = format!("{what} ({ids:?}, {rule:?})");
            let document = &import.report.document;
            let reported = !import.report.is_complete();
            case_round_trip(&what, &framework, document, (reported, &options), faults);
            both_round_trips(&what, &framework, faults);
            imported = true;
        }
        imported
    });
}

/// Every framework JSON file of the repository that builds (the cases', the examples',
/// the ones CASE cases hold as frameworks): through CASE and through framework JSON.
#[test]
fn every_framework_file_that_builds_round_trips() {
    let dirs = ["tests/data/cases", "tests/data/case", "examples/data"];
    over_files(&dirs, 30, |what, text, faults| {
        let Ok(framework) = Framework::from_json(text) else {
            return false;
        };
        both_round_trips(what, &framework, faults);
        true
    });
}

/// Every passbook file that reads: officers JSON write → read → write gives the same
/// officers and text.
#[test]
fn every_officers_file_that_reads_round_trips() {
    over_files(
        &["tests/data", "examples/data"],
        10,
        |what, text, faults| {
            let Ok(officers) = OfficersSpec::from_json(text) else {
                return false;
            };
            let written = officers.to_json();
            match OfficersSpec::from_json(&written) {
                Ok(back) if back == officers && back.to_json() == written => {}
                Ok(back) => faults.push(format!(
                    "{what}: officers JSON round trip differs:\n{}",
                    first_difference(&written, &back.to_json())
                )),
                Err(e) => faults.push(format!("{what}: own officers JSON refused: {e}")),
            }
            true
        },
    );
}

fn data(path: &str) -> String {
    read(&root().join(path))
}

/// The frameworks the loaders build from real data: ESCO (the whole of `data/esco` and
/// the reduced case), O*NET (`data/onet`), the KCM dictionary and the FRAC positions of
/// iGOT; through CASE and through framework JSON.
#[test]
fn frameworks_from_real_data_round_trip() {
    let mut faults = Faults::new();
    let mut specs: Vec<(&str, FrameworkSpec)> = Vec::new();
    let (occupations, skills, links) = (
        data("data/esco/occupations.csv"),
        data("data/esco/skills.csv"),
        data("data/esco/occupation_skills.csv"),
    );
    let esco = EscoCsv::new(&occupations, &skills, &links);
    specs.push((
        "data/esco",
        load_esco(&esco, &EscoOptions::default()).unwrap(),
    ));
    let (occupations, elements, levels, tasks) = (
        data("data/onet/occupations.csv"),
        data("data/onet/elements.csv"),
        data("data/onet/occupation_skill_levels.csv"),
        data("data/onet/tasks.csv"),
    );
    let onet = OnetCsv::new(&occupations, &elements, &levels).tasks(&tasks);
    specs.push((
        "data/onet",
        load_onet(&onet, &OnetOptions::default()).unwrap(),
    ));
    let kcm = load_kcm(
        &data("data/igot/kcm_competencies.json"),
        &KcmOptions::default(),
    );
    specs.push(("data/igot/kcm_competencies.json", kcm.unwrap().value));
    let frac = load_frac_positions(
        &data("tests/data/igot/frac_positions.json"),
        &FracOptions::default(),
    );
    specs.push(("tests/data/igot/frac_positions.json", frac.unwrap().value));
    let checked = specs.len();
    for (what, spec) in specs {
        match Framework::new(spec) {
            Ok(framework) => both_round_trips(what, &framework, &mut faults),
            Err(e) => faults.push(format!("{what}: does not build: {e}")),
        }
    }
    report(&faults, checked, 4);
}
