// Every exported function and method on the bundled head-post-office example.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Cohort,
  FORMAT_VERSION,
  Framework,
  JSON_SCHEMA,
  OLDEST_FORMAT_VERSION,
  Profile,
  exportCase,
  importCase,
  loadOfficers,
  parseFrameworkSpec,
  parseOfficers,
} from "../index.js";
import { frameworkDoc, frameworkText, officersCsv, officersDoc, officersText, throwsProblems } from "./support/data.js";

const fw = new Framework(frameworkText());
const officers = officersDoc().officers;
const officer = (id) => officers.find((o) => o.id === id);
const profile = (id, policy) => new Profile(fw, officer(id), policy);
const byId = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

describe("Framework", () => {
  test("reads text and objects alike, and lists everything sorted by id", () => {
    const fromObject = new Framework(frameworkDoc());
    assert.deepEqual(fromObject.toSpec(), fw.toSpec());
    const spec = fw.toSpec();
    assert.equal(spec.format_version, FORMAT_VERSION);
    assert.deepEqual(spec, parseFrameworkSpec({ ...spec }));
    for (const [list, n] of [
      [fw.competencies(), 16],
      [fw.activities(), 11],
      [fw.roles(), 4],
      [fw.positions(), 3],
      [fw.courses(), 18],
    ]) {
      assert.equal(list.length, n);
      assert.deepEqual(
        list.map((x) => x.id),
        list.map((x) => x.id).sort(byId),
      );
    }
    assert.deepEqual(JSON.parse(fw.toJson()), spec);
  });

  test("looks entities up by id", () => {
    assert.equal(fw.competency("empathy").name, "Empathy");
    assert.equal(fw.competency("nobody"), undefined);
    assert.equal(fw.position("aso-division").department, "department-of-posts");
    assert.equal(fw.position("nowhere"), undefined);
    assert.equal(fw.course("po-accounts").hours, 12);
    assert.equal(fw.course("none"), undefined);
    assert.equal(fw.maxLevel("empathy"), 3);
    assert.equal(fw.maxLevel("integrity"), 5);
    assert.equal(fw.maxLevel("nothing"), undefined);
    assert.deepEqual(fw.prerequisiteClosure("savings-audit"), ["accounts-basics", "po-accounts", "savings-audit"]);
    assert.equal(fw.minLevel("empathy"), 1);
    assert.equal(fw.minLevel("nothing"), undefined);
  });

  test("competency groups: the areas the example names, and declared groups with parents", () => {
    const areas = fw.groups();
    assert.equal(areas.length, 8);
    assert.ok(areas.every((g) => g.kind === "area" && g.id === `area:${g.name}`));
    assert.deepEqual(fw.group("area:Values"), { id: "area:Values", name: "Values", kind: "area" });
    assert.equal(fw.group("area:Nothing"), undefined);
    assert.deepEqual(fw.members("area:Values"), ["citizen-centricity", "integrity"]);
    assert.deepEqual(fw.groupsOf("empathy"), ["area:Self and others"]);
    throwsProblems(() => fw.members("values"), [{ code: "unknown_id", kind: "group", id: "values", nearest: null }]);
    throwsProblems(() => fw.groupsOf("empaty"), [{ code: "unknown_id", kind: "competency", id: "empaty", nearest: "empathy" }]);

    // A KCM-style hierarchy: area → theme → sub-theme, declared with ids.
    const doc = frameworkDoc();
    doc.format_version = 2;
    doc.groups = [
      { id: "kcm-behavioural", name: "Behavioural", kind: "area" },
      { id: "kcm-self", name: "Self", kind: "theme", parents: ["kcm-behavioural"] },
      { id: "kcm-ethics", name: "Ethics", kind: "sub_theme", parents: ["kcm-self"] },
    ];
    doc.competencies.find((c) => c.id === "integrity").groups = ["kcm-ethics"];
    doc.competencies.find((c) => c.id === "empathy").min_level = 2;
    doc.competencies.find((c) => c.id === "empathy").levels = doc.competencies
      .find((c) => c.id === "empathy")
      .levels.filter((l) => l.level >= 2);
    const kcm = new Framework(doc);
    assert.deepEqual(kcm.parentGroups("kcm-ethics"), ["kcm-self"]);
    assert.deepEqual(kcm.childGroups("kcm-behavioural"), ["kcm-self"]);
    assert.deepEqual(kcm.childGroups("kcm-ethics"), []);
    assert.deepEqual(kcm.groupsOf("integrity"), ["area:Values", "kcm-ethics"]);
    const order = kcm.groupsTopDown().map((g) => g.id);
    assert.ok(order.indexOf("kcm-behavioural") < order.indexOf("kcm-self"));
    assert.ok(order.indexOf("kcm-self") < order.indexOf("kcm-ethics"));
    assert.equal(order.length, 11);
    assert.equal(kcm.minLevel("empathy"), 2);
    assert.equal(kcm.maxLevel("empathy"), 3);
    assert.equal(kcm.competency("empathy").min_level, 2);
    throwsProblems(() => kcm.parentGroups("kcm-ethic"), [{ code: "unknown_id", kind: "group", nearest: "kcm-ethics" }]);
  });

  test("derives requirements with provenance, direct role requirements included", () => {
    const reqs = fw.requirements("postmaster-hpo");
    assert.equal(reqs.length, 16);
    const accounting = reqs.find((r) => r.competency === "financial-accounting");
    assert.equal(accounting.level, 3);
    assert.equal(accounting.name, "Financial accounting");
    assert.equal(accounting.kind, "functional");
    assert.deepEqual(
      accounting.provenance.map((p) => `${p.role}/${p.activity}`),
      [
        "accounts-treasury/audit-savings",
        "accounts-treasury/prepare-daily-account",
        "accounts-treasury/reconcile-cash",
        "counter-supervision/reconcile-cash",
      ],
    );
    const ippb = reqs.find((r) => r.competency === "india-post-payments");
    assert.deepEqual(ippb.provenance, [{ role: "counter-supervision", activity: null, level: 2 }]);
    // The draft requirement of track-speed-post does not count: grievance-redressal comes
    // only through handle-complaints.
    const grievance = reqs.find((r) => r.competency === "grievance-redressal");
    assert.deepEqual(grievance.provenance.map((p) => p.activity), ["handle-complaints"]);
  });
});

