//! Every writer's output reads back: `FrameworkSpec::try_to_json`,
//! `OfficersSpec::try_to_json` and `Framework::to_spec` on values built directly, not
//! through a reader: hours that are NaN, infinite, negative, `-0.0`, huge or subnormal;
//! empty, blank, whitespace-only and very long text; control and invisible characters and
//! lone combining marks; ids repeated, differing only in case or in Unicode normalisation;
//! levels 0, 255 and `LEVEL_BY_NAME` with odd names; dates at the ends of their range;
//! empty lists; every optional field absent and present; format versions the crate does
//! and does not read.
//!
//! Equality is the readers' own: a level's name is compared trimmed (the readers trim it,
//! and `Framework::new` compares names trimmed), and a level given by name only whose name
//! reads as a number (`"3"`, `"L3"`, `"3 - Advanced"`) comes back as that number with the
//! name beside it, which is what the readers read the name as; every other field comes
//! back exactly. A writer either gives text that reads back so, or refuses with errors
//! that name the entity (by its id, as written) and the path of the field.

use karmayogi::{
    Cohort, CompetencySpec, CompetencyType, CourseOutcome, CourseSpec, Error, Evidence,
    EvidenceSource, Framework, FrameworkSpec, GroupRule, GroupSpec, Level, LevelDescriptor,
    LevelPolicy, Mode, OfficerSpec, OfficersCsv, OfficersCsvOptions, OfficersSpec, Profile,
    RequirementSpec, RoleSpec, load_officers,
};
use proptest::prelude::*;

const BY_NAME: u8 = RequirementSpec::LEVEL_BY_NAME;

/// Text as people and programs write it, and as they should not.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_owned()),
        Just("\t\n ".to_owned()),
        Just("Noting and drafting".to_owned()),
        Just("Right to Information\u{200F}".to_owned()),
        Just("zero\u{200B}width".to_owned()),
        Just("nul\u{0}bell\u{7}".to_owned()),
        Just("\u{0301}".to_owned()),
        Just("caf\u{00E9}".to_owned()),
        Just("cafe\u{0301}".to_owned()),
        Just("\u{FDD0}mark".to_owned()),
        Just("\u{FEFF}bom".to_owned()),
        Just("line\r\nbreak".to_owned()),
        (1usize..2000).prop_map(|n| "Procurement ".repeat(n)),
    ]
}

/// Ids: plain, in another case, in another normalisation, padded, hidden characters.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("rti".to_owned()),
        Just("RTI".to_owned()),
        Just("caf\u{00E9}".to_owned()),
        Just("cafe\u{0301}".to_owned()),
        Just("rti ".to_owned()),
        Just("r\u{200B}ti".to_owned()),
        Just(String::new()),
        Just("drafting".to_owned()),
    ]
}

/// Level names: none, a level's own, padded, holding a number, marking a missing value,
/// blank, a number alone, a lone combining mark, in brackets or starting with what may
/// stand between a number and a name, with no letter (digits, punctuation, a number
/// that reads as a level, `4` or `IV` beside another level).
fn level_name() -> impl Strategy<Value = Option<String>> {
    const NAMES: [&str; 45] = [
        "Advanced",
        " Advanced ",
        "Foundation 2",
        "Level 3",
        "3 - Advanced",
        "Advanced (3)",
        "L3",
        "3",
        "7",
        "N/A",
        "-",
        "NaN",
        "3.25",
        "",
        " ",
        "\u{0301}",
        "Band 1",
        "(Advanced)",
        "- Works alone",
        "((Senior))",
        "(Senior",
        "Senior)",
        "[x] Leads",
        ": Leads | guides",
        "\u{2013} Leads",
        "Works alone",
        // No letter, or a level's number of its own.
        "1/2",
        "***",
        "4",
        "0",
        "IV",
        "(3)",
        "3 - 4",
        "[2]",
        "-1",
        "5e0",
        "\u{2026}",
        "L4",
        // 100 bytes, then over 120: the readers look for a level's number in the first
        // (or last) 120 bytes, and read a name of any length beside it.
        "Drafts notes, letters and orders on any case of the section and reviews the notes of others in turn",
        "Drafts notes, letters and orders on any case of the section, reviews those of others and answers for them to the Joint Secretary in the weekly meeting",
        // Long and ending in a number, as a short `Foundation 2` does.
        "Drafts notes, letters and orders on any case of the section, reviews those of others and answers for them in the weekly meeting of Band 2",
        // Long and holding numbers, one where a level's would stand to a short reader.
        "Level 3 - drafts notes, letters and orders on any case of the section, reviews those of others and answers for them to the Joint Secretary",
        "Answers 2 RTI appeals a week - drafts notes, letters and orders on any case of the section and reviews those of others (4 to 5 a day)",
        // Long and in brackets, or starting with what stands between number and name.
        "(Drafts notes, letters and orders on any case of the section, reviews those of others and answers for them to the Joint Secretary)",
        "- Drafts notes, letters and orders on any case of the section, reviews those of others and answers for them to the Joint Secretary",
    ];
    proptest::option::of(proptest::sample::select(&NAMES[..]).prop_map(str::to_owned))
}

