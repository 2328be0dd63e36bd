// Messages name the package's API: a JavaScript caller never sees the library's Rust
// functions (`load_kcm`, `Framework::from_json`), so every message thrown names the
// package's functions instead (`loadKcm`, `new Framework`). `throwsProblems` and the
// document-kind matrix of kinds.test.js check every message they see the same way; this
// file checks the check, and the messages that name a reader.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Cohort,
  Framework,
  KarmayogiError,
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
import {
  assertJavaScriptNames,
  frameworkText,
  officersCsv,
  officersText,
  read,
  rustFunctionNames,
  rustNamesIn,
} from "./support/data.js";

/** The error `run` throws. */
function thrown(run) {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof KarmayogiError, String(e?.stack ?? e));
    return e;
  }
  assert.fail("nothing was thrown");
}

describe("messages name the package's API", () => {
  test("the check finds the library's Rust names", () => {
    const names = rustFunctionNames();
    for (const name of ["load_kcm", "load_igot_courses", "from_json", "review_officers"]) {
      assert.ok(names.includes(name), name);
    }
    // Fields of the documents a caller writes are named in messages, and are no Rust name.
    for (const field of ["format_version", "min_level", "max_level"]) {
      assert.ok(!names.includes(field), field);
    }
    assert.deepEqual(rustNamesIn("it is read by `load_kcm`"), ["load_kcm"]);
    assert.deepEqual(rustNamesIn("read by `FrameworkSpec::from_json` or `Framework::from_json`"), [
      "from_json",
      "FrameworkSpec::from_json",
      "Framework::from_json",
    ]);
    assert.deepEqual(rustNamesIn("missing field `format_version`"), []);
    const library = new KarmayogiError("expected a framework document: it is read by `load_kcm`", [
      { code: "document_of_another_kind", message: "it is read by `load_kcm`" },
    ]);
    assert.throws(() => assertJavaScriptNames(library), /names the Rust API/);
  });

  test("a document of another kind names the functions that read it", () => {
    const kcm = read("data/igot/kcm_competencies.json");
    const cases = [
      [() => new Framework(kcm), "`loadKcm`"],
      [() => parseOfficers(frameworkText()), "`new Framework` or `parseFrameworkSpec`"],
      [() => parseFrameworkSpec(officersText()), "`new Cohort`, `parseOfficers` or `Framework.reviewOfficers`"],
      [() => importCase(frameworkText()), "`new Framework` or `parseFrameworkSpec`"],
      [() => loadKcm(frameworkText()), "`new Framework` or `parseFrameworkSpec`"],
      [() => loadPositionMaster(read("tests/data/igot/profile_competencies.json")), "`loadIgotProfile`"],
      [() => loadIgotProfile(read("data/igot/positionMasterList.json")), "`loadPositionMaster`"],
      [() => loadFracPositions(kcm), "`loadKcm`"],
      [() => loadIgotCourses(read("tests/data/igot/frac_positions.json"), new Framework(loadKcm(kcm).spec)), "`loadFracPositions`"],
      [() => parseOfficers(read("tests/data/case/section_officer.json")), "`importCase`"],
      [() => new Framework(read("tests/data/igot/courses_v6.json")), "`loadIgotCourses`"],
    ];
    for (const [run, readers] of cases) {
      const e = thrown(run);
      assert.equal(e.code, "document_of_another_kind");
      assert.ok(e.message.endsWith(`: it is read by ${readers}`), e.message);
      assert.equal(e.problems[0].message, e.message);
      assertJavaScriptNames(e);
    }
  });

  test("a CSV text that is a JSON document names its kind and the functions that read it", () => {
    const fw = new Framework(frameworkText());
    for (const run of [
      () => loadOfficers(fw, { officers: frameworkText(), evidence: officersCsv().evidence }),
      () => Cohort.fromCsv(fw, { officers: frameworkText() }),
    ]) {
      const e = thrown(run);
      assert.equal(e.code, "csv_looks_like_json");
      assert.equal(e.problems[0].kind, "framework");
      assert.equal(
        e.message,
        "officers.csv looks like JSON (an object): expected CSV, a header line then rows; it is a " +
          "framework document (an object holding `format_version` and `competencies`), read by " +
          "`new Framework` or `parseFrameworkSpec`",
      );
      assertJavaScriptNames(e);
    }
  });

  test("an id only a quoted cell holds is suggested as that cell", () => {
    const doc = JSON.parse(frameworkText());
    const post = doc.positions.find((p) => p.id === "postmaster-hpo");
    post.id = "postmaster-hpo ";
    const fw = new Framework(doc);
    const csv = officersCsv();
    const e = thrown(() => loadOfficers(fw, csv));
    const problem = e.problems.find((p) => p.code === "csv_unknown_reference" && p.found === "postmaster-hpo");
    assert.equal(problem.nearest, "postmaster-hpo ");
    assert.equal(problem.quote_nearest, true);
    assert.match(problem.message, /\(write it quoted in CSV, "postmaster-hpo ": only a quoted field keeps the spaces around it\)$/);
    // Written so, the officers read.
    const officers = csv.officers.replaceAll(",postmaster-hpo", ',"postmaster-hpo "');
    assert.ok(loadOfficers(fw, { ...csv, officers }).officers.length > 0);
  });

  test("a document of no known kind lists its fields and the ones needed", () => {
    const levels = read("data/igot/frac_default_proficiency_levels.json");
    for (const [run, expected, missing] of [
      [() => new Framework(levels), "a framework document", ["format_version"]],
      [() => parseFrameworkSpec(JSON.parse(levels)), "a framework document", ["format_version"]],
      [() => parseOfficers(levels), "an officers document", ["format_version", "officers"]],
      [() => new Cohort(new Framework(frameworkText()), JSON.parse(levels)), "an officers document", ["format_version", "officers"]],
    ]) {
      const e = thrown(run);
      assert.deepEqual(e.problems.map((p) => p.code), ["document_of_no_known_kind"]);
      assert.equal(e.problems[0].expected, expected);
      assert.deepEqual(e.problems[0].fields, ["levels", "source_note"]);
      assert.deepEqual(e.problems[0].missing, missing);
    }
  });
});
