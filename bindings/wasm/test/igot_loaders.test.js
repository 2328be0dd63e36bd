// The iGOT loaders beyond the KCM dictionary, through the package: course records (the
// real v5 extract in data/igot and the fixtures of tests/data/igot), FRAC-era position trees,
// officer profiles and the position master list (real, 2,464 designations), and kcmId.
// The expected values are read from the files here or are those the library's own tests
// (tests/suite/igot.rs) assert.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Cohort,
  Framework,
  PositionMaster,
  kcmId,
  loadFracPositions,
  loadIgotCourses,
  loadIgotProfile,
  loadKcm,
  loadPositionMaster,
} from "../index.js";
import { read, throwsProblems } from "./support/data.js";

/** The KCM id of a path of names, written here independently of the library. */
const kcmPath = (...names) => `kcm:${names.map((n) => n.replaceAll("%", "%25").replaceAll("/", "%2F")).join("/")}`;
const entries = (list) => list.map((e) => [e.path, e.id, e.what.what]);

const kcmFramework = () => new Framework(loadKcm(read("data/igot/kcm_competencies.json")).spec);
const fracLoad = (options) => loadFracPositions(read("tests/data/igot/frac_positions.json"), options);

describe("kcmId", () => {
  test("joins the names after kcm:, escaping % and / inside a name", () => {
    for (const names of [["Functional"], ["Functional", "Policy Architecture"], ["Functional", "Policy Architecture", "Policy design/ amendment"], ["a%2Fb", "c/d%"]]) {
      assert.equal(kcmId(names), kcmPath(...names));
    }
    // Every sub-theme of the real dictionary is a competency under the id kcmId gives it.
    const fw = kcmFramework();
    for (const area of JSON.parse(read("data/igot/kcm_competencies.json"))) {
      for (const theme of area.competency_theme) {
        for (const sub of theme.competency_sub_theme) {
          assert.ok(fw.competency(kcmId([area.name, theme.name, sub])), sub);
        }
      }
    }
  });

  test("anything but an array of strings is refused with the path of the bad element", () => {
    throwsProblems(() => kcmId("Functional"), [{ code: "json", path: "" }]);
    throwsProblems(() => kcmId(["Functional", 3]), [{ code: "json", path: "[1]", line: 0, column: 0 }]);
  });
});

