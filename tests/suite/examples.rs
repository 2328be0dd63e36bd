//! The examples as people run them, from the binaries `cargo test` builds beside this one
//! (`target/<profile>/examples/`; `cargo test --test suite` does not build them, so one
//! older than a source it was built from is refused): output whose reader has gone away
//! (as after `| head -1`) ends the example quietly with exit code 0, and a failure is one
//! line on standard error with exit code 1. The examples that load the real data are too
//! slow for a debug test run; `.ci/run` pipes each of the six release builds into
//! `head -1`.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The built example `name`, next to this test's own directory, refused when it is missing
/// or older than a source it was built from.
#[track_caller]
fn example(name: &str) -> Command {
    let exe = std::env::current_exe().expect("the test's own path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match built(&profile.join("examples"), name, root) {
        Ok(path) => Command::new(path),
        Err(why) => panic!("{why}"),
    }
}

/// The path of example `name` in `dir` when it is built from its sources as they are:
/// `cargo test --test suite` does not build the examples, so an example edited (or the
/// library under it) since the last `cargo test` or `cargo build --examples` would
/// otherwise be run as it was.
///
/// The sources are the files the dependency list cargo writes beside the binary
/// (`<name>.d`) names: the example's, the `include_str!` data, and the library's, the
/// files whose change makes cargo build it again. (Cargo.toml is not among them: cargo
/// builds again on a change of dependencies, features or profile in it, not on its time
/// stamp, so comparing with it could ask for a build that changes nothing.) A binary
/// older than any of them, a source outside `root` (the checkout being tested) or gone,
/// as when the binary was built in another checkout, or a missing list is refused,
/// naming the command that builds it. O(sources).
fn built(dir: &Path, name: &str, root: &Path) -> Result<PathBuf, String> {
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let rebuild = "run `cargo build --examples` (or `cargo test`, which builds them)";
    let built_at = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .map_err(|_| format!("{} is not built: {rebuild}", path.display()))?;
    let list = dir.join(format!("{name}.d"));
    let deps = std::fs::read_to_string(&list).map_err(|_| {
        format!(
            "{} has no dependency list {}: {rebuild}",
            path.display(),
            list.display()
        )
    })?;
    for source in dependencies(&deps) {
        if !source.starts_with(root) {
            return Err(format!(
                "{} was built from {}, outside {} (in another checkout): {rebuild}",
                path.display(),
                source.display(),
                root.display()
            ));
        }
        let changed = std::fs::metadata(&source).and_then(|m| m.modified());
        match changed {
            Ok(changed) if changed <= built_at => {}
            Ok(_) => {
                return Err(format!(
                    "{} is older than {}, so it would run as it was before the change: {rebuild}",
                    path.display(),
                    source.display()
                ));
            }
            Err(_) => {
                return Err(format!(
                    "{} was built from {}, which is not there: {rebuild}",
                    path.display(),
                    source.display()
                ));
            }
        }
    }
    Ok(path)
}

/// The prerequisites of a make rule as cargo writes it (`target: a b\ c`): after the
/// first `: `, separated by spaces, a space in a path written `\ `.
fn dependencies(rule: &str) -> Vec<PathBuf> {
    let Some((_, after)) = rule.split_once(": ") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = after.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next @ (' ' | '\\' | '#')) => current.push(next),
                Some(next) => {
                    current.push('\\');
                    current.push(next);
                }
                None => {}
            },
            ' ' | '\n' | '\r' | '\t' => {
                if !current.is_empty() {
                    out.push(PathBuf::from(std::mem::take(&mut current)));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(PathBuf::from(current));
    }
    out
}

/// Runs the example with standard output connected to a socket whose other end is already
/// closed, so its first write fails as a write into a pipe whose reader exited does.
#[track_caller]
fn with_output_closed(mut command: Command) -> Output {
    let (ours, theirs) = UnixStream::pair().expect("a socket pair");
    drop(ours);
    command
        .stdout(Stdio::from(OwnedFd::from(theirs)))
        .stderr(Stdio::piped())
        .output()
        .expect("the example starts")
}

#[track_caller]
fn assert_quiet_success(name: &str, output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "{name}: {:?}, standard error: {stderr}",
        output.status
    );
}

