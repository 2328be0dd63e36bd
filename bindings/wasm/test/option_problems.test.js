// Every problem of an options object is reported at once, beside the call's own problems
// (an argument of the wrong type, an unknown position, competency, course or department),
// for every function taking options; and numbers in messages are written as JavaScript
// writes them (`Infinity`, `NaN`, `1e+21`), never as Rust prints them (`inf`).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Cohort,
  Framework,
  Profile,
  exportCase,
  importCase,
  loadEsco,
  loadEscoReport,
  loadFracPositions,
  loadIgotCourses,
  loadKcm,
  loadOfficers,
  loadOnet,
} from "../index.js";

const fw = new Framework({
  format_version: 1,
  competencies: [{ id: "c0", name: "C0", type: "functional" }],
  roles: [{ id: "r", name: "R", requires: [{ competency: "c0", level: 3 }] }],
  positions: [{ id: "p", name: "P", department: "d", roles: ["r"] }],
  courses: [{ id: "k", name: "K", hours: 4, provides: [{ competency: "c0", level: 3 }] }],
});
const officer = {
  id: "o1",
  department: "d",
  position: "p",
  passbook: [{ competency: "c0", level: 1, source: "assessment", date: "2024-01-01" }],
};
const profile = new Profile(fw, officer);
const cohort = new Cohort(fw, [officer]);

/** The problems `run` throws, each as `code:what` (its option, path or id). */
function problems(run) {
  try {
    run();
  } catch (e) {
    return e.problems.map((p) => `${p.code}:${p.option ?? p.path ?? p.name ?? p.id}`);
  }
  assert.fail("expected a KarmayogiError, nothing was thrown");
}

