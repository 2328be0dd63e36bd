// The real ESCO v1.1.1 and O*NET data in the repository's data/, through the package.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, Profile, loadEsco, loadEscoReport, loadOnet } from "../index.js";
import { escoCsv, escoOfficialCsv, onetCsv, throwsProblems } from "./support/data.js";

describe("ESCO", () => {
  const csv = escoCsv();
  const spec = loadEsco(csv);
  const fw = new Framework(spec);

  test("the loader maps every occupation, skill and link", () => {
    assert.equal(spec.positions.length, 3007);
    assert.equal(spec.roles.length, 3007);
    assert.equal(spec.competencies.length, 13896);
    const links = spec.roles.reduce((n, r) => n + (r.requires ?? []).length, 0);
    assert.equal(links, 123788);
    // With the hierarchy, every competency sits in its skill groups (2,960 groups with ids).
    assert.equal(spec.groups.length, 2960);
    assert.ok(spec.competencies.every((c) => (c.groups ?? []).length > 0));
    const withoutOptional = loadEsco({ ...csv, hierarchy: undefined }, { includeOptional: false, essentialLevel: 4 });
    assert.ok(withoutOptional.competencies.every((c) => c.area === undefined && c.groups === undefined));
    const levels = new Set(withoutOptional.roles.flatMap((r) => (r.requires ?? []).map((q) => q.level)));
    assert.deepEqual([...levels], [4]);
    assert.equal(fw.positions().length, 3007);
  });

  test("Framework.fromEsco builds what new Framework(loadEsco(...)) builds", () => {
    const direct = Framework.fromEsco(csv);
    assert.equal(direct.toJson(), fw.toJson());
    assert.equal(direct.competencies().length, 13896);
    const options = { includeOptional: false, essentialLevel: 4 };
    const flat = { ...csv, hierarchy: undefined };
    assert.equal(Framework.fromEsco(flat, options).toJson(), new Framework(loadEsco(flat, options)).toJson());
    direct.free();
  });

  test("loadEscoReport of the compact files sets nothing aside", () => {
    const load = loadEscoReport(csv);
    assert.deepEqual(Object.keys(load).sort(), ["notes", "set_aside", "spec"]);
    assert.deepEqual(load.set_aside, []);
    assert.deepEqual(load.spec, spec);
  });

  test("every occupation is fully ready for itself when the officer holds its requirements", () => {
    const officers = [];
    for (const position of fw.positions()) {
      const requirements = fw.requirements(position.id);
      const officer = {
        id: `holder-of-${position.id}`,
        department: position.department,
        position: position.id,
        passbook: requirements.map((r) => ({
          competency: r.competency,
          level: r.level,
          source: "assessment",
          date: "2025-01-01",
        })),
      };
      const report = fw.gap(new Profile(fw, officer));
      assert.equal(report.readiness, 1, position.id);
      assert.equal(report.gaps.length, 0, position.id);
      assert.equal(report.met, requirements.length, position.id);
      officers.push(officer);
    }
    // The same through a cohort: nobody is short of anything.
    const cohort = new Cohort(fw, officers);
    const needs = fw.trainingNeeds(cohort);
    assert.equal(needs.officers, 3007);
    assert.equal(needs.pairs, 123788 - duplicateLinks(spec));
    assert.ok(needs.rows.every((r) => r.officers_short === 0 && r.histogram[0] === r.officers_required));
  });

  test("one level short anywhere lowers readiness by exactly that level", () => {
    const position = fw.position("occ-1");
    const requirements = fw.requirements(position.id);
    const total = requirements.reduce((n, r) => n + r.level, 0);
    const officer = {
      id: "nearly",
      department: position.department,
      position: position.id,
      passbook: requirements.map((r, i) => ({
        competency: r.competency,
        level: i === 0 ? r.level - 1 : r.level,
        source: "assessment",
        date: "2025-01-01",
      })),
    };
    const report = fw.gap(new Profile(fw, officer));
    assert.equal(report.gaps.length, 1);
    assert.equal(report.readiness, (total - 1) / total);
    assert.deepEqual(report.gaps[0].provenance, [{ role: "role-1", activity: null, level: requirements[0].level }]);
  });

  test("career paths over all 3,007 posts", () => {
    const position = fw.position("occ-1");
    const officer = {
      id: "mover",
      department: position.department,
      position: position.id,
      passbook: fw.requirements(position.id).map((r) => ({
        competency: r.competency,
        level: r.level,
        source: "assessment",
        date: "2025-01-01",
      })),
    };
    const fits = fw.positionsFor(new Profile(fw, officer), { top: 5 });
    assert.equal(fits.length, 5);
    assert.ok(fits.every((f, i) => i === 0 || fits[i - 1].readiness >= f.readiness));
    // ESCO has no courses: every gap is open, and no post needs training hours.
    const paths = fw.careerPaths(new Profile(fw, officer), { top: 3 });
    assert.equal(paths.length, 3);
    assert.ok(paths.every((p) => p.hours === 0 && p.open === p.gaps));
  });
});

