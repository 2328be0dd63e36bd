//! A ministry's policy division on the Karmayogi Competency Model: its training needs by
//! KCM theme, and the atlas of a competency (where it is demanded, which courses build it).
//!
//! ```text
//! cargo run --release --example kcm_themes
//! ```
//!
//! Real data (`data/igot`): the KCM dictionary (2 areas, 35 themes, 112 sub-themes, read by
//! `load_kcm`), the platform's position master list (the posts are looked up there by
//! name, `load_position_master`), and four real iGOT courses with their `competencies_v5`
//! tags (`load_igot_courses`; the extract carries no durations, so 2 hours are assumed for
//! each, and the report says so). **Illustrative**: which sub-themes each role needs and at
//! which level (the division's FRAC mapping is written here, not taken from the platform).
//! **Synthetic**: the 240 officers and their passbooks (a fixed pseudo-random sequence; no
//! real officer data).

#[path = "support/out.rs"]
mod out;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use karmayogi::{
    Cohort, Evidence, EvidenceSource, Framework, GroupKind, IgotCourseOptions, KcmOptions,
    LevelPolicy, OfficerSpec, PositionMatch, PositionSpec, RequirementSpec, RoleSpec,
    RollupOptions, kcm_id, load_igot_courses, load_kcm, load_position_master,
};

/// What the helpers return: any failure becomes the one-line error of `out::finish`.
type Failure = Box<dyn std::error::Error>;

const DEPARTMENT: &str = "policy-division";

/// A KCM sub-theme by its area, theme and sub-theme names, and a level.
type Need = (&'static str, &'static str, &'static str, u8);

/// The division's roles: id, name, and the KCM sub-themes (area, theme, sub-theme) each
/// needs with the level. Illustrative.
const ROLES: &[(&str, &str, &[Need])] = &[
    (
        "policy",
        "Policy analysis and drafting",
        &[
            (
                "Functional",
                "Policy Architecture",
                "Research & Need Analysis",
                3,
            ),
            (
                "Functional",
                "Policy Architecture",
                "Policy design/ amendment",
                3,
            ),
            (
                "Functional",
                "Policy Architecture",
                "Policy monitoring & impact assessment",
                2,
            ),
            (
                "Functional",
                "Cabinet note preparation",
                "Cabinet note writing",
                3,
            ),
            (
                "Functional",
                "Data Analytics",
                "Data led Decision making",
                2,
            ),
        ],
    ),
    (
        "scheme",
        "Scheme design and outreach",
        &[
            (
                "Functional",
                "Government Program Formulation",
                "Research & Need Analysis",
                2,
            ),
            (
                "Functional",
                "Government Program Formulation",
                "Scheme/Program Design",
                3,
            ),
            (
                "Functional",
                "Government Program Formulation",
                "Implementation & Outreach",
                2,
            ),
            (
                "Functional",
                "Policy Architecture",
                "Policy implementation",
                2,
            ),
            (
                "Functional",
                "Monitoring & Evaluation",
                "Creation of M&E Framework",
                2,
            ),
        ],
    ),
    (
        "lead",
        "Leading the section",
        &[
            ("Behavioural", "Team Leadership", "Mentoring", 2),
            ("Behavioural", "Decision Making", "Sound Judgement", 3),
            ("Behavioural", "Strategic Leadership", "Forward Thinking", 2),
            (
                "Behavioural",
                "Personal Effectiveness",
                "Stress Management",
                2,
            ),
        ],
    ),
    (
        "establishment",
        "Establishment and conduct",
        &[
            (
                "Functional",
                "Establishment & HR",
                "Handling Establishment Matters",
                2,
            ),
            (
                "Functional",
                "Establishment & HR",
                "Handling matters of Prevention of Sexual Harassment Policy",
                2,
            ),
            ("Functional", "Vigilance Administration", "Conduct Rules", 2),
        ],
    ),
    (
        "office",
        "Office procedure",
        &[
            ("Functional", "Office Management", "E-Office", 2),
            (
                "Functional",
                "Office Management",
                "Noting & Drafting of official Communications",
                3,
            ),
            ("Functional", "Office Management", "File/DAK Management", 2),
            (
                "Functional",
                "Handling RTI Matters",
                "RTI Responsiveness",
                2,
            ),
            (
                "Behavioural",
                "Personal Effectiveness",
                "Stress Management",
                1,
            ),
        ],
    ),
];

/// The division's posts (names as in the position master list), their roles and how many
/// officers hold each. Illustrative.
const POSTS: &[(&str, &[&str], u32)] = &[
    ("DEPUTY SECRETARY", &["policy", "scheme", "lead"], 20),
    (
        "UNDER SECRETARY",
        &["policy", "scheme", "establishment"],
        40,
    ),
    (
        "SECTION OFFICER",
        &["scheme", "establishment", "office", "lead"],
        80,
    ),
    (
        "ASSISTANT SECTION OFFICER",
        &["office", "establishment"],
        100,
    ),
];

fn main() -> ExitCode {
    out::finish(|out| {
        if let Some(arg) = std::env::args().nth(1) {
            if arg == "-h" || arg == "--help" {
                return Ok(writeln!(out, "usage: kcm_themes (no arguments)")?);
            }
            return Err(format!("`{arg}`: kcm_themes takes no arguments").into());
        }
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/igot");
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        };

        // The KCM: areas and themes become groups, sub-themes competencies with path ids.
        let kcm = load_kcm(&read("kcm_competencies.json")?, &KcmOptions::default())?;
        let mut spec = kcm.value;
        writeln!(
            out,
            "Karmayogi Competency Model: {} groups (areas and themes), {} sub-themes; {} set aside",
            spec.groups.len(),
            spec.competencies.len(),
            kcm.report.set_aside.len()
        )?;

        // The division's roles and posts, the posts found in the platform's master list.
        for (id, name, needs) in ROLES {
            spec.roles.push(RoleSpec {
                id: (*id).into(),
                name: (*name).to_owned(),
                activities: Vec::new(),
                requires: needs
                    .iter()
                    .map(|(a, t, s, level)| RequirementSpec::new(kcm_id(&[a, t, s]), *level))
                    .collect(),
            });
        }
        let master = load_position_master(&read("positionMasterList.json")?)?;
        for (name, roles, _) in POSTS {
            let post = match master.value.find(name) {
                PositionMatch::Exact(p) | PositionMatch::IgnoringWhitespace(p) => p,
                PositionMatch::Ambiguous(_) | PositionMatch::NotFound => {
                    return Err(format!("`{name}` is not one post of the master list").into());
                }
            };
            spec.positions.push(PositionSpec {
                id: post.id.clone(),
                name: post.name.trim().to_owned(),
                department: DEPARTMENT.into(),
                roles: roles.iter().map(|&r| r.into()).collect(),
            });
        }
        writeln!(
            out,
            "Posts from the master list of {} designations: {}",
            master.value.positions().len(),
            spec.positions
                .iter()
                .map(|p| format!("{} [{}]", p.name, p.id))
                .collect::<Vec<_>>()
                .join(", ")
        )?;

        // Real iGOT courses, tagged with KCM sub-themes (no levels: the untagged-level
        // policy decides what they close).
        let framework = Framework::new(spec.clone())?;
        let records = read("igot_sample_courses_kcm_v5.json")?;
        let records: serde_json::Value = serde_json::from_str(&records)?;
        let courses = load_igot_courses(
            &records["default_courses"].to_string(),
            &framework,
            &IgotCourseOptions::default().hours_when_missing(2.0),
        )?;
        writeln!(
            out,
            "iGOT courses: {} loaded with {} tags; the loader's report: {}",
            courses.value.len(),
            courses
                .value
                .iter()
                .map(|c| c.provides.len())
                .sum::<usize>(),
            courses.report
        )?;
        spec.courses = courses.value;
        let framework = Framework::new(spec)?;

        // Synthetic officers.
        let officers = synthetic_officers(&framework)?;
        let cohort = Cohort::new(&framework, &officers, &LevelPolicy::default())?;
        writeln!(
            out,
            "Officers: {} SYNTHETIC (fixed pseudo-random passbooks)\n",
            cohort.len()
        )?;

        // The division's heatmap by KCM theme.
        let options = RollupOptions::default()
            .department(DEPARTMENT)
            .kind(GroupKind::Theme);
        let themes = framework.training_needs_by_group(&cohort, &options)?;
        writeln!(out, "{themes}")?;

        atlases(out, &framework)
    })
}