describe("iGOT course records", () => {
  test("the real v5 extract against the real KCM: durations assumed, Domain tags set aside", () => {
    const raw = JSON.parse(read("data/igot/igot_sample_courses_kcm_v5.json"));
    const records = raw.default_courses;
    const tags = records.reduce((n, c) => n + c.competencies_v5.length, 0);
    assert.equal(tags, 18);
    const fw = kcmFramework();
    // The extract carries no duration: without hours to assume, every record is set aside.
    const none = loadIgotCourses(records, fw);
    assert.deepEqual(none.courses, []);
    assert.equal(none.report.set_aside.length, records.length);
    assert.ok(none.report.set_aside.every((e) => e.what.what === "no_duration"));
    const load = loadIgotCourses(JSON.stringify(records), fw, { hoursWhenMissing: 1 });
    assert.deepEqual(
      load.courses.map((c) => [c.id, c.hours, c.provides.length]),
      [
        ["do_1138113442611445761187", 1, 5],
        ["do_1141534070151987201679", 1, 8],
        ["do_113569878939262976132", 1, 1],
        ["do_11359618144357580811", 1, 1],
      ],
    );
    // The 15 KCM tags each name a sub-theme of the dictionary, without a level; the three
    // Domain tags name sub-themes it does not hold (domain competencies are each MDO's own).
    const known = [];
    const unknown = [];
    for (const c of records) {
      for (const t of c.competencies_v5) {
        const id = kcmPath(t.competencyArea, t.competencyTheme, t.competencySubTheme);
        (fw.competency(id) ? known : unknown).push(id);
      }
    }
    assert.equal(known.length, 15);
    assert.deepEqual(load.courses.flatMap((c) => c.provides.map((o) => o.competency)).sort(), [...new Set(known)].sort());
    assert.ok(load.courses.every((c) => c.provides.every((o) => o.level === null || o.level === undefined)));
    assert.deepEqual(
      load.report.set_aside.map((e) => [e.what.what, e.what.key]),
      unknown.map((id) => ["unknown_competency", id]),
    );
    assert.deepEqual(load.report.ignored_fields, [{ field: "course.objectType", count: records.length }]);
    assert.ok(load.report.notes.some((n) => n.what.what === "misspelt_keys" && n.id === "do_1141534070151987201679"));
    // The courses join the framework.
    const spec = fw.toSpec();
    spec.courses = load.courses;
    assert.equal(new Framework(spec).courses().length, 4);
  });

  test("v3 tags read Level N against a FRAC framework; what is set aside says why", () => {
    const fw = new Framework(fracLoad({ department: "Department of Posts" }).spec);
    const text = read("tests/data/igot/courses_v3.json");
    const load = loadIgotCourses(text, fw);
    assert.deepEqual(
      load.courses.map((c) => [c.id, c.hours, c.provides.map((o) => [o.competency, o.level ?? null])]),
      [
        // The tag's `selectedLevelName` is kept beside its level, as JSON writes it.
        ["do_113210487456", 4.5, [["CID12", "2 - Proficient"], ["CID9", "3 - Advanced"]]],
        ["do_113210487457", 2, [["CID12", null]]],
      ],
    );
    assert.deepEqual(entries(load.report.set_aside), [
      ["$.result.content[1].competencies_v3[0]", "do_113210487457", "unreadable_level"],
      ["$.result.content[1].competencies_v3[1]", "do_113210487457", "unknown_competency"],
      ["$.result.content[1].competencies_v3[2]", "do_113210487457", "level_out_of_range"],
      ["$.result.content[2]", "do_113210487458", "no_duration"],
      ["$.result.content[3]", "do_113210487456", "duplicate_id"],
    ]);
    assert.deepEqual(load.report.set_aside[1].what, { what: "unknown_competency", key: "CID99", nearest: "CID9" });
    assert.deepEqual(load.report.set_aside[2].what, { what: "level_out_of_range", level: 6, min: 1, max: 4 });
  });

  test("bad input is refused with its code", () => {
    const fw = kcmFramework();
    throwsProblems(() => loadIgotCourses("[]", fw, { hoursWhenMissing: 0 }), [
      { code: "invalid_option", option: "hoursWhenMissing", value: 0 },
    ]);
    throwsProblems(() => loadIgotCourses("[]", fw, { hoursWhenMissing: "1" }), [{ code: "json", path: "hoursWhenMissing" }]);
    throwsProblems(() => loadIgotCourses("[]", fw, { key: "uuid" }), [{ code: "json", path: "key" }]);
    throwsProblems(() => loadIgotCourses("[{]", fw), [{ code: "json", line: 1, column: 3 }]);
    throwsProblems(() => loadIgotCourses("7", fw), [{ code: "igot_shape", path: "$", found: "an integer" }]);
  });
});

