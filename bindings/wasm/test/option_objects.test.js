// Options objects are read as plain objects, each key once: a value that is no plain object
// (a Map, which has no keys; a Set, Date, typed array, class instance or an object
// inheriting keys from another) is refused by what it is, at its path, wherever options
// are read (nested ones and maps of ids too); a getter or Proxy trap that throws is a
// problem naming its key and what it threw; neither is ever an option read as absent.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, Profile, exportCase, importCase, loadEsco, loadOfficers } from "../index.js";
import { escoCsv, frameworkText, officersCsv, officersDoc, throwsProblems } from "./support/data.js";

const fw = new Framework({
  format_version: 1,
  competencies: [
    { id: "a", name: "A", type: "domain" },
    { id: "b", name: "B", type: "domain" },
  ],
  roles: [
    {
      id: "r",
      name: "R",
      requires: [
        { competency: "a", level: 3 },
        { competency: "b", level: 3 },
      ],
    },
  ],
  positions: [{ id: "p", name: "P", department: "d", roles: ["r"] }],
  courses: [
    { id: "ka", name: "KA", hours: 10, provides: [{ competency: "a", level: 3 }] },
    { id: "kb", name: "KB", hours: 10, provides: [{ competency: "b", level: 3 }] },
  ],
});
const targets = [
  { competency: "a", current: 0, required: 3 },
  { competency: "b", current: 0, required: 3 },
];
const officer = (id) => ({ id, department: "d", position: "p", passbook: [] });
const cohort = new Cohort(fw, [officer("o1"), officer("o2")]);
const profile = new Profile(fw, {
  ...officer("o1"),
  passbook: [{ competency: "a", level: 3, source: "assessment", date: "2025-01-01", verified: true }],
});
const casePackage = exportCase(new Framework(frameworkText()), {
  identifier: "c0000000-0000-4000-8000-0000000000aa",
  title: "T",
  creator: "C",
  lastChangeDateTime: "2024-03-01",
});
const plan = (options) => fw.recommendTargets(targets, [], options);

/** A `json` problem at `path` whose description is `description`. */
const json = (path, description) => ({ code: "json", path, description });
const notPlain = (path, found, expected = "a plain object") => json(path, `expected ${expected}, found ${found}`);

