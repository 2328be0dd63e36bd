// Numbers nearer 0 than a double holds (`1e-400`), which JSON text can write and a plain
// parser reads as 0 in silence: every argument given as JSON text is read by the library's
// checked reader and refuses one as the library's document readers do, `number out of
// range`, at its path, with the officer's id. (An object cannot hold one: JavaScript
// has read it as 0 already.)
import { describe, test } from "node:test";

import { Cohort, Framework, Profile, exportCase } from "../index.js";
import { frameworkText, officersDoc, throwsProblems } from "./support/data.js";

const fw = new Framework(frameworkText());
const NEAR_ZERO = (number) =>
  `number out of range: \`${number}\` is not 0 and is nearer 0 than a double holds (about 5e-324): it would read as 0`;

/** The officers of the example with `number` written as officer `index`'s first level. */
function officersWith(index, number) {
  const officers = officersDoc().officers;
  officers[index].passbook[0].level = "NUMBER";
  return { officers, text: (value) => JSON.stringify(value).replace('"NUMBER"', number) };
}

describe("a number nearer 0 than a double holds", () => {
  test("is no level 0 in one officer", () => {
    const { officers, text } = officersWith(0, "1e-400");
    const officer = officers[0];
    throwsProblems(() => new Profile(fw, text(officer)), [
      { code: "json", path: "passbook[0].level", id: officer.id, description: NEAR_ZERO("1e-400") },
    ]);
  });

  test("is no level 0 in a list of officers or an officers document given as text", () => {
    const { officers, text } = officersWith(3, "-2.5E-330");
    const id = officers[3].id;
    const entry = `officer \`${id}\` passbook entry 0 (competency \`${officers[3].passbook[0].competency}\`)`;
    throwsProblems(() => new Cohort(fw, text(officers)), [
      { code: "json", path: "[3].passbook[0].level", id, description: `${entry}: ${NEAR_ZERO("-2.5E-330")}` },
    ]);
    throwsProblems(() => fw.reviewOfficers(text(officers)), [
      { code: "json", path: "[3].passbook[0].level", id, description: `${entry}: ${NEAR_ZERO("-2.5E-330")}` },
    ]);
    // A document whose officers are read apart: the one is read as the document is.
    throwsProblems(() => new Cohort(fw, text({ format_version: 2, officers })), [
      { code: "json", path: "officers[3].passbook[0].level", id, description: `${entry}: ${NEAR_ZERO("-2.5E-330")}` },
    ]);
    throwsProblems(() => fw.reviewOfficers(text({ format_version: 2, officers })), [
      { code: "json", path: "officers[3].passbook[0].level", id, description: `${entry}: ${NEAR_ZERO("-2.5E-330")}` },
    ]);
  });

  test("is no level 0 in the targets of a learning path", () => {
    const targets = '[{"competency": "rti", "current": 0, "required": 3},\n {"competency": "rti", "current": 1e-999, "required": 3}]';
    throwsProblems(() => fw.recommendTargets(targets), [
      { code: "json", line: 2, column: 40, path: "[1].current", id: null, description: NEAR_ZERO("1e-999") },
    ]);
  });

  test("is not kept as 0 in a CASE document to export", () => {
    const document = `{"identifier": "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", "title": "Head post office competencies",
 "creator": "Department of Posts", "lastChangeDateTime": "2025-04-01T09:00:00Z", "version": 1e-400}`;
    throwsProblems(() => exportCase(fw, document), [
      { code: "json", line: 2, path: "version", description: NEAR_ZERO("1e-400") },
    ]);
  });
});
