// Bad input: every failure is a KarmayogiError carrying each problem's code and ids, and
// no input makes the WebAssembly trap.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Cohort,
  Framework,
  KarmayogiError,
  Profile,
  exportCase,
  importCase,
  loadEsco,
  loadOfficers,
  loadOnet,
  parseFrameworkSpec,
  parseOfficers,
} from "../index.js";
import { frameworkDoc, frameworkText, officersCsv, officersDoc, read, throwsProblems } from "./support/data.js";

const fw = new Framework(frameworkText());
const meena = () => officersDoc().officers[0];
const doc0 = () => frameworkDoc();

describe("framework validation reports every problem at once", () => {
  test("ids, references, levels, scales, ranges, roles, hours and cycles", () => {
    const doc = frameworkDoc();
    doc.competencies.push({ id: "integrity", name: "Integrity again", type: "behavioural" });
    doc.competencies.push({ id: "", name: "No id", type: "domain" });
    doc.competencies.find((c) => c.id === "empathy").levels.push({ level: 2, description: "x" });
    doc.competencies.find((c) => c.id === "teamwork").min_level = 4;
    doc.competencies.find((c) => c.id === "teamwork").max_level = 2;
    doc.format_version = 2;
    doc.groups = [
      { id: "g1", name: "One", parents: ["g2"] },
      { id: "g2", name: "Two", parents: ["g1"] },
    ];
    doc.roles.find((r) => r.id === "mail-operations").activities.push("sort-parcels");
    doc.activities.find((a) => a.id === "reply-rti").requires[0].level = 7;
    doc.positions.push({ id: "vacant", name: "Vacant post", department: "department-of-posts", roles: [] });
    doc.courses.find((c) => c.id === "rti-pio").hours = 0;
    doc.courses.find((c) => c.id === "accounts-basics").prerequisites = ["savings-audit"];
    doc.courses.find((c) => c.id === "cpgrams").name = "";
    const error = throwsProblems(
      () => new Framework(doc),
      [
        { code: "duplicate_id", kind: "competency", id: "integrity" },
        { code: "empty_id", kind: "competency", index: 17 },
        { code: "empty_name", kind: "course", id: "cpgrams" },
        { code: "invalid_level_scale", competency: "empathy", found: [1, 2, 3, 2], min: 1, max: 5 },
        { code: "invalid_level_range", competency: "teamwork", min: 4, max: 2 },
        {
          code: "invalid_level",
          owner_kind: "activity",
          owner: "reply-rti",
          competency: "rti",
          level: 7,
          min: 1,
          max: 5,
        },
        { code: "unknown_reference", from_kind: "role", from: "mail-operations", to_kind: "activity", to: "sort-parcels" },
        { code: "position_without_roles", position: "vacant" },
        { code: "invalid_hours", course: "rti-pio", hours: 0 },
        { code: "prerequisite_cycle", courses: ["accounts-basics", "savings-audit", "po-accounts"] },
        { code: "group_cycle", groups: ["g1", "g2"] },
      ],
    );
    assert.equal(error.problems.length, 11);
  });

  test("a requirement's level named otherwise than its competency names it is level_name_mismatch", () => {
    const doc = frameworkDoc();
    doc.format_version = 2;
    doc.competencies.push({
      id: "rti-own",
      name: "Right to Information (own levels)",
      type: "domain",
      levels: [
        { level: 1, name: "Beginner" },
        { level: 2, name: "Intermediate" },
        { level: 3, name: "Expert" },
      ],
    });
    const requires = doc.activities.find((a) => a.id === "reply-rti").requires;
    requires.push({ competency: "rti-own", level: "3 - Advanced" });
    throwsProblems(
      () => new Framework(doc),
      [
        {
          code: "level_name_mismatch",
          owner_kind: "activity",
          owner: "reply-rti",
          competency: "rti-own",
          level: 3,
          name: "Advanced",
          level_named: "Expert",
          named: null,
        },
      ],
    );
    // The competency's own name of level 3 reads, and is written back with the number.
    requires[requires.length - 1].level = "3 - Expert";
    const spec = parseFrameworkSpec(JSON.stringify(doc));
    const written = spec.activities.find((a) => a.id === "reply-rti").requires.at(-1);
    assert.equal(written.level, "3 - Expert");
    new Framework(doc);
  });

  test("malformed text names its line, column and path; an object names its path", () => {
    const text = frameworkText().replace('"hours": 12', '"hours": "twelve"');
    const line = text.split("\n").findIndex((l) => l.includes('"twelve"')) + 1;
    const column = text.split("\n")[line - 1].indexOf('"twelve"') + '"twelve"'.length;
    throwsProblems(
      () => new Framework(text),
      [
        {
          code: "json",
          line,
          column,
          path: "courses[1].hours",
          id: "po-accounts",
          description: 'invalid type: string "twelve", expected a number',
        },
      ],
    );
    const doc = frameworkDoc();
    doc.positions[1].rank = "senior";
    const error = throwsProblems(
      () => new Framework(doc),
      [{ code: "json", line: 0, column: 0, path: "positions[1].rank", id: "aso-division" }],
    );
    assert.match(error.message, /^invalid framework at `positions\[1\]\.rank` \(id `aso-division`\): unknown field `rank`/);
    throwsProblems(() => new Framework("{\n  \"format_version\": 1,\n  \"competencies\": [}"), [
      { code: "json", line: 3, column: 20, path: "competencies", id: null },
    ]);
    throwsProblems(() => new Framework(42), [{ code: "json", path: "" }]);
    throwsProblems(() => parseFrameworkSpec({ format_version: 1 }), [
      { code: "json", path: "", description: "missing field `competencies`" },
    ]);
  });

  test("malformed text with bad entries in several lists names every one", () => {
    const text = frameworkText()
      .replace('"hours": 12', '"hours": "twelve"')
      .replace('"department": "department-of-posts"', '"department": 7');
    const at = (needle) => {
      const line = text.split("\n").findIndex((l) => l.includes(needle)) + 1;
      return { line, column: text.split("\n")[line - 1].indexOf(needle) + needle.length };
    };
    const error = throwsProblems(
      () => new Framework(text),
      [
        { code: "json", ...at('"department": 7'), path: "positions[0].department", description: "invalid type: integer `7`, expected a string" },
        { code: "json", ...at('"twelve"'), path: "courses[1].hours", id: "po-accounts", description: 'invalid type: string "twelve", expected a number' },
      ].sort((a, b) => a.line - b.line || a.column - b.column),
    );
    assert.match(error.message, /^2 problems found:\n  - invalid json at line \d+, column \d+ \(`positions\[0\]\.department`/);
  });

  test("a value JSON cannot hold is refused at its path, not read as null or dropped", () => {
    // JSON.stringify writes NaN and the infinities as null, drops functions and symbols,
    // writes a Date as its text and a Map as {}: each would be read as something the
    // caller never wrote.
    const expected = "expected a JSON value (a plain object, an array, a string, a finite number, a boolean or null), found ";
    const cases = [
      [(doc) => (doc.courses[1].hours = NaN), "courses[1].hours", "po-accounts", "NaN"],
      [(doc) => (doc.courses[1].hours = Infinity), "courses[1].hours", "po-accounts", "Infinity"],
      [(doc) => (doc.activities[0].requires[0].level = -Infinity), "activities[0].requires[0].level", doc0().activities[0].id, "-Infinity"],
      [(doc) => (doc.competencies[0].description = new Date(0)), "competencies[0].description", doc0().competencies[0].id, "an object of class Date"],
      [(doc) => (doc.competencies[0].name = () => "x"), "competencies[0].name", doc0().competencies[0].id, "a function"],
      [(doc) => (doc.courses[0].prerequisites = [undefined]), "courses[0].prerequisites[0]", doc0().courses[0].id, "undefined"],
      [(doc) => (doc.courses[0].hours = 6n), "courses[0].hours", doc0().courses[0].id, "a bigint"],
      [(doc) => (doc.positions[0].roles = new Set(["x"])), "positions[0].roles", doc0().positions[0].id, "an object of class Set"],
    ];
    for (const [spoil, path, id, found] of cases) {
      const doc = frameworkDoc();
      spoil(doc);
      const error = throwsProblems(() => new Framework(doc), [
        { code: "json", line: 0, column: 0, path, id, description: expected + found },
      ]);
      assert.equal(error.message, `invalid framework at \`${path}\` (id \`${id}\`): ${expected}${found}`);
    }
    throwsProblems(() => new Framework(new Map([["format_version", 2]])), [
      { code: "json", path: "", id: null, description: expected + "an object of class Map" },
    ]);
    // In a cohort's list, each officer is placed by its index.
    const officers = officersDoc().officers;
    officers[2].passbook[0].level = NaN;
    throwsProblems(() => new Cohort(fw, officers), [
      { code: "json", path: "[2].passbook[0].level", id: officers[2].id },
    ]);
    // A key whose value is undefined stays an absent key, as in JSON.
    const doc = frameworkDoc();
    doc.courses[0].provider = undefined;
    assert.equal(new Framework(doc).courses().length, frameworkDoc().courses.length);
  });

  test("an argument that is not an instance of the class it needs, or was freed, is a KarmayogiError", () => {
    // The generated glue threw a plain Error ("expected instance of Profile") without a
    // code, and a freed instance reached the WebAssembly as a null pointer.
    const profile = new Profile(fw, meena());
    const problem = (description) => ({ code: "json", line: 0, column: 0, path: "", id: null, description });
    throwsProblems(() => fw.gap({}), [problem("expected a Profile, found an object of class Object")]);
    throwsProblems(() => fw.gap(null), [problem("expected a Profile, found null")]);
    throwsProblems(() => fw.gap(undefined), [problem("expected a Profile, found undefined")]);
    throwsProblems(() => fw.recommend(fw, "postmaster-hpo"), [problem("expected a Profile, found an object of class Framework")]);
    throwsProblems(() => new Profile("framework", meena()), [problem("expected a Framework, found string")]);
    throwsProblems(() => fw.trainingNeeds(profile), [problem("expected a Cohort, found an object of class Profile")]);
    const freed = new Profile(fw, meena());
    freed.free();
    const error = throwsProblems(() => fw.gap(freed), [problem("expected a Profile, found one that was freed")]);
    assert.equal(error.message, "invalid argument: expected a Profile, found one that was freed");
    assert.equal(fw.gap(profile).officer, "meena-iyer");
  });

  test("a newer document stops at its version", () => {
    throwsProblems(() => new Framework({ format_version: 9, competencies: [], extra: true }), [
      { code: "unsupported_format_version", found: 9, expected: 2 },
    ]);
    throwsProblems(() => parseOfficers('{"format_version": 0, "officers": []}'), [
      { code: "unsupported_format_version", found: 0, expected: 2 },
    ]);
    throwsProblems(() => new Cohort(fw, '{"format_version": 3, "officers": []}'), [
      { code: "unsupported_format_version", found: 3, expected: 2 },
    ]);
  });
});

describe("officers", () => {
  test("a profile reports every bad reference, level and date", () => {
    const officer = meena();
    officer.position = "postmaster";
    officer.passbook[0].level = 9;
    officer.passbook[1].date = "31/03/2025";
    officer.passbook[2].competency = "swimming";
    officer.passbook[6].course = "no-such-course";
    throwsProblems(
      () => new Profile(fw, officer),
      [
        { code: "unknown_reference", from_kind: "officer", from: "meena-iyer", to_kind: "position", to: "postmaster" },
        {
          code: "invalid_evidence",
          officer: "meena-iyer",
          index: 0,
          competency: "financial-accounting",
          problem: { problem: "level_above_scale", level: 9, min: 1, max: 5 },
        },
        {
          code: "invalid_evidence",
          index: 1,
          problem: { problem: "invalid_date", found: "31/03/2025", suggestion: "2025-03-31", two_digit_year: [] },
        },
        { code: "invalid_evidence", index: 2, competency: "swimming", problem: { problem: "unknown_competency", nearest: null, quote_nearest: false } },
        {
          code: "invalid_evidence",
          index: 6,
          problem: { problem: "unknown_course", course: "no-such-course", nearest: null, quote_nearest: false },
        },
      ],
    );
  });

  test("a passbook level below the competency's lowest level names the entry", () => {
    const sfia = new Framework({
      format_version: 2,
      competencies: [{ id: "ITSP", name: "Strategic planning", type: "functional", min_level: 4 }],
      roles: [{ id: "r", name: "IT planner", requires: [{ competency: "ITSP", level: 5 }] }],
      positions: [{ id: "p", name: "Planning lead", department: "it", roles: ["r"] }],
    });
    const officer = (level) => ({
      id: "o1",
      department: "it",
      position: "p",
      passbook: [{ competency: "ITSP", level, source: "assessment", date: "2024-01-01" }],
    });
    throwsProblems(
      () => new Profile(sfia, officer(2)),
      [
        {
          code: "invalid_evidence",
          officer: "o1",
          index: 0,
          competency: "ITSP",
          problem: { problem: "level_below_scale", level: 2, min: 4, max: 5 },
        },
      ],
    );
    assert.ok(new Profile(sfia, officer(0)));
    assert.ok(new Profile(sfia, officer(4)));
  });

  test("a cohort reports every officer's problems, with the caller's indices and places", () => {
    const list = officersDoc().officers;
    list[1].id = "meena-iyer";
    list[2].id = "";
    list[3].passbook[0].level = "2.5";
    list[4].department = 5;
    throwsProblems(
      () => new Cohort(fw, list),
      [
        { code: "empty_id", kind: "officer", index: 2 },
        { code: "duplicate_id", kind: "officer", id: "meena-iyer" },
        { code: "json", path: "[3].passbook[0].level", id: "suresh-patil", line: 0, column: 0 },
        { code: "json", path: "[4].department", id: "lakshmi-menon", line: 0, column: 0 },
      ],
    );
    // From text, the problems point into the text.
    const doc = officersDoc();
    doc.officers[3].passbook[0].level = "2.5";
    const text = JSON.stringify(doc, null, 2);
    const line = text.split("\n").findIndex((l) => l.includes('"2.5"')) + 1;
    const column = text.split("\n")[line - 1].indexOf('"2.5"') + '"2.5"'.length;
    const error = throwsProblems(() => new Cohort(fw, text), [
      { code: "json", path: "officers[3].passbook[0].level", id: "suresh-patil", line, column },
    ]);
    // The same place as the library's own reader gives, in the message too.
    assert.match(
      error.message,
      /^invalid json at line \d+, column \d+ \(`officers\[3\]\.passbook\[0\]\.level`, id `suresh-patil`\): /,
    );
    throwsProblems(() => new Cohort(fw, [1]), [{ code: "json", path: "[0]" }]);
  });

  test("a cohort reports every bad field of every officer and passbook entry, as the library does", () => {
    // officers/04: an officer with a bad department, an entry with a level written as a
    // fraction, an epoch date and a misspelt field, an entry with a source given twice, and an
    // entry with a bad flag and no source. Each was reported alone, the first of each
    // officer; the library's reader reports them all.
    const several = new Framework({
      format_version: 2,
      competencies: [
        { id: "accounts", name: "Accounts", type: "functional" },
        { id: "rti", name: "Right to Information", type: "domain" },
      ],
      roles: [{ id: "r", name: "Postmaster", requires: [{ competency: "accounts", level: 3 }] }],
      positions: [{ id: "hpo", name: "Head Postmaster", department: "posts", roles: ["r"] }],
    });
    const text = read("tests/data/cases/officers/04-one-entry-several-problems-officers.json");
    const at = (path, id) => ({ code: "json", path, id });
    const fromText = [
      at("officers[1].department", "o2"),
      at("officers[1].passbook[0].level", "o2"),
      at("officers[1].passbook[0].date", "o2"),
      at("officers[1].passbook[0].verifed", "o2"),
      at("officers[1].passbook[1].source", "o2"),
      at("officers[1].passbook[1].source", "o2"),
      at("officers[2].passbook[0].verified", "o3"),
      at("officers[2].passbook[0]", "o3"),
    ];
    throwsProblems(() => new Cohort(several, text), fromText);
    // As a document object and as an array (where a key given twice is JavaScript's last).
    const doc = JSON.parse(text);
    const parsed = fromText.filter((p) => !p.path.endsWith("[1].source"));
    throwsProblems(() => new Cohort(several, doc), parsed);
    const inArray = parsed.map((p) => ({ ...p, path: p.path.replace(/^officers/, "") }));
    throwsProblems(() => new Cohort(several, doc.officers), inArray);
    // A review of the same officers reports them all too.
    throwsProblems(() => several.reviewOfficers(text), fromText);
  });

  test("a large array reports every element's problem by index, whatever the element", () => {
    // 700 officers; bad entries among them, and elements JSON text cannot hold (undefined)
    // or that are JSON texts themselves.
    const base = officersDoc().officers;
    const list = Array.from({ length: 700 }, (_, i) => ({ ...structuredClone(base[i % base.length]), id: `officer-${i}` }));
    const good = new Cohort(fw, list);
    assert.equal(good.length, 700);
    assert.equal(good.officerId(699), "officer-699");
    list[300] = JSON.stringify(list[300]);
    const asText = new Cohort(fw, list);
    assert.deepEqual(fw.trainingNeeds(asText), fw.trainingNeeds(good));
    list[255].passbook[0].level = "2.5";
    list[256].department = 5;
    list[600] = undefined;
    list[601] = "{";
    throwsProblems(
      () => new Cohort(fw, list),
      [
        { code: "json", path: "[255].passbook[0].level", line: 0, column: 0 },
        { code: "json", path: "[256].department", line: 0, column: 0 },
        { code: "json", path: "[600]" },
        { code: "json", path: "[601]", line: 1, column: 1 },
      ],
    );
  });

  test("texts with a byte-order mark read as without it, problems placed after it", () => {
    const bom = "\uFEFF";
    const text = bom + JSON.stringify(officersDoc(), null, 2);
    assert.equal(new Cohort(fw, text).length, officersDoc().officers.length);
    assert.equal(parseOfficers(text).officers.length, officersDoc().officers.length);
    assert.equal(new Profile(fw, bom + JSON.stringify(meena())).id, meena().id);
    assert.equal(new Framework(bom + frameworkText()).positions().length, fw.positions().length);
    // A problem's column counts from the first character after the mark, as without it.
    const doc = officersDoc();
    doc.officers[3].passbook[0].level = "2.5";
    const plain = JSON.stringify(doc, null, 2);
    const line = plain.split("\n").findIndex((l) => l.includes('"2.5"')) + 1;
    const column = plain.split("\n")[line - 1].indexOf('"2.5"') + '"2.5"'.length;
    throwsProblems(() => new Cohort(fw, bom + plain), [
      { code: "json", path: "officers[3].passbook[0].level", line, column },
    ]);
    const one = `{"id": "o", "department": "d", "position": 5}`;
    throwsProblems(() => new Profile(fw, bom + one), [
      { code: "json", path: "position", line: 1, column: one.indexOf("5") + 1 },
    ]);
  });

  test("a profile or cohort from another framework is refused", () => {
    const other = new Framework(frameworkText());
    const p = new Profile(other, meena());
    throwsProblems(() => fw.gap(p), [{ code: "framework_mismatch" }]);
    const c = new Cohort(other, officersDoc());
    throwsProblems(() => fw.trainingNeeds(c), [{ code: "framework_mismatch" }]);
    throwsProblems(() => fw.compare(new Cohort(fw, officersDoc()), c), [{ code: "framework_mismatch" }]);
  });
});

describe("queries and options", () => {
  const p = new Profile(fw, meena());
  test("unknown ids", () => {
    throwsProblems(() => fw.requirements("mayor"), [{ code: "unknown_id", kind: "position", id: "mayor" }]);
    throwsProblems(() => fw.gapFor(p, "mayor"), [{ code: "unknown_id", kind: "position", id: "mayor" }]);
    throwsProblems(() => fw.prerequisiteClosure("juggling"), [{ code: "unknown_id", kind: "course", id: "juggling" }]);
    throwsProblems(
      () => fw.recommend(p, "postmaster-hpo", { competencyWeights: { swimming: 2 } }),
      [{ code: "unknown_id", kind: "competency", id: "swimming" }],
    );
    throwsProblems(
      () =>
        fw.recommendTargets(
          [
            { competency: "rti", current: 0, required: 3 },
            { competency: "rti", current: 1, required: 2 },
            { competency: "empathy", current: 0, required: 4 },
            { competency: "rti", current: 0, required: 1 },
          ],
          ["nothing", "nothing"],
        ),
      [
        { code: "duplicate_id", kind: "competency", id: "rti" },
        { code: "invalid_level", owner: "empathy", level: 4, max: 3 },
        { code: "unknown_id", kind: "course", id: "nothing" },
      ],
    );
  });

  test("options out of range name the option", () => {
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { budget: -1 }), [
      { code: "invalid_option", option: "budget", value: -1 },
    ]);
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { maxFormalShare: 2 }), [
      { code: "invalid_option", option: "maxFormalShare", value: 2 },
    ]);
    // Below 1e-9 a formal hour's cost could overflow to infinity.
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { maxFormalShare: 1e-10 }), [
      { code: "invalid_option", option: "maxFormalShare", value: 1e-10 },
    ]);
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { termHours: 0 }), [
      { code: "invalid_option", option: "termHours", value: 0 },
    ]);
    throwsProblems(() => fw.gap(p, { weights: { domain: -2 } }), [
      { code: "invalid_weight", name: "domain", value: -2 },
    ]);
    throwsProblems(() => fw.departmentPlan(new Cohort(fw, officersDoc()), { positionWeights: { "aso-division": -1 } }), [
      { code: "invalid_id_weight", kind: "position", id: "aso-division", value: -1 },
    ]);
    // Every unknown id of a learning path's request at once, the position first.
    throwsProblems(() => fw.recommend(p, "mayor", { competencyWeights: { "no-competency": 2 } }), [
      { code: "unknown_id", kind: "position", id: "mayor" },
      { code: "unknown_id", kind: "competency", id: "no-competency" },
    ]);
    // Every unknown id of a ranking's or a succession's request at once, the position
    // first, then the department.
    for (const ask of [
      () => fw.officersFor(new Cohort(fw, officersDoc()), "mayor", { department: "no-department" }),
      () => fw.successors(new Cohort(fw, officersDoc()), "mayor", { department: "no-department" }),
    ]) {
      throwsProblems(ask, [
        { code: "unknown_id", kind: "position", id: "mayor" },
        { code: "unknown_id", kind: "department", id: "no-department" },
      ]);
    }
    // Every unknown id of a department plan's options at once, the department first.
    throwsProblems(
      () =>
        fw.departmentPlan(new Cohort(fw, officersDoc()), {
          department: "nowhere",
          seats: { "no-course": 2 },
          competencyWeights: { "no-competency": 2 },
          positionWeights: { "no-post": 2 },
        }),
      [
        { code: "unknown_id", kind: "department", id: "nowhere" },
        { code: "unknown_id", kind: "course", id: "no-course" },
        { code: "unknown_id", kind: "competency", id: "no-competency" },
        { code: "unknown_id", kind: "position", id: "no-post" },
      ],
    );
    throwsProblems(() => new Profile(fw, meena(), { notBefore: "yesterday" }), [
      { code: "invalid_policy_date", value: "yesterday" },
    ]);
    throwsProblems(() => fw.careerPaths(p, { untagged: { assume: 7 } }), [{ code: "level_out_of_range", value: 7 }]);
    throwsProblems(() => fw.careerPaths(p, { untagged: { assume: "Level VII" } }), [{ code: "json", path: "untagged.assume" }]);
    const esco = {
      occupations: "occ_id,isco_group,label\n",
      skills: "skill_id,skill_type,reuse_level,label\n",
      occupationSkills: "occ_id,skill_id,relation\n",
    };
    throwsProblems(() => loadEsco(esco, { essentialLevel: 6 }), [
      { code: "invalid_option", option: "essentialLevel", value: 6 },
    ]);
  });

  test("misspelt options and wrong types are refused with their path", () => {
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { budjet: 10 }), [{ code: "json", path: "budjet" }]);
    throwsProblems(() => fw.gap(p, { weights: { domian: 2 } }), [{ code: "json", path: "weights.domian" }]);
    throwsProblems(() => fw.gap(p, { includeMet: "yes" }), [{ code: "json", path: "includeMet" }]);
    throwsProblems(() => fw.positionsFor(p, { top: 2.5 }), [{ code: "json", path: "top" }]);
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { solver: { exact: {} } }), [
      { code: "json", path: "solver.exact.nodeLimit" },
    ]);
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", { solver: "fast" }), [{ code: "json", path: "solver" }]);
    throwsProblems(() => fw.recommend(p, "postmaster-hpo", [1]), [{ code: "json", path: "" }]);
    // The package's own problem follows the options'.
    throwsProblems(() => importCase({ CFItems: [] }, { ids: "uuid" }), [
      { code: "json", path: "ids" },
      { code: "case_missing_document" },
    ]);
    // A level rule's table maps scores to the crate's scale: a level beyond it is named by
    // its place, whatever its size.
    for (const level of [9, 300, 2.5, "Level IX", "high"]) {
      throwsProblems(() => importCase({ CFItems: [] }, { levelRule: { table: [[1, 1], [2, level]] } }), [
        { code: "json", path: "levelRule.table[1][1]" },
        { code: "case_missing_document" },
      ]);
    }
  });

  test("targets, completed courses, an officer and a CASE document of the wrong shape are described as JSON holds them", () => {
    // Before, these passed serde's words on: `expected struct Target`, `expected u8`,
    // `expected a sequence`, `invalid type: map`.
    throwsProblems(() => fw.recommendTargets([1]), [
      { code: "json", path: "[0]", description: "invalid type: integer `1`, expected a target object" },
    ]);
    const level = throwsProblems(() => fw.recommendTargets([{ competency: "rti", current: 0, required: "three" }]), [
      { code: "json", path: "[0].required" },
    ]);
    assert.match(
      level.problems[0].description,
      /^invalid value: string `three`, expected a level's number for `required`: .*`"L3"`, `"Level 3"`\), or a Roman numeral \(`"III"`, `"Level III"`\)$/,
    );
    throwsProblems(() => fw.recommendTargets({ competency: "rti", level: 3 }), [
      { code: "json", description: "invalid type: an object, expected a list" },
    ]);
    throwsProblems(() => fw.recommendTargets([], { rti: true }), [
      { code: "json", description: "invalid type: an object, expected a list" },
    ]);
    const officer = meena();
    officer.passbook = { first: officer.passbook[0] };
    throwsProblems(() => new Profile(fw, officer), [
      { code: "json", path: "passbook", description: "invalid type: an object, expected a list" },
    ]);
    const typed = meena();
    typed.passbook[0].source = 3;
    const error = throwsProblems(() => new Profile(fw, typed), [{ code: "json", path: "passbook[0].source" }]);
    assert.match(error.problems[0].description, /^invalid type: integer `3`, expected an evidence source: one of `course_completion`/);
    for (const problem of [...error.problems, ...level.problems]) {
      assert.doesNotMatch(problem.description, /\b(u8|u32|f64|struct|enum|sequence|map|variant)\b|expected value/);
    }
  });

  test("a document that is not one is named as what it is (null is null, not an object)", () => {
    for (const [value, found] of [
      [null, "null"],
      [undefined, "undefined"],
      [42, "number"],
      [true, "boolean"],
    ]) {
      throwsProblems(() => new Framework(value), [
        { code: "json", path: "", description: `expected a plain object or JSON text, found ${found}` },
      ]);
    }
  });
});

