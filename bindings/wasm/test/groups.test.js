// Competency groups through the package: training needs and progress rolled up to groups,
// checked against an oracle written here from the public per-officer API (requirements and
// levels), on the real KCM dictionary (areas → themes → sub-themes) with positions and
// officers added; the competency atlas against requirements and the catalogue.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, loadKcm } from "../index.js";
import { frameworkText, officersDoc, read, throwsProblems } from "./support/data.js";

/** A small deterministic generator (LCG), so the synthetic officers are the same every run. */
function rng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/**
 * The real KCM dictionary (112 sub-themes as competencies, in 35 theme groups under 2
 * areas) with synthetic posts: 4 positions in 2 departments, each with 2 roles requiring 5
 * competencies at levels 1 to 4, and `n` officers with random assessed levels.
 */
function kcmWorld(n, seed = 7) {
  const spec = loadKcm(read("data/igot/kcm_competencies.json")).spec;
  const ids = spec.competencies.map((c) => c.id);
  const next = rng(seed);
  spec.roles = [];
  spec.positions = [];
  for (let p = 0; p < 4; p++) {
    const roles = [];
    for (let r = 0; r < 2; r++) {
      const id = `role-${p}-${r}`;
      const requires = [];
      const taken = new Set();
      while (requires.length < 5) {
        const c = ids[next(ids.length)];
        if (taken.has(c)) continue;
        taken.add(c);
        requires.push({ competency: c, level: 1 + next(4) });
      }
      spec.roles.push({ id, name: `Role ${p}.${r}`, requires });
      roles.push(id);
    }
    spec.positions.push({ id: `post-${p}`, name: `Post ${p}`, department: p < 2 ? "dept-a" : "dept-b", roles });
  }
  const officers = [];
  for (let i = 0; i < n; i++) {
    const position = `post-${next(4)}`;
    const required = spec.roles.filter((r) => spec.positions.find((p) => p.id === position).roles.includes(r.id)).flatMap((r) => r.requires);
    const passbook = required
      .filter(() => next(3) > 0)
      .map((q) => ({ competency: q.competency, level: next(5), source: "assessment", date: "2025-01-01" }));
    officers.push({ id: `o${String(i).padStart(3, "0")}`, department: position < "post-2" ? "dept-a" : "dept-b", position, passbook });
  }
  return { spec, officers };
}

/** The competencies of a group: its members and those of every group below it, each once. */
function groupCompetencies(fw, group, memo = new Map()) {
  if (memo.has(group)) return memo.get(group);
  const all = new Set(fw.members(group));
  for (const child of fw.childGroups(group)) for (const c of groupCompetencies(fw, child, memo)) all.add(c);
  memo.set(group, all);
  return all;
}

/** Per officer of a cohort: their post's requirements (competency → level) and levels held. */
function measured(fw, cohort) {
  const out = new Map();
  for (let i = 0; i < cohort.length; i++) {
    const profile = cohort.profile(i);
    const required = new Map(fw.requirements(profile.position).map((r) => [r.competency, r.level]));
    const held = new Map([...required.keys()].map((c) => [c, profile.level(c)]));
    out.set(profile.id, { position: profile.position, department: profile.department, required, held });
  }
  return out;
}

/** The oracle of trainingNeedsByGroup: each officer once per group, sums over pairs. */
function needsOracle(fw, cohort, { department, kind } = {}) {
  const officers = [...measured(fw, cohort).values()].filter((o) => !department || o.department === department);
  const rows = [];
  for (const g of fw.groups()) {
    if (kind && g.kind !== kind) continue;
    const comps = groupCompetencies(fw, g.id);
    const row = { group: g.id, name: g.name, kind: g.kind, competencies: 0, officers_required: 0, officers_short: 0, pairs: 0, pairs_short: 0, required_levels: 0, total_shortfall: 0 };
    const used = new Set();
    for (const o of officers) {
      let any = false;
      let short = false;
      for (const [c, level] of o.required) {
        if (!comps.has(c)) continue;
        any = true;
        used.add(c);
        const gap = Math.max(0, level - o.held.get(c));
        row.pairs += 1;
        row.required_levels += level;
        row.total_shortfall += gap;
        if (gap > 0) {
          row.pairs_short += 1;
          short = true;
        }
      }
      if (any) row.officers_required += 1;
      if (short) row.officers_short += 1;
    }
    if (row.officers_required === 0) continue;
    row.competencies = used.size;
    row.mean_shortfall = row.officers_short ? row.total_shortfall / row.officers_short : 0;
    row.readiness = row.required_levels ? 1 - row.total_shortfall / row.required_levels : 1;
    rows.push(row);
  }
  rows.sort((a, b) => b.total_shortfall - a.total_shortfall || b.officers_short - a.officers_short || (a.group < b.group ? -1 : 1));
  return { officers: officers.length, rows };
}