/// Levels: none, the scale's ends, one above it, the byte's end, and given by name.
fn a_level() -> impl Strategy<Value = u8> {
    proptest::sample::select(&[0u8, 1, 3, 5, 6, 254, BY_NAME][..])
}

/// Hours at every edge of `f64`.
fn hours() -> impl Strategy<Value = f64> {
    prop_oneof![
        proptest::sample::select(
            &[
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                -0.0,
                0.0,
                -1.0,
                f64::MAX,
                f64::MIN_POSITIVE,
                5e-324,
                1e-310,
                10_000.0,
                0.1,
                1.0 / 3.0,
            ][..]
        ),
        any::<f64>(),
    ]
}

fn competency() -> impl Strategy<Value = CompetencySpec> {
    let descriptor = (
        a_level(),
        proptest::option::of(text()),
        level_name(),
        text(),
    );
    (
        id(),
        text(),
        text(),
        proptest::option::of(text()),
        proptest::collection::vec(descriptor, 0..3),
        proptest::option::of(a_level()),
        proptest::option::of(a_level()),
    )
        .prop_map(|(id, name, description, area, levels, min, max)| {
            let mut c = CompetencySpec::new(id, name, CompetencyType::Domain);
            c.description = description;
            c.area = area;
            c.levels = levels
                .into_iter()
                .map(|(level, name, level_name, description)| LevelDescriptor {
                    level,
                    name,
                    level_name,
                    description,
                })
                .collect();
            c.min_level = min;
            c.max_level = max;
            c
        })
}

fn requirement() -> impl Strategy<Value = RequirementSpec> {
    (id(), a_level(), level_name()).prop_map(|(competency, level, level_name)| {
        let mut r = RequirementSpec::new(competency, level);
        r.level_name = level_name;
        r
    })
}