describe("Profile", () => {
  test("derives current levels from the passbook by the policy", () => {
    const p = profile("meena-iyer");
    assert.equal(p.id, "meena-iyer");
    assert.equal(p.name, "Meena Iyer");
    const unnamed = { ...officer("meena-iyer") };
    delete unnamed.name;
    assert.equal(new Profile(fw, unnamed).name, undefined);
    assert.equal(p.department, "department-of-posts");
    assert.equal(p.position, "postmaster-hpo");
    assert.equal(p.targetPosition, undefined);
    assert.equal(p.level("financial-accounting"), 3);
    // Self-declared evidence counts only when the policy says so.
    assert.equal(p.level("rti"), 0);
    assert.equal(profile("meena-iyer", { selfDeclared: true }).level("rti"), 2);
    assert.equal(p.level("unknown-competency"), 0);
    const held = p.held();
    assert.equal(held.length, 14);
    assert.deepEqual(held[0], { competency: "citizen-centricity", level: 3 });
    assert.deepEqual(p.completedCourses(), ["eoffice-noting", "ippb-products"]);
    assert.equal(profile("arjun-rao").targetPosition, "postmaster-hpo");
    // Old evidence lapses with notBefore; unverified evidence counts with verifiedOnly false.
    assert.equal(profile("meena-iyer", { notBefore: "2024-01-01" }).level("postal-operations"), 0);
    assert.equal(profile("suresh-patil").level("procurement"), 0);
    assert.equal(profile("suresh-patil", { verifiedOnly: false }).level("procurement"), 3);
    assert.equal(profile("meena-iyer", { feedback360: false }).level("integrity"), 0);
  });

  test("undated evidence counts unless a cut-off says otherwise; completions above a course's level", () => {
    const o = structuredClone(officer("farah-khan"));
    o.passbook = [
      { competency: "rti", level: 2, source: "assessment" },
      { competency: "empathy", level: 2, source: "assessment", date: "" },
    ];
    assert.equal(new Profile(fw, o).level("rti"), 2);
    assert.equal(new Profile(fw, o).level("empathy"), 2);
    assert.equal(new Profile(fw, o, { notBefore: "2024-01-01" }).level("rti"), 0);
    assert.equal(new Profile(fw, o, { notBefore: "2024-01-01", undated: "counts" }).level("rti"), 2);
    assert.equal(new Profile(fw, o, { undated: "ignored" }).level("rti"), 0);
    assert.equal(new Profile(fw, o, { undated: "counts_without_cutoff" }).level("rti"), 2);
    // rti-pio builds RTI to level 3: a level-5 completion is refused, or capped.
    o.passbook = [{ competency: "rti", level: 5, source: "course_completion", date: "2025-01-10", course: "rti-pio" }];
    throwsProblems(() => new Profile(fw, o), [
      {
        code: "invalid_evidence",
        officer: "farah-khan",
        index: 0,
        competency: "rti",
        problem: { problem: "above_course_level", course: "rti-pio", level: 5, course_level: 3 },
      },
    ]);
    assert.equal(new Profile(fw, o, { courseLevels: "cap" }).level("rti"), 3);
  });
});

