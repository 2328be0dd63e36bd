// What the package would otherwise pass over without a word: a key of an object of CSV
// texts that names no file (its text never read), a symbol key in options or a document
// (which reading by name and `JSON.stringify` both skip), a key of a document that is not
// enumerable or that an array holds beside its elements (which `JSON.stringify` skips),
// and an array whose elements throw
// when read (an exception that would leave the WebAssembly mid-call, the framework it was
// reading still borrowed).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, kcmId, loadEsco, loadOfficers, loadOnet, parseOfficers } from "../index.js";
import { escoCsv, frameworkDoc, frameworkText, officersCsv, officersDoc, onetCsv, throwsProblems } from "./support/data.js";

/** A `json` problem at `path` whose description is `description`. */
const json = (path, description) => ({ code: "json", path, description });
const unknownText = (key, expected) => json(key, `unknown CSV text \`${key}\`, expected ${expected}`);
const missing = (key) => json(key, "expected the text of a CSV file, found undefined");
const OFFICERS = "`officers`, `evidence`";

/** `array` with reading its element `at` throwing `Error: trap`, as a Proxy's trap can. */
const trapped = (array, at = "0") =>
  new Proxy(array, {
    get(target, key) {
      if (key === at) throw new Error("trap");
      return Reflect.get(target, key);
    },
  });
const unreadable = (path, what) =>
  json(
    path,
    "expected a JSON value (a plain object, an array, a string, a finite number, a boolean or null), " +
      `found a value that cannot be read (${what})`,
  );

describe("an object of CSV texts is read as options are", () => {
  const fw = new Framework(frameworkText());
  const csv = officersCsv();

  test("a misspelt text is refused, not a load without it", () => {
    assert.equal(loadOfficers(fw, csv).officers[0].passbook.length, 15);
    const misspelt = { officers: csv.officers, evidense: csv.evidence };
    // Loaded officer 0 with no passbook entries before.
    throwsProblems(() => loadOfficers(fw, misspelt), [unknownText("evidense", OFFICERS)]);
    throwsProblems(() => Cohort.fromCsv(fw, misspelt), [unknownText("evidense", OFFICERS)]);
  });

  test("every problem at once: unknown keys, a symbol key, a text missing or of another type", () => {
    const texts = { evidence: 1, offcers: csv.officers, [Symbol("officers")]: csv.officers };
    throwsProblems(
      () => loadOfficers(fw, texts),
      [
        json("Symbol(officers)", `unknown CSV text Symbol(officers), a symbol key (texts are named by strings), expected ${OFFICERS}`),
        unknownText("offcers", OFFICERS),
        missing("officers"),
        json("evidence", "expected the text of a CSV file, found number"),
      ],
    );
  });

  test("a Map, an array or a throwing getter is named as options name them", () => {
    const expected = "expected {officers, evidence} with the texts of the CSV files, found";
    const map = new Map(Object.entries(csv));
    throwsProblems(() => loadOfficers(fw, map), [json("", `${expected} an object of class Map`)]);
    throwsProblems(() => Cohort.fromCsv(fw, map), [json("", `${expected} an object of class Map`)]);
    throwsProblems(() => loadOfficers(fw, [csv.officers]), [json("", `${expected} an array`)]);
    const getter = {
      officers: csv.officers,
      get evidence() {
        throw new Error("not exported yet");
      },
    };
    throwsProblems(() => loadOfficers(fw, getter), [json("evidence", "reading it threw Error: not exported yet")]);
  });

  test("ESCO and O*NET texts, the ESCO hierarchy too", () => {
    const esco = escoCsv();
    const { occupationSkills, ...rest } = esco;
    const { skillGroups, ...broader } = esco.hierarchy;
    throwsProblems(
      () => loadEsco({ ...rest, occupationSkill: occupationSkills, hierarchy: { ...broader, skillGroup: skillGroups } }),
      [
        unknownText("occupationSkill", "`occupations`, `skills`, `occupationSkills`, `hierarchy`"),
        missing("occupationSkills"),
        json("hierarchy.skillGroup", "unknown CSV text `skillGroup`, expected `skillBroader`, `skillGroups`"),
        missing("hierarchy.skillGroups"),
      ],
    );
    throwsProblems(() => Framework.fromEsco(new Map(Object.entries(esco))), [
      json("", "expected {occupations, skills, occupationSkills, hierarchy?} with the texts of the CSV files, found an object of class Map"),
    ]);
    // The tasks, misspelt, were not read before: a framework without activities.
    const { tasks, ...onet } = onetCsv();
    throwsProblems(() => loadOnet({ ...onet, task: tasks }), [
      unknownText("task", "`occupations`, `elements`, `occupationSkillLevels`, `tasks`"),
    ]);
  });
});

