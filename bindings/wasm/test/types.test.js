// The TypeScript declarations against the package: tsc --strict on a program using every
// export, the input interfaces against the JSON schema, and actual outputs and problems
// checked value by value against the declared types, so the declarations cannot drift
// from the serde types.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, test } from "node:test";

import ts from "typescript";

import * as karmayogi from "../index.js";
import {
  Cohort,
  Framework,
  KarmayogiError,
  Profile,
  exportCase,
  exportCaseWithReport,
  importCase,
  loadEsco,
  loadEscoReport,
  loadFracPositions,
  loadIgotCourses,
  loadIgotProfile,
  loadKcm,
  loadOfficers,
  loadOnet,
  loadPositionMaster,
} from "../index.js";
import { escoOfficialCsv, frameworkText, officersCsv, officersDoc, packageDir, read, repoDir } from "./support/data.js";

const program = ts.createProgram([join(packageDir, "index.d.ts")], {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.esnext.disposable.d.ts"],
});
const checker = program.getTypeChecker();
const entry = checker.getSymbolAtLocation(program.getSourceFile(join(packageDir, "index.d.ts")));
const exported = new Map(checker.getExportsOfModule(entry).map((s) => [s.name, s]));

function declared(name) {
  let symbol = exported.get(name);
  assert.ok(symbol, `index.d.ts exports no ${name}`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** Problems of `value` against a declared type, with their paths; empty when it conforms. */
function conform(value, type, path = "$") {
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return [];
  if (type.isUnion()) {
    let best = null;
    for (const member of type.types) {
      const problems = conform(value, member, path);
      if (problems.length === 0) return [];
      if (!best || problems.length < best.length) best = problems;
    }
    return best;
  }
  const fail = (what) => [`${path}: expected ${what}, found ${JSON.stringify(value)?.slice(0, 80)}`];
  if (f & ts.TypeFlags.StringLiteral) return value === type.value ? [] : fail(JSON.stringify(type.value));
  if (f & ts.TypeFlags.NumberLiteral) return value === type.value ? [] : fail(type.value);
  if (f & ts.TypeFlags.BooleanLiteral) return String(value) === type.intrinsicName ? [] : fail(type.intrinsicName);
  if (f & ts.TypeFlags.String) return typeof value === "string" ? [] : fail("a string");
  if (f & ts.TypeFlags.Number) return typeof value === "number" ? [] : fail("a number");
  if (f & ts.TypeFlags.Boolean) return typeof value === "boolean" ? [] : fail("a boolean");
  if (f & ts.TypeFlags.Null) return value === null ? [] : fail("null");
  if (f & ts.TypeFlags.Undefined) return value === undefined ? [] : fail("undefined");
  if (checker.isTupleType(type)) {
    const items = checker.getTypeArguments(type);
    if (!Array.isArray(value) || value.length !== items.length) return fail(`a tuple of ${items.length}`);
    return value.flatMap((v, i) => conform(v, items[i], `${path}[${i}]`));
  }
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return fail("an array");
    const item = checker.getTypeArguments(type)[0];
    return value.flatMap((v, i) => conform(v, item, `${path}[${i}]`));
  }
  if (f & ts.TypeFlags.Object || type.isIntersection()) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return fail("an object");
    const problems = [];
    const props = checker.getPropertiesOfType(type);
    const names = new Set(props.map((p) => p.name));
    for (const p of props) {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(p.name in value)) {
        if (!optional) problems.push(`${path}.${p.name}: missing`);
        continue;
      }
      problems.push(...conform(value[p.name], checker.getTypeOfSymbol(p), `${path}.${p.name}`));
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    for (const key of Object.keys(value)) {
      if (names.has(key)) continue;
      if (index) problems.push(...conform(value[key], index.type, `${path}.${key}`));
      else problems.push(`${path}.${key}: not declared`);
    }
    return problems;
  }
  return fail(checker.typeToString(type));
}

function assertConforms(value, typeName) {
  assert.deepEqual(conform(value, declared(typeName)), [], `${typeName} does not match the output`);
}