describe("gaps and readiness", () => {
  test("a gap report lists gaps largest first with provenance, and readiness", () => {
    const report = fw.gap(profile("meena-iyer"));
    assert.equal(report.officer, "meena-iyer");
    assert.equal(report.officer_name, "Meena Iyer");
    assert.equal(report.position, "postmaster-hpo");
    assert.equal(report.position_name, "Postmaster, Head Post Office");
    assert.equal(report.gaps[0].name, "Public procurement");
    assert.equal(report.requirements, 16);
    assert.equal(report.met, 10);
    assert.equal(report.required_levels, 48);
    assert.equal(report.shortfall_levels, 10);
    assert.equal(report.readiness, 1 - 10 / 48);
    assert.equal(report.gaps.length, 6);
    assert.deepEqual(
      report.gaps.map((g) => [g.competency, g.required, g.current, g.shortfall]),
      [
        ["procurement", 3, 0, 3],
        ["rti", 3, 0, 3],
        ["digital-literacy", 3, 2, 1],
        ["empathy", 3, 2, 1],
        ["grievance-redressal", 3, 2, 1],
        ["savings-schemes", 4, 3, 1],
      ],
    );
    assert.deepEqual(report.gaps[0].provenance, [
      { role: "office-administration", activity: "process-procurement", level: 3 },
    ]);
  });

  test("gapFor measures against another post; includeMet and weights", () => {
    const arjun = profile("arjun-rao");
    const toTarget = fw.gapFor(arjun, "postmaster-hpo");
    assert.equal(toTarget.position, "postmaster-hpo");
    const withMet = fw.gapFor(arjun, "postmaster-hpo", { includeMet: true });
    assert.equal(withMet.gaps.length, withMet.requirements);
    assert.deepEqual(withMet.gaps.slice(0, toTarget.gaps.length), toTarget.gaps);
    assert.ok(withMet.gaps.slice(toTarget.gaps.length).every((g) => g.shortfall === 0));
    const meena = profile("meena-iyer");
    const onlyBehaviour = fw.gap(meena, { weights: { functional: 0, domain: 0 } });
    const lines = fw.gap(meena, { includeMet: true }).gaps.filter((g) => g.kind === "behavioural");
    const held = lines.reduce((a, g) => a + Math.min(g.current, g.required), 0);
    const required = lines.reduce((a, g) => a + g.required, 0);
    assert.ok(lines.length >= 3);
    assert.equal(onlyBehaviour.readiness, held / required);
  });
});