describe("an options value that is no plain object is refused by what it is", () => {
  test("a Map as the options of every kind of call", () => {
    // Read as no options before: the 20-hour plan without a budget.
    assert.equal(plan({ budget: 10 }).total_hours, 10);
    throwsProblems(() => plan(new Map([["budget", 10]])), [notPlain("", "an object of class Map")]);
    throwsProblems(() => fw.gap(profile, new Map([["includeMet", true]])), [notPlain("", "an object of class Map")]);
    throwsProblems(() => fw.departmentPlan(cohort, new Map([["budget", 1]])), [notPlain("", "an object of class Map")]);
    throwsProblems(() => fw.careerPaths(profile, new Map([["top", 1]])), [notPlain("", "an object of class Map")]);
    throwsProblems(() => new Profile(fw, officer("o1"), new Map([["verifiedOnly", true]])), [notPlain("", "an object of class Map")]);
  });

  test("a Map of ids: seats, competency and position weights", () => {
    // Booked 2 seats in a course meant to have 1 before.
    const seated = fw.departmentPlan(cohort, { seats: { ka: 1 } });
    assert.equal(seated.courses.find((c) => c.course === "ka").seats, 1);
    const byId = "a plain object of numbers by id";
    throwsProblems(() => fw.departmentPlan(cohort, { seats: new Map([["ka", 1]]) }), [notPlain("seats", "an object of class Map", byId)]);
    throwsProblems(() => fw.departmentPlan(cohort, { positionWeights: new Map([["p", 0]]) }), [
      notPlain("positionWeights", "an object of class Map", byId),
    ]);
    assert.deepEqual(
      plan({ competencyWeights: { b: 0 } }).open.map((g) => `${g.competency}:${g.reason.reason}`),
      ["b:not_prioritised"],
    );
    throwsProblems(() => plan({ competencyWeights: new Map([["b", 0]]) }), [notPlain("competencyWeights", "an object of class Map", byId)]);
  });

  test("nested options: weights, solver, untagged, a level policy, CASE options", () => {
    throwsProblems(() => plan({ weights: new Map([["domain", 0]]) }), [notPlain("weights", "an object of class Map")]);
    throwsProblems(() => plan({ solver: new Map([["exact", { nodeLimit: 3 }]]) }), [notPlain("solver", "an object of class Map")]);
    throwsProblems(() => plan({ solver: { exact: new Map([["nodeLimit", 3]]) } }), [notPlain("solver.exact", "an object of class Map")]);
    throwsProblems(() => plan({ untagged: new Map([["assume", 3]]) }), [notPlain("untagged", "an object of class Map")]);
    throwsProblems(() => fw.careerPaths(profile, { weights: new Set() }), [notPlain("weights", "an object of class Set")]);
    throwsProblems(() => loadOfficers(new Framework(frameworkText()), officersCsv(), { levelPolicy: new Map([["verifiedOnly", true]]) }), [
      notPlain("levelPolicy", "an object of class Map"),
    ]);
    const doc = { identifier: "c0000000-0000-4000-8000-0000000000aa", title: "T", creator: "C", lastChangeDateTime: "2024-03-01" };
    const full = new Framework(frameworkText());
    throwsProblems(() => exportCase(full, doc, { itemTypes: new Map([["domain", "Skill"]]) }), [
      notPlain("itemTypes", "an object of class Map"),
    ]);
    throwsProblems(() => exportCase(full, doc, { areaIdentifiers: new Map([["x", "y"]]) }), [
      notPlain("areaIdentifiers", "an object of class Map", "a plain object of strings by name"),
    ]);
    const pkg = casePackage;
    throwsProblems(() => importCase(pkg, { itemTypes: new Map([["Skill", "ignore"]]) }), [
      notPlain("itemTypes", "an object of class Map", "a plain object of mappings by item type"),
    ]);
    throwsProblems(() => importCase(pkg, { itemTypes: { Skill: new Map([["competency", "domain"]]) } }), [
      notPlain("itemTypes.Skill", "an object of class Map"),
    ]);
    throwsProblems(() => importCase(pkg, { levelRule: { proportional: new Map([["top", 5]]) } }), [
      notPlain("levelRule.proportional", "an object of class Map"),
    ]);
    throwsProblems(() => importCase(pkg, { levelRule: { table: new Int32Array([1, 3]) } }), [
      notPlain("levelRule.table", "an object of class Int32Array", "an array of [score, level] pairs"),
    ]);
  });

  test("a class instance, a Date, a typed array, an inherited misspelt key", () => {
    class PlanOptions {
      constructor() {
        this.budget = 10;
      }
    }
    throwsProblems(() => plan(new PlanOptions()), [notPlain("", "an object of class PlanOptions")]);
    throwsProblems(() => plan(new Date(0)), [notPlain("", "an object of class Date")]);
    throwsProblems(() => plan(new Float64Array([10])), [notPlain("", "an object of class Float64Array")]);
    // An own misspelt key is refused; an inherited one was read unchecked before.
    throwsProblems(() => plan({ budgett: 10 }), [{ code: "json", path: "budgett" }]);
    const inheriting = "an object inheriting from another object than Object.prototype";
    throwsProblems(() => plan(Object.create({ budgett: 10 })), [notPlain("", inheriting)]);
    throwsProblems(() => plan(Object.create({ budget: 10 })), [notPlain("", inheriting)]);
    // An array where an object is expected, as before.
    throwsProblems(() => plan([10]), [notPlain("", "[10]")]);
    // A value of the wrong type is named by what it is, not as JSON writes it (`{}`).
    throwsProblems(() => plan({ budget: new Map() }), [notPlain("budget", "an object of class Map", "a number")]);
  });

  test("a prototype-less object is a plain object, and Object.prototype's keys are not options", () => {
    const bare = Object.assign(Object.create(null), { budget: 10 });
    assert.equal(plan(bare).total_hours, 10);
    Object.prototype.budget = 10;
    try {
      assert.equal(plan({}).total_hours, 20);
      assert.equal(plan().total_hours, 20);
    } finally {
      delete Object.prototype.budget;
    }
  });
});

