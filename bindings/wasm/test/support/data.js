// Paths and readers for the data the tests use: the repository's bundled example and the
// real ESCO and O*NET files in data/.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { JSON_SCHEMA, KarmayogiError } from "../../index.js";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoDir = join(packageDir, "..", "..");

export const read = (path) => readFileSync(join(repoDir, path), "utf8");

export const frameworkText = () => read("examples/data/head_post_office.json");
export const officersText = () => read("examples/data/head_post_office_officers.json");
export const frameworkDoc = () => JSON.parse(frameworkText());
/** The example's officers as an HR export: `officers.csv` and `evidence.csv`. */
export const officersCsv = () => ({
  officers: read("examples/data/head_post_office_officers.csv"),
  evidence: read("examples/data/head_post_office_evidence.csv"),
});
export const officersDoc = () => JSON.parse(officersText());

/** The ESCO CSV texts, with the skill hierarchy. */
export const escoCsv = () => ({
  occupations: read("data/esco/occupations.csv"),
  skills: read("data/esco/skills.csv"),
  occupationSkills: read("data/esco/occupation_skills.csv"),
  hierarchy: {
    skillBroader: read("data/esco/skill_broader.csv"),
    skillGroups: read("data/esco/skill_groups.csv"),
  },
});

/** The official ESCO v1.1.1 files as published, a small subset (tests/data/esco-official). */
export const escoOfficialCsv = () => ({
  occupations: read("tests/data/esco-official/occupations_en.csv"),
  skills: read("tests/data/esco-official/skills_en.csv"),
  occupationSkills: read("tests/data/esco-official/occupationSkillRelations.csv"),
  hierarchy: {
    skillBroader: read("tests/data/esco-official/broaderRelationsSkillPillar.csv"),
    skillGroups: read("tests/data/esco-official/skillsHierarchy_en.csv"),
  },
});

export const onetCsv = () => ({
  occupations: read("data/onet/occupations.csv"),
  elements: read("data/onet/elements.csv"),
  occupationSkillLevels: read("data/onet/occupation_skill_levels.csv"),
  tasks: read("data/onet/tasks.csv"),
});

/** The Rust source files of the library: every `.rs` file under `src`. */
function rustSources(dir = join(repoDir, "src")) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rustSources(path);
    return entry.name.endsWith(".rs") ? [readFileSync(path, "utf8")] : [];
  });
}

let rustNames;
/**
 * Words of the data a caller reads and writes that are also names of public Rust
 * functions: the names `exportCase` gives the CASE elements a framework has no id for
 * (`item_type(domain)`, `rubric_title`), which its messages name.
 */
const DATA_WORDS = ["item_type", "rubric_title"];

/**
 * The names of the library's public Rust functions written in snake case (`load_kcm`,
 * `from_json`), read from its sources: a JavaScript caller never sees them, so no
 * message may name one. Names that are also words of the documents a caller writes (the
 * fields `min_level` and `max_level`, the source `self_declared`: every property name
 * and enumerated value of the documents' JSON Schema) or of `DATA_WORDS` are left out,
 * as messages name those.
 */
export function rustFunctionNames() {
  if (!rustNames) {
    const fields = new Set([...documentFields(JSON_SCHEMA), ...DATA_WORDS]);
    const names = new Set();
    for (const text of rustSources()) {
      for (const m of text.matchAll(/^\s*pub fn ([a-z][a-z0-9]*(?:_[a-z0-9]+)+)/gm)) {
        if (!fields.has(m[1])) names.add(m[1]);
      }
    }
    rustNames = [...names].sort();
  }
  return rustNames;
}

/** Every property name and enumerated or constant text a JSON Schema declares. */
function documentFields(schema) {
  if (Array.isArray(schema)) return schema.flatMap(documentFields);
  if (schema === null || typeof schema !== "object") return [];
  const own = schema.properties ? Object.keys(schema.properties) : [];
  const values = [...(Array.isArray(schema.enum) ? schema.enum : []), schema.const];
  own.push(...values.filter((v) => typeof v === "string"));
  return own.concat(Object.values(schema).flatMap(documentFields));
}

/**
 * What of a message names the Rust API rather than the package's: each public Rust
 * function in snake case (see `rustFunctionNames`) and each Rust path (`Framework::new`,
 * `FrameworkSpec::from_json`) it holds; empty when it names none.
 */
export function rustNamesIn(message) {
  const names = rustFunctionNames();
  const words = new Set(message.match(/[a-z][a-z0-9]*(?:_[a-z0-9]+)+/g) ?? []);
  const found = names.filter((name) => words.has(name));
  return found.concat(message.match(/\b[A-Z][A-Za-z0-9]*::[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/**
 * Asserts that no message of a thrown KarmayogiError, the error's own and every
 * problem's (a `csv_row`'s inner `error` included), names a Rust function or path.
 */
export function assertJavaScriptNames(error) {
  const messages = [error.message];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if (key === "message" && typeof v === "string") messages.push(v);
        else walk(v);
      }
    }
  };
  walk(error.problems);
  for (const message of messages) {
    assert.deepEqual(rustNamesIn(message), [], `a message names the Rust API: ${message}`);
  }
}

/**
 * Asserts that `run` throws a KarmayogiError whose problems match `expected` one for one,
 * in order: each expected object's keys must equal the problem's (the message is checked
 * to be a non-empty string). Returns the error.
 */
export function throwsProblems(run, expected) {
  let error;
  try {
    run();
  } catch (e) {
    error = e;
  }
  assert.ok(error, "expected a KarmayogiError, nothing was thrown");
  assert.ok(error instanceof KarmayogiError, `expected a KarmayogiError, got ${error?.stack ?? error}`);
  assert.equal(error.name, "KarmayogiError");
  assertJavaScriptNames(error);
  const actual = error.problems.map((p, i) => {
    assert.equal(typeof p.message, "string");
    assert.ok(p.message.length > 0);
    const subset = {};
    for (const k of Object.keys(expected[i] ?? {})) subset[k] = p[k];
    return expected[i] ? subset : p;
  });
  assert.deepEqual(actual, expected);
  assert.equal(error.code, expected[0].code);
  if (expected.length === 1) assert.equal(error.message, error.problems[0].message);
  else assert.match(error.message, new RegExp(`^${expected.length} problems found:`));
  return error;
}
