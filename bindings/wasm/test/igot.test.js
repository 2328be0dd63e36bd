// The iGOT Karmayogi Competency Model dictionary (the repository's data/igot), through the
// package.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Framework, loadKcm } from "../index.js";
import { read, throwsProblems } from "./support/data.js";

/** The KCM id of a path of names: `kcm:` then the names joined by `/`, `%` and `/` escaped. */
const kcmId = (...names) => `kcm:${names.map((n) => n.replaceAll("%", "%25").replaceAll("/", "%2F")).join("/")}`;

describe("KCM dictionary", () => {
  const text = read("data/igot/kcm_competencies.json");
  const dictionary = JSON.parse(text);

  test("every sub-theme becomes a competency in its theme's group, typed by its area", () => {
    const { spec, report } = loadKcm(text);
    // Counted here from the file itself: the distinct area/theme/sub-theme paths.
    const expected = new Map();
    for (const area of dictionary) {
      for (const theme of area.competency_theme) {
        for (const sub of theme.competency_sub_theme) {
          expected.set(kcmId(area.name, theme.name, sub), area.name.toLowerCase());
        }
      }
    }
    assert.equal(expected.size, 112);
    assert.deepEqual(spec.competencies.map((c) => c.id).sort(), [...expected.keys()].sort());
    for (const c of spec.competencies) assert.equal(c.type, expected.get(c.id), c.id);
    assert.deepEqual(report.set_aside, []);
    // The same document as an array object reads the same.
    assert.deepEqual(loadKcm(dictionary), { spec, report });
    // The document is a valid framework.
    assert.equal(new Framework(spec).competencies().length, 112);
  });

  test("with subThemes: groups, the sub-themes are groups and there are no competencies", () => {
    const { spec } = loadKcm(dictionary, { subThemes: "groups" });
    assert.deepEqual(spec.competencies, []);
    const subThemes = spec.groups.filter((g) => g.kind === "sub_theme");
    assert.equal(subThemes.length, 112);
  });

  test("what is set aside and noted is reported by path", () => {
    const { spec, report } = loadKcm([
      { name: "Behavioural", competency_theme: [{ name: "Ethics ", competency_sub_theme: ["Integrity", "", 7] }] },
      { name: "Cosmic", competency_theme: [{ name: "Stars", competency_sub_theme: ["Gazing"] }] },
    ]);
    assert.deepEqual(spec.competencies.map((c) => c.id), [kcmId("Behavioural", "Ethics ", "Integrity")]);
    assert.deepEqual(
      report.set_aside.map((e) => [e.path, e.what.what]),
      [
        ["$[0].competency_theme[0].competency_sub_theme[1]", "blank"],
        ["$[0].competency_theme[0].competency_sub_theme[2]", "wrong_type"],
        ["$[1].competency_theme[0].competency_sub_theme[0]", "unknown_area"],
      ],
    );
    assert.deepEqual(report.set_aside[2].what, { what: "unknown_area", area: "Cosmic" });
    assert.ok(report.notes.some((n) => n.what.what === "whitespace"));
  });

  test("bad input is refused with its code", () => {
    throwsProblems(() => loadKcm({ areas: [] }), [
      { code: "igot_shape", document: "kcm dictionary", path: "$", found: "an object", expected: "an array of areas" },
    ]);
    throwsProblems(() => loadKcm("[{]"), [{ code: "json", line: 1, column: 3 }]);
    throwsProblems(() => loadKcm(7), [{ code: "json", path: "" }]);
    throwsProblems(() => loadKcm([], { subThemes: "themes" }), [{ code: "json", path: "subThemes" }]);
  });
});