describe("learning paths", () => {
  test("the least-hours path closes every closable gap, prerequisites first, each step explained", () => {
    const p = profile("meena-iyer");
    const plan = fw.recommend(p, p.position);
    const order = plan.steps.map((s) => s.course);
    for (const step of plan.steps) {
      for (const pre of fw.course(step.course).prerequisites ?? []) {
        if (!p.completedCourses().includes(pre)) assert.ok(order.indexOf(pre) < order.indexOf(step.course));
      }
      assert.ok(step.closes.length > 0 || step.prerequisite_for.length > 0, `${step.course} has no reason`);
    }
    assert.equal(plan.total_hours, plan.steps.reduce((h, s) => h + s.hours, 0));
    // The default solver proves its plan or bounds how far from the fewest hours it can be.
    assert.ok(["optimal", "bounded"].includes(plan.optimality.status), JSON.stringify(plan.optimality));
    assert.ok(plan.bound <= plan.total_hours + 1e-9);
    if (plan.optimality.status === "bounded") {
      assert.ok(plan.total_hours <= plan.bound * (1 + plan.optimality.gap) + 1e-9);
    }
    assert.equal(plan.closed, 6 - plan.open.length);
    const closed = plan.steps.flatMap((s) => s.closes.map((c) => c.competency)).sort();
    const gaps = fw.gap(p).gaps.map((g) => g.competency);
    assert.deepEqual(closed, gaps.filter((g) => !plan.open.some((o) => o.competency === g)).sort());
    assert.equal(plan.blend.formal + plan.blend.social + plan.blend.experiential, plan.total_hours);
    assert.equal(plan.blend_target_met, null);
  });

  test("the exact solver proves its plan; budget, terms and the 70-20-10 blend", () => {
    const p = profile("meena-iyer");
    const greedy = fw.recommend(p, p.position, { solver: "greedy" });
    const exact = fw.recommend(p, p.position, { solver: { exact: { nodeLimit: 100000 } } });
    assert.deepEqual(exact.optimality, { status: "optimal" });
    assert.equal(exact.bound, exact.total_hours);
    assert.ok(exact.total_hours <= greedy.total_hours);
    const budgeted = fw.recommend(p, p.position, { budget: 5 });
    assert.ok(budgeted.total_hours <= 5);
    assert.ok(budgeted.open.some((o) => o.reason.reason === "budget"));
    const terms = fw.recommend(p, p.position, { termHours: 20 });
    assert.ok(terms.terms.length > 0);
    assert.ok(terms.terms.every((t) => t.hours <= 20 || (t.over_cap && terms.steps.some((s) => s.hours > 20))));
    assert.ok(terms.steps.every((s) => s.term >= 1));
    const blend = fw.recommend(p, p.position, { maxFormalShare: 0.1 });
    assert.equal(typeof blend.blend_target_met, "boolean");
    assert.ok(blend.blend.formal / blend.total_hours <= greedy.blend.formal / greedy.total_hours);
    // A course tagged without a level closes nothing unless a level is assumed.
    const literacy = [{ competency: "digital-literacy", current: 0, required: 2 }];
    assert.deepEqual(fw.recommendTargets(literacy).steps.map((s) => s.course), ["mail-network"]);
    const assumed = fw.recommendTargets(literacy, [], { untagged: { assume: 3 } });
    assert.deepEqual(assumed.steps.map((s) => s.course), ["digital-governance"]);
    // The level to assume written as every level field reads it.
    for (const assume of ["3", "Level 3", "III", "L3"]) {
      const same = fw.recommendTargets(literacy, [], { untagged: { assume } });
      assert.deepEqual(same, assumed, assume);
    }
  });

  test("recommendTargets plans an individual development plan", () => {
    const plan = fw.recommendTargets(
      [
        { competency: "financial-accounting", current: 1, required: 3 },
        { competency: "rti", current: 0, required: 3 },
      ],
      ["accounts-basics"],
    );
    // Mentoring and the accounts course (its prerequisite done) both take 12 hours: ties by id.
    assert.deepEqual(plan.steps.map((s) => s.course).sort(), ["accounts-mentoring", "rti-pio"]);
    assert.deepEqual(plan.steps.find((s) => s.course === "rti-pio").closes[0].provenance, []);
  });

  test("recommendTargets reads a level as every level field does", () => {
    // Before, only JSON numbers were read: `"Level 3"` was refused.
    const numbers = fw.recommendTargets([{ competency: "rti", current: 0, required: 3 }]);
    for (const [current, required] of [
      ["0", "Level 3"],
      [0, "III"],
      ["L0", "3 (Advanced)"],
      [0, " 3.0 "],
    ]) {
      assert.deepEqual(fw.recommendTargets([{ competency: "rti", current, required }]), numbers, required);
    }
  });
});