fn course() -> impl Strategy<Value = CourseSpec> {
    let outcome = (id(), proptest::option::of(a_level()), level_name()).prop_map(|(c, l, n)| {
        let mut o = CourseOutcome::new(c, l);
        o.level_name = n;
        o
    });
    (
        id(),
        text(),
        hours(),
        proptest::collection::vec(outcome, 0..3),
        proptest::collection::vec(id(), 0..2),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(
            |(id, name, hours, provides, prerequisites, provider, language)| CourseSpec {
                id: id.into(),
                name,
                hours,
                mode: Mode::Social,
                provides,
                prerequisites: prerequisites.into_iter().map(Into::into).collect(),
                provider,
                language,
            },
        )
}

fn group() -> impl Strategy<Value = GroupSpec> {
    let rule = (
        id(),
        a_level(),
        level_name(),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(|(competency, level, level_name, at_least)| GroupRule {
            competency: competency.into(),
            level,
            level_name,
            at_least,
        });
    (id(), text(), proptest::option::of(rule)).prop_map(|(id, name, rule)| {
        let mut g = GroupSpec::new(id, name);
        g.rule = rule;
        g
    })
}

fn framework_spec() -> impl Strategy<Value = FrameworkSpec> {
    (
        proptest::sample::select(&[0u32, 1, 2, 3][..]),
        proptest::collection::vec(competency(), 0..3),
        proptest::collection::vec(group(), 0..2),
        proptest::collection::vec(
            (id(), text(), proptest::collection::vec(requirement(), 0..3)),
            0..3,
        ),
        proptest::collection::vec(course(), 0..3),
    )
        .prop_map(|(version, competencies, groups, roles, courses)| {
            let mut spec = FrameworkSpec::new();
            spec.format_version = version;
            spec.competencies = competencies;
            spec.groups = groups;
            spec.roles = roles
                .into_iter()
                .map(|(id, name, requires)| RoleSpec {
                    id: id.into(),
                    name,
                    activities: Vec::new(),
                    requires,
                })
                .collect();
            spec.courses = courses;
            spec
        })
}

/// A level and its name as the readers mean them (see the module docs).
fn meaning(level: Option<u8>, name: Option<&str>) -> (Option<u8>, Option<String>) {
    (level, name.map(|n| n.trim().to_owned()))
}

/// Whether `read` is what the readers make of `held`: the same, names trimmed; or, for a
/// level given by name only, a number the name spells (`"3"`, `"L3"`, `"Level 3"`,
/// `"3 - Advanced"`, `"Advanced (3)"`), with the name written beside it if any.
#[track_caller]
fn same_level(held: (Option<u8>, Option<&str>), read: (Option<u8>, Option<&str>)) -> bool {
    if meaning(held.0, held.1) == meaning(read.0, read.1) {
        return true;
    }
    match (held, read) {
        ((Some(BY_NAME), Some(name)), (Some(number), named)) if number != BY_NAME => {
            name.contains(&number.to_string())
                && named.is_none_or(|n| name.contains(n.trim()) && !n.trim().is_empty())
        }
        _ => false,
    }
}

fn req(r: &RequirementSpec) -> (Option<u8>, Option<&str>) {
    (Some(r.level), r.level_name.as_deref())
}

fn outcome(o: &CourseOutcome) -> (Option<u8>, Option<&str>) {
    (o.level, o.level_name.as_deref())
}

fn rule(g: &GroupSpec) -> (Option<u8>, Option<&str>) {
    g.rule
        .as_ref()
        .map_or((None, None), |r| (Some(r.level), r.level_name.as_deref()))
}

fn level(e: &Evidence) -> (Option<u8>, Option<&str>) {
    (Some(e.level), e.level_name.as_deref())
}

/// Whether `back` holds what `held` holds, as the module docs define it.
fn same_framework(held: &FrameworkSpec, back: &FrameworkSpec) -> bool {
    let reqs = |a: &[RequirementSpec], b: &[RequirementSpec]| {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                x.competency == y.competency && x.status == y.status && same_level(req(x), req(y))
            })
    };
    let mut plain_held = held.clone();
    let mut plain_back = back.clone();
    for spec in [&mut plain_held, &mut plain_back] {
        for c in &mut spec.competencies {
            for d in &mut c.levels {
                d.level = 0;
                d.level_name = None;
            }
        }
        for r in &mut spec.roles {
            r.requires.clear();
        }
        for c in &mut spec.courses {
            c.provides.clear();
        }
        for g in &mut spec.groups {
            g.rule = None;
        }
    }
    // Hours compare by their bits: -0.0 reads back as -0.0.
    let hours = held
        .courses
        .iter()
        .zip(&back.courses)
        .all(|(a, b)| a.hours.to_bits() == b.hours.to_bits());
    let descriptor = |d: &LevelDescriptor| (Some(d.level), d.level_name.clone());
    let descriptors = held
        .competencies
        .iter()
        .zip(&back.competencies)
        .all(|(a, b)| {
            a.levels.iter().zip(&b.levels).all(|(x, y)| {
                let (x, y) = (descriptor(x), descriptor(y));
                same_level((x.0, x.1.as_deref()), (y.0, y.1.as_deref()))
            })
        });
    plain_held == plain_back
        && descriptors
        && hours
        && held
            .roles
            .iter()
            .zip(&back.roles)
            .all(|(a, b)| reqs(&a.requires, &b.requires))
        && held.courses.iter().zip(&back.courses).all(|(a, b)| {
            a.provides.len() == b.provides.len()
                && a.provides.iter().zip(&b.provides).all(|(x, y)| {
                    x.competency == y.competency && same_level(outcome(x), outcome(y))
                })
        })
        && held.groups.iter().zip(&back.groups).all(|(a, b)| {
            same_level(rule(a), rule(b))
                && a.rule.as_ref().map(|r| (&r.competency, r.at_least))
                    == b.rule.as_ref().map(|r| (&r.competency, r.at_least))
        })
}