/** The oracle of compareByGroup: matched officers, each measured against their first post. */
function compareOracle(fw, before, after) {
  const b = measured(fw, before);
  const a = new Map();
  for (let i = 0; i < after.length; i++) {
    const p = after.profile(i);
    a.set(p.id, p);
  }
  const matched = [...b.entries()].filter(([id]) => a.has(id));
  const groups = [];
  for (const g of fw.groups()) {
    const comps = groupCompetencies(fw, g.id);
    const row = { group: g.id, name: g.name, kind: g.kind, officers_required: 0, short_before: 0, short_after: 0, closed: 0, opened: 0, required_levels: 0, shortfall_before: 0, shortfall_after: 0, levels_gained: 0, levels_lost: 0 };
    for (const [id, o] of matched) {
      let any = false;
      let shortBefore = false;
      let shortAfter = false;
      for (const [c, level] of o.required) {
        if (!comps.has(c)) continue;
        any = true;
        const gapBefore = Math.max(0, level - o.held.get(c));
        const gapAfter = Math.max(0, level - a.get(id).level(c));
        row.required_levels += level;
        row.shortfall_before += gapBefore;
        row.shortfall_after += gapAfter;
        row.levels_gained += Math.max(0, gapBefore - gapAfter);
        row.levels_lost += Math.max(0, gapAfter - gapBefore);
        shortBefore ||= gapBefore > 0;
        shortAfter ||= gapAfter > 0;
      }
      if (!any) continue;
      row.officers_required += 1;
      row.short_before += shortBefore;
      row.short_after += shortAfter;
      row.closed += shortBefore && !shortAfter;
      row.opened += !shortBefore && shortAfter;
    }
    if (row.officers_required === 0) continue;
    row.readiness_before = 1 - row.shortfall_before / row.required_levels;
    row.readiness_after = 1 - row.shortfall_after / row.required_levels;
    groups.push(row);
  }
  groups.sort((x, y) => (x.group < y.group ? -1 : 1));
  return {
    officers: matched.length,
    only_before: [...b.keys()].filter((id) => !a.has(id)).length,
    only_after: [...a.keys()].filter((id) => !b.has(id)).length,
    groups,
  };
}