describe("cohorts", () => {
  const cohort = new Cohort(fw, officersText());

  test("a cohort stores every officer, from text, documents or arrays alike", () => {
    assert.equal(cohort.length, 5);
    assert.deepEqual(cohort.departments(), ["department-of-posts"]);
    assert.ok(cohort.heapBytes() > 0);
    assert.equal(cohort.officerId(0), "meena-iyer");
    assert.equal(cohort.officerId(5), undefined);
    assert.equal(cohort.officerName(0), "Meena Iyer");
    assert.equal(cohort.officerName(5), undefined);
    assert.equal(cohort.find("farah-khan"), 2);
    assert.equal(cohort.find("nobody"), undefined);
    assert.deepEqual(cohort.profile(0).held(), profile("meena-iyer").held());
    assert.equal(cohort.profile(9), undefined);
    const fromArray = new Cohort(fw, officers);
    const fromDocument = new Cohort(fw, officersDoc());
    assert.deepEqual(fw.trainingNeeds(fromArray), fw.trainingNeeds(cohort));
    assert.deepEqual(fw.trainingNeeds(fromDocument), fw.trainingNeeds(cohort));
  });

  test("training needs aggregate every officer's gaps", () => {
    const needs = fw.trainingNeeds(cohort);
    assert.equal(needs.officers, 5);
    let pairs = 0;
    let short = 0;
    for (const o of officers) {
      const r = fw.gap(new Profile(fw, o));
      pairs += r.requirements;
      short += r.gaps.length;
    }
    assert.equal(needs.pairs, pairs);
    assert.equal(needs.rows.reduce((n, r) => n + r.officers_short, 0), short);
    for (const r of needs.rows) {
      assert.equal(r.histogram.length, 6);
      assert.equal(r.histogram.reduce((a, b) => a + b, 0), r.officers_required);
      assert.equal(r.histogram.reduce((a, n, s) => a + n * s, 0), r.total_shortfall);
    }
    const byDept = fw.trainingNeedsByDepartment(cohort);
    assert.deepEqual(byDept, [{ department: "department-of-posts", needs }]);
    throwsProblems(() => fw.trainingNeeds(cohort, { department: "department-of-post" }), [
      { code: "unknown_id", kind: "department", id: "department-of-post", nearest: "department-of-posts" },
    ]);
    assert.equal(needs.rows[0].name, fw.competency(needs.rows[0].competency).name);
  });

  test("rankings, career paths and successors", () => {
    const fits = fw.positionsFor(profile("farah-khan"), { top: 2 });
    assert.equal(fits.length, 2);
    assert.ok(fits.every((f) => f.position !== "aso-division"));
    assert.ok(fits[0].readiness >= fits[1].readiness);
    const candidates = fw.officersFor(cohort, "postmaster-hpo", { top: 3 });
    assert.equal(candidates.length, 3);
    assert.ok(candidates.every((f) => f.officer !== "meena-iyer"));
    const step = fw.careerStep(profile("arjun-rao"), "postmaster-hpo");
    assert.deepEqual(step.gap, fw.gapFor(profile("arjun-rao"), "postmaster-hpo"));
    assert.deepEqual(step.plan, fw.recommend(profile("arjun-rao"), "postmaster-hpo"));
    const paths = fw.careerPaths(profile("arjun-rao"), { top: 5 });
    assert.equal(paths.length, 2);
    assert.ok(paths.find((f) => f.position === "postmaster-hpo").hours === step.plan.total_hours);
    const successors = fw.successors(cohort, "postmaster-hpo", { top: 2 });
    assert.equal(successors.length, 2);
    assert.ok(successors[0].open < successors[1].open || successors[0].hours <= successors[1].hours);
  });

  test("a department plan respects its budget and explains what stays open", () => {
    const plan = fw.departmentPlan(cohort, { budget: 40, officerCap: 20 });
    assert.ok(plan.hours <= 40);
    assert.ok(plan.enrolments.every((e) => e.hours <= 20));
    // The certificate: a bound at least the value closed, and the gap it allows.
    assert.ok(plan.bound >= plan.value_closed - 1e-9);
    if (plan.optimality.status === "optimal") assert.ok(Math.abs(plan.bound - plan.value_closed) < 1e-9);
    else assert.ok(Math.abs(plan.optimality.gap - (1 - plan.value_closed / plan.bound)) < 1e-9);
    for (const c of plan.competencies) {
      const o = c.open;
      const open = Object.values(o).reduce((a, b) => a + b, 0);
      assert.equal(c.officers_short, c.closed + open);
    }
    const unlimited = fw.departmentPlan(cohort);
    assert.ok(unlimited.gaps_closed >= plan.gaps_closed);
    assert.equal(unlimited.budget, null);
    const seats = fw.departmentPlan(cohort, { seats: { "counter-shadowing": 1 }, defaultSeats: 2 });
    assert.ok(seats.courses.every((c) => c.seats <= (c.course === "counter-shadowing" ? 1 : 2)));
  });

  test("compare measures progress between two snapshots", () => {
    const same = fw.compare(cohort, cohort);
    assert.equal(same.overall.closed, 0);
    assert.equal(same.overall.readiness_gained, 0);
    const trained = officersDoc().officers;
    trained[3].passbook.push({
      competency: "rti",
      level: 3,
      source: "course_completion",
      date: "2025-09-01",
      course: "rti-pio",
    });
    const after = new Cohort(fw, trained);
    const evaluation = fw.compare(cohort, after);
    assert.equal(evaluation.overall.closed, 1);
    assert.ok(evaluation.overall.readiness_gained > 0);
    assert.deepEqual(evaluation.courses.map((c) => [c.course, c.completers, c.rate]), [["rti-pio", 1, 1]]);
  });
});