/// Every error names a place in the document and, inside a list, the id of the entity
/// there, as held (`ids`); a version the crate does not read is named by its number.
#[track_caller]
fn names_the_place(errors: &[Error], ids: &[&str]) {
    assert!(!errors.is_empty());
    for error in errors {
        match error {
            Error::Json { path, id, .. } => {
                let listed = [
                    "competencies[",
                    "groups[",
                    "roles[",
                    "courses[",
                    "officers[",
                ];
                if listed.iter().any(|l| path.starts_with(l)) {
                    let id = id.as_deref().unwrap_or_else(|| panic!("no id: {error:?}"));
                    assert!(ids.contains(&id), "{id:?} is none of {ids:?}: {error:?}");
                }
                assert!(!path.is_empty() || id.is_none(), "{error:?}");
            }
            Error::UnsupportedFormatVersion { .. } => {}
            other => panic!("not a reader's error: {other:?}"),
        }
    }
}

fn framework_ids(spec: &FrameworkSpec) -> Vec<&str> {
    let mut ids: Vec<&str> = spec.competencies.iter().map(|c| c.id.as_str()).collect();
    ids.extend(spec.groups.iter().map(|g| g.id.as_str()));
    ids.extend(spec.roles.iter().map(|r| r.id.as_str()));
    ids.extend(spec.courses.iter().map(|c| c.id.as_str()));
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// `FrameworkSpec::try_to_json` gives `to_json`'s text when it reads back with the
    /// content held, and refuses, naming the place, exactly when it does not.
    #[test]
    fn the_framework_writer_reads_back_or_refuses(spec in framework_spec()) {
        let text = spec.to_json();
        let read = FrameworkSpec::from_json(&text);
        let reads_back = read.as_ref().is_ok_and(|back| same_framework(&spec, back));
        match spec.try_to_json() {
            Ok(written) => {
                prop_assert_eq!(&written, &text);
                prop_assert!(reads_back, "{:?}", read);
            }
            Err(errors) => {
                prop_assert!(!reads_back, "refused a document that reads back: {:?}", errors);
                names_the_place(&errors.iter().cloned().collect::<Vec<_>>(), &framework_ids(&spec));
            }
        }
    }
}

/// Dates as held: ISO at the ends of the range, none, blank, in other forms, with
/// hidden characters.
fn date() -> impl Strategy<Value = String> {
    proptest::sample::select(
        &[
            "0001-01-01",
            "9999-12-31",
            "",
            " ",
            "2024-02-29",
            "2024-02-30",
            "31/12/2024",
            "2024-03-15\r",
            "1707537600000",
        ][..],
    )
    .prop_map(str::to_owned)
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        id(),
        a_level(),
        level_name(),
        date(),
        any::<bool>(),
        proptest::option::of(id()),
    )
        .prop_map(
            |(competency, level, level_name, date, verified, course)| Evidence {
                competency: competency.into(),
                level,
                level_name,
                source: EvidenceSource::Assessment,
                date,
                verified,
                course: course.map(Into::into),
            },
        )
}

fn officers_spec() -> impl Strategy<Value = OfficersSpec> {
    let officer = (
        id(),
        proptest::option::of(text()),
        id(),
        id(),
        proptest::option::of(id()),
        proptest::collection::vec(evidence(), 0..4),
    )
        .prop_map(
            |(id, name, department, position, target, passbook)| OfficerSpec {
                id: id.into(),
                name,
                department: department.into(),
                position: position.into(),
                target_position: target.map(Into::into),
                passbook,
            },
        );
    (
        proptest::sample::select(&[0u32, 1, 2, 3][..]),
        proptest::collection::vec(officer, 0..3),
    )
        .prop_map(|(format_version, officers)| OfficersSpec {
            format_version,
            officers,
        })
}

