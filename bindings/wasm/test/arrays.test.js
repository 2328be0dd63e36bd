// Objects written as JSON arrays of their fields (`["o1", "dopt", "dopt", "us"]` for an
// officer): the schema types each as an object, and every reader refuses the array at its
// path with a KarmayogiError of code `json`, as the library does, rather than reading
// the fields by position (where a row in another column order reads as another officer).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, Profile } from "../index.js";
import { read, throwsProblems } from "./support/data.js";

const FRAMEWORK = read("tests/data/cases/framework/18-arrays-in-place-of-objects.json");
const OFFICERS = read("tests/data/cases/officers/24-arrays-in-place-of-objects.json");
const DEEP = read("tests/data/cases/officers/25-deep-nesting.json");

const fw = new Framework({
  format_version: 2,
  competencies: [{ id: "rti", name: "Right to Information", type: "domain" }],
  roles: [{ id: "cpio", name: "CPIO", requires: [{ competency: "rti", level: 3 }] }],
  positions: [{ id: "us", name: "Under Secretary", department: "dopt", roles: ["cpio"] }],
});

/** "invalid type: a list, expected a(n) `what` object". */
const listFor = (what) => `invalid type: a list, expected ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} object`;

describe("arrays in place of objects", () => {
  test("a framework's items and their parts are each refused at their path", () => {
    const want = [
      ["competencies[0]", "competency"],
      ["competencies[1].levels[0]", "level descriptor"],
      ["groups[0].rule", "group rule"],
      ["groups[1]", "group"],
      ["activities[0].requires[0]", "requirement"],
      ["roles[0]", "role"],
      ["roles[1].requires[0]", "requirement"],
      ["positions[0]", "position"],
      ["courses[0]", "course"],
      ["courses[1].provides[0]", "course outcome"],
    ].map(([path, what]) => ({ code: "json", path, description: listFor(what) }));
    throwsProblems(() => new Framework(FRAMEWORK), want);
    throwsProblems(() => new Framework(JSON.parse(FRAMEWORK)), want);
  });

  test("officers and passbook entries are refused, in text and as objects", () => {
    const want = [
      { code: "json", path: "officers[0]", id: null },
      { code: "json", path: "officers[1].passbook[0]", id: "o2" },
    ];
    for (const officers of [OFFICERS, JSON.parse(OFFICERS)]) {
      const error = throwsProblems(() => new Cohort(fw, officers), want);
      assert.match(error.problems[0].description, new RegExp(`${listFor("officer")}$`));
      assert.match(error.problems[1].description, new RegExp(`${listFor("evidence")}$`));
    }
    // An array of officers, one of them an array.
    const officers = JSON.parse(OFFICERS).officers;
    throwsProblems(() => new Cohort(fw, officers), [
      { code: "json", path: "[0]" },
      { code: "json", path: "[1].passbook[0]" },
    ]);
    // A row in another column order is not read as an officer named "dopt".
    throwsProblems(() => new Profile(fw, ["o1", "dopt", "dopt", "us"]), [{ code: "json", path: "" }]);
    throwsProblems(() => new Profile(fw, JSON.stringify(["o1", "dopt", "dopt", "us"])), [
      { code: "json", path: "" },
    ]);
  });

  test("targets are refused as arrays and read as objects", () => {
    throwsProblems(() => fw.recommendTargets([["rti", 1, 3]]), [
      { code: "json", path: "[0]", description: listFor("target") },
    ]);
    const plan = fw.recommendTargets([{ competency: "rti", current: 1, required: 3 }]);
    assert.ok(plan);
  });

  test("values nested past the parser's depth name their officer by id (officers/25)", () => {
    const want = [
      { code: "json", path: "officers[1].x", id: "d" },
      { code: "json", path: "officers[2].name", id: "e" },
      { code: "json", path: "officers[3].passbook[0].level", id: "f" },
    ];
    for (const officers of [DEEP, JSON.parse(DEEP)]) {
      const error = throwsProblems(() => new Cohort(fw, officers), want);
      const [x, name, level] = error.problems.map((p) => p.description);
      assert.match(x, /^officer `d`: unknown field `x`/);
      assert.match(name, /^officer `e`: invalid type: a list, expected a string$/);
      assert.match(level, /^officer `f` passbook entry 0 \(competency `rti`\): invalid type: a list/);
    }
  });

  test("a list after an object is named at its own index, on its `[`", () => {
    const text = '{"format_version": 2, "officers": [{"id": "o1", "department": "dopt", "position": "us"},["o2"]]}';
    throwsProblems(() => new Cohort(fw, text), [
      { code: "json", path: "officers[1]", id: null, line: 1, column: text.indexOf('["o2"]') + 1 },
    ]);
  });
});