describe("a symbol key is refused, not passed over", () => {
  const fw = new Framework(frameworkText());
  const c = fw.competencies()[0].id;
  const targets = [{ competency: c, current: 0, required: 3 }];
  const symbolKey = (path, symbol) => json(path, `unknown key ${symbol}, a symbol: options and ids are named by strings`);

  test("in options, nested options and maps of ids", () => {
    assert.equal(fw.recommendTargets(targets, [], { budget: 0 }).total_hours, 0);
    assert.ok(fw.recommendTargets(targets, []).total_hours > 0);
    // Planned with no budget before.
    throwsProblems(() => fw.recommendTargets(targets, [], { [Symbol("budget")]: 0 }), [symbolKey("Symbol(budget)", "Symbol(budget)")]);
    throwsProblems(
      () => fw.recommendTargets(targets, [], { weights: { [Symbol()]: 1 }, competencyWeights: { [Symbol.for(c)]: 0 } }),
      [symbolKey("weights.Symbol()", "Symbol()"), symbolKey(`competencyWeights.Symbol(${c})`, `Symbol(${c})`)],
    );
    // Not enumerable, and still refused: no own key is passed over.
    const hidden = Object.defineProperty({}, Symbol("budget"), { value: 0 });
    throwsProblems(() => fw.recommendTargets(targets, [], hidden), [symbolKey("Symbol(budget)", "Symbol(budget)")]);
  });

  test("in a document given as objects", () => {
    const doc = officersDoc();
    assert.equal(parseOfficers(doc).officers.length, doc.officers.length);
    doc.officers[1].passbook[0][Symbol("note")] = "checked";
    // Read as if the key were not there before.
    const error = throwsProblems(() => parseOfficers(doc), [
      { ...json("officers[1].passbook[0].Symbol(note)", "expected a JSON value (a plain object, an array, a string, a finite number, a boolean or null), found a symbol key, which JSON drops"), id: doc.officers[1].id },
    ]);
    assert.match(error.message, /Symbol\(note\)/);
    throwsProblems(() => new Cohort(fw, doc), [json("officers[1].passbook[0].Symbol(note)", error.problems[0].description)]);
  });
});

describe("a key JSON drops is refused, not passed over", () => {
  const fw = new Framework(frameworkText());
  const expected = "expected a JSON value (a plain object, an array, a string, a finite number, a boolean or null), found";
  const hidden = (path, id) => ({ ...json(path, `${expected} a key that is not enumerable, which JSON drops`), id });

  test("a key that is not enumerable, in a document given as objects", () => {
    const doc = officersDoc();
    const entry = doc.officers[1].passbook[0];
    assert.notEqual(parseOfficers(doc).officers[1].passbook[0].verified, false);
    Object.defineProperty(entry, "verified", { value: false, enumerable: false, configurable: true });
    // Read as verified evidence before, the `false` dropped by `JSON.stringify`.
    const error = throwsProblems(() => parseOfficers(doc), [hidden("officers[1].passbook[0].verified", doc.officers[1].id)]);
    assert.match(error.message, /officers\[1\]\.passbook\[0\]\.verified/);
    throwsProblems(() => new Cohort(fw, doc), [json("officers[1].passbook[0].verified", error.problems[0].description)]);
    // In an array of officers given alone, at the officer's index.
    throwsProblems(() => new Cohort(fw, doc.officers), [json("[1].passbook[0].verified", error.problems[0].description)]);
    // Made enumerable, it is read.
    Object.defineProperty(entry, "verified", { enumerable: true });
    assert.equal(parseOfficers(doc).officers[1].passbook[0].verified, false);
  });

  test("in a framework given as objects, whatever its value", () => {
    const doc = frameworkDoc();
    Object.defineProperty(doc.courses[0], "hours", { value: undefined, enumerable: false });
    Object.defineProperty(doc, "notes", { value: "draft", enumerable: false, configurable: true });
    // The first the writing meets: the top-level key, before the course's.
    throwsProblems(() => new Framework(doc), [hidden("notes", null)]);
    delete doc.notes;
    throwsProblems(() => new Framework(doc), [hidden("courses[0].hours", doc.courses[0].id)]);
  });

  test("a key of an array beside its elements", () => {
    const doc = officersDoc();
    doc.officers[0].passbook.note = "checked by the section officer";
    throwsProblems(() => parseOfficers(doc), [
      { ...json("officers[0].passbook.note", `${expected} a key of an array beside its elements, which JSON drops`), id: doc.officers[0].id },
    ]);
  });

  test("what JSON writes is read: an element that is not enumerable, a key holding undefined", () => {
    const doc = officersDoc();
    const passbook = doc.officers[0].passbook;
    Object.defineProperty(passbook, "0", { value: passbook[0], enumerable: false });
    doc.officers[0].note = undefined;
    assert.deepEqual(parseOfficers(doc), parseOfficers(officersDoc()));
  });
});

describe("an array whose elements throw when read is a problem at the index", () => {
  test("the officers of new Cohort, the framework usable after", () => {
    const fw = new Framework(frameworkText());
    const officers = officersDoc().officers;
    assert.equal(new Cohort(fw, officers).length, officers.length);
    throwsProblems(() => new Cohort(fw, trapped(officers, "2")), [unreadable("[2]", "reading it threw Error: trap")]);
    throwsProblems(() => fw.reviewOfficers(trapped(officers, "2")), [unreadable("[2]", "reading it threw Error: trap")]);
    // The framework was left borrowed before: every later call threw, and so did `free()`.
    assert.equal(new Cohort(fw, officers).length, officers.length);
    const { proxy, revoke } = Proxy.revocable(officers, {});
    revoke();
    throwsProblems(() => new Cohort(fw, proxy), [
      json("", "expected an array of officers, found an array that cannot be read (reading it threw TypeError: Cannot perform 'IsArray' on a proxy that has been revoked)"),
    ]);
    fw.free();
  });

  test("the names of kcmId", () => {
    assert.equal(kcmId(["Functional", "Financial Management"]), "kcm:Functional/Financial Management");
    throwsProblems(() => kcmId(trapped(["Functional", "Financial Management"], "1")), [
      json("[1]", "expected a name, found a value that cannot be read (reading it threw Error: trap)"),
    ]);
    throwsProblems(() => kcmId(["Functional", 1, null]), [
      json("[1]", "expected an array of names, found number"),
      json("[2]", "expected an array of names, found null"),
    ]);
  });
});