/// Whether `back` holds what `held` holds, as the module docs define it.
fn same_officers(held: &OfficersSpec, back: &OfficersSpec) -> bool {
    let plain = |spec: &OfficersSpec| {
        let mut spec = spec.clone();
        for o in &mut spec.officers {
            for e in &mut o.passbook {
                e.level = 0;
                e.level_name = None;
            }
        }
        spec
    };
    plain(held) == plain(back)
        && held.officers.iter().zip(&back.officers).all(|(a, b)| {
            a.passbook
                .iter()
                .zip(&b.passbook)
                .all(|(x, y)| same_level(level(x), level(y)))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// `OfficersSpec::try_to_json` gives `to_json`'s text when it reads back with the
    /// content held, and refuses, naming the officer, exactly when it does not.
    #[test]
    fn the_officers_writer_reads_back_or_refuses(spec in officers_spec()) {
        let text = spec.to_json();
        let read = OfficersSpec::from_json(&text);
        let reads_back = read.as_ref().is_ok_and(|back| same_officers(&spec, back));
        match spec.try_to_json() {
            Ok(written) => {
                prop_assert_eq!(&written, &text);
                prop_assert!(reads_back, "{:?}", read);
            }
            Err(errors) => {
                prop_assert!(!reads_back, "refused a document that reads back: {:?}", errors);
                let ids: Vec<&str> = spec.officers.iter().map(|o| o.id.as_str()).collect();
                names_the_place(&errors.iter().cloned().collect::<Vec<_>>(), &ids);
            }
        }
    }
}

/// A framework that builds, with level names that hold numbers, are padded or are
/// numbers themselves, and requirements, outcomes and rules given by those names.
fn valid_framework() -> impl Strategy<Value = Framework> {
    let names = proptest::collection::vec(level_name(), 5);
    let picks = proptest::collection::vec((1u8..=5, any::<bool>(), level_name()), 1..4);
    (names, picks, hours()).prop_filter_map("builds", |(names, picks, hours)| {
        let mut c = CompetencySpec::new("rti", "Right to Information", CompetencyType::Domain);
        c.levels = (1..=5u8)
            .zip(names)
            .map(|(level, name)| LevelDescriptor {
                level,
                name,
                level_name: None,
                description: format!("level {level}"),
            })
            .collect();
        let by_name = |(level, alone, name): &(u8, bool, Option<String>)| match (alone, name) {
            (true, Some(name)) => (BY_NAME, Some(name.clone())),
            _ => (*level, name.clone()),
        };
        let mut spec = FrameworkSpec::new();
        spec.competencies.push(c);
        spec.roles = picks
            .iter()
            .enumerate()
            .map(|(i, pick)| {
                let (level, level_name) = by_name(pick);
                let mut r = RequirementSpec::new("rti", level);
                r.level_name = level_name;
                RoleSpec {
                    id: format!("role-{i}").into(),
                    name: "Role".into(),
                    activities: Vec::new(),
                    requires: vec![r],
                }
            })
            .collect();
        let (level, level_name) = by_name(&picks[0]);
        let mut outcome = CourseOutcome::new("rti", Some(level));
        outcome.level_name = level_name;
        spec.courses.push(CourseSpec {
            id: "course".into(),
            name: "Course".into(),
            hours: hours.abs().clamp(0.5, 10_000.0),
            mode: Mode::Formal,
            provides: vec![outcome],
            prerequisites: Vec::new(),
            provider: None,
            language: None,
        });
        Framework::new(spec).ok()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A framework that builds is written by `to_spec().try_to_json()`, and the text
    /// builds the same framework: every name `Framework::new` accepts beside a level's
    /// number, with a letter or none (`"3 (3.25)"`), is written so that it reads back.
    #[test]
    fn a_built_framework_reads_back(framework in valid_framework()) {
        let spec = framework.to_spec();
        let text = spec.try_to_json();
        prop_assert!(text.is_ok(), "{:?}", text);
        let back = Framework::from_json(&text.unwrap());
        prop_assert!(back.is_ok(), "{:?}", back);
        let back = back.unwrap().to_spec();
        prop_assert!(same_framework(&spec, &back), "{:?}", back);
    }
}

const NAMES_WITH_NUMBERS: &str = include_str!(
    "../data/cases/framework/04-level-names-holding-numbers-written-back-framework.json"
);
const NAMES_WITH_NUMBERS_OFFICERS: &str = include_str!(
    "../data/cases/officers/13-level-names-holding-numbers-written-back-officers.json"
);

/// Levels with their own names holding a number (`2 (Foundation 2)`, `3 (Level 3)`) are
/// written so that they read back as the number and the name: `"2 - Foundation 2"`, as
/// they were written, read back as a level given by the name `2 - Foundation 2`.
#[test]
fn level_names_holding_numbers_are_written_back_as_read() {
    let spec = FrameworkSpec::from_json(NAMES_WITH_NUMBERS).unwrap();
    let role = &spec.roles[0].requires[0];
    assert_eq!(
        (role.level, role.level_name.as_deref()),
        (2, Some("Foundation 2"))
    );
    let text = spec.to_json();
    assert!(text.contains(r#""level": "2 (Foundation 2)""#), "{text}");
    assert_eq!(FrameworkSpec::from_json(&text).unwrap(), spec);
    assert_eq!(spec.try_to_json().unwrap(), text);
    let framework = Framework::new(spec).unwrap();
    let back = Framework::from_json(&framework.to_spec().try_to_json().unwrap()).unwrap();
    assert_eq!(back.to_spec(), framework.to_spec());

    let officers = OfficersSpec::from_json(NAMES_WITH_NUMBERS_OFFICERS).unwrap();
    let entry = &officers.officers[0].passbook[1];
    assert_eq!(
        (entry.level, entry.level_name.as_deref()),
        (3, Some("Level 3"))
    );
    let text = officers.try_to_json().unwrap();
    assert_eq!(OfficersSpec::from_json(&text).unwrap(), officers);
}

const LONG_NAMES: &str =
    include_str!("../data/cases/framework/14-long-level-names-written-back-framework.json");
const LONG_NAMES_OFFICERS: &str =
    include_str!("../data/cases/officers/21-long-level-names-written-back-officers.json");

/// Level names longer than 120 bytes (a level described in a sentence, as the level names
/// of some frameworks are) beside their numbers: `"3 - Drafts notes, …"` read as 3 and the
/// name, a long name ending in a number (`…: Band 2`) given alone read by the competency's
/// names as a short one is; and each written back so that it reads back the same. The
/// readers refused such text, so a framework they had built could not be written back.
#[test]
fn long_level_names_are_read_and_written_back() {
    let spec = FrameworkSpec::from_json(LONG_NAMES).unwrap();
    let names: Vec<String> = spec.competencies[0]
        .levels
        .iter()
        .filter_map(|d| d.name.clone())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert!(names[1].len() > 120 && names[2].len() > 120, "{names:?}");
    let pair = |r: &RequirementSpec| (r.level, r.level_name.clone());
    let outcome = &spec.courses[0].provides[0];
    assert_eq!(
        (outcome.level, outcome.level_name.as_deref()),
        (Some(3), Some(names[2]))
    );
    assert_eq!(
        pair(&spec.roles[0].requires[0]),
        (2, Some(names[1].to_owned()))
    );
    assert_eq!(
        pair(&spec.roles[1].requires[0]),
        (BY_NAME, Some(names[1].to_owned()))
    );
    let text = spec.try_to_json().unwrap();
    assert_eq!(FrameworkSpec::from_json(&text).unwrap(), spec);
    let framework = Framework::new(spec).unwrap();
    assert_eq!(framework.roles()[1].requires[0].level, 2);
    let written = framework.to_spec().try_to_json().unwrap();
    let back = Framework::from_json(&written).unwrap();
    assert_eq!(back.to_spec(), framework.to_spec());

    let officers = OfficersSpec::from_json(LONG_NAMES_OFFICERS).unwrap();
    let entries: Vec<(u8, Option<&str>)> = officers.officers[0]
        .passbook
        .iter()
        .map(|e| (e.level, e.level_name.as_deref()))
        .collect();
    assert_eq!(entries, [(2, Some(names[1])), (3, Some(names[2]))]);
    let text = officers.try_to_json().unwrap();
    assert_eq!(OfficersSpec::from_json(&text).unwrap(), officers);
    let cohort = Cohort::from_json(&framework, LONG_NAMES_OFFICERS, &LevelPolicy::default());
    let profile = cohort.unwrap().profile(0).unwrap();
    assert_eq!(
        profile.level(&framework, "noting").unwrap(),
        Level::new(3).unwrap()
    );
}

/// Hours JSON cannot hold, a version the crate does not read, a name kept beside no
/// level and a blank name beside a number: each refused by its place and id.
#[test]
fn the_framework_writer_names_what_does_not_read_back() {
    let mut spec = FrameworkSpec::from_json(NAMES_WITH_NUMBERS).unwrap();
    spec.courses[0].hours = f64::NAN;
    spec.courses[0].provides[0] = CourseOutcome {
        level: None,
        ..spec.courses[0].provides[0].clone()
    };
    spec.roles[0].requires[0].level_name = Some(" ".into());
    let errors = spec.try_to_json().unwrap_err();
    let places: Vec<(&str, Option<&str>)> = errors
        .iter()
        .map(|e| match e {
            Error::Json { path, id, .. } => (path.as_str(), id.as_deref()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        places,
        [
            ("roles[0].requires[0].level", Some("section-officer")),
            ("courses[0].hours", Some("drafting-101")),
        ]
    );
    // Once the text reads, a name kept beside no level is named where it would stand.
    spec.roles[0].requires[0].level_name = None;
    spec.courses[0].hours = 6.0;
    let errors = spec.try_to_json().unwrap_err();
    let Error::Json {
        path,
        id,
        message,
        line,
        ..
    } = &errors.as_slice()[0]
    else {
        panic!("{errors:?}")
    };
    assert_eq!(path, "courses[0].provides[0].level");
    assert_eq!(id.as_deref(), Some("drafting-101"));
    assert!(*line > 0);
    assert!(
        message.contains("no level, named `Level 3` is written so that it reads back as no level"),
        "{message}"
    );
    spec.format_version = 0;
    let errors = spec.try_to_json().unwrap_err();
    assert!(matches!(
        errors.as_slice(),
        [Error::UnsupportedFormatVersion { found: 0, .. }]
    ));
}

const BRACKETED_NAMES: &str =
    include_str!("../data/cases/framework/15-level-names-in-brackets-written-back-framework.json");
const BRACKETED_NAMES_OFFICERS: &str =
    include_str!("../data/cases/officers/22-level-names-in-brackets-written-back-officers.json");

/// Level names in brackets or starting with what may stand between a number and a name
/// (`(Independent)`, `- Works under guidance`, `[Lead] Guides others`, as spreadsheets
/// export bulleted and bracketed lists): `Framework::new` accepted them, but no text read
/// back as such a name beside its number (`3 - (Independent)` read as `Independent`), so
/// `try_to_json` refused to write the framework. Written in brackets, `2 ((Independent))`,
/// the readers keep exactly the text inside the bracket opened after the number.
#[test]
fn level_names_in_brackets_are_read_and_written_back() {
    let spec = FrameworkSpec::from_json(BRACKETED_NAMES).unwrap();
    let pair = |r: &RequirementSpec| (r.level, r.level_name.clone());
    assert_eq!(
        pair(&spec.roles[0].requires[0]),
        (2, Some("(Independent)".to_owned()))
    );
    assert_eq!(
        pair(&spec.roles[1].requires[0]),
        (3, Some("[Lead] Guides others".to_owned()))
    );
    let outcome = &spec.courses[0].provides[0];
    assert_eq!(
        (outcome.level, outcome.level_name.as_deref()),
        (Some(1), Some("- Works under guidance"))
    );
    let text = spec.try_to_json().unwrap();
    assert!(text.contains(r#""level": "2 ((Independent))""#), "{text}");
    assert_eq!(FrameworkSpec::from_json(&text).unwrap(), spec);
    let framework = Framework::new(spec).unwrap();
    let written = framework.to_spec().try_to_json().unwrap();
    let back = Framework::from_json(&written).unwrap();
    assert_eq!(back.to_spec(), framework.to_spec());

    // Built in code, given by number with the competency's own name beside it.
    let mut built = FrameworkSpec::from_json(BRACKETED_NAMES).unwrap();
    for (level, name) in [(2, "(Independent)"), (1, "- Works under guidance")] {
        let mut r = RequirementSpec::new("drafting", level);
        r.level_name = Some(name.to_owned());
        built.roles[0].requires = vec![r];
        let framework = Framework::new(built.clone()).unwrap();
        let written = framework.to_spec().try_to_json().unwrap();
        let back = Framework::from_json(&written).unwrap();
        assert_eq!(back.to_spec(), framework.to_spec(), "{name}");
    }

    let officers = OfficersSpec::from_json(BRACKETED_NAMES_OFFICERS).unwrap();
    let entries: Vec<(u8, Option<&str>)> = officers.officers[0]
        .passbook
        .iter()
        .map(|e| (e.level, e.level_name.as_deref()))
        .collect();
    assert_eq!(
        entries,
        [
            (1, Some("- Works under guidance")),
            (2, Some("(Independent)"))
        ]
    );
    let text = officers.try_to_json().unwrap();
    assert_eq!(OfficersSpec::from_json(&text).unwrap(), officers);
    let cohort = Cohort::from_json(
        &framework,
        BRACKETED_NAMES_OFFICERS,
        &LevelPolicy::default(),
    );
    let profile = cohort.unwrap().profile(0).unwrap();
    assert_eq!(
        profile.level(&framework, "drafting").unwrap(),
        Level::new(2).unwrap()
    );
}

const NAMES_WITHOUT_LETTERS: &str = include_str!(
    "../data/cases/framework/16-level-names-without-letters-written-back-framework.json"
);

/// Level names with no letter (`3.25`, `1/2`, `2+`, `***`, `-`, as a scale numbered on
/// another publisher's steps or marked in stars names its levels): `Framework::new`
/// accepted them, but `"3 - 3.25"` read as no level, so `try_to_json` refused a framework
/// the crate had built. Written in brackets (`"3 (3.25)"`), where the readers keep the
/// text inside as the name, each reads back.
#[test]
fn level_names_without_letters_are_read_and_written_back() {
    let spec = FrameworkSpec::from_json(NAMES_WITHOUT_LETTERS).unwrap();
    let pairs: Vec<(u8, Option<&str>)> = spec
        .roles
        .iter()
        .map(|r| (r.requires[0].level, r.requires[0].level_name.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [(3, Some("3.25")), (2, Some("2+")), (4, Some("***"))]
    );
    let outcomes: Vec<(Option<u8>, Option<&str>)> = spec
        .courses
        .iter()
        .map(|c| (c.provides[0].level, c.provides[0].level_name.as_deref()))
        .collect();
    assert_eq!(outcomes, [(Some(1), Some("1/2")), (Some(5), Some("-"))]);
    let text = spec.try_to_json().unwrap();
    assert!(text.contains(r#""level": "3 (3.25)""#), "{text}");
    assert_eq!(FrameworkSpec::from_json(&text).unwrap(), spec);
    let framework = Framework::new(spec).unwrap();
    let written = framework.to_spec().try_to_json().unwrap();
    let back = Framework::from_json(&written).unwrap();
    assert_eq!(back.to_spec(), framework.to_spec());

    // Built in code, given by number with the competency's own name beside it.
    let mut built = FrameworkSpec::from_json(NAMES_WITHOUT_LETTERS).unwrap();
    for (level, name) in [(3, "3.25"), (1, "1/2"), (2, "2+"), (4, "***"), (5, "-")] {
        let mut r = RequirementSpec::new("rti", level);
        r.level_name = Some(name.to_owned());
        built.roles[0].requires = vec![r];
        let framework = Framework::new(built.clone()).unwrap();
        let written = framework.to_spec().try_to_json();
        let written = written.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(written.contains(&format!(r#""level": "{level} ({name})""#)));
        let back = Framework::from_json(&written).unwrap();
        assert_eq!(back.to_spec(), framework.to_spec(), "{name}");
    }
    // A passbook reads them alike, in JSON and in the officers CSV's level cells.
    let framework = Framework::from_json(NAMES_WITHOUT_LETTERS).unwrap();
    let csv = OfficersCsv::new("id,department,position\no1,dopt,us-dopt\n").evidence(include_str!(
        "../data/cases/framework/16-level-names-without-letters-evidence.csv"
    ));
    let officers = load_officers(&framework, &csv, &OfficersCsvOptions::default())
        .unwrap()
        .officers;
    let entries: Vec<(u8, Option<&str>)> = (officers[0].passbook.iter())
        .map(|e| (e.level, e.level_name.as_deref()))
        .collect();
    assert_eq!(entries, [(3, Some("3.25")), (2, Some("2+"))]);
    let profile = Profile::new(&framework, &officers[0], &LevelPolicy::default()).unwrap();
    assert_eq!(
        profile.level(&framework, "rti").unwrap(),
        Level::new(3).unwrap()
    );
    let json = OfficersSpec {
        format_version: 2,
        officers: officers.clone(),
    };
    let back = OfficersSpec::from_json(&json.try_to_json().unwrap()).unwrap();
    assert_eq!(back.officers, officers);

    // Apart from its number by a dash, a name with no letter is still no level's.
    let dashed = NAMES_WITHOUT_LETTERS.replace("\"3 (3.25)\"", "\"3 - 3.25\"");
    let Err(errors) = Framework::from_json(&dashed) else {
        panic!("`3 - 3.25` read")
    };
    assert!(
        matches!(errors.as_slice(), [Error::Json { path, .. }] if path == "roles[0].requires[0].level"),
        "{errors:?}"
    );
}