describe("FRAC-era position trees", () => {
  test("only verified mappings count; the rest is set aside or noted by path", () => {
    const { spec, report } = fracLoad({ department: "Department of Posts" });
    assert.deepEqual(spec.positions.map((p) => p.id), ["PID11", "PID7", "PID9"]);
    assert.deepEqual(spec.roles.map((r) => r.id), ["RID3", "RID5"]);
    assert.deepEqual(spec.activities.map((a) => a.id), ["AID11"]);
    assert.deepEqual(spec.competencies.map((c) => c.id), ["CID12", "CID21", "CID22", "CID4", "CID9"]);
    assert.deepEqual(
      spec.roles[0].requires.map((r) => [r.competency, r.level, r.status ?? "verified"]),
      [["CID12", 4, "verified"], ["CID4", 2, "draft"]],
    );
    assert.deepEqual(
      report.set_aside.map((e) => e.id),
      ["KRID2", "CID15", "CID9", "CID21", "CID22", "AID14", "RID8", "PID13", "RID30"],
    );
    assert.deepEqual(entries(report.notes), [["$.responseData[0].children[0].children[1]", "CID4", "draft"]]);
    assert.deepEqual(report.ignored_fields, [
      { field: "competency.additionalProperties.cod", count: 1 },
      { field: "position.createdDate", count: 1 },
      { field: "position.source", count: 1 },
    ]);
    // Built, the draft CID4 is validated but not required.
    const fw = new Framework(spec);
    assert.deepEqual(fw.requirements("PID7").map((r) => [r.competency, r.level]), [["CID12", 4], ["CID9", 3]]);
    // Without a default department, PID11 is set aside for want of one.
    const plain = fracLoad();
    assert.ok(plain.report.set_aside.some((e) => e.path === "$.responseData[2]" && e.id === "PID11" && e.what.what === "no_department"));
    assert.ok(!plain.spec.positions.some((p) => p.id === "PID11"));
  });

  test("bad input is refused with its code", () => {
    throwsProblems(() => loadFracPositions({ responseData: 3 }), [{ code: "igot_shape", path: "$.responseData" }]);
    throwsProblems(() => loadFracPositions("{\"a\": 1, \"a\": 2}"), [{ code: "json" }]);
    throwsProblems(() => loadFracPositions([], { department: 7 }), [{ code: "json", path: "department" }]);
    throwsProblems(() => loadFracPositions([], { dept: "x" }), [{ code: "json", path: "dept" }]);
  });
});

describe("FRAC-era officer profiles", () => {
  test("declared and assessment-raised levels become passbook entries a cohort reads", () => {
    const { evidence, report } = loadIgotProfile(read("tests/data/igot/profile_competencies.json"));
    assert.deepEqual(
      evidence.map((e) => [e.competency, e.level, e.source]),
      [
        // The profile's level names are kept beside the levels, as JSON writes them.
        ["CID9", "3 - Advanced", "self_declared"],
        ["CID9", "2 - Proficient", "assessment"],
        ["CID12", 4, "self_declared"],
        // A level written as a name is kept as the name, read by the competency's own
        // names where the passbook meets a framework.
        ["CID4", "Proficient", "self_declared"],
      ],
    );
    const base = "$.profileDetails.competencies";
    assert.deepEqual(entries(report.set_aside), [
      // A level set aside is named by its field; an entry giving no level kept, by its own
      // path after it (igot/38).
      [`${base}[3].competencySelfAttestedLevel`, "CID21", "unreadable_level"],
      [`${base}[3]`, "CID21", "no_level"],
      [`${base}[4].competencyCBPCompletionLevel`, "CID22", "level_out_of_range"],
      [`${base}[4]`, "CID22", "no_level"],
      [`${base}[5]`, "CID30", "no_level"],
      [`${base}[6]`, "", "missing_field"],
    ]);
    assert.deepEqual(report.notes, []);
    // By default only the level the platform raised counts; with self-declared levels, the
    // declared ones (the platform's own gap).
    const fw = new Framework(fracLoad({ department: "Department of Posts" }).spec);
    const officer = { id: "meena", name: "Meena Iyer", department: "Department of Posts", position: "PID7", passbook: evidence };
    const levels = (policy) => {
      const profile = new Cohort(fw, [officer], policy).profile(0);
      return [profile.level("CID9"), profile.level("CID12")];
    };
    assert.deepEqual(levels(), [2, 0]);
    assert.deepEqual(levels({ selfDeclared: true }), [3, 4]);
  });

  test("two fields of one level that disagree are noted, the first kept", () => {
    const profile = { competencies: [{ id: "CID9", competencySelfAttestedLevel: "2", competencySelfAttestedLevelValue: "Level 3" }] };
    const { evidence, report } = loadIgotProfile(JSON.stringify(profile));
    assert.deepEqual(evidence.map((e) => [e.competency, e.level, e.source]), [["CID9", 3, "self_declared"]]);
    assert.deepEqual(report.notes.map((n) => n.what), [
      { what: "levels_disagree", kept: "competencySelfAttestedLevelValue", level: 3, other: "competencySelfAttestedLevel", other_level: 2 },
    ]);
  });

  test("bad input is refused with its code", () => {
    throwsProblems(() => loadIgotProfile("\"competencies\""), [{ code: "igot_shape", path: "$" }]);
    throwsProblems(() => loadIgotProfile(undefined), [{ code: "json", path: "" }]);
  });
});