#[test]
fn an_example_older_than_a_source_is_refused() {
    use std::time::{Duration, SystemTime};
    let dir = std::env::temp_dir().join(format!("karmayogi-examples-{}", std::process::id()));
    let checkout = dir.join("checkout");
    let out = dir.join("examples");
    std::fs::create_dir_all(&checkout).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let source = checkout.join("a demo.rs");
    let data = checkout.join("data.json");
    let exe = out.join(format!("demo{}", std::env::consts::EXE_SUFFIX));
    let list = out.join("demo.d");
    for file in [&source, &data, &exe] {
        std::fs::write(file, "").unwrap();
    }
    let escaped = source.display().to_string().replace(' ', "\\ ");
    std::fs::write(
        &list,
        format!("{}: {escaped} {}\n", exe.display(), data.display()),
    )
    .unwrap();
    let at = |file: &Path, seconds: u64| {
        let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + seconds);
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(when)
            .unwrap();
    };
    at(&source, 0);
    at(&data, 0);
    at(&exe, 60);
    assert_eq!(built(&out, "demo", &checkout), Ok(exe.clone()));
    // A source edited after the build, the one whose path holds a space included.
    at(&source, 120);
    let stale = built(&out, "demo", &checkout).unwrap_err();
    assert!(
        stale.contains("is older than") && stale.contains("a demo.rs"),
        "{stale}"
    );
    assert!(stale.contains("run `cargo build --examples`"), "{stale}");
    at(&source, 0);
    at(&data, 61);
    assert!(
        built(&out, "demo", &checkout)
            .unwrap_err()
            .contains("data.json")
    );
    at(&data, 0);
    // Built in another checkout.
    let elsewhere = built(&out, "demo", &dir.join("other")).unwrap_err();
    assert!(elsewhere.contains("in another checkout"), "{elsewhere}");
    std::fs::remove_file(&data).unwrap();
    assert!(
        built(&out, "demo", &checkout)
            .unwrap_err()
            .contains("which is not there")
    );
    std::fs::remove_file(&list).unwrap();
    assert!(
        built(&out, "demo", &checkout)
            .unwrap_err()
            .contains("no dependency list")
    );
    std::fs::remove_file(&exe).unwrap();
    assert!(
        built(&out, "demo", &checkout)
            .unwrap_err()
            .contains("is not built")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn examples_end_quietly_when_their_output_is_closed() {
    for (name, args) in [
        ("quickstart", &[][..]),
        ("learning_path", &[][..]),
        ("learning_path", &["meena-iyer", "aso-division"][..]),
        ("bench_needs", &["1000", "--big", "0"][..]),
    ] {
        let mut command = example(name);
        command.args(args);
        let output = with_output_closed(command);
        assert_quiet_success(name, &output);
    }
}

#[test]
fn quickstart_piped_into_head_prints_its_first_line_and_exits_0() {
    let mut child = example("quickstart")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quickstart starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut first)
        .expect("a first line");
    // The reader is dropped here, as `head -1` exits after its line.
    let output = child.wait_with_output().expect("quickstart ends");
    assert_eq!(
        first,
        "Framework: 16 competencies, 11 activities, 4 roles, 3 positions, 18 courses\n"
    );
    assert_quiet_success("quickstart", &output);
}

/// An example, its arguments, and how its one line of standard error starts.
const BAD_ARGUMENTS: &[(&str, &[&str], &str)] = &[
    (
        "learning_path",
        &["nobody"],
        "error: unknown officer `nobody`; known: ",
    ),
    (
        "esco_transition",
        &["only-one"],
        "error: expected no arguments or two occupations (FROM TO), found 1;",
    ),
    (
        "acbp",
        &["many"],
        "error: OFFICERS: expected a whole number, found `many`; usage: acbp",
    ),
    (
        "bench_needs",
        &["--bogus"],
        "error: unknown option `--bogus`; usage: bench_needs",
    ),
    (
        "bench_recommend",
        &["lots"],
        "error: OFFICERS: expected a whole number, found `lots`; usage: bench_recommend",
    ),
    // Unknown flags and extra positional arguments are refused, not ignored.
    (
        "quickstart",
        &["--bogus"],
        "error: unknown option `--bogus`; usage: quickstart",
    ),
    (
        "quickstart",
        &["extra"],
        "error: unexpected argument `extra`; usage: quickstart",
    ),
    (
        "learning_path",
        &["arjun-rao", "aso-division", "extra"],
        "error: unexpected argument `extra`; usage: learning_path [OFFICER [POSITION]]",
    ),
    (
        "acbp",
        &["5", "6"],
        "error: unexpected argument `6`; usage: acbp [OFFICERS] [--full]",
    ),
    (
        "acbp",
        &["--ful"],
        "error: unknown option `--ful`; usage: acbp",
    ),
    (
        "bench_recommend",
        &["5", "--bogus"],
        "error: unknown option `--bogus`; usage: bench_recommend",
    ),
    (
        "bench_needs",
        &["--seed"],
        "error: `--seed` needs a value; usage: bench_needs",
    ),
    (
        "bench_career",
        &["5", "6"],
        "error: unexpected argument `6`; usage: bench_career",
    ),
    (
        "bench_framework",
        &["--bogus"],
        "error: unknown option `--bogus`; usage: bench_framework",
    ),
    // A count of 0 makes no sense: no department, no batch to time.
    (
        "acbp",
        &["0"],
        "error: OFFICERS is 0: expected at least 1; usage: acbp",
    ),
    (
        "bench_recommend",
        &["0"],
        "error: OFFICERS is 0: expected at least 1; usage: bench_recommend",
    ),
    (
        "bench_needs",
        &["0"],
        "error: OFFICERS is 0: expected at least 1; usage: bench_needs",
    ),
    (
        "bench_career",
        &["0"],
        "error: OFFICERS is 0: expected at least 1; usage: bench_career",
    ),
    (
        "bench_framework",
        &["0"],
        "error: N is 0: expected at least 1; usage: bench_framework",
    ),
    (
        "bench_department_chain",
        &["lots"],
        "error: N: expected a whole number above 0, found `lots`;",
    ),
    (
        "bench_department_chain",
        &["10", "everything"],
        "error: expected one of seats, cap, budget, exact, recommend, greedy, within, greedy-within, all after N;",
    ),
    (
        "bench_department_chain",
        &["10", "all", "round"],
        "error: expected one of own, same, top after the variant;",
    ),
    (
        "bench_rollup",
        &["lots"],
        "error: OFFICERS: expected a whole number above 0, found `lots`;",
    ),
    (
        "bench_case",
        &["0"],
        "error: N is 0: expected at least 1; usage: bench_case",
    ),
    (
        "bench_case",
        &["many"],
        "error: N: expected a whole number, found `many`; usage: bench_case",
    ),
    (
        "bench_shapes",
        &["dense", "0"],
        "error: N is 0: expected at least 1; usage: bench_shapes",
    ),
    (
        "bench_shapes",
        &["dense", "4", "20"],
        "error: unexpected argument `20`: dense has no officers; usage: bench_shapes",
    ),
    (
        "bench_shapes",
        &["diamond", "4", "some"],
        "error: OFFICERS: expected a whole number, found `some`; usage: bench_shapes",
    ),
    (
        "esco_official",
        &["a", "b", "c"],
        "error: unexpected argument `c`; usage: esco_official DIR [COMPACT_DIR]",
    ),
    (
        "plan_claims_driver",
        &["--bogus"],
        "error: `--bogus`: plan_claims_driver takes no arguments",
    ),
    (
        "bench_plans",
        &["--bogus"],
        "error: unknown option `--bogus`; usage: bench_plans",
    ),
    (
        "bench_plans",
        &["--nodes", "0"],
        "error: --nodes is 0: expected at least 1; usage: bench_plans",
    ),
];

