//! Plans instances read from standard input, one JSON object a line, and writes each
//! result as one JSON line: the driver of `benches/plan_claims.py`, which checks every claim
//! of the plans against its own oracle (brute force, and the MIP solver `HiGHS`).
//!
//! Input line: `{"framework": <framework document>, "officers": <officers document>,
//! "recommend": [{"officer": <index>, "position": <id, optional>, "options": {...}}],
//! "department": [{...}]}`. Options: `solver` (`"greedy"`, a node limit, or absent for the
//! default), `budget`, `assume` (a level for untagged courses), `weights` (behavioural,
//! functional, domain), `competency_weights`, `term_hours`, `share`; for departments also
//! `officer_cap`, `seats`, `default_seats`, `position_weights`, `department` (the default
//! solver of a department plan is `Solver::Greedy`, as `AcbpOptions`'s). `"career":
//! [{"officer": <index>, "options": {...}}]` and `"successors": [{"position": <id>,
//! "options": {...}}]` rank posts and officers (`Framework::career_paths`,
//! `Framework::successors`); their options: `solver`, `assume`, `k`, `exclude_current`,
//! `department` and `readiness_weights` (behavioural, functional, domain).
//!
//! Output line: `{"recommend": [...], "department": [...], "career": [...], "successors":
//! [...]}`, each `{"plan": <the plan's JSON>, "text": <its Display>, "deterministic":
//! <whether a second run, or for departments a run on 2 threads, gave the same JSON>}`, a
//! learning path also with `"recommender"` (whether a `Recommender` planning every request
//! of the same options, in order and then in reverse, gave the same plan each time) (for
//! rankings `{"fits": <the fits' JSON>, "deterministic": ...}`), or `{"error": ...}` / `{"options_error": ...}` / `{"panic": true}`.
//!
//! Run with `cargo build --release --example plan_claims_driver`; see the script.

use std::io::{BufRead, Write};

use karmayogi::{
    AcbpOptions, CareerOptions, Cohort, Framework, GapOptions, Level, LevelPolicy, OfficersSpec,
    Profile, RecommendOptions, Recommender, Solver, UntaggedLevel, Weights,
};
use serde_json::{Value, json};

fn solver(v: &Value) -> Solver {
    match v.get("solver") {
        Some(Value::Number(n)) => Solver::Exact {
            node_limit: n.as_u64().unwrap(),
        },
        Some(Value::String(s)) if s == "greedy" => Solver::Greedy,
        _ => Solver::default(),
    }
}

fn weights(v: &Value) -> Option<Weights> {
    let w = v.get("weights")?.as_array()?;
    Some(
        Weights::new(
            w[0].as_f64().unwrap(),
            w[1].as_f64().unwrap(),
            w[2].as_f64().unwrap(),
        )
        .unwrap(),
    )
}

fn untagged(v: &Value) -> UntaggedLevel {
    match v.get("assume").and_then(Value::as_u64) {
        Some(l) => UntaggedLevel::Assume(Level::new(l as u8).unwrap()),
        None => UntaggedLevel::Ignore,
    }
}

/// The entries of the object `v[key]`, each value read as a number (none when absent).
fn numbers<'v>(v: &'v Value, key: &str) -> impl Iterator<Item = (&'v str, f64)> {
    v.get(key)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, w)| (k.as_str(), w.as_f64().unwrap()))
}

fn rec_options(v: &Value) -> Result<RecommendOptions, String> {
    let mut o = RecommendOptions::default()
        .solver(solver(v))
        .untagged(untagged(v));
    if let Some(w) = weights(v) {
        o = o.weights(w);
    }
    for (k, w) in numbers(v, "competency_weights") {
        o = o.competency_weight(k, w).map_err(|e| e.to_string())?;
    }
    if let Some(t) = v.get("term_hours").and_then(Value::as_f64) {
        o = o.term_hours(t).map_err(|e| e.to_string())?;
    }
    if let Some(s) = v.get("share").and_then(Value::as_f64) {
        o = o.max_formal_share(s).map_err(|e| e.to_string())?;
    }
    if let Some(b) = v.get("budget").and_then(Value::as_f64) {
        o = o.budget(b).map_err(|e| e.to_string())?;
    }
    Ok(o)
}

