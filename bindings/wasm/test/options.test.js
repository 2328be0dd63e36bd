// Options that had no JavaScript spelling before: the level policy's group rules, and how
// the ESCO and O*NET loaders map their hierarchies (real data in data/).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Framework, Profile, loadEsco, loadOnet } from "../index.js";
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