/// Every example of the repository: `--help` prints its usage line on standard output and
/// exits with 0, as README.md says of them all.
const EXAMPLES: [&str; 19] = [
    "acbp",
    "bench_career",
    "bench_case",
    "bench_department_chain",
    "bench_framework",
    "bench_needs",
    "bench_plans",
    "bench_recommend",
    "bench_rollup",
    "bench_shapes",
    "esco_official",
    "esco_transition",
    "kcm_themes",
    "learning_path",
    "needs_from_csv",
    "needs_from_json",
    "plan_claims_driver",
    "plan_hash",
    "quickstart",
];

#[test]
fn every_example_prints_its_usage_for_help_and_exits_0() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("the examples directory")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".rs")
                .map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk, EXAMPLES,
        "an example was added or removed: list it here and in README.md"
    );
    let readme = include_str!("../../README.md");
    for name in EXAMPLES {
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "{name} is not in README.md's table"
        );
        let output = example(name)
            .arg("--help")
            .stdin(Stdio::null())
            .output()
            .expect("the example starts");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{name}: {stdout}");
        assert!(
            stdout.starts_with(&format!("usage: {name}")),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn bad_arguments_are_one_line_on_standard_error_and_exit_code_1() {
    for &(name, args, start) in BAD_ARGUMENTS {
        let output = example(name)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("the example starts");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.starts_with(start), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.ends_with('\n'), "{name}: {stderr}");
    }
}

#[test]
fn kcm_themes_prints_the_heatmap_by_theme_and_an_atlas_entry() {
    let output = example("kcm_themes").output().expect("kcm_themes starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_quiet_success("kcm_themes", &output);
    for line in [
        "Karmayogi Competency Model: 37 groups (areas and themes), 112 sub-themes; 0 set aside",
        "Officers: 240 SYNTHETIC (fixed pseudo-random passbooks)",
        "Training needs of 240 officers by group: 13 of 13 groups with officers short",
        "Atlas of Policy implementation [kcm:Functional/Policy Architecture/Policy implementation] \
         (functional), in Policy Architecture [kcm:Functional/Policy Architecture]",
        "Research & Need Analysis [kcm:Functional/Policy Architecture/Research & Need Analysis]: \
         demanded by 2 posts (level 3: 2)",
        "Research & Need Analysis [kcm:Functional/Government Program Formulation/Research & Need \
         Analysis]: demanded by 3 posts (level 2: 3)",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "missing {line:?} in:\n{stdout}"
        );
    }
    // Every row of the heatmap is a KCM theme.
    let rows: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("Training needs"))
        .skip(3)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.contains("theme"))
        .collect();
    assert_eq!(rows.len(), 13, "{stdout}");
    let extra = example("kcm_themes")
        .arg("extra")
        .output()
        .expect("kcm_themes starts");
    assert_eq!(extra.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&extra.stderr),
        "error: `extra`: kcm_themes takes no arguments\n"
    );
    assert_quiet_success("kcm_themes", &with_output_closed(example("kcm_themes")));
}
