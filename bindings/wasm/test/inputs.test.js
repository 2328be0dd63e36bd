// What the package's functions take from JavaScript that JSON text cannot say: an object
// holding a cycle, an index that is no whole number, a string holding a lone surrogate, an
// instance that was freed. Each is refused with a KarmayogiError naming where it is; none
// hangs, aborts the process or reads as another value.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Cohort,
  Framework,
  KarmayogiError,
  PositionMaster,
  Profile,
  exportCase,
  importCase,
  loadFracPositions,
  loadIgotCourses,
  loadIgotProfile,
  loadKcm,
  loadOfficers,
  loadPositionMaster,
  parseFrameworkSpec,
  parseOfficers,
} from "../index.js";
import { frameworkDoc, frameworkText, officersCsv, officersDoc, read, throwsProblems } from "./support/data.js";

const fw = new Framework(frameworkText());
const JSON_VALUE = "expected a JSON value (a plain object, an array, a string, a finite number, a boolean or null), found ";

describe("an object holding a cycle", () => {
  test("is refused at the path of the reference, naming what it refers back to", () => {
    const doc = frameworkDoc();
    doc.self = doc;
    const error = throwsProblems(() => new Framework(doc), [
      { code: "json", line: 0, column: 0, path: "self", id: null, description: `${JSON_VALUE}a reference back to the top-level object, which holds it (a cycle)` },
    ]);
    assert.equal(error.message, `invalid framework at \`self\`: ${JSON_VALUE}a reference back to the top-level object, which holds it (a cycle)`);

    // An officer whose passbook entry points back at the officer, in a document.
    const officers = officersDoc();
    const officer = officers.officers[3];
    officer.passbook[0].officer = officer;
    const back = `${JSON_VALUE}a reference back to \`officers[3]\`, which holds it (a cycle)`;
    for (const read of [() => new Cohort(fw, officers), () => parseOfficers(officers), () => fw.reviewOfficers(officers)]) {
      throwsProblems(read, [{ code: "json", path: "officers[3].passbook[0].officer", id: officer.id, description: back }]);
    }
    // In a list of officers, each read on its own: the officer is the top-level object.
    throwsProblems(() => new Cohort(fw, officers.officers), [
      {
        code: "json",
        path: "[3].passbook[0].officer",
        id: officer.id,
        description: `${JSON_VALUE}a reference back to the top-level object (id \`${officer.id}\`), which holds it (a cycle)`,
      },
    ]);
    throwsProblems(() => new Profile(fw, officer), [{ code: "json", path: "passbook[0].officer", id: officer.id }]);
  });

  test("is refused by every function taking a document, never walked forever", () => {
    const cyclic = () => {
      const root = { format_version: 2, inner: { list: [] } };
      root.inner.list.push(root.inner);
      return root;
    };
    const readers = [
      ["new Framework", (d) => new Framework(d)],
      ["parseFrameworkSpec", (d) => parseFrameworkSpec(d)],
      ["parseOfficers", (d) => parseOfficers(d)],
      ["new Cohort", (d) => new Cohort(fw, d)],
      ["new Profile", (d) => new Profile(fw, d)],
      ["reviewOfficers", (d) => fw.reviewOfficers(d)],
      ["recommendTargets", (d) => fw.recommendTargets(d)],
      ["importCase", (d) => importCase(d)],
      ["exportCase", (d) => exportCase(fw, d)],
      ["loadKcm", (d) => loadKcm(d)],
      ["loadIgotCourses", (d) => loadIgotCourses(d, fw)],
      ["loadFracPositions", (d) => loadFracPositions(d)],
      ["loadIgotProfile", (d) => loadIgotProfile(d)],
      ["loadPositionMaster", (d) => loadPositionMaster(d)],
    ];
    for (const [name, call] of readers) {
      const error = throwsProblems(() => call(cyclic()), [{ code: "json", path: "inner.list[0]" }]);
      assert.match(error.problems[0].description, /a reference back to `inner`, which holds it \(a cycle\)$/, name);
    }
    // importCase's package with a cycle under CFDocument ran forever.
    const pkg = { CFDocument: {} };
    pkg.CFDocument.pkg = pkg;
    throwsProblems(() => importCase(pkg), [{ code: "json", path: "CFDocument.pkg" }]);
  });

  test("an object shared by two places is no cycle", () => {
    const doc = frameworkDoc();
    const requires = doc.roles[0].requires ?? [];
    doc.roles[1].requires = requires;
    doc.roles[2].requires = requires;
    assert.deepEqual(new Framework(doc).roles()[1].requires, new Framework(JSON.parse(JSON.stringify(doc))).roles()[1].requires);
    const officers = officersDoc();
    const entry = officers.officers[0].passbook[0];
    officers.officers[0].passbook.push(entry);
    const cohort = new Cohort(fw, officers);
    assert.equal(cohort.length, officers.officers.length);
  });

  test("nested deeper than the engine can write is refused, the instance left usable", () => {
    // JSON.stringify's RangeError was thrown through the WebAssembly in the middle of the
    // call, leaving the framework borrowed: free() then threw "attempted to take ownership
    // of Rust value while it was borrowed".
    let deep = [];
    const root = deep;
    for (let i = 0; i < 300_000; i++) {
      const next = [];
      deep.push(next);
      deep = next;
    }
    const framework = new Framework(frameworkText());
    const error = throwsProblems(() => framework.recommendTargets(root), [{ code: "json", path: "" }]);
    assert.match(error.problems[0].description, /found a value JSON\.stringify cannot write \(RangeError: /);
    assert.equal(framework.positions().length, fw.positions().length);
    framework.free();
  });

  test("is found in time linear in the document", () => {
    // 50,000 officers, the last with a cycle: found in one walk of the objects.
    const officers = [];
    for (let i = 0; i < 50_000; i++) {
      officers.push({ id: `o${i}`, department: "department-of-posts", position: "postmaster-hpo", passbook: [{ competency: "integrity", level: 2, source: "assessment" }] });
    }
    const doc = { format_version: 2, officers };
    officers[49_999].passbook[0].back = officers;
    const start = performance.now();
    throwsProblems(() => parseOfficers(doc), [{ code: "json", path: "officers[49999].passbook[0].back" }]);
    assert.ok(performance.now() - start < 10_000);
  });
});

describe("an index", () => {
  const cohort = new Cohort(fw, officersDoc());
  const methods = ["officerId", "officerName", "profile"];

  test("that is no whole number at least 0 is refused, never read as officer 0 or 1", () => {
    const index = "expected an index (a whole number at least 0), found ";
    const cases = [
      [undefined, "undefined"],
      [null, "null"],
      [NaN, "NaN"],
      [Infinity, "Infinity"],
      [-1, "-1"],
      [1.9, "1.9"],
      ["1", "string"],
      [true, "boolean"],
      [{}, "an object of class Object"],
      [1n, "bigint"],
    ];
    for (const method of methods) {
      for (const [value, found] of cases) {
        const error = throwsProblems(() => cohort[method](value), [{ code: "json", path: "", id: null, description: index + found }]);
        assert.equal(error.message, `invalid argument of \`Cohort.${method}\`: ${index}${found}`);
      }
    }
    // An unknown officer's index, then asked for: an error, not the first officer.
    assert.equal(cohort.find("nobody"), undefined);
    throwsProblems(() => cohort.profile(cohort.find("nobody")), [{ code: "json", description: `${index}undefined` }]);
  });

  test("past the end is undefined, however far", () => {
    for (const method of methods) {
      for (const past of [cohort.length, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53, Number.MAX_VALUE]) {
        assert.equal(cohort[method](past), undefined, `${method}(${past})`);
      }
    }
    assert.equal(cohort.officerId(1), officersDoc().officers[1].id);
    assert.equal(cohort.officerId(-0), officersDoc().officers[0].id);
    assert.equal(cohort.profile(2).id, officersDoc().officers[2].id);
  });
});

describe("a string holding a lone surrogate", () => {
  const lone = (unit, text) => `expected Unicode text, found a lone surrogate (\\u{${unit}}, half of a UTF-16 pair, which no character is) in ${text}`;

  test("in JSON text is refused at its line and column, never read as U+FFFD", () => {
    // Two ids the glue made one: a duplicate the caller never wrote.
    const text = '{"format_version": 2, "competencies": [\n  {"id": "a\uD800", "name": "A", "type": "domain"},\n  {"id": "é\uDBFF", "name": "B", "type": "domain"}]}';
    const error = throwsProblems(() => new Framework(text), [
      { code: "json", line: 2, column: 12, path: "", id: null, description: lone("d800", '"  {\\"id\\": \\"a\\u{d800}\\", \\"name\\": \\"A\\", \\"typ"…') },
      { code: "json", line: 3, column: 13, description: lone("dbff", '"  {\\"id\\": \\"é\\u{dbff}\\", \\"name\\": \\"B\\", \\"typ"…') },
    ]);
    assert.match(error.problems[0].message, /^invalid text given to `new Framework` at line 2, column 12: /);
    const officers = '{"format_version": 2, "officers": [{"id": "o\uD800", "department": "d", "position": "p"}, {"id": "o\uDC00", "department": "d", "position": "p"}]}';
    throwsProblems(() => new Cohort(fw, officers), [
      { code: "json", line: 1, column: officers.indexOf("\uD800") + 1 },
      // Columns count UTF-8 bytes: the first lone surrogate before it is 3 (U+FFFD's).
      { code: "json", line: 1, column: officers.indexOf("\uDC00") + 3 },
    ]);
    throwsProblems(() => parseOfficers(officers), [{ code: "json" }, { code: "json" }]);
    // A pair is a character: read as it is.
    const pair = '{"format_version": 2, "competencies": [{"id": "a\uD83D\uDE00", "name": "A", "type": "domain"}]}';
    assert.equal(new Framework(pair).competencies()[0].id, "a\u{1F600}");
  });

  test("in a document given as an object is refused at its path", () => {
    const doc = frameworkDoc();
    doc.competencies[1].name = "Name\uDFFF";
    throwsProblems(() => new Framework(doc), [
      {
        code: "json",
        path: "competencies[1].name",
        id: doc.competencies[1].id,
        description: `${JSON_VALUE}a string holding a lone surrogate (\\u{dfff}, half of a UTF-16 pair) at character 5`,
      },
    ]);
    const keyed = frameworkDoc();
    keyed.competencies[0]["x\uD800"] = 1;
    throwsProblems(() => new Framework(keyed), [
      {
        code: "json",
        path: "competencies[0].x\\u{d800}",
        description: `${JSON_VALUE}a key holding a lone surrogate (\\u{d800}, half of a UTF-16 pair) at character 2`,
      },
    ]);
    // A backslash written before `ud800` is text, not a surrogate.
    const text = frameworkDoc();
    text.competencies[0].description = "\\ud800";
    assert.equal(new Framework(text).competency(text.competencies[0].id).description, "\\ud800");
  });

  test("looked up finds nothing else: it is refused", () => {
    const doc = { format_version: 2, competencies: [{ id: "\uFFFD", name: "Replacement", type: "domain" }] };
    const replacement = new Framework(doc);
    assert.equal(replacement.competency("\uFFFD").name, "Replacement");
    for (const call of [
      () => replacement.competency("\uD800"),
      () => replacement.competencyAtlas("\uDFFF"),
      () => replacement.maxLevel("\uD800"),
      () => fw.requirements("postmaster-hpo\uD800"),
      () => new Cohort(fw, officersDoc()).find("meena-iyer\uDC00"),
    ]) {
      const error = throwsProblems(call, [{ code: "json", line: 1, path: "" }]);
      assert.match(error.message, /^invalid text given to `[A-Za-z.]+` at line 1, column \d+: expected Unicode text/);
    }
  });

  test("in CSV text or an option is refused with its line and column", () => {
    const csv = officersCsv();
    csv.officers = csv.officers.replace("Meena Iyer", "Meena \uD800Iyer");
    const error = throwsProblems(() => loadOfficers(fw, csv), [{ code: "json", line: 2, column: 18 }]);
    assert.match(error.message, /^invalid text given to `loadOfficers` at line 2, column 18: expected Unicode text, found a lone surrogate \(\\u\{d800\}/);
    throwsProblems(() => Cohort.fromCsv(fw, csv), [{ code: "json", line: 2, column: 18 }]);
    const cohort = new Cohort(fw, officersDoc());
    throwsProblems(() => fw.trainingNeeds(cohort, { department: "department-of-posts\uDBFF" }), [{ code: "json", line: 1, column: 20 }]);
    // U+FFFD itself in CSV keeps the readers' own message (a file not saved as UTF-8).
    csv.officers = csv.officers.replace("Meena \uD800Iyer", "Meena \uFFFDIyer");
    assert.throws(() => loadOfficers(fw, csv), (e) => e instanceof KarmayogiError && e.code !== "json" && /UTF-8/.test(e.message));
  });
});

describe("an instance that was freed", () => {
  const live = () => {
    const framework = new Framework(frameworkText());
    const cohort = new Cohort(framework, officersDoc());
    const profile = cohort.profile(0);
    const { master } = loadPositionMaster(read("tests/data/igot/position_master.json"));
    return { Framework: framework, Cohort: cohort, Profile: profile, PositionMaster: master };
  };

  test("refuses every method and getter, naming the class and the method", () => {
    const classes = { Framework, Cohort, Profile, PositionMaster };
    const instances = live();
    let checked = 0;
    for (const [name, klass] of Object.entries(classes)) {
      const instance = instances[name];
      instance.free();
      for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(klass.prototype))) {
        if (key === "constructor" || key === "free" || key.startsWith("__")) continue;
        const call = d.get ? () => instance[key] : () => instance[key]("x", "y");
        const description = `expected a ${name}, found one that was freed`;
        const error = throwsProblems(call, [{ code: "json", line: 0, column: 0, path: "", id: null, description }]);
        assert.equal(error.message, `invalid \`this\` in \`${name}.${key}\`: ${description}`);
        checked += 1;
      }
      // Freeing it again does nothing.
      instance.free();
      instance[Symbol.dispose]?.();
    }
    assert.ok(checked > 50, `${checked} methods and getters`);
  });

  test("a method called on what is no instance names what it was called on", () => {
    const gap = Framework.prototype.gap;
    throwsProblems(() => gap.call({}, null), [{ code: "json", description: "expected a Framework, found an object of class Object" }]);
    throwsProblems(() => gap(null), [{ code: "json", description: "expected a Framework, found undefined" }]);
    const cohort = new Cohort(fw, officersDoc());
    assert.ok(cohort instanceof Cohort);
    assert.ok(cohort.profile(0) instanceof Profile);
    assert.ok(!(cohort instanceof KarmayogiError));
    assert.ok(PositionMaster.prototype.find);
  });
});