describe("the position master list", () => {
  test("the real list: names kept as written, lookups say how a name matched", () => {
    const text = read("data/igot/positionMasterList.json");
    const raw = JSON.parse(text).positions;
    const { master, report } = loadPositionMaster(text);
    assert.ok(master instanceof PositionMaster);
    const positions = master.positions();
    assert.equal(positions.length, 2464);
    assert.deepEqual(positions.map((p) => [p.id, p.name]), raw.map((p) => [p.id, p.name]));
    assert.deepEqual(report.set_aside, []);
    // One note per name with stray whitespace, counted here from the file, and the one pair
    // of names alike apart from whitespace.
    const stray = raw.filter((p) => p.name !== p.name.trim() || p.name.includes("  ")).length;
    assert.equal(report.notes.filter((n) => n.what.what === "whitespace").length, stray);
    assert.deepEqual(
      report.notes.filter((n) => n.what.what === "same_name_apart_from_whitespace").map((n) => [n.id, n.what.other]),
      [["PID355", "PID195"]],
    );
    assert.deepEqual(master.find("ACCOUNTANT"), { match: "exact", position: positions.find((p) => p.id === "PID2") });
    assert.equal(master.find("CAMPAIGN OFFICER").match, "ignoring_whitespace");
    assert.equal(master.find("CAMPAIGN OFFICER").position.id, "PID457");
    assert.equal(master.find("ASSISTANT PROVIDENT FUND COMMISSIONER ").position.id, "PID355");
    const ambiguous = master.find("ASSISTANT PROVIDENT FUND COMMISSIONER");
    assert.equal(ambiguous.match, "ambiguous");
    assert.deepEqual(ambiguous.positions.map((p) => p.id).sort(), ["PID195", "PID355"]);
    assert.deepEqual(master.find("accountant"), { match: "not_found" });
    master.free();
  });

  test("the fixture: every kind of entry reported, and bad input refused", () => {
    const { master, report } = loadPositionMaster(JSON.parse(read("tests/data/igot/position_master.json")));
    assert.deepEqual(master.positions().map((p) => p.id), ["PID1", "PID195", "PID355", "PID400", "PID501"]);
    assert.deepEqual(entries(report.set_aside), [
      ["$.positions[4]", "PID1", "duplicate_id"],
      ["$.positions[5]", "PID500", "blank"],
    ]);
    assert.equal(report.notes.length, 4);
    assert.equal(report.ignored_fields[0].field, "position.grade");
    throwsProblems(() => master.find(3), [{ code: "json", path: "" }]);
    throwsProblems(() => loadPositionMaster({ positions: {} }), [{ code: "igot_shape", path: "$.positions" }]);
  });
});