fn dept_options(v: &Value) -> Result<AcbpOptions, String> {
    let mut o = AcbpOptions::default()
        .solver(solver(v))
        .untagged(untagged(v));
    if v.get("solver").is_none() {
        o = o.solver(Solver::Greedy);
    }
    if let Some(w) = weights(v) {
        o = o.weights(w);
    }
    for (k, w) in numbers(v, "competency_weights") {
        o = o.competency_weight(k, w).map_err(|e| e.to_string())?;
    }
    for (k, w) in numbers(v, "position_weights") {
        o = o.position_weight(k, w).map_err(|e| e.to_string())?;
    }
    if let Some(m) = v.get("seats").and_then(Value::as_object) {
        for (k, s) in m {
            o = o.seats(k.as_str(), s.as_u64().unwrap() as u32);
        }
    }
    if let Some(s) = v.get("default_seats").and_then(Value::as_u64) {
        o = o.default_seats(s as u32);
    }
    if let Some(b) = v.get("budget").and_then(Value::as_f64) {
        o = o.budget(b).map_err(|e| e.to_string())?;
    }
    if let Some(c) = v.get("officer_cap").and_then(Value::as_f64) {
        o = o.officer_cap(c).map_err(|e| e.to_string())?;
    }
    if let Some(d) = v.get("department").and_then(Value::as_str) {
        o = o.department(d);
    }
    Ok(o)
}

fn career_options(v: &Value) -> CareerOptions {
    let mut o = CareerOptions::default()
        .solver(solver(v))
        .untagged(untagged(v));
    if let Some(k) = v.get("k").and_then(Value::as_u64) {
        o = o.top(k as usize);
    }
    if let Some(x) = v.get("exclude_current").and_then(Value::as_bool) {
        o = o.exclude_current(x);
    }
    if let Some(d) = v.get("department").and_then(Value::as_str) {
        o = o.department(d);
    }
    if let Some(w) = v.get("readiness_weights").and_then(Value::as_array) {
        let w: Vec<f64> = w.iter().filter_map(Value::as_f64).collect();
        o = o.gap_options(GapOptions::default().weights(Weights::new(w[0], w[1], w[2]).unwrap()));
    }
    o
}

/// The fits as JSON, or the error's text; a panic reported as such.
fn fits<E: std::fmt::Display>(run: impl Fn() -> Result<Vec<karmayogi::CareerFit>, E>) -> Value {
    let go = || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run()
                .map(|f| serde_json::to_value(&f).unwrap())
                .map_err(|e| e.to_string())
        }))
    };
    match (go(), go()) {
        (Ok(Ok(a)), Ok(Ok(b))) => json!({"fits": a, "deterministic": a == b}),
        (Ok(Err(e)), _) => json!({"error": e}),
        _ => json!({"panic": true}),
    }
}

/// Marks each planned request of `v["recommend"]` with `"recommender"`: whether a
/// [`Recommender`] with the same options, planning every request of those options in
/// order, then again in reverse order (so that parts and whole plans are read back), gave
/// the same plan each time as [`Framework::recommend`].
fn same_in_recommenders(fw: &Framework, officers: &OfficersSpec, v: &Value, recs: &mut [Value]) {
    let requests: Vec<&Value> = v["recommend"].as_array().into_iter().flatten().collect();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, r) in requests.iter().enumerate() {
        let key = r["options"].to_string();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    let policy = LevelPolicy::default();
    for (_, list) in groups {
        let Ok(opts) = rec_options(&requests[list[0]]["options"]) else {
            continue;
        };
        let mut recommender = Recommender::new(fw, &opts);
        for &i in list.iter().chain(list.iter().rev()) {
            let spec = &officers.officers[requests[i]["officer"].as_u64().unwrap() as usize];
            let profile = Profile::new(fw, spec, &policy).unwrap();
            let position = requests[i]
                .get("position")
                .and_then(Value::as_str)
                .map_or_else(|| spec.position.to_string(), str::to_owned);
            let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                recommender
                    .recommend(&profile, &position)
                    .ok()
                    .map(|p| serde_json::to_value(&p).unwrap())
            }));
            let same = matches!((&got, recs[i].get("plan")), (Ok(Some(a)), Some(b)) if a == b);
            let before = recs[i].get("recommender").and_then(Value::as_bool);
            recs[i]["recommender"] = json!(before.unwrap_or(true) && same);
        }
    }
}