describe("documents and CASE", () => {
  test("parseOfficers reads the officers document", () => {
    const doc = parseOfficers(officersText());
    assert.equal(doc.officers.length, 5);
    assert.equal(doc.officers[3].passbook[3].verified, false);
    assert.equal(doc.officers[0].passbook[0].verified, undefined);
  });

  test("exporting to CASE and importing back keeps the dictionary", () => {
    const document = {
      identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
      title: "Head post office competencies",
      creator: "Department of Posts",
      lastChangeDateTime: "2025-04-01T09:00:00Z",
    };
    const pkg = exportCase(fw, document);
    assert.equal(pkg.CFDocument.caseVersion, "1.1");
    assert.deepEqual(exportCase(fw, document), pkg);
    const back = importCase(JSON.stringify(pkg), { ids: "human_coding_scheme" });
    const original = fw.competencies();
    // Areas come back as groups with the same ids and names.
    assert.deepEqual(
      back.spec.competencies.map((c) => [c.id, c.name, c.type, c.groups]),
      original.map((c) => [c.id, c.name, c.type, fw.groupsOf(c.id)]),
    );
    assert.deepEqual(
      back.spec.groups.map((g) => [g.id, g.name, g.kind]),
      fw.groups().map((g) => [g.id, g.name, g.kind]),
    );
    assert.deepEqual(
      back.spec.competencies.map((c) => (c.levels ?? []).length),
      original.map((c) => (c.levels ?? []).length),
    );
    assert.equal(back.report.document.identifier, document.identifier);
    assert.equal(back.report.groups.length, 8);
    assert.ok(back.report.scales.every((s) => s.rule === "score" && s.levels.every((l) => l.level === l.score)));
    const renamed = exportCase(fw, document, { itemTypes: { domain: "Domain knowledge" }, rubricTitle: "Levels" });
    assert.ok(renamed.CFItems.some((i) => i.CFItemType === "Domain knowledge"));
    const mapped = importCase(renamed, { itemTypes: { "Domain knowledge": { competency: "domain" } } });
    assert.ok(mapped.report.item_types.some((t) => t.item_type === "Domain knowledge" && !t.by_default));
    // Groups exported under other item type names, mapped back by the import.
    const clusters = exportCase(fw, document, { groupItemTypes: { area: "Cluster" } });
    assert.ok(clusters.CFItems.some((i) => i.CFItemType === "Cluster"));
    const asThemes = importCase(clusters, { itemTypes: { Cluster: { group: "theme" } } });
    assert.ok(asThemes.spec.groups.every((g) => g.kind === "theme"));
    const ignored = importCase(clusters, { itemTypes: { Cluster: "ignore" } });
    assert.equal((ignored.spec.groups ?? []).length, 0);
    assert.ok(ignored.report.dropped.some((d) => d.reason === "ignored_type"));
  });

  test("CASE rubric scores become levels by the level rule", () => {
    const document = {
      identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01",
      title: "Head post office competencies",
      creator: "Department of Posts",
      lastChangeDateTime: "2025-04-01T09:00:00Z",
    };
    const pkg = exportCase(fw, document);
    // The export's rubrics say their scores are FRAC's levels: imported again under any
    // rule, the scores are read as the levels they are.
    const again = importCase(pkg, { levelRule: { proportional: { top: 7 } } });
    assert.ok(again.report.scales.every((s) => s.rule === "score"), JSON.stringify(again.report.scales[0]));
    // Rescore every rubric on a 7-point scale (1..7 for the five levels spread out), as a
    // publisher on such a scale writes it: its own description, not the export's.
    const seven = structuredClone(pkg);
    for (const r of seven.CFRubrics) {
      r.description = "Scored on a 7-point scale.";
      for (const c of r.CFRubricCriteria) {
        for (const l of c.CFRubricCriterionLevels) l.score = [0, 1, 3, 4, 6, 7][l.score];
      }
    }
    const proportional = importCase(seven, { levelRule: { proportional: { top: 7 } } });
    const levels = proportional.report.scales.flatMap((s) => s.levels.map((l) => [l.score, l.level]));
    // ⌈score × 5 / 7⌉: 1 → 1, 3 → 3, 4 → 3, 6 → 5, 7 → 5.
    for (const [score, level] of levels) assert.equal(level, Math.ceil((score * 5) / 7));
    assert.ok(proportional.report.scales.every((s) => s.rule.proportional.top === 7));
    const rank = importCase(seven, { levelRule: "rank" });
    const integrity = rank.spec.competencies.find((c) => c.name === "Integrity and ethics");
    assert.deepEqual(integrity.levels.map((l) => l.level), [1, 2, 3, 4, 5]);
    const table = importCase(seven, { levelRule: { table: [[1, 1], [3, 2], [4, 3], [6, 4], [7, 5]] } });
    assert.deepEqual(
      table.spec.competencies.find((c) => c.name === "Integrity and ethics").levels.map((l) => l.level),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(table.report.scales[0].rule.table[1], [3, 2]);
    // A table's levels written as every level field reads them.
    const written = importCase(seven, { levelRule: { table: [[1, "1"], [3, "Level 2"], [4, "III"], [6, "L4"], [7, 5]] } });
    assert.deepEqual(written, table);
    throwsProblems(() => importCase(seven, { levelRule: { proportional: { top: 0 } } }), [
      { code: "invalid_option", option: "levelRule", value: 0 },
    ]);
    // Told that a lower score is better, the same rubric reads upside down.
    const flipped = importCase(seven, { levelRule: "rank", scoreOrder: "lower_is_better" });
    assert.ok(flipped.report.scales.every((s) => s.order === "lower_is_better" && s.reading === "numbers"));
    const upside = flipped.spec.competencies.find((c) => c.name === "Integrity and ethics");
    assert.deepEqual(
      upside.levels.map((l) => l.description),
      integrity.levels.map((l) => l.description).reverse(),
    );
    assert.ok(flipped.report.scales[0].levels.every((l) => l.written === null));
  });

  test("an HR export's CSV loads the same officers as the JSON document, with warnings", () => {
    const csv = officersCsv();
    const load = loadOfficers(fw, csv);
    assert.deepEqual(load.warnings, []);
    assert.deepEqual(load.columnsNotRead, []);
    // A column the format does not have is listed, not read.
    const lines = csv.evidence.split("\n");
    const remarks = lines.map((line, i) => (line === "" ? line : line + (i === 0 ? ",Remarks" : ",ok"))).join("\n");
    const extra = loadOfficers(fw, { ...csv, evidence: remarks });
    assert.deepEqual(extra.columnsNotRead, [
      { file: "evidence.csv", column: lines[0].split(",").length + 1, header: "Remarks" },
    ]);
    assert.deepEqual(extra.officers, load.officers);
    // A misspelt optional column is listed with the column it looks like.
    const nmae = loadOfficers(fw, { ...csv, officers: csv.officers.replace(/^id,name,/, "id,nmae,") });
    assert.deepEqual(nmae.columnsNotRead, [{ file: "officers.csv", column: 2, header: "nmae", nearest: "name" }]);
    const json = officersDoc().officers;
    assert.deepEqual(
      load.officers.map((o) => [o.id, o.name, o.department, o.position, o.target_position ?? null, o.passbook.length]),
      json.map((o) => [o.id, o.name, o.department, o.position, o.target_position ?? null, o.passbook.length]),
    );
    // Each file read with commas told from its header, nothing missing, every date ISO.
    const read = (file) => ({
      file,
      delimiter: ",",
      delimiter_from: "detected",
      missing: [],
      dates: [],
      date_order: null,
      date_order_line: null,
      title_lines: [],
      header_parts: [],
    });
    assert.deepEqual(load.files, [read("officers.csv"), read("evidence.csv")]);
    // Title lines above a header, as spreadsheet exports write them, are read past and
    // reported; a line of several cells above it may be a misplaced header, and is refused.
    const titled = { ...csv, officers: "Officers report,,\nGenerated on 2026-03-01\n\n" + csv.officers };
    const titledLoad = loadOfficers(fw, titled);
    assert.deepEqual(titledLoad.officers, load.officers);
    assert.deepEqual(titledLoad.files[0].title_lines, [
      { line: 1, text: "Officers report" },
      { line: 2, text: "Generated on 2026-03-01" },
    ]);
    assert.equal(Cohort.fromCsv(fw, titled).officerName(1), "Arjun Rao");
    throwsProblems(() => loadOfficers(fw, { ...csv, officers: "Emp,Dept\n" + csv.officers }), [
      { code: "csv_line_above_header", file: "officers.csv", line: 1, header_line: 2, cells: ["Emp", "Dept"] },
    ]);
    // The same export saved with `;` (Excel where the decimal mark is a comma) or tabs.
    const semicolons = { officers: csv.officers.replaceAll(",", ";"), evidence: csv.evidence.replaceAll(",", ";") };
    assert.deepEqual(loadOfficers(fw, semicolons).officers, load.officers);
    assert.equal(loadOfficers(fw, semicolons).files[1].delimiter, ";");
    const tabs = { officers: csv.officers.replaceAll(",", "\t"), evidence: csv.evidence.replaceAll(",", "\t") };
    assert.deepEqual(loadOfficers(fw, tabs, { delimiter: "\t" }).files[0].delimiter_from, "given");
    const fromCsv = Cohort.fromCsv(fw, csv);
    assert.deepEqual(fw.trainingNeeds(fromCsv), fw.trainingNeeds(new Cohort(fw, json)));
    assert.equal(fromCsv.officerName(1), "Arjun Rao");
    // Officers alone: no passbooks.
    assert.ok(loadOfficers(fw, { officers: csv.officers }).officers.every((o) => o.passbook.length === 0));
    // Warnings: an officer outside the position's department, evidence after the export.
    const moved = csv.officers.replace("farah-khan,Farah Khan,department-of-posts", "farah-khan,Farah Khan,dopt");
    const late = csv.evidence + "arjun-rao,rti,1,self_declared,2030-01-01,,\n";
    const warned = loadOfficers(fw, { officers: moved, evidence: late }, { review: { asOf: "2025-06-30" } });
    assert.deepEqual(
      warned.warnings.map((w) => [w.code, w.file, w.line, w.column, w.error.code, w.error.problem?.problem ?? null]),
      // Officers in file order: Arjun Rao (line 3) before Farah Khan (line 4).
      [
        ["csv_row", "evidence.csv", 52, "date", "invalid_evidence", "after_as_of"],
        ["csv_row", "officers.csv", 4, "department", "department_mismatch", null],
      ],
    );
    // The same warnings from the officers as documents.
    const review = fw.reviewOfficers(warned.officers, { asOf: "2025-06-30" });
    assert.deepEqual(review, warned.warnings.map((w) => w.error));
    assert.deepEqual(fw.reviewOfficers(officersText()), []);
    // A passbook line exported twice: both entries kept, the repeat named at its line with
    // the first one's.
    const line = "arjun-rao,rti,1,self_declared,2019-07-01,,\n";
    const twice = loadOfficers(fw, { officers: csv.officers, evidence: csv.evidence + line + line });
    assert.deepEqual(
      twice.warnings.map((w) => [w.line, w.column, w.error.problem.problem, w.error.problem.first, w.error.problem.first_line]),
      [[53, "level", "duplicate", twice.officers.find((o) => o.id === "arjun-rao").passbook.length - 2, 52]],
    );
    assert.deepEqual(
      fw.reviewOfficers(twice.officers).map((w) => [w.code, w.problem.problem, "first_line" in w.problem]),
      [["invalid_evidence", "duplicate", false]],
    );
    // The level policy decides whether a completion above the course's level is an error.
    const above = "officer,competency,level,source,date,course\nmeena-iyer,rti,5,course_completion,2025-01-10,rti-pio\n";
    const capped = loadOfficers(fw, { officers: csv.officers, evidence: above }, { levelPolicy: { courseLevels: "cap" } });
    assert.equal(capped.officers[0].passbook[0].level, 5);
    assert.equal(Cohort.fromCsv(fw, { officers: csv.officers, evidence: above }, { levelPolicy: { courseLevels: "cap" } }).profile(0).level("rti"), 3);
  });

  test("constants", () => {
    assert.equal(FORMAT_VERSION, 2);
    assert.equal(OLDEST_FORMAT_VERSION, 1);
    assert.equal(JSON_SCHEMA.$defs.framework.properties.format_version.enum.at(-1), FORMAT_VERSION);
  });
});
