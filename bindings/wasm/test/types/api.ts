// Type-checked with `tsc --strict` (test/types.test.js): every export of the package used
// as a TypeScript program would, so a declaration that drifts from the API fails to compile.
import {
  Cohort,
  FORMAT_VERSION,
  Framework,
  JSON_SCHEMA,
  KarmayogiError,
  OLDEST_FORMAT_VERSION,
  PositionMaster,
  Profile,
  exportCase,
  exportCaseWithReport,
  importCase,
  kcmId,
  loadEsco,
  loadEscoReport,
  loadFracPositions,
  loadIgotCourses,
  loadIgotProfile,
  loadOfficers,
  loadOnet,
  loadPositionMaster,
  parseFrameworkSpec,
  parseOfficers,
} from "../../index.js";
import type {
  Atlas,
  AtlasEntry,
  CareerFit,
  CareerStep,
  CaseCopyValues,
  CaseExport,
  CaseImport,
  CaseLeftOutReason,
  CasePackage,
  DepartmentNeeds,
  DepartmentPlan,
  EscoLoad,
  Evaluation,
  Fit,
  EvidenceProblem,
  Evidence,
  FracLoad,
  FrameworkSpec,
  GapReport,
  GroupEvaluation,
  GroupNeeds,
  GroupSpec,
  HeldLevel,
  IgotCoursesLoad,
  IgotProfileLoad,
  MasterPosition,
  OfficerSpec,
  OfficersLoad,
  OfficersSpec,
  OpenReason,
  Plan,
  PositionMatch,
  PositionMasterLoad,
  Problem,
  ProblemCode,
  Requirement,
  TrainingNeeds,
} from "../../index.js";

declare const frameworkJson: string;
declare const officersJson: string;

const spec: FrameworkSpec = parseFrameworkSpec(frameworkJson);
const fw = new Framework(spec);
const fromText = new Framework(frameworkJson);
const doc: OfficersSpec = parseOfficers(officersJson);
const officer: OfficerSpec = doc.officers[0];
const profile = new Profile(fw, officer, { selfDeclared: true, notBefore: "2022-04-01" });
const held: HeldLevel[] = profile.held();
const level: number = profile.level(held[0].competency);
const ids: string[] = [profile.id, profile.name ?? "", profile.department, profile.position, profile.targetPosition ?? ""];
const strict = new Profile(fw, officer, { undated: "ignored", courseLevels: "cap", notBefore: "2024-01-01" });
const completed: string[] = profile.completedCourses();

const back: FrameworkSpec = fw.toSpec();
const text: string = fw.toJson();
const names: string[] = [
  ...fw.competencies().map((c) => c.name),
  ...fw.activities().map((a) => a.name),
  ...fw.roles().map((r) => r.name),
  ...fw.positions().map((p) => p.name),
  ...fw.courses().map((c) => `${c.name} ${c.hours} ${c.mode ?? "formal"}`),
  fw.competency("empathy")?.name ?? "",
  fw.position("aso-division")?.department ?? "",
  fw.course("po-accounts")?.name ?? "",
];
const max: number | undefined = fw.maxLevel("empathy");
const min: number | undefined = fw.minLevel("empathy");
const groups: GroupSpec[] = [...fw.groups(), ...fw.groupsTopDown(), fw.group("area:Values") ?? { id: "g", name: "G" }];
const related: string[] = [
  ...fw.members("area:Values"),
  ...fw.groupsOf("empathy"),
  ...fw.parentGroups("area:Values"),
  ...fw.childGroups("area:Values"),
];
const closure: string[] = fw.prerequisiteClosure("savings-audit");
const requirements: Requirement[] = fw.requirements("postmaster-hpo");
const activity: string | null = requirements[0].provenance[0].activity;

const report: GapReport = fw.gap(profile, { includeMet: true, weights: { domain: 2 } });
const other: GapReport = fw.gapFor(profile, "aso-division");
const readiness: number = report.readiness + other.gaps[0].shortfall;
const plan: Plan = fw.recommend(profile, profile.position, {
  budget: 40,
  termHours: 20,
  maxFormalShare: 0.1,
  solver: { exact: { nodeLimit: 10000 } },
  untagged: { assume: 3 },
  competencyWeights: { rti: 2 },
});
const reason: OpenReason | undefined = plan.open[0]?.reason;
const best: number = reason?.reason === "level_too_low" ? reason.best : 0;
const greedy: Plan = fw.recommend(profile, profile.position, { solver: "greedy", untagged: "ignore" });
const idp: Plan = fw.recommendTargets([{ competency: "rti", current: 0, required: 3 }], ["accounts-basics"]);
const fits: Fit[] = fw.positionsFor(profile, { top: 3, excludeCurrent: false, department: "posts" });