describe("names apart from whitespace and ids that are not text", () => {
  test("loadKcm keeps sub-themes apart from whitespace as two and notes the later one", () => {
    const { spec, report } = loadKcm(read("tests/data/cases/igot/19-kcm-names-apart-from-whitespace.json"));
    const first = kcmPath("Behavioural", "Self-Awareness", "Self-Analysis");
    const again = kcmPath("Behavioural", "Self-Awareness", " Self-Analysis");
    assert.ok(spec.competencies.some((c) => c.id === first) && spec.competencies.some((c) => c.id === again));
    assert.deepEqual(
      report.notes.filter((n) => n.what.what === "same_name_apart_from_whitespace").map((n) => [n.id, n.what.other]),
      [
        [again, first],
        [kcmPath("Behavioural", "Self-Awareness "), kcmPath("Behavioural", "Self-Awareness")],
      ],
    );
  });

  test("loadPositionMaster names an id that is not text as written, and notes names written alike", () => {
    const { report } = loadPositionMaster(read("tests/data/cases/igot/20-ids-that-are-not-text.json"));
    assert.deepEqual(
      report.set_aside.map((e) => e.id),
      ["7", "1e400", "true", '["PID9"]', '{"value":"PID10"}', "", " "],
    );
    const same = loadPositionMaster({ positions: [{ id: "PID1", name: "CLERK" }, { id: "PID2", name: "CLERK" }] });
    assert.deepEqual(entries(same.report.notes), [["$.positions[1]", "PID2", "same_name"]]);
    assert.equal(same.report.notes[0].what.other, "PID1");
  });
});

// igot/21–26: what the loaders cannot read is reported as the library's tests
// (tests/suite/igot_unread.rs) assert it.
describe("what the loaders cannot read", () => {
  const cases = "tests/data/cases/igot";

  test("loadFracPositions notes text fields of another type and sets aside a department that is a number", () => {
    const { spec, report } = loadFracPositions(read(`${cases}/21-frac-text-fields-of-another-type.json`));
    assert.equal(spec.competencies[0].description ?? "", "");
    const cid9 = "$.responseData[0].children[0].children[0].children[0]";
    assert.deepEqual(
      report.notes.slice(0, 2).map((e) => [e.path, e.id, e.what]),
      [
        [`${cid9}.description`, "CID9", { what: "wrong_type", field: "description", found: "an integer", expected: "a string" }],
        [`${cid9}.additionalProperties.competencyArea`, "CID9", { what: "wrong_type", field: "additionalProperties.competencyArea", found: "an integer", expected: "a string" }],
      ],
    );
    assert.deepEqual(report.set_aside[1], {
      path: "$.responseData[1]",
      id: "PID9",
      what: { what: "wrong_type", field: "department", found: "an integer", expected: "a string" },
    });
    assert.deepEqual(
      report.ignored_fields.map((f) => f.field),
      ["activity.department", "activity.description", "position.description", "role.description"],
    );
  });

  test("loadIgotCourses sets aside lists beside the result and notes a page of a larger search", () => {
    const { courses, report } = loadIgotCourses(read(`${cases}/22-courses-records-beside-the-result.json`), kcmFramework());
    assert.deepEqual(courses.map((c) => c.id), ["do_1", "do_2"]);
    assert.deepEqual(report.set_aside.map((e) => [e.path, e.what]), [
      ["$.content", { what: "list_not_read", entries: 2, read: "$.result.content" }],
      ["$.result.collections", { what: "list_not_read", entries: 1, read: "$.result.content" }],
    ]);
    assert.deepEqual(report.notes.map((e) => [e.path, e.what]), [
      ["$.result.count", { what: "count_disagrees", count: 250, records: 2 }],
    ]);
  });

  test("loadIgotCourses names a tag set aside by its course, and notes course ids that look alike", () => {
    const tags = loadIgotCourses(read(`${cases}/23-courses-tags-set-aside-name-their-course.json`), kcmFramework());
    assert.deepEqual(tags.report.set_aside.map((e) => e.id), ["do_1", "do_1", "do_2", "do_3", "do_3"]);
    const alike = loadIgotCourses(read(`${cases}/24-courses-ids-that-look-alike.json`), kcmFramework());
    assert.deepEqual(alike.courses.map((c) => c.id), ["do_1", " do_1", "DO_1", "do_2"]);
    assert.deepEqual(
      alike.report.notes.filter((e) => e.what.what === "lookalike_ids").map((e) => [e.id, e.what.ids]),
      [
        [" do_1", [" do_1", "DO_1", "do_1"]],
        ["DO_1", [" do_1", "DO_1", "do_1"]],
      ],
    );
    assert.ok(alike.report.notes.some((e) => e.id === " do_1" && e.what.what === "id_whitespace"));
  });

  test("loadPositionMaster and loadIgotProfile report types, keys and ids alike", () => {
    const master = loadPositionMaster(read(`${cases}/25-master-text-types-keys-and-ids.json`));
    assert.deepEqual(entries(master.report.notes), [
      ["$.positions[1].description", "PID2", "wrong_type"],
      ["$.positions[2]", "PID1 ", "id_whitespace"],
      ["$.positions[3]", "pid1", "same_name"],
      ["$.positions[2]", "PID1 ", "lookalike_ids"],
      ["$.positions[3]", "pid1", "lookalike_ids"],
    ]);
    assert.deepEqual(entries(master.report.set_aside), [["$.morePositions", "", "list_not_read"]]);
    const profile = loadIgotProfile(read(`${cases}/26-profile-text-types-and-ids.json`));
    assert.deepEqual(entries(profile.report.notes), [
      ["$.profileDetails.competencies[0].competencyCBPCompletionLevelName", "CID9", "wrong_type"],
      ["$.profileDetails.competencies[1]", " CID9 ", "id_whitespace"],
      ["$.profileDetails.competencies[1]", " CID9 ", "lookalike_ids"],
      ["$.profileDetails.competencies[2]", "cid9", "lookalike_ids"],
    ]);
  });
});

