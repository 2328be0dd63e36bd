// ESCO and O*NET files as real publishers and spreadsheets leave them, through the
// package: the reduced cases esco/05, esco/06, csv/34 and csv/35 of tests/data/cases.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { loadEsco, loadEscoReport, loadOnet } from "../index.js";
import { read, throwsProblems } from "./support/data.js";

const esco = (name, file) => read(`tests/data/cases/esco/${name}-${file}.csv`);

describe("publishers' files", () => {
  test("an ISCO-08 group that lost its leading zero is refused with the code suggested (esco/05)", () => {
    const name = "05-isco-leading-zero-lost";
    const unit = "an isco-08 unit group: 4 digits, the second and third not 0";
    const refused = (file, column) =>
      [2, 4].map((line) => ({
        code: "csv_invalid_value",
        file,
        line,
        column,
        found: line === 2 ? "110" : "310",
        expected: `${unit} (\`0${line === 2 ? "110" : "310"}\`, its leading zero lost?)`,
      }));
    throwsProblems(
      () => loadEsco({ occupations: esco(name, "occupations"), skills: esco(name, "skills"), occupationSkills: esco(name, "occupation_skills") }),
      refused("esco/occupations.csv", "isco_group"),
    );
    throwsProblems(
      () =>
        loadEsco({
          occupations: esco(name, "occupations_en"),
          skills: esco(name, "skills_en"),
          occupationSkills: esco(name, "occupationSkillRelations"),
        }),
      refused("occupations_<lang>.csv", "iscoGroup"),
    );
  });

  test("URIs apart only by a slash or the scheme are noted and named (esco/06)", () => {
    const name = "06-uri-lookalikes";
    const load = loadEscoReport({
      occupations: esco(name, "occupations_en"),
      skills: esco(name, "skills_en"),
      occupationSkills: esco(name, "occupationSkillRelations"),
    });
    assert.equal(load.spec.positions.length, 3);
    assert.deepEqual(
      load.notes.map(({ code, file, lines }) => ({ code, file, lines })),
      [
        { code: "lookalike_uris", file: "occupations_<lang>.csv", lines: [2, 4] },
        { code: "lookalike_uris", file: "skills_<lang>.csv", lines: [3, 4] },
      ],
    );
    const skill = "http://data.europa.eu/esco/skill/c5449667-9b40-4114-8d74-f51177669984";
    assert.deepEqual(
      load.set_aside.map(({ line, found, nearest }) => ({ line, found, nearest })),
      [
        { line: 2, found: `${skill}/`, nearest: skill },
        {
          line: 4,
          found: "https://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34",
          nearest: "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34",
        },
        { line: 5, found: "http://data.europa.eu/esco/skill/1f1d2ff8-c4c1-45cc-9812-6a7ee84a73cb", nearest: null },
      ],
    );
  });

  const occupations = "soc,title\n11-1011.00,Chief Executives\n";
  const elements =
    "element_id,parent_id,depth,name,description\n2.A.1,,2,Content,Background\n" +
    "2.A.1.a,2.A.1,3,Reading Comprehension,Understanding\n2.A.1.b,2.A.1,3,Active Listening,Attention\n";

  test("a level written with 23 digits is read exactly (csv/34)", () => {
    const ratings = read("tests/data/cases/csv/34-decimal-with-many-digits.csv")
      .split("\n")
      .slice(0, 2)
      .join("\n")
      .replace(/13-1041\.00,2\.A\.1\.c/, "11-1011.00,2.A.1.a");
    const spec = loadOnet({ occupations, elements, occupationSkillLevels: ratings });
    assert.deepEqual(spec.roles[0].requires, [{ competency: "onet-2.A.1.a", level: 2 }]);
  });

  test("O*NET's Skills.txt is refused with one error naming its layout (csv/35)", () => {
    const error = throwsProblems(
      () => loadOnet({ occupations, elements, occupationSkillLevels: read("tests/data/cases/csv/35-onet-database-layout.txt") }),
      [{ code: "csv_other_layout", file: "onet/occupation_skill_levels.csv" }],
    );
    assert.match(error.problems[0].layout, /Skills\.txt/);
    assert.match(error.problems[0].expected, /importance_1_5/);
  });
});