describe("loaders and CASE", () => {
  test("CSV problems name the file, line and column", () => {
    const occupations = "occ_id,isco_group,label\n7,2422,policy officer\n8,2422,policy officer\n";
    const skills = "skill_id,skill_type,reuse_level,label\n3,skill/competence,cross-sector,drafting\n";
    const links = "occ_id,skill_id,relation\n7,3,E\n7,9,E\n8,3,X\n";
    throwsProblems(
      () => loadEsco({ occupations, skills, occupationSkills: links }),
      [
        { code: "csv_unknown_reference", file: "esco/occupation_skills.csv", line: 3, column: "skill_id", found: "9", target: "esco/skills.csv" },
        { code: "csv_invalid_value", file: "esco/occupation_skills.csv", line: 4, column: "relation", found: "X" },
      ],
    );
    throwsProblems(() => loadEsco({ occupations: "id,label\n", skills, occupationSkills: links.slice(0, 30) }), [
      { code: "csv_missing_column", file: "esco/occupations.csv", column: "occ_id", header_line: null },
      { code: "csv_missing_column", file: "esco/occupations.csv", column: "isco_group" },
    ]);
    throwsProblems(() => loadEsco({ occupations, skills }), [{ code: "json", path: "occupationSkills" }]);
    // Building the framework straight from the texts throws the loader's problems alike.
    throwsProblems(
      () => Framework.fromEsco({ occupations, skills, occupationSkills: links }),
      [
        { code: "csv_unknown_reference", file: "esco/occupation_skills.csv", line: 3, column: "skill_id", found: "9", target: "esco/skills.csv" },
        { code: "csv_invalid_value", file: "esco/occupation_skills.csv", line: 4, column: "relation", found: "X" },
      ],
    );
    throwsProblems(() => Framework.fromEsco({ occupations, skills }), [{ code: "json", path: "occupationSkills" }]);
    throwsProblems(() => Framework.fromEsco({ occupations, skills, occupationSkills: "occ_id,skill_id,relation\n" }, { essentialLevel: 6 }), [
      { code: "invalid_option", option: "essentialLevel", value: 6 },
    ]);
    const onet = {
      occupations: "soc,title\n",
      elements: "element_id,parent_id,name,description\n",
      occupationSkillLevels: "soc,element_id,importance_1_5,level_0_7,recommend_suppress\n",
    };
    throwsProblems(() => loadOnet(onet, { importanceThreshold: 9 }), [
      { code: "invalid_option", option: "importanceThreshold", value: 9 },
      { code: "csv_missing_column", file: "onet/occupation_skill_levels.csv", column: "not_relevant" },
    ]);
  });

  test("an HR export's problems name the file, line and column, every one at once", () => {
    const { officers, evidence } = officersCsv();
    const badOfficers = officers
      .replace("farah-khan,Farah Khan,department-of-posts,aso-division", "farah-khan,Farah Khan,department-of-posts,aso-divison")
      .concat("meena-iyer,Meena again,department-of-posts,postmaster-hpo,\n");
    const badEvidence = evidence
      .replace("meena-iyer,financial-accounting,3,", "meena-iyer,financial-accounting,three,")
      .concat("nobody,rti,2,assessment,2025-01-01,,\n")
      .concat("arjun-rao,rti,5,course_completion,2025-01-10,,rti-pio\n")
      .concat("arjun-rao,rti,2,assessment,45657,,\n");
    throwsProblems(() => loadOfficers(fw, { officers: badOfficers, evidence: badEvidence }), [
      {
        code: "csv_unknown_reference",
        file: "officers.csv",
        line: 4,
        column: "position",
        found: "aso-divison",
        nearest: "aso-division",
      },
      { code: "csv_duplicate_key", file: "officers.csv", line: 7, column: "id", key: "meena-iyer", first_line: 2, first_key: null },
      // A level written as a name no level has: the same data as from JSON.
      {
        code: "csv_row",
        file: "evidence.csv",
        line: 2,
        column: "level",
        error: {
          code: "invalid_evidence",
          officer: "meena-iyer",
          index: 0,
          competency: "financial-accounting",
          problem: { problem: "unresolved_level_name", name: "three", named: [], min: 1, max: 5 },
          message:
            "officer `meena-iyer` passbook entry 0 (competency `financial-accounting`): level written as the name `three`, which no level of the competency has: expected a level from 0 to 5, or the name of one of the competency's levels",
        },
      },
      { code: "csv_unknown_reference", file: "evidence.csv", line: 52, column: "officer", found: "nobody" },
      {
        code: "csv_row",
        file: "evidence.csv",
        line: 53,
        column: "level",
        error: {
          code: "invalid_evidence",
          officer: "arjun-rao",
          index: 11,
          competency: "rti",
          problem: { problem: "above_course_level", course: "rti-pio", level: 5, course_level: 3 },
          message:
            "officer `arjun-rao` passbook entry 11 (competency `rti`): level 5 is above level 3, the level course `rti-pio` builds it to",
        },
      },
      {
        code: "csv_row",
        file: "evidence.csv",
        line: 54,
        column: "date",
      },
    ]);
    // A header separated by another character than its `sep=` line declares is named as
    // such, not as three missing columns.
    throwsProblems(() => loadOfficers(fw, { officers: "sep=,\nid;department;position\n" }), [
      {
        code: "csv_delimiter",
        file: "officers.csv",
        found: ";",
        expected: ",",
        message: "officers.csv separates the fields of its header with `;`: expected `,`",
      },
    ]);
    throwsProblems(
      () => Cohort.fromCsv(fw, { officers: "id\tdepartment\tposition\n" }, { delimiter: "," }),
      [{ code: "csv_delimiter", file: "officers.csv", found: "\t", expected: "," }],
    );
    // A column of names where ids are read is refused at its header, on both loaders.
    const named = {
      officers: "Employee ID,Department,Position Name\na,posts,Postmaster\n",
      evidence: "Employee ID,Competency Name,Level,Source\na,Right to Information,2,assessment\n",
    };
    const nameColumns = [
      {
        code: "csv_name_column",
        file: "officers.csv",
        column: "position",
        header: "Position Name",
        message:
          "officers.csv header `Position Name` holds names, not the ids column `position` is read as: give the framework's ids under a header `position`",
      },
      { code: "csv_name_column", file: "evidence.csv", column: "competency", header: "Competency Name" },
    ];
    throwsProblems(() => loadOfficers(fw, named), nameColumns);
    throwsProblems(() => Cohort.fromCsv(fw, named), nameColumns);
    throwsProblems(() => loadOfficers(fw, { officers: "Id,ID,department,position\na,b,posts,postmaster\n" }), [
      { code: "csv_ambiguous_column", file: "officers.csv", column: "id", headers: ["Id", "ID"] },
    ]);
    throwsProblems(() => loadOfficers(fw, { evidence }), [{ code: "json", path: "officers" }]);
    throwsProblems(() => Cohort.fromCsv(fw, { officers: badOfficers }), [
      { code: "csv_unknown_reference", line: 4 },
      { code: "csv_duplicate_key", line: 7 },
    ]);
    throwsProblems(() => loadOfficers(fw, { officers }, { review: { asOf: "soon" } }), [
      { code: "invalid_policy_date", value: "soon" },
    ]);
    throwsProblems(() => fw.reviewOfficers([{ id: 3 }]), [{ code: "json", path: "[0].id" }]);
  });

  test("CASE problems name the element", () => {
    throwsProblems(() => importCase({ CFItems: [], CFAssociations: [] }), [{ code: "case_missing_document" }]);
    throwsProblems(() => importCase("{\"CFItems\": 3}"), [
      { code: "case_field_type", path: "CFPackage.CFItems", found: "an integer", expected: "an array of objects" },
      { code: "case_missing_document" },
    ]);
    throwsProblems(() => importCase("{\"CFDocument\": [}"), [{ code: "json", line: 1, column: 17, path: "CFDocument" }]);
    // A package is one framework: a CFDocument listing several is refused naming them.
    const listed = (identifier) => ({ identifier, creator: "B", title: "T", lastChangeDateTime: "2024-01-01" });
    throwsProblems(() => importCase({ CFDocument: [listed("d1"), null, listed("d2")], CFItems: [] }), [
      { code: "case_several_documents", documents: ["d1", "d2"] },
    ]);
    // Two items sharing an identifier but differing name it; a whole repeat is set aside
    // and reported; a list of several packages says how many.
    const item = { identifier: "c0000000-0000-4000-8000-000000000001", fullStatement: "Counts." };
    const one = {
      CFDocument: { identifier: "d0000000-0000-4000-8000-000000000001", title: "t", creator: "c" },
      CFItems: [item],
    };
    throwsProblems(() => importCase({ ...one, CFItems: [item, { ...item, fullStatement: "Other." }] }), [
      { code: "case_duplicate_identifier", identifier: item.identifier, path: "CFItems[1]", earlier_path: "CFItems[0]" },
    ]);
    // Imported by code, one item's code that is another's identifier names both items.
    const coded = { ...item, humanCodingScheme: "noting" };
    throwsProblems(
      () => importCase({ ...one, CFItems: [coded, { identifier: "noting", fullStatement: "Notes." }] }, { ids: "human_coding_scheme" }),
      [
        {
          code: "case_duplicate_id",
          kind: "competency",
          id: "noting",
          identifier: "noting",
          path: "CFItems[1]",
          field: "identifier",
          earlier: item.identifier,
          earlier_path: "CFItems[0]",
          earlier_field: "humanCodingScheme",
        },
      ],
    );
    const repeated = importCase({ ...one, CFItems: [item, item] });
    assert.deepEqual(repeated.report.dropped, [{ element: "Item", identifier: item.identifier, reason: "repeated" }]);
    assert.equal(importCase([one]).spec.competencies.length, 1);
    throwsProblems(() => importCase(JSON.stringify([one, one])), [
      { code: "json", description: "the document root is a list of 2 packages: expected one CASE CFPackage object" },
    ]);
    // A document identifier that is not a CASE UUID gives the version-5 UUID derived from
    // it (Python: uuid.uuid5(uuid.NAMESPACE_URL, "not-a-uuid")); a blank one is refused.
    const doc = { identifier: "not-a-uuid", title: "t", creator: "c", lastChangeDateTime: "2025-01-01T00:00:00Z" };
    assert.equal(exportCase(fw, doc).CFDocument.identifier, "6892d5c5-a618-5b00-a8f6-5e57b68e64b9");
    throwsProblems(() => exportCase(fw, { ...doc, identifier: " " }), [
      { code: "case_invalid_identifier", identifier: " " },
    ]);
    // A title CASE types as a NormalizedString holds no line break: refused, not rewritten.
    throwsProblems(() => exportCase(fw, { ...doc, title: "Office\nprocedure" }), [
      { code: "case_text_on_several_lines", element: "Document", id: "not-a-uuid", level: null, field: "title", value: "Office\nprocedure" },
    ]);
  });
});