describe("every problem of an options object, with the call's", () => {
  const cases = [
    [
      "recommend: three values out of range",
      () => fw.recommend(profile, "p", { termHours: -1, maxFormalShare: 2, budget: -5 }),
      ["invalid_option:budget", "invalid_option:termHours", "invalid_option:maxFormalShare"],
    ],
    [
      "recommend: an option out of range and an unknown position",
      () => fw.recommend(profile, "zz", { termHours: -1 }),
      ["invalid_option:termHours", "unknown_id:zz"],
    ],
    [
      "recommend: a weight out of range on a known competency, one on an unknown",
      () => fw.recommend(profile, "p", { competencyWeights: { c0: -1, zz: -2 } }),
      ["invalid_id_weight:c0", "invalid_id_weight:zz", "unknown_id:zz"],
    ],
    [
      "recommend: an unknown key, a wrong type, missing parts of solver and untagged, a position not a string",
      () =>
        fw.recommend(profile, 7, {
          budgte: 3,
          weights: { domain: -1, functional: "x", behavioural: -2 },
          solver: {},
          untagged: { assume: 9 },
          competencyWeights: { zz: "heavy" },
        }),
      [
        "json:budgte",
        "json:solver.exact.nodeLimit",
        "level_out_of_range:undefined",
        // Read in a fixed order (behavioural, functional, domain), not the object's.
        "invalid_weight:behavioural",
        "json:weights.functional",
        "invalid_weight:domain",
        "json:competencyWeights.zz",
        "json:",
      ],
    ],
    [
      "recommendTargets",
      () => fw.recommendTargets([{ competency: "zz", current: 0, required: 3 }], [], { budget: NaN, termHours: 0 }),
      ["invalid_option:budget", "invalid_option:termHours", "unknown_id:zz"],
    ],
    [
      "departmentPlan",
      () =>
        fw.departmentPlan(cohort, {
          budget: -1,
          officerCap: -1,
          defaultSeats: 1.5,
          seats: { zz: -1 },
          positionWeights: { zz: -1 },
          department: "nowhere",
        }),
      [
        "invalid_option:budget",
        "invalid_option:officerCap",
        "json:seats.zz",
        "json:defaultSeats",
        "invalid_id_weight:zz",
        // The call's: the department, the course given seats, the position weighted.
        "unknown_id:nowhere",
        "unknown_id:zz",
        "unknown_id:zz",
      ],
    ],
    [
      "careerPaths",
      () => fw.careerPaths(profile, { top: -1, excludeCurrent: "yes", department: 3 }),
      ["json:top", "json:excludeCurrent", "json:department"],
    ],
    [
      "successors",
      () => fw.successors(cohort, "zz", { top: 1.5, untagged: "assume" }),
      ["json:top", "json:untagged", "unknown_id:zz"],
    ],
    [
      "positionsFor",
      () => fw.positionsFor(profile, { top: -1, excludeCurrent: 1 }),
      ["json:top", "json:excludeCurrent"],
    ],
    [
      "officersFor",
      () => fw.officersFor(cohort, "zz", { top: -1, weights: { domain: Infinity } }),
      ["json:top", "invalid_weight:domain", "unknown_id:zz"],
    ],
    [
      "gap",
      () => fw.gap(profile, { includeMet: "no", weights: { domain: -1 } }),
      ["invalid_weight:domain", "json:includeMet"],
    ],
    [
      "gapFor",
      () => fw.gapFor(profile, "zz", { includeMet: 0, weights: [] }),
      ["json:weights", "json:includeMet", "unknown_id:zz"],
    ],
    [
      "careerStep: both options objects and the position",
      () => fw.careerStep(profile, "zz", { includeMet: 1 }, { budget: -1, termHours: -1 }),
      ["json:includeMet", "invalid_option:budget", "invalid_option:termHours", "unknown_id:zz"],
    ],
    [
      "trainingNeeds",
      () => fw.trainingNeeds(cohort, { department: 1, threads: 2 }),
      ["json:threads", "json:department"],
    ],
    [
      "trainingNeedsByDepartment",
      () => fw.trainingNeedsByDepartment(cohort, { department: 1, threads: 2 }),
      ["json:threads", "json:department"],
    ],
    [
      "compare",
      () => fw.compare(cohort, cohort, { weights: { domain: -1, functional: -1 }, extra: 1 }),
      ["json:extra", "invalid_weight:functional", "invalid_weight:domain"],
    ],
    [
      "reviewOfficers",
      () => fw.reviewOfficers([officer], { asOf: "15/03/2024", by: 1 }),
      ["json:by", "invalid_policy_date:undefined"],
    ],
    [
      "trainingNeedsByGroup",
      () => fw.trainingNeedsByGroup(cohort, { kind: "cluster", department: false }),
      ["json:department", "json:kind"],
    ],
    [
      "compareByGroup",
      () => fw.compareByGroup(cohort, cohort, { kind: "cluster", department: false }),
      ["json:department", "json:kind"],
    ],
    [
      "new Profile",
      () => new Profile(fw, { ...officer, position: "zz" }, { verifiedOnly: "yes", notBefore: "soon" }),
      ["json:verifiedOnly", "invalid_policy_date:undefined", "unknown_reference:undefined"],
    ],
    [
      "new Cohort",
      () => new Cohort(fw, [officer], { selfDeclared: 1, undated: "always", courseLevels: "raise" }),
      ["json:selfDeclared", "json:undated", "json:courseLevels"],
    ],
    [
      "Cohort.fromCsv",
      () =>
        Cohort.fromCsv(fw, { officers: "id\n" }, { delimiter: "x", dateOrder: "ymd", levelPolicy: { feedback360: 1 } }),
      // The call's: the two columns `officers.csv` misses (name, department).
      [
        "json:levelPolicy.feedback360",
        "json:delimiter",
        "json:dateOrder",
        "csv_missing_column:undefined",
        "csv_missing_column:undefined",
      ],
    ],
    [
      "loadOfficers",
      () => loadOfficers(fw, { officers: "id\n" }, { review: { asOf: 1 }, delimiter: "x" }),
      ["json:review.asOf", "json:delimiter", "csv_missing_column:undefined", "csv_missing_column:undefined"],
    ],
    [
      "loadEsco",
      () => loadEsco({}, { includeOptional: "yes", hierarchy: "tree" }),
      // Every text missing, as every problem of an options object is reported.
      ["json:includeOptional", "json:hierarchy", "json:occupations", "json:skills", "json:occupationSkills"],
    ],
    [
      "loadEscoReport",
      () => loadEscoReport({}, { optionalLevel: -1, includeOptional: "yes" }),
      ["json:optionalLevel", "json:includeOptional", "json:occupations", "json:skills", "json:occupationSkills"],
    ],
    [
      "loadOnet",
      () => loadOnet({}, { coreTasksOnly: "yes", hierarchy: "tree", importanceThreshold: "high" }),
      [
        "json:importanceThreshold",
        "json:coreTasksOnly",
        "json:hierarchy",
        "json:occupations",
        "json:elements",
        "json:occupationSkillLevels",
      ],
    ],
    ["loadKcm", () => loadKcm("[", { subThemes: "themes", other: 1 }), ["json:other", "json:subThemes", "json:[0]"]],
    [
      "loadIgotCourses",
      () => loadIgotCourses("[]", fw, { key: "uuid", hoursWhenMissing: "two" }),
      ["json:key", "json:hoursWhenMissing"],
    ],
    [
      "loadFracPositions",
      () => loadFracPositions("{", { department: 1, other: 1 }),
      ["json:other", "json:department", "json:"],
    ],
    [
      "importCase",
      () =>
        importCase("{", {
          itemTypes: { Skill: "skill", Area: { group: "region" } },
          defaultType: "soft",
          levelRule: { table: [[1, 9], "x"] },
        }),
      ["json:itemTypes.Skill", "json:itemTypes.Area.group", "json:defaultType", "json:levelRule.table[0][1]", "json:levelRule.table[1]", "json:"],
    ],
    [
      "exportCase",
      () => exportCase(fw, {}, { baseUri: 1, itemTypes: { domain: 2, skill: "S" }, rubricTitle: false }),
      // The options', then the document's (it names none of what a CASE document needs).
      [
        "json:baseUri",
        "json:itemTypes.skill",
        "json:itemTypes.domain",
        "json:rubricTitle",
        "case_invalid_identifier:undefined",
        "case_invalid_date_time:undefined",
        "case_missing_field:undefined",
        "case_missing_field:undefined",
      ],
    ],
  ];
  for (const [name, run, expected] of cases) {
    test(name, () => assert.deepEqual(problems(run), expected));
  }
});