/// The atlas of one competency, and the two "Research & Need Analysis" kept apart.
fn atlases(out: &mut dyn Write, framework: &Framework) -> out::Outcome {
    // The atlas of one competency; the two "Research & Need Analysis" stay apart.
    let implementation = kcm_id(&["Functional", "Policy Architecture", "Policy implementation"]);
    writeln!(out, "{}", framework.competency_atlas(&implementation)?)?;
    for theme in ["Policy Architecture", "Government Program Formulation"] {
        let id = kcm_id(&["Functional", theme, "Research & Need Analysis"]);
        let atlas = framework.competency_atlas(&id)?;
        for entry in &atlas.entries {
            let levels: Vec<String> = (1..=5)
                .filter_map(|l| {
                    let n = entry.positions_at.get(l).copied().unwrap_or(0);
                    (n > 0).then(|| format!("level {l}: {n}"))
                })
                .collect();
            writeln!(
                out,
                "{} [{}]: demanded by {} posts ({})",
                entry.name,
                entry.competency,
                entry.positions.len(),
                levels.join(", ")
            )?;
        }
    }
    Ok(())
}

/// The division's officers: per post its count, each with assessed levels in a fixed
/// pseudo-random share of the competencies the post requires. SYNTHETIC.
fn synthetic_officers(framework: &Framework) -> Result<Vec<OfficerSpec>, Failure> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut officers = Vec::new();
    for position in framework.positions() {
        let count = POSTS
            .iter()
            .find(|(name, _, _)| *name == position.name)
            .map_or(0, |(_, _, n)| *n);
        let requirements = framework.requirements(position.id.as_str())?;
        for k in 0..count {
            let mut passbook = Vec::new();
            for r in &requirements {
                // Three in four requirements assessed, from 0 to one above what is asked.
                if next(4) == 0 {
                    continue;
                }
                passbook.push(Evidence {
                    competency: r.competency.clone(),
                    level: u8::try_from(next(u64::from(r.level.get()) + 2)).unwrap_or(0),
                    level_name: None,
                    source: EvidenceSource::Assessment,
                    date: "2025-03-31".to_owned(),
                    verified: true,
                    course: None,
                });
            }
            officers.push(OfficerSpec {
                id: format!("{}-{k:03}", position.id).into(),
                name: None,
                department: DEPARTMENT.into(),
                position: position.id.clone(),
                target_position: None,
                passbook,
            });
        }
    }
    Ok(officers)
}