/** Asserts two results equal, numbers other than counts within a relative 1e-12. */
function assertClose(actual, expected, path = "$") {
  if (typeof expected === "number" && !Number.isInteger(expected)) {
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${path}: ${actual} != ${expected}`);
  } else if (expected && typeof expected === "object") {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), path);
    for (const k of Object.keys(expected)) assertClose(actual[k], expected[k], `${path}.${k}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

describe("training needs by group", () => {
  const { spec, officers } = kcmWorld(60);
  const fw = new Framework(spec);
  const cohort = new Cohort(fw, officers);

  test("every group's row is the oracle's, by area and by theme, for all and per department", () => {
    for (const options of [undefined, { kind: "theme" }, { kind: "area" }, { department: "dept-b" }, { department: "dept-a", kind: "theme" }]) {
      const needs = fw.trainingNeedsByGroup(cohort, options);
      assertClose(needs, needsOracle(fw, cohort, options ?? {}));
      assert.ok(needs.rows.length > 0);
    }
    // A group counts an officer once however many of its competencies they lack, so an area
    // counts no more officers than the cohort, and at least as many as each of its themes.
    const all = fw.trainingNeedsByGroup(cohort);
    const byId = new Map(all.rows.map((r) => [r.group, r]));
    for (const r of all.rows) {
      assert.ok(r.officers_short <= r.officers_required && r.officers_required <= all.officers);
      for (const parent of fw.parentGroups(r.group)) assert.ok(byId.get(parent).officers_short >= r.officers_short);
    }
  });

  test("bad input is refused with its code and ids", () => {
    throwsProblems(() => fw.trainingNeedsByGroup(cohort, { department: "dept-z" }), [{ code: "unknown_id", kind: "department", id: "dept-z" }]);
    throwsProblems(() => fw.trainingNeedsByGroup(cohort, { kind: "cluster" }), [{ code: "json", path: "kind" }]);
    throwsProblems(() => fw.trainingNeedsByGroup(cohort, { threads: 2 }), [{ code: "json", path: "threads" }]);
    const other = new Framework(spec);
    throwsProblems(() => other.trainingNeedsByGroup(cohort), [{ code: "framework_mismatch" }]);
  });
});

describe("progress by group", () => {
  const { spec, officers } = kcmWorld(50, 11);
  const fw = new Framework(spec);
  const before = new Cohort(fw, officers.slice(0, 45));
  // After: some officers trained (levels raised), some left, some joined.
  const next = rng(3);
  const trained = officers.slice(5).map((o) => ({
    ...o,
    passbook: [
      ...o.passbook,
      ...fw.requirements(o.position).filter(() => next(2) === 0).map((r) => ({ competency: r.competency, level: Math.min(5, r.level + next(2)), source: "assessment", date: "2025-12-01" })),
    ],
  }));
  const after = new Cohort(fw, trained);

  test("every group's progress is the oracle's", () => {
    const evaluation = fw.compareByGroup(before, after);
    assertClose(evaluation, compareOracle(fw, before, after));
    assert.equal(evaluation.only_before, 5);
    assert.equal(evaluation.only_after, 5);
    assert.ok(evaluation.groups.some((g) => g.closed > 0 && g.levels_gained > 0));
    // Comparing a cohort with itself closes, opens, gains and loses nothing.
    for (const g of fw.compareByGroup(before, before, { kind: "theme" }).groups) {
      assert.equal(g.kind, "theme");
      assert.deepEqual([g.closed, g.opened, g.levels_gained, g.levels_lost], [0, 0, 0, 0]);
      assert.equal(g.short_before, g.short_after);
    }
  });

  test("bad input is refused with its code and ids", () => {
    throwsProblems(() => fw.compareByGroup(before, after, { department: "nowhere" }), [{ code: "unknown_id", kind: "department", id: "nowhere" }]);
    throwsProblems(() => new Framework(spec).compareByGroup(before, after), [{ code: "framework_mismatch" }]);
  });
});

describe("the competency atlas", () => {
  const fw = new Framework(frameworkText());
  const positions = fw.positions().map((p) => [p, fw.requirements(p.id)]);

  test("a competency's positions are those whose requirements list it, its courses those that build it", () => {
    for (const c of fw.competencies()) {
      const atlas = fw.competencyAtlas(c.id);
      assert.deepEqual(atlas.subject, { of: "competency", id: c.id, name: c.name });
      assert.equal(atlas.entries.length, 1);
      const [entry] = atlas.entries;
      const expected = positions
        .flatMap(([p, reqs]) => reqs.filter((r) => r.competency === c.id).map((r) => ({ position: p.id, name: p.name, department: p.department, level: r.level, provenance: r.provenance })))
        .sort((a, b) => (a.position < b.position ? -1 : 1));
      assert.deepEqual(entry.positions, expected);
      const at = [0, 0, 0, 0, 0, 0];
      for (const p of expected) at[p.level] += 1;
      assert.deepEqual(entry.positions_at, at);
      assert.deepEqual(entry.departments, [...new Set(expected.map((p) => p.department))].sort());
      const courses = fw
        .courses()
        .flatMap((k) => k.provides.filter((o) => o.competency === c.id).map((o) => ({ course: k.id, name: k.name, level: o.level ?? null, hours: k.hours, mode: k.mode ?? "formal" })));
      assert.deepEqual(entry.courses, courses);
      assert.deepEqual(entry.groups.map((g) => g.group), fw.groupsOf(c.id));
      // Every role on a position's provenance is listed, at least at that level.
      for (const p of expected) {
        for (const why of p.provenance) {
          const role = entry.roles.find((r) => r.role === why.role);
          assert.ok(role && role.level >= why.level, `${c.id} ${why.role}`);
          if (why.activity) assert.ok(role.activities.includes(why.activity));
        }
      }
    }
  });

  test("a group's atlas has one entry per competency in it or below it", () => {
    for (const g of fw.groups()) {
      const atlas = fw.groupAtlas(g.id);
      assert.deepEqual(atlas.subject, { of: "group", id: g.id, name: g.name, kind: g.kind ?? "area" });
      assert.deepEqual(atlas.entries.map((e) => e.competency), [...groupCompetencies(fw, g.id)].sort());
      for (const e of atlas.entries) assert.deepEqual(e, fw.competencyAtlas(e.competency).entries[0]);
    }
  });

  test("unknown ids are refused with the nearest known id", () => {
    throwsProblems(() => fw.competencyAtlas("empathi"), [{ code: "unknown_id", kind: "competency", id: "empathi", nearest: "empathy" }]);
    throwsProblems(() => fw.groupAtlas("area:Value"), [{ code: "unknown_id", kind: "group", id: "area:Value", nearest: "area:Values" }]);
    throwsProblems(() => fw.competencyAtlas(null), [{ code: "json", path: "" }]);
  });
});

describe("the example", () => {
  test("the example officers' cohort rolls up by area", () => {
    const fw = new Framework(frameworkText());
    const cohort = new Cohort(fw, officersDoc());
    assertClose(fw.trainingNeedsByGroup(cohort), needsOracle(fw, cohort));
  });
});
