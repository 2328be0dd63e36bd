// A document of another kind is named, not misread, and the same input gives the same
// answer whichever way it is passed: every function of the package that takes a JSON
// document as an object or as text, given every kind of document (the real files of
// data/ and the repository's examples and fixtures), each as an object and as text.
// The library's own matrix is tests/suite/kinds.rs.
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
  loadPositionMaster,
  parseFrameworkSpec,
  parseOfficers,
} from "../index.js";
import { assertJavaScriptNames, frameworkText, read } from "./support/data.js";

const file = (path, kind) => ({ name: path, kind, text: read(path) });
const inner = (path, key, kind) => {
  let value = JSON.parse(read(path));
  for (const k of key.split("/")) value = value[k];
  return { name: `${path} ${key}`, kind, text: JSON.stringify(value) };
};

const documents = () => [
  file("data/igot/kcm_competencies.json", "kcm_dictionary"),
  inner("data/igot/igot_sample_courses_kcm_v5.json", "default_courses", "igot_courses"),
  file("tests/data/igot/courses_v3.json", "igot_courses"),
  file("tests/data/igot/courses_v6.json", "igot_courses"),
  file("data/igot/positionMasterList.json", "position_master"),
  inner("data/igot/positionMasterList.json", "positions", "position_master"),
  file("tests/data/igot/frac_positions.json", "frac_positions"),
  inner("tests/data/igot/profile_competencies.json", "profileDetails/competencies", "igot_profile"),
  file("tests/data/igot/profile_competencies.json", "igot_profile"),
  file("examples/data/head_post_office.json", "framework"),
  file("examples/data/head_post_office_officers.json", "officers"),
  file("tests/data/case/section_officer.json", "case_package"),
  file("tests/data/case/opensalt/Ordering.json", "case_package"),
];

/** Each function taking a document: the kind it reads, what its errors say it expects. */
const readers = () => {
  const post = new Framework(frameworkText());
  const kcm = new Framework(loadKcm(read("data/igot/kcm_competencies.json")).spec);
  return [
    ["loadKcm", "kcm_dictionary", "the iGOT KCM dictionary", (d) => loadKcm(d)],
    ["loadIgotCourses", "igot_courses", "iGOT course records", (d) => loadIgotCourses(d, kcm)],
    ["loadFracPositions", "frac_positions", "FRAC position nodes", (d) => loadFracPositions(d)],
    ["loadPositionMaster", "position_master", "the position master list", (d) => loadPositionMaster(d)],
    ["loadIgotProfile", "igot_profile", "iGOT profile competencies", (d) => loadIgotProfile(d)],
    ["parseFrameworkSpec", "framework", "a framework document", (d) => parseFrameworkSpec(d)],
    ["new Framework", "framework", "a framework document", (d) => new Framework(d)],
    ["parseOfficers", "officers", "an officers document", (d) => parseOfficers(d)],
    ["new Cohort", "officers", "an officers document", (d) => new Cohort(post, d)],
    ["reviewOfficers", "officers", "an officers document", (d) => post.reviewOfficers(d)],
    ["importCase", "case_package", "a CASE package", (d) => importCase(d)],
  ];
};

/** What a call gives: "read", or the problems' codes and `found` fields. */
function outcome(run) {
  try {
    run();
    return "read";
  } catch (e) {
    assert.ok(e instanceof KarmayogiError, String(e?.stack ?? e));
    assertJavaScriptNames(e);
    return e.problems.map((p) => [p.code, p.found ?? null]);
  }
}

describe("a document of another kind", () => {
  test("is named by every function, given as an object or as text alike", () => {
    let refused = 0;
    for (const [name, own, expected, call] of readers()) {
      for (const doc of documents()) {
        const asText = outcome(() => call(doc.text));
        const asObject = outcome(() => call(JSON.parse(doc.text)));
        assert.deepEqual(asObject, asText, `${name} given ${doc.name}`);
        if (doc.kind === own) {
          assert.equal(asText, "read", `${name} given ${doc.name}`);
          continue;
        }
        assert.deepEqual(asText, [["document_of_another_kind", doc.kind]], `${name} given ${doc.name}`);
        try {
          call(doc.text);
        } catch (e) {
          assert.equal(e.code, "document_of_another_kind");
          assert.equal(e.problems[0].expected, expected);
          assert.match(e.message, new RegExp(`^expected ${expected}, found .*: it is read by `));
        }
        refused += 1;
      }
    }
    // 11 functions × 13 documents, less each function's own kind (1 KCM dictionary, 3
    // course documents, 1 FRAC, 2 master lists, 2 profiles, a framework read by 2
    // functions, an officers document by 3, 2 CASE packages).
    assert.equal(refused, 11 * 13 - (1 + 3 + 1 + 2 + 2 + 2 + 3 + 2));
  });

  test("inputs of no kind give the same problems as an object and as text", () => {
    const inputs = [{}, [], [1, 2], { CFItems: 3 }, { format_version: 1 }, { format_version: 99, officers: [] }];
    for (const [name, , , call] of readers()) {
      for (const input of inputs) {
        const asText = outcome(() => call(JSON.stringify(input)));
        const asObject = outcome(() => call(input));
        assert.deepEqual(asObject, asText, `${name} given ${JSON.stringify(input)}`);
      }
    }
  });
});