// igot/31–32: what the FRAC loader counts, and its report agreeing with its result (the
// library's tests/suite/igot_review.rs).
describe("FRAC review tiers and containers of another type", () => {
  test("a node counts only when the review board verified it and it is not deleted", () => {
    const { spec, report } = loadFracPositions(read("tests/data/cases/igot/31-frac-review-board-and-deleted-nodes.json"));
    assert.deepEqual(
      report.set_aside.map((e) => [e.id, e.what]),
      [
        ["RID3", { what: "secondary_not_verified", secondary_status: "UNVERIFIED" }],
        ["CID40", { what: "deleted" }],
        ["CID41", { what: "secondary_not_verified", secondary_status: "REJECTED" }],
        ["CLID61", { what: "deleted" }],
        ["RID5", { what: "deleted" }],
      ],
    );
    assert.deepEqual(report.notes.map((e) => [e.id, e.what]), [
      ["CID9", { what: "secondary_draft", secondary_status: "UNVERIFIED" }],
    ]);
    assert.deepEqual(report.ignored_fields, []);
    assert.deepEqual(spec.roles.map((r) => r.id), ["RID4"]);
    assert.deepEqual(
      spec.roles[0].requires.map((r) => [r.competency, r.level, r.status ?? "verified"]),
      [["CID12", 1, "verified"], ["CID13", 1, "verified"], ["CID9", 3, "draft"]],
    );
    const fw = new Framework(spec);
    assert.deepEqual(fw.requirements("PID7").map((r) => [r.competency, r.level]), [["CID12", 1], ["CID13", 1]]);
  });

  test("a node whose children or additionalProperties hold another type is set aside and absent", () => {
    const { spec, report } = loadFracPositions(read("tests/data/cases/igot/32-frac-containers-of-another-type.json"));
    assert.deepEqual(
      report.set_aside.map((e) => [e.id, e.what.field, e.what.found]),
      [
        ["RID3", "children", "a string"],
        ["CID9", "additionalProperties", "a string"],
        ["CID12", "children", "a string"],
        ["AID5", "children", "an object"],
        ["PID8", "children", "a string"],
      ],
    );
    const kept = [spec.positions, spec.roles, spec.activities, spec.competencies].flatMap((l) => l.map((x) => x.id));
    assert.deepEqual(kept, ["PID7", "RID4", "RID6", "CID13"]);
    assert.ok(report.set_aside.every((e) => !kept.includes(e.id)));
  });
});

