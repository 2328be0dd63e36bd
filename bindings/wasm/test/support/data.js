// Paths and readers for the data the tests use: the repository's bundled example and the
// real ESCO and O*NET files in data/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { KarmayogiError } from "../../index.js";

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