describe("TypeScript declarations", () => {
  test("a program using every export compiles with tsc --strict", () => {
    const tsc = join(packageDir, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(packageDir, "test", "types", "tsconfig.json")], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test("index.d.ts declares exactly the values index.js exports", () => {
    // Values: the constants declared there and the names re-exported as values (not the
    // type-only re-export of every declaration).
    const index = program.getSourceFile(join(packageDir, "index.d.ts"));
    const values = [...exported.values()]
      .filter((s) => {
        const d = s.declarations?.[0];
        if (!d || d.getSourceFile() !== index) return false;
        if (ts.isVariableDeclaration(d)) return true;
        return ts.isExportSpecifier(d) && !d.isTypeOnly && !d.parent.parent.isTypeOnly;
      })
      .map((s) => s.name)
      .sort();
    assert.deepEqual(values, Object.keys(karmayogi).sort());
  });

  test("the document interfaces match the JSON schema: keys, required keys, enumerations", () => {
    const schema = JSON.parse(read("schema/karmayogi-v2.schema.json"));
    const names = {
      framework: "FrameworkSpec",
      competency: "CompetencySpec",
      group: "GroupSpec",
      group_rule: "GroupRule",
      level_descriptor: "LevelDescriptor",
      requirement: "RequirementSpec",
      activity: "ActivitySpec",
      role: "RoleSpec",
      position: "PositionSpec",
      course_outcome: "CourseOutcome",
      course: "CourseSpec",
      officers: "OfficersSpec",
      officer: "OfficerSpec",
      evidence: "Evidence",
    };
    assert.deepEqual(Object.keys(schema.$defs).sort(), Object.keys(names).sort(), "a schema definition has no interface");
    for (const [def, name] of Object.entries(names)) {
      const s = schema.$defs[def];
      const type = declared(name);
      const props = checker.getPropertiesOfType(type);
      assert.deepEqual(props.map((p) => p.name).sort(), Object.keys(s.properties).sort(), `${name} keys`);
      const required = props.filter((p) => !(p.flags & ts.SymbolFlags.Optional)).map((p) => p.name);
      assert.deepEqual(required.sort(), [...(s.required ?? [])].sort(), `${name} required keys`);
      for (const p of props) {
        const ps = s.properties[p.name];
        if (!ps.enum) continue;
        const declaredType = checker.getTypeOfSymbol(p);
        const t = checker.getNonNullableType(declaredType);
        // A version is declared as any number: newer documents are refused at run time.
        if (t.flags & ts.TypeFlags.Number && ps.enum.every((v) => typeof v === "number")) continue;
        const literals = (t.isUnion() ? t.types : [t]).map((m) => m.value);
        const values = ps.enum.filter((v) => v !== null);
        assert.deepEqual(literals.sort(), [...values].sort(), `${name}.${p.name} values`);
        // null (the field absent) is declared exactly where the schema allows it.
        const members = declaredType.isUnion() ? declaredType.types : [declaredType];
        const nullable = members.some((m) => m.flags & ts.TypeFlags.Null);
        assert.equal(nullable, ps.enum.includes(null), `${name}.${p.name} null`);
      }
    }
  });

  test("every output of the example conforms to its declared type", () => {
    const fw = new Framework(frameworkText());
    const doc = officersDoc();
    const profile = new Profile(fw, doc.officers[0]);
    const cohort = new Cohort(fw, doc);
    const trained = officersDoc();
    trained.officers[1].position = "postmaster-hpo";
    trained.officers[3].passbook.push({ competency: "rti", level: 3, source: "course_completion", date: "2025-09-01", course: "rti-pio" });
    const after = new Cohort(fw, trained.officers.slice(0, 4));
    const document = {
      identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
      title: "Head post office",
      creator: "Department of Posts",
      lastChangeDateTime: "2025-04-01T09:00:00Z",
    };
    const pkg = exportCase(fw, document);
    const outputs = [
      [fw.toSpec(), "FrameworkSpec"],
      [karmayogi.parseOfficers(doc), "OfficersSpec"],
      [fw.requirements("postmaster-hpo"), "Requirement", true],
      [profile.held(), "HeldLevel", true],
      [fw.gap(profile, { includeMet: true }), "GapReport"],
      [fw.recommend(profile, "postmaster-hpo", { budget: 6, termHours: 4, maxFormalShare: 0.5 }), "Plan"],
      [fw.recommend(new Profile(fw, doc.officers[3]), "postmaster-hpo"), "Plan"],
      [fw.recommendTargets([{ competency: "empathy", current: 0, required: 3 }]), "Plan"],
      [fw.positionsFor(profile), "Fit", true],
      [fw.officersFor(cohort, "aso-division"), "Fit", true],
      [fw.trainingNeeds(cohort), "TrainingNeeds"],
      [fw.trainingNeedsByDepartment(cohort), "DepartmentNeeds", true],
      [fw.departmentPlan(cohort, { budget: 30, seats: { cpgrams: 1 } }), "DepartmentPlan"],
      [fw.departmentPlan(cohort, { solver: { exact: { nodeLimit: 1000 } } }), "DepartmentPlan"],
      [fw.careerStep(profile, "aso-division"), "CareerStep"],
      [fw.careerPaths(profile), "CareerFit", true],
      [fw.successors(cohort, "postmaster-hpo"), "CareerFit", true],
      [fw.compare(cohort, after), "Evaluation"],
      [fw.trainingNeedsByGroup(cohort), "GroupNeeds"],
      [fw.compareByGroup(cohort, after), "GroupEvaluation"],
      [fw.competencyAtlas("rti"), "Atlas"],
      [fw.groupAtlas("area:Values"), "Atlas"],
      [pkg, "CasePackage"],
      [exportCaseWithReport(fw, { ...document, identifier: "HPO-2025", description: " " }), "CaseExport"],
      [importCase(pkg), "CaseImport"],
      [importCase(read("tests/data/case/section_officer.json")), "CaseImport"],
      [importCase(pkg, { levelRule: { proportional: { top: 5 } } }), "CaseImport"],
      [importCase(pkg, { levelRule: { table: [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]] } }), "CaseImport"],
      [fw.groups(), "GroupSpec", true],
      [fw.groupsTopDown(), "GroupSpec", true],
      [loadOfficers(fw, officersCsv()), "OfficersLoad"],
      [
        loadOfficers(fw, { ...officersCsv(), evidence: officersCsv().evidence + "meena-iyer,rti,1,assessment,2031-01-01,,\n" }, { review: { asOf: "2025-01-01" } }).warnings,
        "Problem",
        true,
      ],
    ];
    // Every CASE package of the repository's cases imports to a declared report, but the
    // draft export written before CASE 1.0 named its keys, refused with declared problems.
    const refused = new Set(["math-cfs-draft-2016.json"]);
    for (const file of caseFiles()) {
      const text = readFileSync(file, "utf8");
      if (refused.has(basename(file))) {
        assert.throws(() => importCase(text), (e) => {
          e.problems.forEach((p) => assertConforms(p, "Problem"));
          return e.code === "json";
        });
      } else outputs.push([importCase(text), "CaseImport"]);
    }
    for (const [value, name, list] of outputs) {
      if (list) {
        assert.ok(value.length > 0, `${name}: an empty list checks nothing`);
        value.forEach((v) => assertConforms(v, name));
      } else {
        assertConforms(value, name);
      }
    }
    // Every reason a gap stays open is declared.
    const plan = fw.departmentPlan(cohort, { budget: 10, officerCap: 5, defaultSeats: 1 });
    assertConforms(plan, "DepartmentPlan");
  });

  test("the loaders' outputs on real data conform", () => {
    const small = (text, lines) => text.split("\n").slice(0, lines).join("\n") + "\n";
    const esco = loadEsco({
      occupations: read("data/esco/occupations.csv"),
      skills: read("data/esco/skills.csv"),
      occupationSkills: small(read("data/esco/occupation_skills.csv"), 2000),
      hierarchy: { skillBroader: read("data/esco/skill_broader.csv"), skillGroups: read("data/esco/skill_groups.csv") },
    });
    assertConforms(esco, "FrameworkSpec");
    const official = loadEscoReport(escoOfficialCsv());
    assert.equal(official.set_aside.length, 3);
    assertConforms(official, "EscoLoad");
    const onet = loadOnet({
      occupations: read("data/onet/occupations.csv"),
      elements: read("data/onet/elements.csv"),
      occupationSkillLevels: read("data/onet/occupation_skill_levels.csv"),
      tasks: small(read("data/onet/tasks.csv"), 2000),
    });
    assertConforms(onet, "FrameworkSpec");
    const kcm = new Framework(loadKcm(read("data/igot/kcm_competencies.json")).spec);
    const records = JSON.parse(read("data/igot/igot_sample_courses_kcm_v5.json")).default_courses;
    const courses = loadIgotCourses(records, kcm, { hoursWhenMissing: 1 });
    assert.ok(courses.courses.length > 0 && courses.report.set_aside.length > 0);
    assertConforms(courses, "IgotCoursesLoad");
    const frac = loadFracPositions(read("tests/data/igot/frac_positions.json"), { department: "Department of Posts" });
    assertConforms(frac, "FracLoad");
    const fracFramework = new Framework(frac.spec);
    const v3 = loadIgotCourses(read("tests/data/igot/courses_v3.json"), fracFramework);
    assertConforms(v3, "IgotCoursesLoad");
    assertConforms(loadIgotProfile(read("tests/data/igot/profile_competencies.json")), "IgotProfileLoad");
    const { master, report } = loadPositionMaster(read("tests/data/igot/position_master.json"));
    assertConforms(report, "IgotReport");
    master.positions().forEach((p) => assertConforms(p, "MasterPosition"));
    for (const name of ["ACCOUNTANT", "ASSISTANT PROVIDENT FUND COMMISSIONER", "CAMPAIGN OFFICER", "nobody"]) {
      assertConforms(master.find(name), "PositionMatch");
    }
    for (const id of fracFramework.competencies().map((c) => c.id)) assertConforms(fracFramework.competencyAtlas(id), "Atlas");
  });

  test("every problem thrown conforms to the Problem union", () => {
    const fw = new Framework(frameworkText());
    const doc = officersDoc();
    const broken = JSON.parse(frameworkText());
    broken.competencies.push({ id: "", name: "", type: "domain", levels: [{ level: 2, description: "x" }] });
    broken.positions.push({ id: "p", name: "P", department: "d", roles: ["nothing", "nothing"] });
    broken.courses[0].hours = -1;
    broken.courses[1].prerequisites = ["po-accounts"];
    broken.activities[0].requires[0].level = 9;
    const cases = [
      () => new Framework(broken),
      () => new Framework("{\"format_version\": 1, \"competencies\": [ ]"),
      () => new Framework({ format_version: 5, competencies: [] }),
      () => new Profile(fw, { ...doc.officers[0], position: "x", passbook: [{ competency: "rti", level: 1, source: "assessment", date: "soon" }] }),
      () => new Profile(fw, doc.officers[0], { notBefore: "x" }),
      () => fw.gap(new Profile(new Framework(frameworkText()), doc.officers[0])),
      () => fw.recommend(new Profile(fw, doc.officers[0]), "postmaster-hpo", { budget: -1, weights: { domain: -1 } }),
      () => fw.recommend(new Profile(fw, doc.officers[0]), "postmaster-hpo", { competencyWeights: { rti: -1 } }),
      () => fw.careerPaths(new Profile(fw, doc.officers[0]), { untagged: { assume: 9 } }),
      () => fw.requirements("x"),
      () => loadEsco({ occupations: "occ_id,isco_group,label\n1,99999,x\n1,1,\"y\n", skills: "a\n", occupationSkills: "occ_id,skill_id,relation\n1,2\n" }),
      () => importCase({ CFDocument: { identifier: "d", title: "t", creator: "c", lastChangeDateTime: "x" }, CFItems: [{ identifier: "i" }, { identifier: "i", fullStatement: "x" }], CFAssociations: [{ identifier: "a", associationType: "isChildOf", originNodeURI: { identifier: "i" }, destinationNodeURI: { identifier: "z" } }] }),
      () => exportCase(fw, { identifier: "x", title: "t", creator: "c", lastChangeDateTime: "never" }),
      () => new Cohort(fw, [doc.officers[0], doc.officers[0]]),
      () => loadOfficers(fw, { officers: "id,department,position\n\"x,d,p\n", evidence: "officer,competency\na,b,c\n" }),
      () => loadOfficers(fw, { officers: "id,department,position\no,,p\no,d,p\no,d,q\n", evidence: "officer,competency,level,source,course\no,empaty,9,x,\no,rti,3,course_completion,cpgrams\nz,rti,1,assessment,\n" }),
      () => loadOfficers(fw, { officers: "id,department,position\no,d,postmaster-hpo\n", evidence: "officer,competency,level,source,date,course\no,rti,1,course_completion,2024-01-01,\no,empathy,5,assessment,2024-01-01,\no,rti,2,assessment,1.1.2024,\no,rti,2,assessment,2024-01-01,rti-ppio\no,rti,4,course_completion,2024-01-01,rti-pio\n" }),
      () => new Framework({ format_version: 2, competencies: [{ id: "a", name: " ", type: "domain", area: " ", min_level: 9, levels: [{ level: 1, name: "", description: "x" }] }], groups: [{ id: "g", name: "G", parents: ["g"] }], positions: [{ id: "p", name: "P", department: " ", roles: ["r"] }], roles: [{ id: "r", name: "R" }] }),
      () => fw.trainingNeeds(new Cohort(fw, doc), { department: "posts" }),
      () => fw.members("nothing"),
      () => importCase({ CFPackage: { CFDocument: { identifier: "d", Title: "t", title: "u" }, CFItems: [{ identifier: "i", full_statement: 3 }, { identifier: "j" }] } }),
      () => exportCase(fw, { identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", title: "t", creator: "c", lastChangeDateTime: "2025-01-01T00:00:00Z" }, { itemTypes: { domain: " " } }),
      () => importCase({ CFItems: [] }, { levelRule: { table: [[1, 2], [2, 1]] } }),
      () => loadOfficers(fw, { officers: "id\tdepartment\tposition\n", evidence: "officer,competency,level,source\n" }, { delimiter: "," }),
      () => loadOfficers(fw, { officers: "id,department,position\no,d,p\n", evidence: "officer,competency,level,source,date\no,rti,1,assessment,03/04/2024\n" }),
      () => loadIgotCourses("7", fw),
      () => loadIgotCourses([], fw, { hoursWhenMissing: -1 }),
      () => loadFracPositions("{\"responseData\": 3}"),
      () => loadIgotProfile("[{]"),
      () => loadPositionMaster({ positions: "x" }),
      () => fw.competencyAtlas("x"),
      () => fw.trainingNeedsByGroup(new Cohort(fw, doc), { department: "x" }),
      () => karmayogi.kcmId([1]),
    ];
    const codes = new Set();
    for (const run of cases) {
      try {
        run();
        assert.fail(`no error from ${run}`);
      } catch (e) {
        assert.ok(e instanceof KarmayogiError, e.stack);
        for (const p of e.problems) {
          codes.add(p.code);
          assert.deepEqual(conform(p, declared("Problem")), [], JSON.stringify(p));
        }
      }
    }
    assert.ok(codes.size >= 36, [...codes].join(" "));
  });

  test("the Problem codes are exactly the library's error codes", () => {
    // The code table of the library's `Error` docs (checked against `Error::code`, in
    // `error/code.rs`, over every variant by the library's own tests) and the codes of
    // `EvidenceProblem::code`.
    const source = read("src/model/error/variants.rs");
    const table = [...source.matchAll(/^\/\/\/ \| `([a-z_0-9]+)` \|/gm)].map((m) => m[1]).sort();
    assert.ok(table.length >= 45, table.join(" "));
    const matchArms = (block) => [...block.matchAll(/=> "([a-z_0-9]+)",/g)].map((m) => m[1]).sort();
    const errorCodes = matchArms(read("src/model/error/code.rs"));
    assert.deepEqual(errorCodes, table, "the library's table and Error::code disagree");
    const literals = (type) => (type.isUnion() ? type.types : [type]).map((t) => t.value).sort();
    const problem = declared("Problem");
    const codes = literals(checker.getTypeOfSymbol(checker.getPropertyOfType(problem, "code")));
    assert.deepEqual(codes, table);
    assert.deepEqual(literals(declared("ProblemCode")), table);
    const evidenceSource = read("src/model/error/evidence.rs");
    const evidence = evidenceSource.slice(evidenceSource.indexOf("impl EvidenceProblem {"));
    const evidenceCodes = matchArms(evidence.slice(0, evidence.indexOf("\n}\n")));
    assert.ok(evidenceCodes.length >= 8);
    const evidenceType = declared("EvidenceProblem");
    assert.deepEqual(literals(checker.getTypeOfSymbol(checker.getPropertyOfType(evidenceType, "problem"))), evidenceCodes);
  });
});


/** The CASE packages of the repository's test cases. */
function caseFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".json")) files.push(path);
    }
  };
  walk(join(repoDir, "tests", "data", "case"));
  return files.sort();
}