// igot/33: the platform's flat KCM export read as the dictionary, refused by the other
// loaders, and a list of no record refused by every loader (tests/suite/igot_shapes.rs).
describe("the flat KCM export and lists of no record", () => {
  const flat = read("tests/data/cases/igot/33-kcm-flat-export-with-identifiers.json");

  test("the flat export gives the nested dictionary's competencies, described", () => {
    const { spec, report } = loadKcm(flat);
    const entries = JSON.parse(flat);
    assert.deepEqual(spec.competencies.map((c) => c.id), entries.map((e) => kcmPath(e.type, e.theme, e.sub_theme)));
    assert.deepEqual(spec.competencies.map((c) => c.description ?? ""), entries.map((e) => e.sub_theme_description));
    const nested = new Set(loadKcm(read("data/igot/kcm_competencies.json")).spec.competencies.map((c) => c.id));
    assert.ok(spec.competencies.every((c) => nested.has(c.id)));
    assert.deepEqual(report.set_aside, []);
    // `competency_id` is read, kept against the sub-theme it names (igot/41).
    assert.deepEqual(report.ignored_fields, []);
    new Framework(spec);
  });

  test("the other loaders refuse it as the KCM dictionary", () => {
    const kind = [{ code: "document_of_another_kind", found: "kcm_dictionary" }];
    throwsProblems(() => loadPositionMaster(flat), kind);
    throwsProblems(() => loadIgotProfile(flat), kind);
    throwsProblems(() => loadFracPositions(flat), kind);
    throwsProblems(() => loadIgotCourses(flat, kcmFramework()), kind);
  });

  test("a list none of whose entries is a record is refused naming the fields found", () => {
    const other = [{ setting: "theme", value: "dark" }, { setting: "font" }];
    const unread = (document) => [{ code: "igot_unread_entries", document, path: "$", entries: 2, fields: ["setting", "value"] }];
    throwsProblems(() => loadKcm(other), unread("kcm dictionary"));
    throwsProblems(() => loadPositionMaster(other), unread("position master list"));
    throwsProblems(() => loadIgotProfile(other), unread("igot profile competencies"));
    throwsProblems(() => loadFracPositions(other), unread("frac positions"));
    throwsProblems(() => loadIgotCourses(other, kcmFramework()), unread("igot course records"));
    assert.deepEqual(loadPositionMaster([]).master.positions(), []);
  });
});

// igot/38–41: what the reports name, through the package (tests/suite/igot_set_aside_fields.rs,
// igot_profile_shapes.rs, igot_level_review.rs, igot_kcm_serials.rs).
describe("what the reports name", () => {
  const cases = "tests/data/cases/igot";

  test("a field set aside of a kept record is named by its path, and new notes by their codes", () => {
    const fields = JSON.parse(read(`${cases}/38-set-aside-fields-of-kept-records.json`));
    const base = "$.profileDetails.competencies";
    const profile = loadIgotProfile(JSON.stringify(fields.profile));
    assert.deepEqual(entries(profile.report.set_aside).slice(0, 2), [
      [`${base}[0].competencySelfAttestedLevelValue`, "CID9", "level_out_of_range"],
      [`${base}[1].competencyCBPCompletionLevel`, "CID12", "unreadable_level"],
    ]);
    const shapes = JSON.parse(read(`${cases}/39-profile-registry-record-and-details-as-text.json`));
    assert.deepEqual(loadIgotProfile(JSON.stringify(shapes.registry)).report.notes.map((n) => n.what), [
      { what: "profile_from_registry" },
    ]);
    assert.deepEqual(loadIgotProfile(JSON.stringify(shapes.row)).report.notes.map((n) => n.what), [
      { what: "object_from_text", field: "profiledetails" },
    ]);
    const serials = loadKcm(read(`${cases}/41-kcm-flat-ids-that-disagree.json`));
    assert.deepEqual(serials.report.notes[0], {
      path: "$[1].competency_id",
      id: "BEH-001",
      what: { what: "id_of_another", field: "competency_id", other: kcmPath("Behavioural", "Self-Awareness", "Self-Analysis") },
    });
  });
});