describe("no input traps the WebAssembly", () => {
  const strange = [undefined, null, 0, -1, 1e308, NaN, "", "{", "[]", "null", true, [], {}, [null], { a: 1 }, "x".repeat(10000)];
  test("every function answers strange input with an exception, and keeps working", () => {
    const cohort = new Cohort(fw, officersDoc());
    const profile = new Profile(fw, meena());
    const calls = [
      (x) => new Framework(x),
      (x) => parseFrameworkSpec(x),
      (x) => parseOfficers(x),
      (x) => new Profile(fw, x),
      (x) => new Profile(fw, meena(), x),
      (x) => new Cohort(fw, x),
      (x) => fw.gap(profile, x),
      (x) => fw.gapFor(profile, x),
      (x) => fw.recommend(profile, "postmaster-hpo", x),
      (x) => fw.recommendTargets(x),
      (x) => fw.recommendTargets([], x),
      (x) => fw.positionsFor(profile, x),
      (x) => fw.officersFor(cohort, "postmaster-hpo", x),
      (x) => fw.trainingNeeds(cohort, x),
      (x) => fw.trainingNeedsByDepartment(cohort, x),
      (x) => fw.departmentPlan(cohort, x),
      (x) => fw.careerStep(profile, "aso-division", x, x),
      (x) => fw.careerPaths(profile, x),
      (x) => fw.successors(cohort, "aso-division", x),
      (x) => fw.compare(cohort, cohort, x),
      (x) => fw.requirements(x),
      (x) => loadEsco(x),
      (x) => loadOnet(x),
      (x) => loadOfficers(fw, x),
      (x) => loadOfficers(fw, officersCsv(), x),
      (x) => Cohort.fromCsv(fw, x),
      (x) => Cohort.fromCsv(fw, officersCsv(), x),
      (x) => fw.reviewOfficers(x),
      (x) => fw.reviewOfficers([], x),
      (x) => fw.members(x),
      (x) => fw.groupsOf(x),
      (x) => fw.parentGroups(x),
      (x) => fw.childGroups(x),
      (x) => fw.group(x),
      (x) => fw.minLevel(x),
      (x) => importCase({ CFItems: [] }, { levelRule: x }),
      (x) => importCase({ CFItems: [] }, { itemTypes: { A: x } }),
      (x) => new Profile(fw, meena(), { undated: x, courseLevels: x }),
      (x) => importCase(x),
      (x) => exportCase(fw, x),
      (x) => exportCase(fw, { identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", title: "t", creator: "c", lastChangeDateTime: "2025-01-01T00:00:00Z" }, x),
    ];
    let thrown = 0;
    for (const call of calls) {
      for (const x of strange) {
        try {
          call(x);
        } catch (e) {
          thrown++;
          // A KarmayogiError for every bad value, an argument that is not an instance of
          // the class it needs included.
          assert.ok(!(e instanceof WebAssembly.RuntimeError), `${call} trapped on ${String(x).slice(0, 20)}: ${e.stack}`);
          assert.ok(e instanceof KarmayogiError, `${call} with ${String(x).slice(0, 20)}: ${e.stack}`);
        }
      }
    }
    assert.ok(thrown > calls.length * 5);
    // Still usable afterwards.
    assert.equal(fw.gap(profile).officer, "meena-iyer");
  });
});