describe("ESCO, the official download as published", () => {
  // tests/data/esco-official: rows of the official v1.1.1 files, with 3 relations naming
  // an occupation the release withdrew (it has 67).
  const WITHDRAWN = "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e";
  const NOWHERE = "http://data.europa.eu/esco/skill/nowhere";
  const csv = escoOfficialCsv();
  const lines = csv.occupationSkills.split("\n");
  const first = lines.findIndex((l) => l.includes(WITHDRAWN)) + 1;
  const withdrawn = [first, first + 1, first + 2].map((line) => ({
    code: "csv_unknown_reference",
    file: "occupationSkillRelations.csv",
    line,
    column: "occupationUri",
    found: WITHDRAWN,
    target: "occupations_<lang>.csv",
  }));
  // The relation rows without the withdrawn occupation's: files the strict loader takes.
  const kept = { ...csv, occupationSkills: lines.filter((l) => !l.includes(WITHDRAWN)).join("\n") };

  test("the fixture names the withdrawn occupation on three consecutive rows", () => {
    assert.equal(lines.filter((l) => l.includes(WITHDRAWN)).length, 3);
    assert.ok(lines[first + 1].includes(WITHDRAWN) && !lines[first + 2].includes(WITHDRAWN));
  });

  test("loadEsco and Framework.fromEsco refuse a relation naming an unknown occupation", () => {
    const error = throwsProblems(() => loadEsco(csv), withdrawn);
    assert.equal(
      error.problems[0].message,
      `occupationSkillRelations.csv line ${first}, column \`occupationUri\`: \`${WITHDRAWN}\` is not in occupations_<lang>.csv`,
    );
    throwsProblems(() => Framework.fromEsco(csv), withdrawn);
    throwsProblems(() => loadEsco({ ...csv, hierarchy: undefined }), withdrawn);
  });

  test("loadEscoReport sets those relations aside and builds the rest", () => {
    const load = loadEscoReport(csv);
    assert.deepEqual(Object.keys(load).sort(), ["notes", "set_aside", "spec"]);
    assert.deepEqual(
      load.set_aside.map(({ code, file, line, column, found, target }) => ({ code, file, line, column, found, target })),
      withdrawn,
    );
    assert.ok(load.set_aside.every((p) => p.message.includes(WITHDRAWN)));
    // What is left is what the strict loader builds from the files without those rows.
    const strict = loadEsco(kept);
    assert.deepEqual(load.spec, strict);
    assert.equal(strict.positions.length, 10);
    assert.deepEqual(
      strict.positions.map((p) => p.department).sort(),
      ["isco-0", "isco-1", "isco-2", "isco-3", "isco-4", "isco-5", "isco-6", "isco-7", "isco-8", "isco-9"],
    );
    assert.ok(strict.competencies.length > 0);
    assert.ok(strict.competencies.every((c) => (c.groups ?? []).length > 0));
    assert.equal(Framework.fromEsco(kept).toJson(), new Framework(load.spec).toJson());
    // Options apply as to loadEsco.
    const options = { includeOptional: false, essentialLevel: 4 };
    assert.deepEqual(loadEscoReport(csv, options).spec, loadEsco(kept, options));
  });

  test("an unknown skill is set aside too, in file order", () => {
    const occupation = lines[1].split(",")[0];
    const text = `${csv.occupationSkills.trimEnd()}\n${occupation},essential,knowledge,${NOWHERE}\n`;
    const line = text.trimEnd().split("\n").length;
    const unknownSkill = {
      code: "csv_unknown_reference",
      file: "occupationSkillRelations.csv",
      line,
      column: "skillUri",
      found: NOWHERE,
      target: "skills_<lang>.csv",
    };
    const broken = { ...csv, occupationSkills: text };
    throwsProblems(() => loadEsco(broken), [...withdrawn, unknownSkill]);
    const load = loadEscoReport(broken);
    assert.deepEqual(
      load.set_aside.map(({ code, file, line, column, found, target }) => ({ code, file, line, column, found, target })),
      [...withdrawn, unknownSkill],
    );
    assert.deepEqual(load.spec, loadEscoReport(csv).spec);
  });

  test("loadEscoReport still throws every other problem", () => {
    // A hierarchy edge naming an unknown concept is not a relation: it is thrown.
    const broader = `${csv.hierarchy.skillBroader.trimEnd()}\nKnowledgeSkillCompetence,${NOWHERE},SkillGroup,${NOWHERE}\n`;
    const error = throwsProblems(() => loadEscoReport({ ...csv, hierarchy: { ...csv.hierarchy, skillBroader: broader } }), [
      { code: "csv_unknown_reference", file: "broaderRelationsSkillPillar.csv", column: "conceptUri", found: NOWHERE },
      { code: "csv_unknown_reference", file: "broaderRelationsSkillPillar.csv", column: "broaderUri", found: NOWHERE },
    ]);
    assert.equal(error.problems.length, 2);
    throwsProblems(() => loadEscoReport({ ...csv, occupationSkills: undefined }), [{ code: "json", path: "occupationSkills" }]);
    throwsProblems(() => loadEscoReport(csv, { optionalLevel: 0 }), [
      { code: "invalid_option", option: "optionalLevel", value: 0 },
    ]);
  });
});

/** Links repeated within an occupation count once as requirements. */
function duplicateLinks(spec) {
  return spec.roles.reduce((n, r) => n + (r.requires ?? []).length - new Set((r.requires ?? []).map((q) => q.competency)).size, 0);
}

describe("O*NET", () => {
  test("the loader gives 13,641 requirements over 967 positions, with tasks as activities", () => {
    const spec = loadOnet(onetCsv());
    assert.equal(spec.positions.length, 967);
    const fw = new Framework(spec);
    const requirements = fw.positions().reduce((n, p) => n + fw.requirements(p.id).length, 0);
    assert.equal(requirements, 13641);
    assert.ok(spec.activities.length > 15000);
    const strict = loadOnet(onetCsv(), { importanceThreshold: 4, coreTasksOnly: true });
    assert.ok(strict.activities.length < spec.activities.length);
    assert.ok(strict.roles.reduce((n, r) => n + (r.requires ?? []).length, 0) < 13641);
  });
});
