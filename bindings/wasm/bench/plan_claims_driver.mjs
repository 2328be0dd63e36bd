// The JavaScript package's side of `benches/plan_claims.py` with `WASM=1`: reads the
// instances `examples/plan_claims_driver.rs` reads (one JSON object a line on standard
// input) and writes, one JSON line each, the package's `recommend`, `departmentPlan`,
// `careerPaths` and `successors` outputs for the same requests, so the script can check
// that they equal the library's. Build the package first (`npm run build`).
//
//   node bench/plan_claims_driver.mjs < instances.jsonl
//
// Output line: `{"recommend": [...], "department": [...], "career": [...], "successors":
// [...]}`, each `{"plan": ...}` (rankings `{"fits": ...}`) or `{"error": <code>}`. Career
// requests naming a solver are answered `{"skipped": true}`: the package's career options
// have none (its rankings use the library's default solver).
import { createInterface } from "node:readline";

import { Cohort, Framework, Profile } from "../index.js";

/** The driver's `solver` as the package's option (absent for the default). */
function solver(o, fallback) {
  if (o.solver === "greedy") return "greedy";
  if (typeof o.solver === "number") return { exact: { nodeLimit: o.solver } };
  return fallback;
}

const untagged = (o) => (o.assume == null ? undefined : { assume: o.assume });

const weights = (w) => (w ? { behavioural: w[0], functional: w[1], domain: w[2] } : undefined);

function recommendOptions(o) {
  return {
    budget: o.budget,
    solver: solver(o),
    untagged: untagged(o),
    weights: weights(o.weights),
    competencyWeights: o.competency_weights,
    termHours: o.term_hours,
    maxFormalShare: o.share,
  };
}

function departmentOptions(o) {
  return {
    // The Rust driver plans a department without a solver with the greedy, as
    // `AcbpOptions::default()` does; the package is left to its own default here.
    solver: solver(o),
    untagged: untagged(o),
    weights: weights(o.weights),
    competencyWeights: o.competency_weights,
    positionWeights: o.position_weights,
    seats: o.seats,
    defaultSeats: o.default_seats,
    budget: o.budget,
    officerCap: o.officer_cap,
    department: o.department,
  };
}

function careerOptions(o) {
  return {
    untagged: untagged(o),
    top: o.k,
    excludeCurrent: o.exclude_current,
    department: o.department,
    weights: weights(o.readiness_weights),
  };
}

/** `run()`'s result under `key`, or the error's code. */
function attempt(key, run) {
  try {
    return { [key]: run() };
  } catch (e) {
    return { error: e.problems?.map((p) => p.code).join(",") ?? String(e) };
  }
}

function one(line) {
  const v = JSON.parse(line);
  let fw;
  try {
    fw = new Framework(JSON.stringify(v.framework));
  } catch (e) {
    return { framework_error: String(e) };
  }
  const officersText = JSON.stringify(v.officers);
  const officers = v.officers.officers;
  const recommend = (v.recommend ?? []).map((r) => {
    const spec = officers[r.officer];
    const profile = new Profile(fw, spec);
    return attempt("plan", () => fw.recommend(profile, r.position ?? spec.position, recommendOptions(r.options)));
  });
  const cohort = new Cohort(fw, officersText);
  const department = (v.department ?? []).map((d) => attempt("plan", () => fw.departmentPlan(cohort, departmentOptions(d))));
  const career = (v.career ?? []).map((r) =>
    r.options.solver !== undefined
      ? { skipped: true }
      : attempt("fits", () => fw.careerPaths(new Profile(fw, officers[r.officer]), careerOptions(r.options))),
  );
  const successors = (v.successors ?? []).map((r) =>
    r.options.solver !== undefined
      ? { skipped: true }
      : attempt("fits", () => fw.successors(cohort, r.position, careerOptions(r.options))),
  );
  return { recommend, department, career, successors };
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) process.stdout.write(JSON.stringify(one(line)) + "\n");
}