const cohort = new Cohort(fw, doc, { verifiedOnly: false });
const cohortFromList = new Cohort(fw, doc.officers);
const cohortFromText = new Cohort(fw, officersJson);
const size: number = cohort.length + cohort.heapBytes() + (cohort.find("x") ?? -1);
const first: string | undefined = cohort.officerId(0);
const firstName: string | undefined = cohort.officerName(0);
const load: OfficersLoad = loadOfficers(
  fw,
  { officers: "id,department,position\n", evidence: "officer,competency,level,source\n" },
  { levelPolicy: { courseLevels: "cap" }, review: { asOf: "2025-03-31" } },
);
const csvCohort: Cohort = Cohort.fromCsv(fw, { officers: "id,department,position\n" }, { levelPolicy: { undated: "counts" } });
const warnings: Problem[] = [...load.warnings, ...fw.reviewOfficers(load.officers, { asOf: "2025-03-31" }), ...fw.reviewOfficers(officersJson)];
const again: Profile | undefined = cohort.profile(0);
const departments: string[] = cohort.departments();
const needs: TrainingNeeds = fw.trainingNeeds(cohort, { department: "posts" });
const histogram: number = needs.rows[0].histogram[5];
const byDepartment: DepartmentNeeds[] = fw.trainingNeedsByDepartment(cohortFromList);
const candidates: Fit[] = fw.officersFor(cohort, "postmaster-hpo", { weights: { behavioural: 2 } });
const acbp: DepartmentPlan = fw.departmentPlan(cohort, {
  budget: 100,
  officerCap: 20,
  seats: { "po-accounts": 3 },
  defaultSeats: 10,
  positionWeights: { "aso-division": 2 },
  solver: "greedy",
});
const step: CareerStep = fw.careerStep(profile, "postmaster-hpo", { includeMet: false }, { budget: 10 });
const paths: CareerFit[] = fw.careerPaths(profile, { top: 5, untagged: "ignore" });
const successors: CareerFit[] = fw.successors(cohortFromText, "postmaster-hpo", { top: 2 });
const evaluation: Evaluation = fw.compare(cohort, cohortFromText, { weights: { functional: 1 } });
const gained: number = evaluation.overall.readiness_gained;

const casePackage: CasePackage = exportCase(
  fw,
  { identifier: "0b3c9f4e-6a43-4c1e-9d0c-2f1a7e5b8c01", title: "t", creator: "c", lastChangeDateTime: "2025-01-01T00:00:00Z" },
  {
    baseUri: "https://example.invalid/case",
    itemTypes: { domain: "Domain" },
    groupItemTypes: { theme: "Cluster", sub_theme: "Strand" },
    groupIdentifiers: { "area:Values": "5d6b2c0e-0f1a-4b7c-9e2d-3a4b5c6d7e8f" },
  },
);
const exported: CaseExport = exportCaseWithReport(fw, {
  identifier: "HPO-2025", title: "t", creator: "c", lastChangeDateTime: "2025-01-01",
});
const leftOut: CaseLeftOutReason[] = exported.report.left_out.map((l) => l.reason);
const leftOutLevels: (number | undefined)[] = exported.report.left_out.map((l) => l.level);
const documentFields: string[] = exported.report.document.map((f) => f.field);
const imported: CaseImport = importCase(casePackage, { ids: "human_coding_scheme", defaultType: "domain" });
// A field copies of one element write differently: both values, by the copies' places.
const copies: (CaseCopyValues | undefined)[] = imported.report.dropped_fields
  .filter((f) => f.reason === "copy_differs")
  .map((f) => f.copy);
