// The platform's API responses through the package (igot/34–37): a content read response
// holds one course, an empty search page none, a user read response one user's profile;
// a course's tag list written as JSON text is read as the list it holds, and a list or tag
// that cannot be read is set aside alone, every problem reported at once. The expected
// values are those the library's own tests (tests/suite/igot_responses.rs) assert.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Framework, loadIgotCourses, loadIgotProfile, loadKcm } from "../index.js";
import { read, throwsProblems } from "./support/data.js";

const cases = "tests/data/cases/igot";
const kcmFramework = () => new Framework(loadKcm(read("data/igot/kcm_competencies.json")).spec);
const ids = (courses) => courses.map((c) => [c.id, c.provides.map((o) => o.competency)]);

describe("the platform's API responses", () => {
  test("a content read response is its one course (igot/34)", () => {
    const { courses, report } = loadIgotCourses(read(`${cases}/34-courses-content-read-response.json`), kcmFramework());
    assert.deepEqual(ids(courses), [
      ["do_114006606955921408144", ["kcm:Behavioural/Collaborative Leadership/Influencing and Negotiation"]],
    ]);
    assert.equal(courses[0].hours, 0.05);
    assert.deepEqual(report.set_aside, []);
    assert.deepEqual(report.notes.map((e) => [e.path, e.what.what]), [["$.result.content", "misspelt_keys"]]);
    throwsProblems(() => loadIgotCourses({ result: { questionset: { identifier: "do_9" } } }, kcmFramework()), [
      { code: "igot_shape", path: "$.result", found: "an object" },
    ]);
  });

  test("an empty search page is an empty load (igot/37)", () => {
    const { courses, report } = loadIgotCourses(read(`${cases}/37-courses-empty-search-page.json`), kcmFramework());
    assert.deepEqual(courses, []);
    assert.deepEqual(report, { set_aside: [], notes: [], ignored_fields: [] });
    const past = loadIgotCourses({ result: { count: 250 } }, kcmFramework());
    assert.deepEqual(past.report.notes.map((e) => [e.path, e.what]), [
      ["$.result.count", { what: "count_disagrees", count: 250, records: 0 }],
    ]);
  });

  test("a user read response is the user's profile (igot/36)", () => {
    const { evidence, report } = loadIgotProfile(read(`${cases}/36-profile-user-read-response.json`));
    // The level's name is kept beside the level, as the package's passbook JSON writes it.
    assert.deepEqual(evidence.map((e) => [e.competency, e.level, e.source]), [["CID9", "3 - Advanced", "assessment"]]);
    assert.ok(report.ignored_fields.some((f) => f.field === "$.result.response.profileDetails.personalDetails"));
    // A user whose record holds no competencies has none; a user search is refused.
    const none = loadIgotProfile({ result: { response: { userId: "u2", profileDetails: null } } });
    assert.deepEqual(none.evidence, []);
    throwsProblems(() => loadIgotProfile({ result: { response: { count: 2, content: [{}, {}] } } }), [
      { code: "igot_shape", path: "$.result.response" },
    ]);
  });
});

describe("tag lists of another type (igot/35)", () => {
  test("JSON text is read; what cannot be read is set aside alone, all at once", () => {
    const { courses, report } = loadIgotCourses(read(`${cases}/35-courses-tag-lists-as-text-and-nulls.json`), kcmFramework());
    assert.deepEqual(ids(courses), [
      ["do_113990515935854592111", ["kcm:Behavioural/Collaboration/Diversity & Inclusion"]],
      ["do_114006606955921408144", ["kcm:Behavioural/Collaborative Leadership/Influencing and Negotiation"]],
      [
        "do_1139400923254046721119",
        ["kcm:Functional/Administration Matters/Handling Miscellaneous Matters (Car, Residence, Personal Staff etc.)"],
      ],
    ]);
    const list = "an array of tag objects, or JSON text of one";
    assert.deepEqual(report.set_aside.map((e) => [e.path, e.id, e.what]), [
      [
        "$[1].competencies_v6",
        "do_114006606955921408144",
        { what: "not_json", field: "competencies_v6", error: "invalid json at line 1, column 38 (`[0]`): EOF while parsing a value" },
      ],
      ["$[2].competencies_v3", "do_1139400923254046721119", { what: "wrong_type", field: "competencies_v3", found: "an object", expected: list }],
      ["$[2].competencies_v5[0]", "do_1139400923254046721119", { what: "wrong_type", field: "tag", found: "null", expected: "an object" }],
      ["$[2].competencies_v5[2]", "do_1139400923254046721119", { what: "wrong_type", field: "tag", found: "a string", expected: "an object" }],
      [
        "$[2].competencies_v6",
        "do_1139400923254046721119",
        { what: "wrong_type", field: "competencies_v6", found: "JSON text of an object", expected: list },
      ],
    ]);
    assert.deepEqual(report.notes.map((e) => [e.path, e.what]), [
      ["$[0].competencies_v5", { what: "tags_from_text", field: "competencies_v5" }],
      ["$[0]", { what: "misspelt_keys", keys: ["competecnySubThemeDescription"] }],
    ]);
  });
});