describe("numbers in messages as JavaScript writes them", () => {
  const values = [Infinity, -Infinity, NaN];
  const shown = (v) => String(v);
  const numeric = [
    ["recommend budget", (v) => fw.recommend(profile, "p", { budget: v }), "option `budget` is "],
    ["recommend termHours", (v) => fw.recommend(profile, "p", { termHours: v }), "option `termHours` is "],
    ["recommend maxFormalShare", (v) => fw.recommend(profile, "p", { maxFormalShare: v }), "option `maxFormalShare` is "],
    ["recommend competencyWeights", (v) => fw.recommend(profile, "p", { competencyWeights: { c0: v } }), "weight of competency `c0` is "],
    ["recommend weights", (v) => fw.recommend(profile, "p", { weights: { domain: v } }), "weight `domain` is "],
    ["departmentPlan budget", (v) => fw.departmentPlan(cohort, { budget: v }), "option `budget` is "],
    ["departmentPlan officerCap", (v) => fw.departmentPlan(cohort, { officerCap: v }), "option `officerCap` is "],
    ["departmentPlan positionWeights", (v) => fw.departmentPlan(cohort, { positionWeights: { p: v } }), "weight of position `p` is "],
    ["departmentPlan seats", (v) => fw.departmentPlan(cohort, { seats: { k: v } }), "invalid options at `seats.k`: expected a whole number of seats from 0 to 4294967295, found "],
    ["departmentPlan defaultSeats", (v) => fw.departmentPlan(cohort, { defaultSeats: v }), "invalid options at `defaultSeats`: expected a whole number of seats from 0 to 4294967295, found "],
    ["careerPaths top", (v) => fw.careerPaths(profile, { top: v }), "invalid options at `top`: expected a whole number from 0 to 4294967295, found "],
    ["positionsFor top", (v) => fw.positionsFor(profile, { top: v }), "invalid options at `top`: expected a whole number from 0 to 4294967295, found "],
    ["solver nodeLimit", (v) => fw.recommend(profile, "p", { solver: { exact: { nodeLimit: v } } }), "invalid options at `solver.exact.nodeLimit`: expected a whole number from 0 to 9007199254740991, found "],
    ["untagged assume", (v) => fw.recommend(profile, "p", { untagged: { assume: v } }), "invalid options at `untagged.assume`: expected a whole number from 0 to 255, found "],
    ["gap weights", (v) => fw.gap(profile, { weights: { behavioural: v } }), "weight `behavioural` is "],
    ["compare weights", (v) => fw.compare(cohort, cohort, { weights: { functional: v } }), "weight `functional` is "],
    ["loadEsco essentialLevel", (v) => loadEsco({}, { essentialLevel: v }), "invalid options at `essentialLevel`: expected a whole number from 0 to 255, found "],
    ["importCase levelRule", (v) => importCase("{", { levelRule: { proportional: { top: v } } }), "invalid options at `levelRule.proportional.top`: expected a whole number from 0 to 4294967295, found "],
  ];
  for (const [name, run, prefix] of numeric) {
    test(name, () => {
      for (const v of values) {
        let error;
        try {
          run(v);
        } catch (e) {
          error = e;
        }
        assert.ok(error, `${name} ${v}: nothing thrown`);
        const p = error.problems[0];
        assert.ok(p.message.startsWith(`${prefix}${shown(v)}`), `${name} ${v}: ${p.message}`);
        assert.doesNotMatch(error.message, /\binf\b/);
        // The value itself, not JSON's `null`, where the problem carries it.
        if ("value" in p) assert.ok(Object.is(p.value, v), `${name} ${v}: value ${p.value}`);
      }
    });
  }

  test("large and small numbers as String(n) writes them", () => {
    for (const v of [1e21, -1e21, 1.5e300, 1e-7, -2.5e-300, 123456789012345680000, 0.000001]) {
      const e = (() => {
        try {
          fw.recommend(profile, "p", { weights: { domain: v } });
        } catch (e) {
          return e;
        }
      })();
      if (v > 0 && v <= 1e9 && v >= 1e-9) continue;
      assert.equal(e.problems[0].message, `weight \`domain\` is ${String(v)}: expected 0 or a number from 1e-9 to 1e9`);
    }
  });
});