const keptAt: string | undefined = copies[0]?.kept_at;
const importedFromText: CaseImport = importCase(JSON.stringify(casePackage), {
  itemTypes: { Standard: { competency: "functional" }, Cluster: { group: "theme" }, Note: "ignore" },
  levelRule: { proportional: { top: 7 } },
});
const esco: FrameworkSpec = loadEsco(
  { occupations: "", skills: "", occupationSkills: "", hierarchy: { skillBroader: "", skillGroups: "" } },
  { essentialLevel: 3, optionalLevel: 2, includeOptional: true },
);
const escoLoad: EscoLoad = loadEscoReport(
  { occupations: "", skills: "", occupationSkills: "" },
  { essentialLevel: 4, includeOptional: false },
);
const escoSetAside: Problem[] = escoLoad.set_aside;
const escoLoaded: FrameworkSpec = escoLoad.spec;
const escoFramework: Framework = Framework.fromEsco(
  { occupations: "", skills: "", occupationSkills: "" },
  { essentialLevel: 4, includeOptional: false },
);
const onet: FrameworkSpec = loadOnet(
  { occupations: "", elements: "", occupationSkillLevels: "", tasks: "" },
  { importanceThreshold: 3.5, includeSuppressed: false, unratedOccupations: false, coreTasksOnly: true },
);
const byGroup: GroupNeeds = fw.trainingNeedsByGroup(cohort, { department: "posts", kind: "theme" });
const groupShort: number = byGroup.rows[0].officers_short + byGroup.rows[0].readiness;
const groupProgress: GroupEvaluation = fw.compareByGroup(cohort, cohortFromText, { kind: "area" });
const closedInGroup: number = groupProgress.groups[0].closed;
const atlas: Atlas = fw.competencyAtlas("rti");
const groupAtlas: Atlas = fw.groupAtlas("area:Values");
const atlasEntry: AtlasEntry = atlas.entries[0];
const atlasLevels: number = atlasEntry.positions_at[3] + (atlasEntry.courses[0]?.level ?? 0) + (atlasEntry.roles[0]?.direct ?? 0);
const subjectKind: string = groupAtlas.subject.of === "group" ? groupAtlas.subject.kind : groupAtlas.subject.id;
const inferred = new Profile(fw, officer, { inferGroupRules: true });
const kcm: string = kcmId(["Functional", "Policy Architecture"]);
const courses: IgotCoursesLoad = loadIgotCourses("[]", fw, { key: "ref_ids", hoursWhenMissing: 1 });
const igotCourses: FrameworkSpec["courses"] = courses.courses;
const frac: FracLoad = loadFracPositions([], { department: "Department of Posts" });
const fracSpec: FrameworkSpec = frac.spec;
const igotProfile: IgotProfileLoad = loadIgotProfile({ profileDetails: { competencies: [] } });
const evidence: Evidence[] = igotProfile.evidence;
const masterLoad: PositionMasterLoad = loadPositionMaster("{\"positions\": []}");
const master: PositionMaster = masterLoad.master;
const designations: MasterPosition[] = master.positions();
const found: PositionMatch = master.find("ACCOUNTANT");
const foundId: string =
  found.match === "exact" || found.match === "ignoring_whitespace"
    ? found.position.id
    : found.match === "ambiguous"
      ? found.positions[0].id
      : "";
const setAsideCount: number = masterLoad.report.set_aside.length + courses.report.notes.length;
const escoAreas: FrameworkSpec = loadEsco({ occupations: "", skills: "", occupationSkills: "" }, { hierarchy: "nearest_area" });
const onetAreas: FrameworkSpec = loadOnet({ occupations: "", elements: "", occupationSkillLevels: "" }, { hierarchy: "parent_area" });
const versions: number = FORMAT_VERSION + OLDEST_FORMAT_VERSION + Object.keys(JSON_SCHEMA).length;

try {
  new Framework({ format_version: 2, competencies: [] });
} catch (e) {
  if (e instanceof KarmayogiError) {
    const problems: Problem[] = e.problems;
    for (const p of problems) {
      // Narrowing on the code gives each problem's fields.
      if (p.code === "unknown_reference") {
        const where: string = `${p.from_kind} ${p.from} -> ${p.to_kind} ${p.to}`;
      } else if (p.code === "json") {
        const where: string = `${p.line}:${p.column} ${p.path} ${p.id ?? ""} ${p.description}`;
      } else if (p.code === "csv_invalid_value") {
        const where: string = `${p.file}:${p.line} ${p.column}`;
      } else if (p.code === "csv_row") {
        const inner: ProblemCode = p.error.code;
        const where: string = `${p.file}:${p.line} ${p.column} ${inner}`;
      } else if (p.code === "invalid_evidence") {
        const problem: EvidenceProblem = p.problem;
        const suggestion: string | null = problem.problem === "invalid_date" ? problem.suggestion : null;
        const where: string = `${p.officer} entry ${p.index} ${p.competency} ${suggestion}`;
      } else if (p.code === "unknown_id") {
        const nearest: string | null = p.nearest;
      }
    }
    const code: Problem["code"] = e.code;
  }
}

fw.free();
fromText.free();
