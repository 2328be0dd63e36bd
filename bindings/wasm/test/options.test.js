// Options that had no JavaScript spelling before: the level policy's group rules, and how
// the ESCO and O*NET loaders map their hierarchies (real data in data/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Cohort, Framework, Profile, loadEsco, loadOnet } from "../index.js";
import { escoCsv, onetCsv, throwsProblems } from "./support/data.js";

/** The fields of one CSV line (quoted fields with commas and doubled quotes; no line breaks). */
function fields(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

describe("LevelPolicy.inferGroupRules", () => {
  const fwp = new Framework({
    format_version: 2,
    competencies: [
      { id: "drafting", name: "Drafting", type: "functional", groups: ["office"] },
      { id: "noting", name: "Noting", type: "functional", groups: ["office"] },
      { id: "office-procedure", name: "Office procedure", type: "functional" },
    ],
    groups: [{ id: "office", name: "Office work", rule: { competency: "office-procedure", level: 3, at_least: 2 } }],
    roles: [{ id: "r", name: "R", requires: [{ competency: "office-procedure", level: 3 }] }],
    positions: [{ id: "p", name: "P", department: "d", roles: ["r"] }],
  });
  const officer = (drafting, noting) => ({
    id: "o",
    department: "d",
    position: "p",
    passbook: [
      { competency: "drafting", level: drafting, source: "assessment" },
      { competency: "noting", level: noting, source: "assessment" },
    ],
  });

  test("off by default; on, two children at level 3 grant the group's competency at 3", () => {
    assert.equal(new Profile(fwp, officer(3, 4)).level("office-procedure"), 0);
    assert.equal(new Profile(fwp, officer(3, 4), { inferGroupRules: true }).level("office-procedure"), 3);
    // One child short of the level: nothing inferred.
    assert.equal(new Profile(fwp, officer(3, 2), { inferGroupRules: true }).level("office-procedure"), 0);
    // The gap closes with the inferred level.
    assert.deepEqual(fwp.gap(new Profile(fwp, officer(4, 3), { inferGroupRules: true })).gaps, []);
    assert.equal(fwp.gap(new Profile(fwp, officer(4, 3))).gaps.length, 1);
  });

  test("a value that is not true or false is refused by name", () => {
    throwsProblems(() => new Profile(fwp, officer(1, 1), { inferGroupRules: "yes" }), [{ code: "json", path: "inferGroupRules" }]);
  });
});

describe("the loaders' hierarchy options", () => {
  test("ESCO: nearest_area declares no groups and gives each grouped skill an area", () => {
    const csv = escoCsv();
    const groups = loadEsco(csv);
    const areas = loadEsco(csv, { hierarchy: "nearest_area" });
    assert.ok(groups.groups.length > 0);
    assert.deepEqual(areas.groups ?? [], []);
    assert.deepEqual(areas.competencies.map((c) => c.id), groups.competencies.map((c) => c.id));
    const grouped = new Set(groups.competencies.filter((c) => (c.groups ?? []).length > 0).map((c) => c.id));
    assert.ok(grouped.size > 0);
    for (const c of areas.competencies) assert.equal(typeof c.area === "string" && c.area.length > 0, grouped.has(c.id), c.id);
    throwsProblems(() => loadEsco(csv, { hierarchy: "tree" }), [{ code: "json", path: "hierarchy" }]);
  });

  test("O*NET: parent_area gives each competency its parent element's name", () => {
    const csv = onetCsv();
    const parents = new Map();
    const names = new Map();
    for (const line of csv.elements.trim().split("\n").slice(1)) {
      const [id, parent, , name] = fields(line);
      parents.set(id, parent);
      names.set(id, name);
    }
    const areas = loadOnet(csv, { hierarchy: "parent_area" });
    assert.deepEqual(areas.groups ?? [], []);
    assert.ok(areas.competencies.length > 0);
    for (const c of areas.competencies) {
      const element = c.id.replace(/^onet-/, "");
      assert.equal(c.area, names.get(parents.get(element)), c.id);
    }
    assert.ok(loadOnet(csv).groups.length > 0);
    throwsProblems(() => loadOnet(csv, { hierarchy: "groups ", coreTasksOnly: true }), [{ code: "json", path: "hierarchy" }]);
  });
});

describe("CareerOptions.solver", () => {
  // 23 courses with prerequisites, 14 competencies: the greedy's least-hours path to
  // `p-all` takes 17 hours, the exact search's 16.8.
  const fwc = new Framework(readFileSync(new URL("./support/greedy_above_exact.json", import.meta.url), "utf8"));
  const officers = [
    { id: "o1", department: "d", position: "p-now", passbook: [] },
    { id: "o2", department: "d", position: "p-now", passbook: [{ competency: "c2", level: 3, source: "assessment" }] },
  ];
  const profiles = officers.map((o) => new Profile(fwc, o));
  const cohort = new Cohort(fwc, officers);
  const solvers = ["greedy", { exact: { nodeLimit: 1 } }, { exact: { nodeLimit: 2000 } }, { exact: { nodeLimit: 1000000 } }];

  test("the default is the exact search with 2000 nodes, as before", () => {
    for (const p of profiles) {
      assert.deepEqual(fwc.careerPaths(p, { solver: { exact: { nodeLimit: 2000 } } }), fwc.careerPaths(p));
    }
    assert.deepEqual(fwc.successors(cohort, "p-all", { solver: { exact: { nodeLimit: 2000 } } }), fwc.successors(cohort, "p-all"));
  });

  test("each fit's hours and courses are those of the plan recommend makes with the same solver", () => {
    for (const solver of solvers) {
      const label = JSON.stringify(solver);
      for (const p of profiles) {
        const fits = fwc.careerPaths(p, { solver, top: 10 });
        assert.equal(fits.length, 2, label);
        for (const fit of fits) {
          const planned = fwc.recommend(p, fit.position, { solver });
          assert.equal(fit.hours, planned.total_hours, `${label} ${fit.position}`);
          assert.equal(fit.courses, planned.steps.length, `${label} ${fit.position}`);
        }
      }
      const successors = fwc.successors(cohort, "p-all", { solver });
      assert.equal(successors.length, 2, label);
      for (const fit of successors) {
        const planned = fwc.recommend(profiles[officers.findIndex((o) => o.id === fit.officer)], "p-all", { solver });
        assert.equal(fit.hours, planned.total_hours, `${label} ${fit.officer}`);
      }
    }
    const hours = (solver) => fwc.careerPaths(profiles[0], { solver }).find((f) => f.position === "p-all").hours;
    assert.equal(hours("greedy"), 17);
    assert.equal(hours({ exact: { nodeLimit: 2000 } }), 16.8);
    assert.equal(hours(undefined), 16.8);
  });

  test("a solver of the wrong shape is refused by name", () => {
    throwsProblems(() => fwc.careerPaths(profiles[0], { solver: "exact" }), [{ code: "json", path: "solver" }]);
    throwsProblems(() => fwc.successors(cohort, "p-all", { solver: { exact: {} } }), [{ code: "json", path: "solver.exact.nodeLimit" }]);
  });
});
