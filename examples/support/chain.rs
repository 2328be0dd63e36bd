//! The prerequisite chains of the planning benchmarks and tests: `n` one-hour formal
//! courses `k000000`, `k000001`, …, each requiring the one before, for the one post `p`
//! of [`one_post`]. `examples/bench_department_chain.rs` times plans on
//! them; the planning tests (`src/planning/tests.rs`, `tests/planning.rs`,
//! `tests/department_memory.rs`) count their work and memory on the same shapes, so a
//! figure in BENCHMARKS.md and a bound in a test speak of one input.
#![allow(dead_code)]

use karmayogi::{AcbpOptions, CourseOutcome, CourseSpec, Framework, Mode, OfficerSpec, Solver};

#[path = "one_post.rs"]
mod one_post;
pub use one_post::one_post;

/// What the courses of a chain close, and what its post requires (each at level 5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Course `i` closes a gap of its own, `c<i>` (six digits: `c000000`, `c000001`, …).
    Own,
    /// Every course brings `c` to level 5; the post also requires `c2`, which no course
    /// builds.
    Same,
    /// As [`Shape::Same`], but course `i` of `n` brings `c` to level `1 + 5i/n`: only the
    /// top fifth closes it.
    Top,
    /// Only the last course builds anything: `c` to level 5, the post's one requirement.
    Last,
}

impl Shape {
    /// The shape named `own`, `same`, `top` or `last`.
    pub fn named(name: &str) -> Option<Shape> {
        match name {
            "own" => Some(Shape::Own),
            "same" => Some(Shape::Same),
            "top" => Some(Shape::Top),
            "last" => Some(Shape::Last),
            _ => None,
        }
    }
}

/// The id of course `i` of a chain: `k000000`, `k000001`, ….
pub fn course_id(i: usize) -> String {
    format!("k{i:06}")
}

/// The chain of `n` courses in `shape`, on the framework of [`one_post`]
/// (valid for every `n` and shape).
pub fn chain(n: usize, shape: Shape) -> Framework {
    let required: Vec<String> = match shape {
        Shape::Own => (0..n).map(|i| format!("c{i:06}")).collect(),
        Shape::Same | Shape::Top => vec!["c".to_owned(), "c2".to_owned()],
        Shape::Last => vec!["c".to_owned()],
    };
    let outcome = |i: usize| match shape {
        Shape::Own => Some((required[i].as_str(), 5)),
        Shape::Same => Some(("c", 5)),
        Shape::Top => Some(("c", u8::try_from(1 + i * 5 / n).expect("a level"))),
        Shape::Last => (i + 1 == n).then_some(("c", 5)),
    };
    let courses = (0..n)
        .map(|i| CourseSpec {
            id: course_id(i).into(),
            name: "K".into(),
            hours: 1.0,
            mode: Mode::Formal,
            provides: outcome(i)
                .map(|(competency, level)| CourseOutcome {
                    competency: competency.into(),
                    level: Some(level),
                    level_name: None,
                })
                .into_iter()
                .collect(),
            prerequisites: if i == 0 {
                Vec::new()
            } else {
                vec![course_id(i - 1).into()]
            },
            provider: None,
            language: None,
        })
        .collect();
    one_post(&required, courses)
}

/// `n` newcomers `o00`, `o01`, … in post `p` of department `d`, with empty passbooks.
pub fn newcomers(n: usize) -> Vec<OfficerSpec> {
    (0..n)
        .map(|i| OfficerSpec {
            id: format!("o{i:02}").into(),
            name: None,
            department: "d".into(),
            position: "p".into(),
            target_position: None,
            passbook: Vec::new(),
        })
        .collect()
}

/// The department plans timed and tested on the chains, by name: 5 seats in every course
/// (`seats`), with a cap of 500 hours an officer (`cap`), a budget of 3,000 person-hours
/// (`budget`), or `Solver::Exact` with its default nodes (`exact`).
pub fn department_modes() -> [(&'static str, AcbpOptions); 4] {
    let seats = AcbpOptions::default().default_seats(5);
    [
        ("seats", seats.clone()),
        (
            "cap",
            seats.clone().officer_cap(500.0).expect("a valid cap"),
        ),
        (
            "budget",
            seats.clone().budget(3_000.0).expect("a valid budget"),
        ),
        ("exact", seats.solver(Solver::default())),
    ]
}
