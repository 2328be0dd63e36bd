// Keys, ids and values holding a character that does not show (a zero-width space, a
// right-to-left override) are shown escaped in the package's own messages, as the
// library's messages show them: printed as they are, `bud\u200Bget` reads as `budget`, and
// a right-to-left override turns the rest of the message around.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Cohort, Framework, Profile, loadOfficers } from "../index.js";
import { frameworkDoc, frameworkText, officersCsv, officersDoc, throwsProblems } from "./support/data.js";

const fw = new Framework(frameworkText());
const officers = officersDoc().officers;
const profile = new Profile(fw, officers[0]);
const OPTIONS = "expected `budget`, `solver`, `untagged`, `weights`, `competencyWeights`, `termHours`, `maxFormalShare`";

describe("hidden characters in the package's own messages", () => {
  test("an unknown option key is shown escaped, in its path and in the description", () => {
    const error = throwsProblems(
      () => fw.recommend(profile, "postmaster-hpo", { "bud\u200Bget": 1, "\u202Esolver": "greedy" }),
      [
        { code: "json", path: "bud\u200Bget", description: `unknown option "bud\\u{200b}get", ${OPTIONS}` },
        { code: "json", path: "\u202Esolver", description: `unknown option "\\u{202e}solver", ${OPTIONS}` },
      ],
    );
    assert.equal(
      error.problems[0].message,
      `invalid options at "bud\\u{200b}get": unknown option "bud\\u{200b}get", ${OPTIONS}`,
    );
    assert.equal(
      error.problems[1].message,
      `invalid options at "\\u{202e}solver": unknown option "\\u{202e}solver", ${OPTIONS}`,
    );
    // A plain key is shown in backticks, as before.
    throwsProblems(() => fw.recommend(profile, "postmaster-hpo", { budgett: 1 }), [
      { code: "json", message: `invalid options at \`budgett\`: unknown option \`budgett\`, ${OPTIONS}` },
    ]);
  });

  test("a value of the wrong kind is shown escaped", () => {
    throwsProblems(() => fw.recommend(profile, "postmaster-hpo", { solver: "gree\u200Bdy" }), [
      {
        code: "json",
        message: 'invalid options at `solver`: expected "greedy" or {exact: {nodeLimit}}, found "gree\\u{200b}dy"',
      },
    ]);
    throwsProblems(() => fw.gap(profile, "\u202Eabc"), [
      { code: "json", message: 'invalid options: expected a plain object, found "\\u{202e}abc"' },
    ]);
    // A plain string is shown as JSON writes it, as before.
    throwsProblems(() => fw.recommend(profile, "postmaster-hpo", { budget: "10" }), [
      { code: "json", message: 'invalid options at `budget`: expected a number, found "10"' },
    ]);
  });

  test("a lone surrogate in a value of the wrong kind is shown as the other messages show it", () => {
    // JSON.stringify wrote it `\ud800`, where every other message writes `\u{d800}`.
    throwsProblems(() => fw.gap(profile, "a\uD800"), [
      { code: "json", message: 'invalid options: expected a plain object, found "a\\u{d800}"' },
    ]);
    throwsProblems(() => fw.recommend(profile, "postmaster-hpo", { solver: ["\uDFFF", "\\ud800"] }), [
      {
        code: "json",
        message: 'invalid options at `solver`: expected a plain object, found ["\\u{dfff}","\\\\ud800"]',
      },
    ]);
  });

  test("the path and id of a bad value in a document given as objects are shown escaped", () => {
    const doc = frameworkDoc();
    doc.competencies[0].id = "integrity\u200B";
    doc.competencies[0].levels = NaN;
    const error = throwsProblems(() => new Framework(doc), [
      { code: "json", path: "competencies[0].levels", id: "integrity\u200B" },
    ]);
    assert.match(error.message, /^invalid framework at `competencies\[0\]\.levels` \(id "integrity\\u\{200b\}"\): /);
    const keyed = officersDoc();
    keyed.officers[0]["na\u200Bme"] = () => {};
    const key = throwsProblems(() => new Cohort(fw, keyed), [{ code: "json", path: "officers[0].na\u200Bme" }]);
    assert.match(key.message, /^invalid officers at "officers\[0\]\.na\\u\{200b\}me" \(id `meena-iyer`\): /);
  });

  test("a path holding a lone surrogate shows it as \\u{d800}, not as an escaped backslash", () => {
    const doc = frameworkDoc();
    doc.competencies[0]["x\uD800"] = 1;
    const error = throwsProblems(() => new Framework(doc), [{ code: "json", path: "competencies[0].x\\u{d800}" }]);
    assert.match(error.message, /^invalid framework at "competencies\[0\]\.x\\u\{d800\}" \(id `integrity`\): /);
  });

  test("an unknown CSV text is named escaped", () => {
    throwsProblems(() => loadOfficers(fw, { ...officersCsv(), "evi\u200Bdence": "" }), [
      {
        code: "json",
        description: 'unknown CSV text "evi\\u{200b}dence", expected `officers`, `evidence`',
      },
    ]);
  });
});