describe("a getter or Proxy trap that throws is a problem naming the key", () => {
  const threw = (path, error) => json(path, `reading it threw ${error}`);

  test("a getter", () => {
    throwsProblems(
      () =>
        plan({
          get budget() {
            throw new Error("budget not configured");
          },
        }),
      [threw("budget", "Error: budget not configured")],
    );
    throwsProblems(
      () =>
        fw.departmentPlan(cohort, {
          get budget() {
            throw new Error("x");
          },
        }),
      [threw("budget", "Error: x")],
    );
    // In a map of ids, the id is still named if unknown.
    throwsProblems(
      () =>
        fw.departmentPlan(cohort, {
          seats: {
            get zz() {
              throw new RangeError("no seats");
            },
          },
        }),
      [threw("seats.zz", "RangeError: no seats"), { code: "unknown_id", id: "zz" }],
    );
  });

  test("a Proxy whose get, ownKeys or getPrototypeOf trap throws", () => {
    const trap = () => {
      throw new Error("trap");
    };
    throwsProblems(() => plan(new Proxy({ budget: 10 }, { get: trap })), [threw("budget", "Error: trap")]);
    const unreadable = "an object that cannot be read (reading it threw Error: trap)";
    throwsProblems(() => plan(new Proxy({ budget: 10 }, { ownKeys: trap })), [notPlain("", unreadable)]);
    throwsProblems(() => plan({ weights: new Proxy({}, { getPrototypeOf: trap }) }), [notPlain("weights", unreadable)]);
    throwsProblems(
      () => importCase(casePackage, { levelRule: { table: [new Proxy([1, 3], { get: trap })] } }),
      [json("levelRule.table[0]", `expected a [score, level] pair, found ${"an array that cannot be read (reading it threw Error: trap)"}`)],
    );
  });

  test("every problem of the object at once, and each getter run once", () => {
    let reads = 0;
    const counted = {
      get budget() {
        reads += 1;
        return 10;
      },
    };
    assert.equal(plan(counted).total_hours, 10);
    assert.equal(reads, 1);
    throwsProblems(
      () =>
        fw.departmentPlan(cohort, {
          budgett: 1,
          get budget() {
            throw new Error("x");
          },
          seats: new Map(),
          officerCap: -1,
        }),
      [json("budgett"), threw("budget", "Error: x"), { code: "invalid_option", option: "officerCap" }, notPlain("seats", "an object of class Map", "a plain object of numbers by id")].map(
        (p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
      ),
    );
  });
});

describe("a getter that throws in the CSV texts or a document is a problem, not a text read as absent", () => {
  test("an optional CSV text", () => {
    const full = new Framework(frameworkText());
    const texts = officersCsv();
    const officersOnly = loadOfficers(full, { officers: texts.officers });
    assert.notDeepEqual(loadOfficers(full, texts), officersOnly);
    throwsProblems(
      () =>
        loadOfficers(full, {
          officers: texts.officers,
          get evidence() {
            throw new Error("evidence export failed");
          },
        }),
      [json("evidence", "reading it threw Error: evidence export failed")],
    );
    const esco = escoCsv();
    throwsProblems(
      () =>
        loadEsco({
          ...esco,
          get hierarchy() {
            throw new Error("no tree");
          },
        }),
      [json("hierarchy", "reading it threw Error: no tree")],
    );
  });

  test("a document", () => {
    const doc = officersDoc();
    Object.defineProperty(doc.officers[1], "passbook", {
      enumerable: true,
      get() {
        throw new Error("x");
      },
    });
    throwsProblems(
      () => new Cohort(new Framework(frameworkText()), doc),
      [{ code: "json", path: "officers[1].passbook", id: doc.officers[1].id }],
    );
  });
});