fn one(line: &str) -> Value {
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"input_error": e.to_string()}),
    };
    let fw = match Framework::from_json(&v["framework"].to_string()) {
        Ok(f) => f,
        Err(e) => return json!({"framework_error": e.to_string()}),
    };
    let officers_json = v["officers"].to_string();
    let officers = match OfficersSpec::from_json(&officers_json) {
        Ok(o) => o,
        Err(e) => return json!({"officers_error": e.to_string()}),
    };
    let policy = LevelPolicy::default();
    let mut recs = Vec::new();
    for r in v["recommend"].as_array().into_iter().flatten() {
        let o = r["officer"].as_u64().unwrap() as usize;
        let spec = &officers.officers[o];
        let profile = Profile::new(&fw, spec, &policy).unwrap();
        let position = r
            .get("position")
            .and_then(Value::as_str)
            .map_or_else(|| spec.position.to_string(), str::to_owned);
        let out = match rec_options(&r["options"]) {
            Err(e) => json!({"options_error": e}),
            Ok(opts) => {
                let run = || {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        fw.recommend(&profile, &position, &opts)
                            .map(|p| json!([p, p.to_string()]))
                            .map_err(|e| e.to_string())
                    }))
                };
                match (run(), run()) {
                    (Ok(Ok(a)), Ok(Ok(b))) => {
                        json!({"plan": a[0], "text": a[1], "deterministic": a == b})
                    }
                    (Ok(Err(e)), _) => json!({"error": e}),
                    _ => json!({"panic": true}),
                }
            }
        };
        recs.push(out);
    }
    same_in_recommenders(&fw, &officers, &v, &mut recs);
    let mut depts = Vec::new();
    if v.get("department").is_some() {
        let cohort = Cohort::from_json(&fw, &officers_json, &policy).unwrap();
        for d in v["department"].as_array().into_iter().flatten() {
            let out = match dept_options(d) {
                Err(e) => json!({"options_error": e}),
                Ok(opts) => {
                    let run = |t: usize| {
                        let o = opts.clone().threads(t);
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            fw.department_plan(&cohort, &o)
                                .map(|p| json!([p, p.to_string()]))
                                .map_err(|e| e.to_string())
                        }))
                    };
                    match (run(1), run(2)) {
                        (Ok(Ok(a)), Ok(Ok(b))) => {
                            json!({"plan": a[0], "text": a[1], "deterministic": a == b})
                        }
                        (Ok(Err(e)), _) => json!({"error": e}),
                        _ => json!({"panic": true}),
                    }
                }
            };
            depts.push(out);
        }
    }
    let mut careers = Vec::new();
    for r in v["career"].as_array().into_iter().flatten() {
        let spec = &officers.officers[r["officer"].as_u64().unwrap() as usize];
        let profile = Profile::new(&fw, spec, &policy).unwrap();
        let opts = career_options(&r["options"]);
        careers.push(fits(|| fw.career_paths(&profile, &opts)));
    }
    let mut successors = Vec::new();
    if let Some(list) = v["successors"].as_array() {
        let cohort = Cohort::from_json(&fw, &officers_json, &policy).unwrap();
        for r in list {
            let opts = career_options(&r["options"]);
            let position = r["position"].as_str().unwrap();
            successors.push(fits(|| fw.successors(&cohort, position, &opts)));
        }
    }
    json!({"recommend": recs, "department": depts, "career": careers, "successors": successors})
}

fn main() {
    if let Some(arg) = std::env::args().nth(1) {
        if arg == "-h" || arg == "--help" {
            println!("usage: plan_claims_driver (no arguments; instances on standard input)");
            return;
        }
        eprintln!(
            "error: `{arg}`: plan_claims_driver takes no arguments (instances come on standard input)"
        );
        std::process::exit(1);
    }
    // A panic of the library is reported in the output line (`{"panic": true}`) and here.
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                eprintln!("plan_claims_driver: reading standard input: {e}");
                std::process::exit(1);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        // A reader gone away (`| head -1`) ends the driver quietly.
        if writeln!(out, "{}", one(&line))
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}
