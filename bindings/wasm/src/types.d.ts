
// ---------------------------------------------------------------------------------------
// The JSON interchange format (schema/karmayogi-v2.schema.json): framework and officers
// documents. Inputs may leave out optional fields; outputs leave out empty ones as the
// library writes them.
// ---------------------------------------------------------------------------------------

/** The three competency types of the FRAC dictionary. */
export type CompetencyType = "behavioural" | "functional" | "domain";

/** How a learning resource is delivered, for the 70-20-10 blend. */
export type Mode = "formal" | "social" | "experiential";

/** Review state of a FRAC mapping; only verified mappings count in requirements. */
export type ReviewStatus = "draft" | "verified";

/** Where a piece of passbook evidence came from. */
export type EvidenceSource = "course_completion" | "assessment" | "feedback360" | "self_declared";

/** The kinds of entity a framework holds; problems use it to say what an id names. */
/**
 * A character of another script in an id that stands for an ASCII letter or digit: a
 * Greek or Cyrillic letter that looks like a Latin one (`"ѕ"`, Cyrillic, for `"s"`) or a
 * digit of a script of India (`"०"`, Devanagari, for `"0"`).
 */
export interface OtherScriptCharacter {
  /** The character as written in the id. */
  character: string;
  /** Its script: `Greek`, `Cyrillic`, `Devanagari`, `Bengali`, `Gurmukhi`, `Gujarati`, `Odia`, `Tamil`, `Telugu`, `Kannada`, `Malayalam`, `Ol Chiki`, `Meetei Mayek`, `Arabic-Indic` or `Extended Arabic-Indic`. */
  script: string;
  /** The ASCII letter (lower case) or digit it looks like or stands for. */
  stands_for: string;
}

export type EntityKind =
  | "competency"
  | "group"
  | "activity"
  | "role"
  | "position"
  | "course"
  | "officer"
  | "department";

/**
 * The kinds of JSON document the package reads, as a `document_of_another_kind` problem
 * names the one it was given: `new Framework` and `parseFrameworkSpec` read `framework`,
 * `parseOfficers` and `new Cohort` `officers`, `importCase` `case_package`, `loadKcm`
 * `kcm_dictionary`, `loadIgotCourses` `igot_courses`, `loadFracPositions`
 * `frac_positions`, `loadPositionMaster` `position_master`, `loadIgotProfile`
 * `igot_profile`.
 */
export type DocumentKind =
  | "framework"
  | "officers"
  | "case_package"
  | "kcm_dictionary"
  | "igot_courses"
  | "frac_positions"
  | "position_master"
  | "igot_profile";

/** What level of a taxonomy a competency group is (KCM: area → theme → sub-theme), or free. */
export type GroupKind = "area" | "theme" | "sub_theme" | "free";

/** A whole framework: the competency dictionary, the FRAC mapping and the course catalogue. */
export interface FrameworkSpec {
  /** From `oldestFormatVersion()` to `formatVersion()`. */
  format_version: number;
  competencies: CompetencySpec[];
  /** Since version 2: competency groups. */
  groups?: GroupSpec[];
  activities?: ActivitySpec[];
  roles?: RoleSpec[];
  positions?: PositionSpec[];
  courses?: CourseSpec[];
}

/** One competency of the dictionary. */
export interface CompetencySpec {
  id: string;
  name: string;
  description?: string;
  type: CompetencyType;
  /** An area name: shorthand for membership of the group `area:{name}`; not blank. */
  area?: string | null;
  /** Since version 2: the groups the competency belongs to directly, each once. */
  groups?: string[];
  /** Descriptors, each level at most once, within the levels at which the competency exists. */
  levels?: LevelDescriptor[];
  /** Since version 2: the lowest level at which the competency exists, 1 to 5 (default 1). */
  min_level?: number | null;
  /** Since version 2: the highest level at which it exists, 1 to 5 (default: its highest described level, or 5). */
  max_level?: number | null;
}

/** A competency group: an area, theme, sub-theme or free grouping, with its parents. */
export interface GroupSpec {
  /** Unique among groups; `area:{name}` for the group an `area` names. */
  id: string;
  name: string;
  description?: string;
  /** Defaults to free. */
  kind?: GroupKind | null;
  /** The groups directly above, each once; no cycles. */
  parents?: string[];
  /**
   * Since version 2: when holding the group's children implies holding the group; applied
   * only when the level policy asks for it.
   */
  rule?: GroupRule;
}

/**
 * An officer holding at least `at_least` (absent: all) of a group's children at `level` or
 * above holds `competency` at `level`. The children are the competencies directly in the
 * group and the competencies of its child groups' rules.
 */
export interface GroupRule {
  /** The competency that stands for the group; not one of its children. */
  competency: string;
  /**
   * The level each counted child must reach and the level granted: a whole number, or a
   * string holding one; a number with a name (`"3 - Expert"`) is the number, the name
   * checked against the competency's own name of that level (else `level_name_mismatch`)
   * and written back with it.
   */
  level: number | string;
  /** How many children must reach the level, 1 up to their number; absent: all of them. */
  at_least?: number | null;
}

/** What a proficiency level means for one competency. */
export interface LevelDescriptor {
  /**
   * A whole number, or a string holding one; a number with a name (`"3 - Expert"`) is the
   * number, the name checked against this descriptor's `name` (else the platform's default
   * of that level) or the platform's name of that number when no other level has it (else
   * `level_name_mismatch`, its `owner_kind` `competency`) and written back with it.
   */
  level: number | string;
  /** Absent: the platform default (Basic, Proficient, Advanced, Expert, Ustad). */
  name?: string | null;
  /** Absent or `null` reads as `""` (levels described by name only); always written. */
  description?: string | null;
}

/** A competency needed at a level, by an activity or directly by a role. */
export interface RequirementSpec {
  competency: string;
  /**
   * The level needed: a whole number, or a string holding one (`"3"`, `"Level 3"`); a
   * level's name alone is refused. A number with a name (`"3 - Expert"`) is the number, the
   * name checked against the competency's own name of that level (else
   * `level_name_mismatch`) and written back with it; otherwise outputs give a number.
   */
  level: number | string;
  /** Defaults to verified. */
  status?: ReviewStatus | null;
}

/** An activity: a concrete action, needing competencies at levels. */
export interface ActivitySpec {
  id: string;
  name: string;
  requires?: RequirementSpec[];
}

/** A role: activities, and competencies required by the role directly. */
export interface RoleSpec {
  id: string;
  name: string;
  activities?: string[];
  requires?: RequirementSpec[];
}

/** A position (post) in a department (MDO), carrying at least one role. */
export interface PositionSpec {
  id: string;
  name: string;
  department: string;
  roles: string[];
}

/** A competency a course builds, and the level it brings a learner to (absent: untagged). */
export interface CourseOutcome {
  competency: string;
  /**
   * A whole number, or a string holding one (`"3"`, `"Level 3"`); a level's name alone is
   * refused. A number with a name (`"3 - Expert"`) is the number, the name checked against
   * the competency's own name of that level (else `level_name_mismatch`) and written back
   * with it; otherwise outputs give a number.
   */
  level?: number | string | null;
}

/** A course or other learning resource (a CBP). */
export interface CourseSpec {
  id: string;
  name: string;
  /** From 5e-13 to 10,000: hours are held in whole pico-hours (1e-12 h), to the nearest
   * with halves rounding up, so half a pico-hour is the smallest held. */
  hours: number;
  /** Defaults to formal. */
  mode?: Mode | null;
  provides: CourseOutcome[];
  prerequisites?: string[];
  provider?: string | null;
  language?: string | null;
}

/** A document of officers. */
export interface OfficersSpec {
  format_version: number;
  officers: OfficerSpec[];
}

/** An officer: where they serve, and their competency passbook. */
export interface OfficerSpec {
  id: string;
  /** The officer's name as reports print it (format version 2); not blank when given. */
  name?: string | null;
  department: string;
  position: string;
  /** A position the officer is moving to (transfer, promotion). */
  target_position?: string | null;
  passbook?: Evidence[];
}

/** One entry of a competency passbook: a competency shown at a level. */
export interface Evidence {
  competency: string;
  /**
   * The level shown, 0 to 5: a whole number, or a string holding one as HR exports write it
   * (`"3"`, `"Level 3"`). A level's name alone (`"Proficient"`, or the competency's own
   * name) is the level of the competency that has that name, its own names first, else
   * the platform's (else `unresolved_level_name`), and written back as the name. A number
   * with a name (`"3 - Advanced"`) is the number, the name checked against the
   * competency's own name of that level (else `level_name_mismatch`) and written back with
   * it; otherwise outputs give a number.
   */
  level: number | string;
  /**
   * Outputs give these names; inputs may also spell them as `evidence.csv` does (`"Self
   * Declared"`, `"Feedback 360"`), which this type does not list.
   */
  source: EvidenceSource;
  /** An ISO 8601 date `YYYY-MM-DD` or date-time; empty or absent: undated. */
  date?: string;
  /**
   * Defaults to true (absent or `null`). Inputs may also give it as `evidence.csv` does:
   * `"true"`/`"false"`, `"yes"`/`"no"`, `"y"`/`"n"`, `"1"`/`"0"` in any case, `""` as true, a
   * mark of a missing value (`"N/A"`) as false. Outputs always give a boolean.
   */
  verified?: boolean | string | null;
  /** The course completed, for `course_completion`. */
  course?: string | null;
}

// ---------------------------------------------------------------------------------------
// Options: the library's options builders as plain objects. Every field is optional; an
// absent field keeps the library's default. Unknown keys are rejected. An options object,
// and every object inside one (weights, `seats` and other maps by id), must be a plain
// object (its prototype `Object.prototype` or `null`): a `Map`, `Set`, `Date`, typed
// array, class instance or `Object.create(other)` is a `json` problem at its path
// ("expected a plain object, found an object of class Map"). Each key is read once; a
// getter or Proxy trap that throws is a `json` problem at the key's path ("reading it
// threw Error: ..."), as in a document.
// ---------------------------------------------------------------------------------------

/**
 * Weights per competency type; an absent type weighs 1. Each weight, here and for one
 * competency or position, is 0 or from 1e-9 to 1e9 (else `invalid_weight` or
 * `invalid_id_weight`).
 */
export interface Weights {
  behavioural?: number;
  functional?: number;
  domain?: number;
}

/** How an officer's current level is derived from the passbook. */
export interface LevelPolicy {
  /** Only verified evidence counts (default true). */
  verifiedOnly?: boolean;
  /** Self-declared evidence counts (default false). */
  selfDeclared?: boolean;
  /** 360-degree feedback counts (default true). */
  feedback360?: boolean;
  /** Only evidence dated on or after this `YYYY-MM-DD` counts. */
  notBefore?: string;
  /** Whether undated evidence counts (default: unless `notBefore` sets a cut-off). */
  undated?: "counts" | "counts_without_cutoff" | "ignored";
  /** A completion above the level its course builds: an error (default) or counted at the course's level. */
  courseLevels?: "reject" | "cap";
  /** The groups' rules infer levels: after the evidence, an officer holding enough of a
   * group's children at a rule's level holds its competency at that level (default false). */
  inferGroupRules?: boolean;
}

/** Options of `reviewOfficers`. */
export interface ReviewOptions {
  /** Report evidence dated after this `YYYY-MM-DD` (e.g. the day of the export). */
  asOf?: string;
}

/** Options of gap reports. */
export interface GapOptions {
  /** Readiness weights per competency type (default all 1). */
  weights?: Weights;
  /** Also list the requirements already met, after the gaps (default false). */
  includeMet?: boolean;
}

/** The solver: the greedy, or branch and bound with a node limit (the default, with 2000 nodes). */
export type Solver = "greedy" | { exact: { nodeLimit: number } };

/** How a course tagged without a level counts: closes nothing (default) or reaches a level. */
/** `assume`: a level as a number, or as text every level field reads (`"3"`, `"Level 3"`, `"III"`). */
export type UntaggedLevel = "ignore" | { assume: number | string };

/** Options of learning paths. */
export interface RecommendOptions {
  /** Close the most weighted shortfall within these hours (default: close every gap). */
  budget?: number;
  solver?: Solver;
  untagged?: UntaggedLevel;
  /**
   * Value weights per competency type. A gap is worth its shortfall × its type's weight ×
   * its competency weight; a gap worth 0 is not aimed at, with or without a budget (open
   * as `not_prioritised` unless a course chosen for another gap closes it).
   */
  weights?: Weights;
  /** Value weight of single competencies, multiplying their type's weight. */
  competencyWeights?: Record<string, number>;
  /** Split the path into terms of at most these hours (at least 5e-13: hours are held in
   * whole pico-hours, 1e-12 h, halves rounding up). */
  termHours?: number;
  /**
   * Aim for at most this share of formal hours (70-20-10 asks about 0.1), from 1e-9 to 1:
   * a formal hour costs `1 / share` hours in selection.
   */
  maxFormalShare?: number;
}

/** Options of rankings by readiness. */
export interface RankOptions {
  /** How many results at most (default 10). */
  top?: number;
  /** Readiness weights to rank by. */
  weights?: Weights;
  /** Leave out the officer's current post, or officers holding the post (default true). */
  excludeCurrent?: boolean;
  /** Only posts of, or officers in, this department. */
  department?: string;
}

/** Options of career paths and successors. */
export interface CareerOptions {
  top?: number;
  excludeCurrent?: boolean;
  department?: string;
  untagged?: UntaggedLevel;
  /** Readiness weights reported with each result. */
  weights?: Weights;
  /**
   * The solver planning each learning path, as `recommend` takes it (default the exact
   * search with 2000 nodes); `"greedy"` plans faster, at the greedy's quality.
   */
  solver?: Solver;
}

/** Options of training needs. */
export interface NeedsOptions {
  /** Only the officers of this department. */
  department?: string;
}

/** Options of `trainingNeedsByGroup` and `compareByGroup`. */
export interface RollupOptions {
  /** Count only this department's officers (an unknown department is an error). */
  department?: string;
  /** Report only the groups of this kind, e.g. `"theme"` for a heatmap by KCM theme. */
  kind?: GroupKind;
}

/** Constraints and priorities of a department plan. */
export interface AcbpOptions {
  /** Only the officers of this department. */
  department?: string;
  /** Person-hours the department can fund. */
  budget?: number;
  /** Most hours one officer may train in the year. */
  officerCap?: number;
  /** Seats of single courses in the year, by course id. */
  seats?: Record<string, number>;
  /** Seats of every other course (default unlimited). */
  defaultSeats?: number;
  /** Priority weights per competency type; a gap worth 0 is not aimed at. */
  weights?: Weights;
  /** Priority of single competencies, multiplying their type's weight. */
  competencyWeights?: Record<string, number>;
  /** Priority of the officers holding a position, multiplying the other weights. */
  positionWeights?: Record<string, number>;
  untagged?: UntaggedLevel;
  solver?: Solver;
}

/** Options of before/after comparisons. */
export interface CompareOptions {
  /** Readiness weights, for both snapshots. */
  weights?: Weights;
}

/** A competency to reach, for `recommendTargets`. */
export interface Target {
  competency: string;
  /** The level held: a whole number 0 to 5, or a string holding one (`"3"`, `"Level 3"`,
   * `"III"`, `"3 (Advanced)"` with the platform's name of that level). */
  current: number | string;
  /** The level to reach, written as `current` is. */
  required: number | string;
}

// ---------------------------------------------------------------------------------------
// Outputs: the serde form of the library's result types.
// ---------------------------------------------------------------------------------------

/** Why a position requires a competency: a role, through an activity or directly. */
export interface Provenance {
  role: string;
  /** `null` when the role requires the competency directly. */
  activity: string | null;
  level: number;
}

/** A competency a position requires, at the highest level any path demands. */
export interface Requirement {
  competency: string;
  /** The competency's name. */
  name: string;
  kind: CompetencyType;
  level: number;
  provenance: Provenance[];
}

/** One row of the training needs by group: a group across many officers (each counted
 * once per group; sums over officer–competency pairs). */
export interface GroupNeedRow {
  group: string;
  name: string;
  kind: GroupKind;
  /** The group's competencies some counted officer's post requires. */
  competencies: number;
  /** Officers whose post requires any of the group's competencies. */
  officers_required: number;
  /** Of them, officers short in any. */
  officers_short: number;
  pairs: number;
  pairs_short: number;
  required_levels: number;
  total_shortfall: number;
  /** `total_shortfall / officers_short` (0 when no officer is short). */
  mean_shortfall: number;
  /** Share of the required levels held, unweighted (1 when nothing is required). */
  readiness: number;
}

/** Training needs rolled up to competency groups. */
export interface GroupNeeds {
  officers: number;
  /** By total shortfall (largest first), then officers short, then group id. */
  rows: GroupNeedRow[];
}

/** Progress of the matched officers on one group between two snapshots. */
export interface GroupProgress {
  group: string;
  name: string;
  kind: GroupKind;
  officers_required: number;
  short_before: number;
  short_after: number;
  closed: number;
  opened: number;
  required_levels: number;
  shortfall_before: number;
  shortfall_after: number;
  levels_gained: number;
  levels_lost: number;
  readiness_before: number;
  readiness_after: number;
}

/** Before/after progress rolled up to competency groups. */
export interface GroupEvaluation {
  officers: number;
  only_before: number;
  only_after: number;
  /** Sorted by group id. */
  groups: GroupProgress[];
}

/** What an `Atlas` is of, tagged by `of`. */
export type AtlasSubject =
  | { of: "competency"; id: string; name: string }
  | { of: "group"; id: string; name: string; kind: GroupKind };

/** One competency's entry in an atlas. */
export interface AtlasEntry {
  competency: string;
  name: string;
  kind: CompetencyType;
  /** The groups it sits in directly, by id. */
  groups: { group: string; name: string }[];
  /** Positions requiring it (at the level their requirements compile to), by id. */
  positions: {
    position: string;
    name: string;
    department: string;
    level: number;
    provenance: Provenance[];
  }[];
  /** `positions_at[l]`: positions requiring it at level `l` (index 0 is always 0). */
  positions_at: [number, number, number, number, number, number];
  /** Departments with a position requiring it, sorted. */
  departments: string[];
  /** Roles requiring it directly (`direct`, else `null`) or through `activities`, by id. */
  roles: { role: string; name: string; direct: number | null; activities: string[]; level: number }[];
  /** Activities requiring it, by id. */
  activities: { activity: string; name: string; level: number }[];
  /** Courses building it (`level` `null` when tagged without one), by id. */
  courses: { course: string; name: string; level: number | null; hours: number; mode: Mode }[];
}

/** Where a competency, or every competency of a group, is demanded and which courses build it. */
export interface Atlas {
  subject: AtlasSubject;
  /** One entry per competency, by competency id. */
  entries: AtlasEntry[];
}

/** A competency held above level 0. */
export interface HeldLevel {
  competency: string;
  level: number;
}

/** One line of a gap report. */
export interface Gap {
  competency: string;
  /** The competency's name. */
  name: string;
  kind: CompetencyType;
  required: number;
  current: number;
  /** `required − current`, at least 0. */
  shortfall: number;
  provenance: Provenance[];
}

/** An officer's gaps against one position, and their readiness for it. */
export interface GapReport {
  officer: string;
  /** Absent when the officer has no name. */
  officer_name?: string;
  position: string;
  position_name: string;
  /** Σ w·min(current, required) / Σ w·required, in [0, 1]; 1 means ready. */
  readiness: number;
  requirements: number;
  met: number;
  required_levels: number;
  shortfall_levels: number;
  /** Largest shortfall first, then by competency id; met requirements after, with `includeMet`. */
  gaps: Gap[];
}

/** One row of the training-needs heatmap: a competency across many officers. */
export interface NeedRow {
  competency: string;
  name: string;
  kind: CompetencyType;
  officers_required: number;
  officers_short: number;
  total_shortfall: number;
  /** Mean shortfall among the officers who are short. */
  mean_shortfall: number;
  /** `histogram[s]`: officers short by exactly `s` levels (0: requirement met). */
  histogram: [number, number, number, number, number, number];
}

/** The training needs of a group of officers: the data of a heatmap. */
export interface TrainingNeeds {
  officers: number;
  pairs: number;
  /** Largest total shortfall first, then officers short, then id. */
  rows: NeedRow[];
}

/** One department's training needs. */
export interface DepartmentNeeds {
  department: string;
  needs: TrainingNeeds;
}

/** How well an officer fits a position. */
export interface Fit {
  officer: string;
  officer_name?: string;
  position: string;
  position_name: string;
  readiness: number;
  shortfall_levels: number;
  gaps: number;
}

/** An officer and a post, with the training it would take to be ready. */
export interface CareerFit {
  officer: string;
  officer_name?: string;
  position: string;
  position_name: string;
  readiness: number;
  gaps: number;
  /** Gaps no available course can close. */
  open: number;
  /**
   * Hours of the least-hours learning path closing every other gap: the plan `recommend`
   * makes with the options' `solver` (by default the exact search), not always the fewest
   * hours possible when the search stops at its node limit.
   */
  hours: number;
  courses: number;
}

/** A move to a post: the gap now and the learning path that closes it. */
export interface CareerStep {
  gap: GapReport;
  plan: Plan;
}

/** Progress of a group of officers between two snapshots. */
export interface Progress {
  officers: number;
  requirements: number;
  gaps_before: number;
  gaps_after: number;
  closed: number;
  opened: number;
  shortfall_before: number;
  shortfall_after: number;
  levels_gained: number;
  levels_lost: number;
  without_gaps_before: number;
  without_gaps_after: number;
  readiness_before: number;
  readiness_after: number;
  readiness_gained: number;
}

/** Progress on one competency. */
export interface CompetencyProgress {
  competency: string;
  name: string;
  kind: CompetencyType;
  officers_required: number;
  short_before: number;
  short_after: number;
  closed: number;
  opened: number;
  shortfall_before: number;
  shortfall_after: number;
  levels_gained: number;
  levels_lost: number;
}

/** Progress of the officers who held one position before. */
export interface PositionProgress {
  position: string;
  name: string;
  progress: Progress;
}

/** Progress of one department's officers. */
export interface DepartmentProgress {
  department: string;
  progress: Progress;
}

/** An officer whose position changed between the snapshots. */
export interface Move {
  officer: string;
  officer_name?: string;
  from: string;
  from_name: string;
  to: string;
  to_name: string;
}

/** What a course's completers showed in one competency it builds. */
export interface OutcomeEffect {
  competency: string;
  name: string;
  claimed: number | null;
  reached: number;
  not_reached: number;
  reached_before: number;
  rate: number | null;
  mean_gained: number;
}

/** A course completed between the snapshots and what its completers showed. */
export interface CourseEffect {
  course: string;
  name: string;
  completers: number;
  rate: number | null;
  outcomes: OutcomeEffect[];
}

/** What changed between two snapshots of the same officers. */
export interface Evaluation {
  overall: Progress;
  competencies: CompetencyProgress[];
  positions: PositionProgress[];
  departments: DepartmentProgress[];
  /** Least effective first. */
  courses: CourseEffect[];
  moved: Move[];
  /** Officers only in the first snapshot, by id. */
  only_before: Unmatched[];
  /** Officers only in the second snapshot, by id. */
  only_after: Unmatched[];
}

/** An officer found in one snapshot only, with the name that snapshot gives. */
export interface Unmatched {
  officer: string;
  officer_name?: string;
}


// ---------------------------------------------------------------------------------------
// The planning engine's results: learning paths (`recommend`, `recommendTargets`,
// `careerStep`) and department plans (`departmentPlan`). The engine is still changing
// and every type it returns is declared here, in one place, so its updates touch only this
// section.
// ---------------------------------------------------------------------------------------

/** A gap a step closes. */
export interface Closed {
  competency: string;
  name: string;
  from: number;
  to: number;
  provenance: Provenance[];
}

/** One course of a learning path, and why it is there. */
export interface Step {
  course: string;
  name: string;
  hours: number;
  mode: Mode;
  /** Term number from 1 when split into terms, else 0. */
  term: number;
  /** The gaps this step closes. */
  closes: Closed[];
  /** Later steps that require this one. */
  prerequisite_for: string[];
}

/** Why a gap stays open. */
export type OpenReason =
  | { reason: "no_course" }
  | { reason: "level_too_low"; best: number }
  | { reason: "untagged_only" }
  | { reason: "completed_only" }
  | { reason: "budget" }
  | { reason: "seats" }
  | { reason: "officer_cap" }
  | { reason: "not_prioritised" };

/** A gap a plan does not close, and why. */
export interface OpenGap {
  competency: string;
  name: string;
  current: number;
  required: number;
  reason: OpenReason;
}

/** Hours by learning mode: the 70-20-10 blend. */
export interface Blend {
  formal: number;
  social: number;
  experiential: number;
}

/**
 * How good a plan is known to be: proven optimal, or within `gap` of the optimum (for least
 * hours, at most `1 + gap` times the fewest possible selection hours: hours, with formal
 * hours counted at `1 / maxFormalShare` when a share is set; for a budget or a department
 * plan, at least `1 - gap` times the most possible value). Every plan carries its bound.
 */
export type Optimality = { status: "optimal" } | { status: "bounded"; gap: number };

/** One term of a learning path split with `termHours`. */
export interface Term {
  /** Hours of the term's courses. */
  hours: number;
  /** The term holds a single course longer than the cap (courses are not split). */
  over_cap: boolean;
}

/** A recommended learning path. */
export interface Plan {
  /** In learning order: every course after its prerequisites in the plan, and among the
   * courses whose prerequisites are placed the smallest id first (a completed prerequisite
   * holds no course back); by term first when split into terms. */
  steps: Step[];
  total_hours: number;
  blend: Blend;
  /** With `maxFormalShare`, whether the blend meets it. */
  blend_target_met: boolean | null;
  closed: number;
  value_closed: number;
  /** Gaps left open, by competency id, with the reason. */
  open: OpenGap[];
  /** The terms (index 0 is term 1) when split with `termHours`. */
  terms: Term[];
  /**
   * A proven bound on the optimum: for least hours, no plan closing the same gaps takes
   * fewer selection hours (hours, with formal hours counted at `1 / maxFormalShare` when a
   * share is set, so the bound may exceed `total_hours`); for a budget, no plan within it
   * closes more value. A plan whose optimality is `optimal` meets it (its own selection
   * hours, or its value).
   */
  bound: number;
  optimality: Optimality;
  /** Search nodes the exact solver used (0 for the greedy). */
  nodes: number;
}

/** A course a department plan runs. */
export interface CourseRun {
  course: string;
  name: string;
  hours: number;
  mode: Mode;
  seats: number;
  seat_limit: number | null;
  person_hours: number;
}

/** One officer's courses for the year. */
export interface Enrolment {
  officer: string;
  officer_name?: string;
  position: string;
  position_name: string;
  /** In learning order, as a plan's steps are. */
  courses: string[];
  hours: number;
  gaps_closed: number;
}

/** Gaps left open, by reason. */
export interface OpenCounts {
  no_course: number;
  level_too_low: number;
  untagged_only: number;
  completed_only: number;
  budget: number;
  seats: number;
  officer_cap: number;
  not_prioritised: number;
}

/** What a department plan does for one competency. */
export interface CompetencyOutcome {
  competency: string;
  name: string;
  kind: CompetencyType;
  officers_short: number;
  closed: number;
  levels_closed: number;
  open: OpenCounts;
}

/** An Annual Capacity Building Plan. */
export interface DepartmentPlan {
  officers: number;
  gaps: number;
  gaps_closed: number;
  value_total: number;
  value_closed: number;
  hours: number;
  budget: number | null;
  /** Most seats first, then by id. */
  courses: CourseRun[];
  /** By officer id. */
  enrolments: Enrolment[];
  /** Most officers short first, then by id. */
  competencies: CompetencyOutcome[];
  open: OpenCounts;
  /**
   * A proven upper bound on the most weighted shortfall any plan within the constraints
   * closes (at least `value_closed`; equal to it when the plan is proven optimal).
   */
  bound: number;
  optimality: Optimality;
  /** Search nodes the branch and bound used (0 when it did not search). */
  nodes: number;
}

// ---------------------------------------------------------------------------------------
// Loaders
// ---------------------------------------------------------------------------------------

/**
 * The texts of the ESCO CSV files, in either of two layouts, told from the header of
 * `occupations` (every file is then read in that layout): the official download of the
 * European Commission as published (its `occupations` header names `conceptUri`), or the
 * compact layout of the repository's `data/esco`. Columns are found by name in each
 * header; other columns are ignored.
 */
export interface EscoCsv {
  /**
   * Official: `occupations_<lang>.csv` (`conceptUri,iscoGroup,preferredLabel`); compact:
   * `occupations.csv` (`occ_id,isco_group,label`).
   */
  occupations: string;
  /**
   * Official: `skills_<lang>.csv` (`conceptUri,skillType,reuseLevel,preferredLabel`);
   * compact: `skills.csv` (`skill_id,skill_type,reuse_level,label`).
   */
  skills: string;
  /**
   * Official: `occupationSkillRelations.csv` (`occupationUri,relationType,skillUri`,
   * `essential` or `optional`); compact: `occupation_skills.csv`
   * (`occ_id,skill_id,relation`, `E` or `O`).
   */
  occupationSkills: string;
  /** The skill hierarchy, which puts each competency in its skill groups. */
  hierarchy?: {
    /**
     * Official: `broaderRelationsSkillPillar.csv`
     * (`conceptType,conceptUri,broaderType,broaderUri`); compact: `skill_broader.csv`
     * (`child_kind,child_id,parent_kind,parent_id`).
     */
    skillBroader: string;
    /**
     * Official: `skillsHierarchy_<lang>.csv` (`Level N URI`, `Level N preferred term`,
     * `Level N code` for N = 0 to 3); compact: `skill_groups.csv` (`group_id,label`).
     */
    skillGroups: string;
  };
}

/** What `loadEscoReport` built, and the relations it set aside. */
export interface EscoLoad {
  /** The framework document, as `loadEsco` builds it without the relations set aside. */
  spec: FrameworkSpec;
  /**
   * The relations naming an occupation or skill the files do not hold, each a
   * `csv_unknown_reference` problem naming the file, line, column and the id or URI (one
   * per unknown column of a row), in file order.
   */
  set_aside: Problem[];
  /**
   * Probable mistakes that are not errors, nothing of them merged or left out: the
   * concepts of the official `occupations_<lang>.csv` or `skills_<lang>.csv` whose URIs
   * differ only in a trailing slash or in `http`/`https`, each set a `lookalike_uris`
   * problem with the URIs and their lines, occupations first. Each is read as its own
   * concept.
   */
  notes: Problem[];
}

/** Options of `loadEsco`, `loadEscoReport` and `Framework.fromEsco`. */
export interface EscoOptions {
  /** Level of an essential link, 1 to 5 (default 3). */
  essentialLevel?: number;
  /** Level of an optional link, 1 to 5 (default 2). */
  optionalLevel?: number;
  /** Whether optional links become requirements (default true). */
  includeOptional?: boolean;
  /** How the skill hierarchy is mapped: `"groups"` (the default: the whole poly-hierarchy as
   * groups) or `"nearest_area"` (each competency's `area` the label of its nearest group). */
  hierarchy?: "groups" | "nearest_area";
}

/** Options of `loadKcm`. */
export interface KcmOptions {
  /**
   * What the KCM's sub-themes become: `"competencies"` (the default; each in its theme's
   * group, typed by its area) or `"groups"` (of kind sub-theme, under their theme).
   */
  subThemes?: "competencies" | "groups";
}

/** What `loadKcm` read: the framework document and the report of what was set aside. */
export interface KcmLoad {
  spec: FrameworkSpec;
  report: IgotReport;
}

/** Options of `loadIgotCourses`. */
export interface IgotCourseOptions {
  /** Which fields of a KCM tag name its competency: `"names"` (the default: area, theme and
   * sub-theme names, as `kcmId` joins them), `"identifiers"` or `"ref_ids"`. */
  key?: "names" | "identifiers" | "ref_ids";
  /** Hours of a record without a duration (from 5e-13, half a pico-hour, the smallest
   * hours held, to 10,000); by default such a record is set aside. */
  hoursWhenMissing?: number;
}

/** What `loadIgotCourses` read: the courses, in record order, and the report. */
export interface IgotCoursesLoad {
  courses: CourseSpec[];
  report: IgotReport;
}

/** Options of `loadFracPositions`. */
export interface FracOptions {
  /** The department of positions whose node names none; by default they are set aside. */
  department?: string;
}

/** What `loadFracPositions` read: the framework document and the report. */
export interface FracLoad {
  spec: FrameworkSpec;
  report: IgotReport;
}

/** What `loadIgotProfile` read: passbook entries, in document order, and the report. */
export interface IgotProfileLoad {
  evidence: Evidence[];
  report: IgotReport;
}

/** One designation of the position master list. */
export interface MasterPosition {
  id: string;
  /** As written, stray spaces included. */
  name: string;
  /** As written; empty when absent. */
  description: string;
}

/** How a name matched a designation of a `PositionMaster`, tagged by `match`. */
export type PositionMatch =
  | { match: "exact"; position: MasterPosition }
  | { match: "ignoring_whitespace"; position: MasterPosition }
  | { match: "ambiguous"; positions: MasterPosition[] }
  | { match: "not_found" };

/** What `loadPositionMaster` read: the list and the report. */
export interface PositionMasterLoad {
  master: PositionMaster;
  report: IgotReport;
}

/** What an iGOT loader set aside, noted and ignored: nothing is dropped silently. */
export interface IgotReport {
  /** Records, tags and nodes left out of the result, each with why, in the order met. */
  set_aside: IgotEntry[];
  /**
   * Records kept with something the reader should know (a field of another type not read
   * among them), in document order; then the records whose ids look like an earlier one's.
   */
  notes: IgotEntry[];
  /**
   * Fields the crate has no place for, with how many records carried them; by name. A key
   * of the document around the records is named by its JSON path (`$.result.facets`).
   */
  ignored_fields: { field: string; count: number }[];
}

/** One record, tag or node of an `IgotReport`. */
export interface IgotEntry {
  /** Where, as a JSON path: `$[3].competencies_v5[1]`. */
  path: string;
  /**
   * The record's id or key when it has one (a course identifier, a KCM path), as written:
   * an id of another JSON type than text gives its JSON text (`7`); empty when there is none.
   */
  id: string;
  what: IgotWhat;
}

/** What an `IgotEntry` reports, tagged by `what`. */
export type IgotWhat =
  | { what: "missing_field"; field: string }
  | { what: "wrong_type"; field: string; found: string; expected: string }
  | { what: "blank"; field: string }
  | { what: "duplicate_id" }
  | { what: "repeated" }
  | { what: "unknown_area"; area: string }
  | { what: "unknown_type"; found: string }
  | { what: "not_verified"; status: string }
  | { what: "draft"; status: string }
  /** A FRAC node the review board has not verified (`secondaryStatus`, trimmed): set aside. */
  | { what: "secondary_not_verified"; secondary_status: string }
  /** A FRAC competency awaiting the review board: its requirements kept as drafts. */
  | { what: "secondary_draft"; secondary_status: string }
  /** A FRAC node deleted on the platform (`active: false`): set aside. */
  | { what: "deleted" }
  | { what: "no_level" }
  | { what: "unreadable_level"; field: string; found: string }
  | { what: "level_out_of_range"; level: number; min: number; max: number }
  | { what: "level_from_name"; name: string; level: number }
  | { what: "levels_disagree"; kept: string; level: number; other: string; other_level: number }
  | { what: "unknown_competency"; key: string; nearest: string | null }
  | { what: "matched_ignoring_whitespace"; found: string; matched: string }
  | { what: "repeated_tag"; level: number | null }
  | { what: "repeated_requirement"; competency: string; level: number }
  | { what: "misspelt_keys"; keys: string[] }
  | { what: "no_duration" }
  /** `duration`: the seconds as written (a string's text trimmed, or a JSON number in its
   * shortest form); `hours` it makes, outside 5e-13 to 10,000. */
  | { what: "hours_out_of_range"; duration: string; hours: number }
  | { what: "assumed_hours"; hours: number }
  | { what: "no_tags" }
  | { what: "no_department" }
  | { what: "no_roles" }
  | { what: "no_place"; kind: string }
  | { what: "conflict"; field: string }
  | { what: "whitespace"; kinds: string }
  | { what: "same_name_apart_from_whitespace"; other: string }
  | { what: "same_name"; other: string }
  /** A list beside the records read (`$.content` beside `$.result.content`): not read. */
  | { what: "list_not_read"; entries: number; read: string }
  /** A search response whose `result.count` is not the records it holds (a page of a search). */
  | { what: "count_disagrees"; count: number; records: number }
  /** An id with stray or hidden whitespace, kept as written. */
  | { what: "id_whitespace"; kinds: string }
  /**
   * Ids of one kind that differ only in letter case, surrounding whitespace, leading zeros
   * or characters of another script (`other_script`): kept apart.
   */
  | { what: "lookalike_ids"; ids: string[]; other_script: OtherScriptCharacter[] }
  /** Ids of one kind that are one text in two Unicode forms: kept apart. */
  | { what: "equivalent_ids"; ids: string[] }
  /** A course's tag list (`competencies_v5`) written as JSON text: read as the list it holds. */
  | { what: "tags_from_text"; field: string }
  /** A field holding text that is not JSON where JSON text is read (a tag list): set aside,
   * with the parser's message (line and column in the text). */
  | { what: "not_json"; field: string; error: string }
  /** An id field an earlier record gave to another record (the flat KCM export's
   * `competency_id` naming two sub-themes): both kept; `other` is the first one's id. */
  | { what: "id_of_another"; field: string; other: string }
  /** A user record's `profileDetails` (`profiledetails`) written as JSON text: read as the
   * object it holds. */
  | { what: "object_from_text"; field: string }
  /** A profile read from the profile registry's record of one user (`result.UserProfile[0]`). */
  | { what: "profile_from_registry" };

/** The texts of the O*NET CSV files, in the layout of the repository's `data/onet`. */
export interface OnetCsv {
  occupations: string;
  elements: string;
  occupationSkillLevels: string;
  /** Task statements, which become activities. */
  tasks?: string;
}

/** The texts of an HR export's CSV files, for `loadOfficers` and `Cohort.fromCsv`. */
export interface OfficersCsv {
  /** `officers.csv`: `id, department, position`, optional `name, target`. */
  officers: string;
  /** `evidence.csv`: `officer, competency, level, source`, optional `date, verified, course`. */
  evidence?: string;
}

/** Options of `loadOfficers` and `Cohort.fromCsv`. */
export interface OfficersCsvOptions {
  /** The level policy the officers will be analysed with: its `courseLevels` rule decides
   * whether a completion above the course's level is an error. */
  levelPolicy?: LevelPolicy;
  /** What to report as warnings besides officers outside their position's department. */
  review?: ReviewOptions;
  /** The character separating the fields of both files; by default each file's is told
   * from its header (or its `sep=` line). */
  delimiter?: "," | ";" | "\t" | "|";
  /** How `evidence.csv`'s numeric dates with the year last are read: `"day_first"`
   * (`03/12/2026` is 3 December, as India writes dates) or `"month_first"`. By default as
   * the column's dates settle it (a number above 12 shows which is the day); a date that
   * reads both ways when nothing settles it is a `csv_date_order` problem. */
  dateOrder?: "day_first" | "month_first";
}

/** What `loadOfficers` read. */
export interface OfficersLoad {
  /** In file order, each with its passbook entries in file order. */
  officers: OfficerSpec[];
  /** Probable mistakes that are not errors, each a `csv_row` problem naming the line and column. */
  warnings: Problem[];
  /**
   * The columns of either file whose header names no column of the format, in file order
   * (`officers.csv` first) and header order: their cells were not read (a misspelt optional
   * column shows up here).
   */
  columnsNotRead: ColumnNotRead[];
  /** How each file was read, `officers.csv` first. */
  files: CsvFileRead[];
}

/** How one file of an HR export was read. */
export interface CsvFileRead {
  /** `officers.csv` or `evidence.csv`. */
  file: string;
  /** The character its fields were separated by. */
  delimiter: "," | ";" | "\t" | "|";
  /** Given in the options, declared by a `sep=` line, or told from the header. */
  delimiter_from: "given" | "declared" | "detected";
  /** The optional columns with cells marking a missing value (`NA`, `N/A`, `#N/A`, `NULL`,
   * `\\N`, `-`, `--`), read as empty. */
  missing: { column: string; cells: number; first_line: number }[];
  /** The date cells written other than as ISO 8601, read as the ISO dates they are: per
   * form (`03/12/2026` day or month first, `2026/12/03`, `03-Dec-2026`), first met first. */
  dates: {
    column: string;
    form: "year_month_day" | "day_month_year" | "month_day_year" | "month_named";
    cells: number;
    first_line: number;
  }[];
  /** The order numeric dates with the year last were read in, when the file has such a
   * date that the order matters to; `null` otherwise. */
  date_order: "day_first" | "month_first" | null;
  /** The line of the first date that settled `date_order`; `null` when it was given or
   * not needed. */
  date_order_line: number | null;
  /** The lines above the header read past as title lines (`Officers report`, `Generated on
   * 2026-03-01`: at most one cell each), in file order, with their one cell as written;
   * empty when the header comes first. A line of two cells or more above the header is a
   * `csv_line_above_header` problem instead. */
  title_lines: { line: number; text: string }[];
  /** The columns read from a part of their header cell: the text before or inside a
   * bracketed suffix or gloss, or one side of a bilingual ` / ` (`Target Position
   * (optional)` read as `target`, `Employee ID (कर्मचारी आईडी)` as `id`); empty when every
   * header names its column whole. */
  header_parts: {
    /** The column, as the format names it (`id`, `target`). */
    column: string;
    /** The header cell's 1-based position in the header. */
    position: number;
    /** The header cell, trimmed. */
    header: string;
    /** The part of it that names the column. */
    part: string;
  }[];
}

/** A column of an HR export's file that was not read. */
export interface ColumnNotRead {
  /** `officers.csv` or `evidence.csv`. */
  file: string;
  /** The column's 1-based position in the header. */
  column: number;
  /** Its header, trimmed of whitespace. */
  header: string;
  /**
   * The optional column this header looks like a misspelling of (`verifed` for
   * `verified`; `Traget Position (optional)` for `target`, through its other name
   * `Target Position`), when that column is not in the header: the file was read
   * without it. Absent when no missing optional column is near.
   */
  nearest?: string;
  /**
   * For a column without a header (an empty cell in the header, as a trailing `,`
   * writes; `header` is then empty): the rows holding a value in it, which were not
   * read. Such a column is listed only when some row holds one. Absent for a column
   * with a header.
   */
  values?: { rows: number; first_line: number };
}

/** Options of `loadOnet`. */
export interface OnetOptions {
  /** Least importance (1 to 5) at which a rating becomes a requirement (default 3). */
  importanceThreshold?: number;
  includeSuppressed?: boolean;
  unratedOccupations?: boolean;
  coreTasksOnly?: boolean;
  /** How the Content Model tree is mapped: `"groups"` (the default: every element above a
   * rated skill a group) or `"parent_area"` (each competency's `area` its parent's name). */
  hierarchy?: "groups" | "parent_area";
}

// ---------------------------------------------------------------------------------------
// CASE 1.1
// ---------------------------------------------------------------------------------------

/** A CASE `CFPackage`; fields the library does not model are kept as they are.
 *
 * As an object (what `exportCase` gives and `importCase` takes), a number beyond a
 * double's range is a string holding U+FDD0 and the number as written, and a text that
 * starts with U+FDD0 is held with one more U+FDD0 in front, so the two are never confused;
 * `importCase` reads such an object back as it was given. A package's JSON text (a string)
 * is read as a publisher wrote it. */
export interface CasePackage {
  CFDocument?: CaseDocument;
  CFItems: CaseItem[];
  CFAssociations: CaseAssociation[];
  CFRubrics?: CaseRubric[];
  [field: string]: unknown;
}

/** A CASE `CFDocument`. */
export interface CaseDocument {
  identifier: string;
  uri?: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  caseVersion?: string;
  description?: string;
  [field: string]: unknown;
}

/** A CASE `CFItem`. */
export interface CaseItem {
  identifier: string;
  uri?: string;
  fullStatement: string;
  abbreviatedStatement?: string;
  humanCodingScheme?: string;
  CFItemType?: string;
  CFItemTypeURI?: CaseLink;
  lastChangeDateTime?: string;
  [field: string]: unknown;
}

/** A CASE `CFAssociation`. */
export interface CaseAssociation {
  identifier: string;
  uri?: string;
  associationType: string;
  sequenceNumber?: number;
  originNodeURI?: CaseLink;
  destinationNodeURI?: CaseLink;
  lastChangeDateTime?: string;
  [field: string]: unknown;
}

/** A CASE link to a node. */
export interface CaseLink {
  title?: string;
  identifier: string;
  uri?: string;
  [field: string]: unknown;
}

/** A CASE `CFRubric`. */
export interface CaseRubric {
  identifier: string;
  uri?: string;
  title?: string;
  description?: string;
  lastChangeDateTime?: string;
  CFRubricCriteria: CaseCriterion[];
  [field: string]: unknown;
}

/** A CASE `CFRubricCriterion`. */
export interface CaseCriterion {
  identifier: string;
  uri?: string;
  category?: string;
  description?: string;
  CFItemURI?: CaseLink;
  weight?: number;
  position?: number;
  rubricId?: string;
  lastChangeDateTime?: string;
  CFRubricCriterionLevels: CaseCriterionLevel[];
  [field: string]: unknown;
}

/** A CASE `CFRubricCriterionLevel`. */
export interface CaseCriterionLevel {
  identifier: string;
  uri?: string;
  description?: string;
  quality?: string;
  score?: number;
  feedback?: string;
  position?: number;
  rubricCriterionId?: string;
  lastChangeDateTime?: string;
  [field: string]: unknown;
}

/** What items of one `CFItemType` become on import. */
export type CaseItemMapping = { competency: CompetencyType } | { group: GroupKind } | "ignore";

/**
 * How the `score`s of a rubric criterion's levels become proficiency levels: the score is
 * the level (default), levels in score order, `⌈score × 5 / top⌉`, or a table of
 * `[score, level]` pairs.
 */
export type CaseLevelRule =
  | "score"
  | "rank"
  | { proportional: { top: number } }
  | { table: [number, number][] };

/**
 * A [`CaseLevelRule`] as the import's options take it: a table's level may also be text
 * every level field reads (`"3"`, `"Level 3"`, `"L3"`, `"III"`); the report writes numbers.
 */
export type CaseLevelRuleOption =
  | "score"
  | "rank"
  | { proportional: { top: number } }
  | { table: [number, number | string][] };

/** Options of `importCase`. */
export interface CaseImportOptions {
  /** Mapping of item types (trimmed, any case), added to the defaults. */
  itemTypes?: Record<string, CaseItemMapping>;
  /** Type of competencies whose item type is not mapped (default functional). */
  defaultType?: CompetencyType;
  /** Which field becomes the competency and group id (default the identifier). */
  ids?: "identifier" | "human_coding_scheme";
  /** How rubric scores become levels (default "score"). */
  levelRule?: CaseLevelRuleOption;
  /** Which way rubric scores run (default "higher_is_better"; "lower_is_better" when 1 is the best level). */
  scoreOrder?: CaseScoreOrder;
}

/** Which way a rubric's scores run. */
export type CaseScoreOrder = "higher_is_better" | "lower_is_better";

/** How a criterion's level scores were read: numbers, letter grades (A best) or Roman numerals. */
export type CaseScoreReading = "numbers" | "letters" | "roman_numerals";

/** Options of `exportCase`. */
export interface CaseExportOptions {
  /** The base of every element's `uri` (default `urn:uuid:`). */
  baseUri?: string;
  /** The `CFItemType` of each competency type. */
  itemTypes?: { behavioural?: string; functional?: string; domain?: string };
  /** The `CFItemType` of each group kind (defaults `Area`, `Theme`, `Sub-theme`, `Competency Group`). */
  groupItemTypes?: { area?: string; theme?: string; sub_theme?: string; free?: string };
  /** The same as `groupItemTypes.area`. */
  areaItemType?: string;
  /** Identifiers (UUIDs) of the items of areas, by area name. */
  areaIdentifiers?: Record<string, string>;
  /** Identifiers (UUIDs) of the items of groups, by group id. */
  groupIdentifiers?: Record<string, string>;
  rubricTitle?: string;
}

/** A CASE element kind, as reported on import. */
export type CaseElement =
  | "Package" | "Document" | "Item" | "Association" | "Rubric" | "Criterion" | "Level";

/** Where an item type came from: `CFItemType`, `CFItemTypeURI`, both (agreeing or not), or neither. */
export type CaseTypeSource = "item_type" | "item_type_uri" | "both" | "item_type_over_uri" | "neither";

/** One item type met on import and what it became. */
export interface CaseItemTypeUse {
  item_type: string | null;
  source: CaseTypeSource;
  mapping: CaseItemMapping;
  by_default: boolean;
  items: string[];
}

/** A grouping item and the group it became. */
export interface CaseGroup {
  identifier: string;
  id: string;
  name: string;
}

/** A rubric criterion's levels and the proficiency levels they became. */
export interface CaseScale {
  item: string;
  criterion: string;
  /** `null` when the item was set aside. */
  competency: string | null;
  rule: CaseLevelRule;
  reading: CaseScoreReading;
  order: CaseScoreOrder;
  /** Lowest proficiency first. */
  levels: CaseScaleLevel[];
}

/** One rubric level: its score and the proficiency level it became (`null`: none). */
export interface CaseScaleLevel {
  identifier: string;
  score: number | null;
  /** The letter grade or Roman numeral the score was read from; `null` for numbers. */
  written: string | null;
  level: number | null;
}

/** A `hasSkillLevel` association read as a competency's level (`level` `null`: set aside). */
export interface CaseSkillLevel {
  association: string;
  item: string;
  competency: string | null;
  level_item: string;
  number: number | null;
  /** `sequenceNumber`, `listEnumeration` or `name`; `null` when the package gives no number. */
  source: "sequenceNumber" | "listEnumeration" | "name" | null;
  level: number | null;
}

/** An association kept aside, with the competencies at its ends. */
export interface CaseKeptAssociation {
  association: CaseAssociation;
  origin: string | null;
  destination: string | null;
}

/** Why an element was set aside on import. */
export type CaseDropReason =
  | "ignored_type"
  | "no_statement"
  | "statement_of_wrong_type"
  | "no_item"
  | "outside_package"
  | "not_a_competency"
  | "no_levels"
  | "no_criteria"
  | "unmapped_scale"
  | "conflicting_criteria"
  | "merged_level"
  | "unscored"
  | "shared_score"
  | "repeated"
  | "no_association_type"
  | "no_origin"
  | "no_destination"
  | "unread_skill_level"
  | "skill_level_beside_rubric";

/** An element dropped on import, and why. */
export interface CaseDropped {
  element: CaseElement;
  identifier: string;
  reason: CaseDropReason;
  /** For `statement_of_wrong_type` only: the naming field of the wrong type and its value. */
  statement?: CaseWrongStatement;
}

/** A field naming an item that holds a value of another JSON type than text. */
export interface CaseWrongStatement {
  /** `abbreviatedStatement`, `fullStatement`, `alternativeLabel` or `humanCodingScheme`. */
  field: string;
  /** The JSON type found, e.g. `an integer`. */
  found: string;
  /** The value as JSON text; past 200 characters, the first 200, `…` and its length. */
  value: string;
}

/** Why a field was set aside on import. */
export type CaseFieldReason =
  | "no_place"
  | { wrong_type: { found: string; expected: string } }
  | { superseded: { by: string } }
  | "missing"
  | { unreadable: { expected: string } }
  | { names_another_level: { level: number; reads_as: number } }
  | { same_name_as_level: { level: number; other: number } }
  /** Copies of one item, association or rubric, read as one, write this field differently; `copy` gives both values. */
  | "copy_differs";

/** A field set aside on import, and why. */
export interface CaseDroppedField {
  element: CaseElement;
  identifier: string;
  field: string;
  reason: CaseFieldReason;
  /** For `copy_differs` only: the copy whose value was set aside and the one whose value is used. */
  copy?: CaseCopyValues;
}

/** The two values copies of one element write in one field: the one set aside and the one used. */
export interface CaseCopyValues {
  /** The place of the copy whose value was set aside, as written, e.g. `CFItems[3]`. */
  at: string;
  /** Its value as JSON text, e.g. `"\"Evidence Required 2\""`. */
  value: string;
  /** The place of the first copy writing the field, whose value is used. */
  kept_at: string;
  /** The value used, as JSON text. */
  kept: string;
}

/** What a CASE import kept aside. */
export interface CaseImportReport {
  document: CaseDocument;
  item_types: CaseItemTypeUse[];
  groups: CaseGroup[];
  scales: CaseScale[];
  skill_levels: CaseSkillLevel[];
  associations: CaseKeptAssociation[];
  dropped: CaseDropped[];
  dropped_fields: CaseDroppedField[];
  /** Package keys and element fields written in another case than CASE's (`cfDocument`, `cfItemType`, `FullStatement`), read under CASE's name, each spelling once; then `sourcedId` read as `identifier`. */
  renamed: CaseRenamedKey[];
}

/** A package key or element field written in another case than CASE's (or `sourcedId`), and the CASE name it was read as. */
export interface CaseRenamedKey {
  found: string;
  read_as: string;
}

/** What a CASE export did with something it could not write as given. */
export type CaseLeftOutReason =
  | "not_in_case"
  | "blank_text"
  | "empty_level"
  | "level_name"
  | "group_rule"
  | "replaced"
  | "rewritten"
  | "holds_nothing"
  | "typed_field"
  | "read_as_utc";

/** An element of the framework, or a part of one, that a CASE export does not hold as given. */
export interface CaseLeftOut {
  kind: EntityKind;
  /** The id as the framework holds it; `message` shows it escaped. */
  id: string;
  /** For a part of a competency's level descriptor, the level. */
  level?: number;
  reason: CaseLeftOutReason;
  message: string;
}

/** A field of the document that a CASE export does not write as given. */
export interface CaseLeftOutField {
  field: string;
  reason: CaseLeftOutReason;
  message: string;
}

/** What a CASE export left out or wrote otherwise, sorted. */
export interface CaseExportReport {
  /** Document fields, sorted by field. */
  document: CaseLeftOutField[];
  /** Framework elements or parts of them, sorted by kind, id, level and reason. */
  left_out: CaseLeftOut[];
}

/** A CASE export with its report: what `exportCaseWithReport` gives. */
export interface CaseExport {
  package: CasePackage;
  report: CaseExportReport;
}

/** A CASE import: the framework document and the report. */
export interface CaseImport {
  spec: FrameworkSpec;
  report: CaseImportReport;
}

// ---------------------------------------------------------------------------------------
// Problems: the data of a KarmayogiError, one object per problem found.
// ---------------------------------------------------------------------------------------

/** Every problem carries a stable code and the whole message. */
interface ProblemBase {
  message: string;
}

/**
 * A malformed input: bad JSON, an unknown field, a missing field, a wrong type (`null` in a
 * required field too). `line` and `column` are 1-based positions in the caller's text (0
 * when the input was an object or the position is unknown); `path` names the bad value,
 * e.g. `competencies[3].levels[0].level` (an object missing a field names the object; empty
 * at the top level), and `id` is the `id` of the innermost object on that path that has
 * one (the competency, position, course or officer), else `null`. Both are the library's
 * own (`Error::Json`), whether the library or the package read the JSON.
 */
export interface JsonProblem extends ProblemBase {
  code: "json";
  line: number;
  column: number;
  path: string;
  id: string | null;
  description: string;
}

/** What is wrong with a passbook entry (`invalid_evidence`); `problem` is the code. */
export type EvidenceProblem =
  | {
      problem: "unknown_competency";
      nearest: string | null;
      /** Whether only a quoted CSV cell holds `nearest` (`"p "` for the id `p `): spaces
       * around it, a quote, a comma or a semicolon; always `false` from JSON. */
      quote_nearest: boolean;
    }
  | { problem: "level_above_scale"; level: number; min: number; max: number }
  | { problem: "level_below_scale"; level: number; min: number; max: number }
  | { problem: "level_name_mismatch"; level: number; name: string; level_named: string | null; named: number | null }
  | { problem: "unresolved_level_name"; name: string; named: number[]; min: number; max: number }
  | { problem: "invalid_date"; found: string; suggestion: string | null; two_digit_year: string[] }
  | {
      problem: "unknown_course";
      course: string;
      nearest: string | null;
      /** Whether only a quoted CSV cell holds `nearest` (`"p "` for the id `p `): spaces
       * around it, a quote, a comma or a semicolon; always `false` from JSON. */
      quote_nearest: boolean;
    }
  | { problem: "completion_without_course" }
  | { problem: "course_does_not_build"; course: string }
  | { problem: "above_course_level"; course: string; level: number; course_level: number }
  | { problem: "after_as_of"; date: string; as_of: string }
  | {
      problem: "duplicate";
      /** The earlier entry's index in the passbook. */
      first: number;
      /** The earlier entry's line in `evidence.csv`, when read from CSV. */
      first_line?: number;
      level: number;
      first_level: number;
      verified: boolean;
      first_verified: boolean;
    };

/**
 * In a row of `evidence.csv` whose officer and competency cells read, the passbook entry
 * the row holds, as `invalid_evidence` names it; absent otherwise (`index` also when the
 * officer is not in `officers.csv`).
 */
interface PassbookRow {
  officer?: string;
  /** The entry's 0-based index in the officer's passbook. */
  index?: number;
  competency?: string;
}

/** A problem in a row of a CSV file: the file, 1-based line, and column. */
interface CsvPlace extends ProblemBase {
  file: string;
  line: number;
}

/**
 * One problem of a failed call, or one warning; `code` tells which fields it has. The codes
 * are exactly the library's `Error::code()` values (the table in its `Error` docs).
 */
export type Problem =
  | JsonProblem
  | (ProblemBase & { code: "unsupported_format_version"; found: number; expected: number })
  | (ProblemBase & { code: "level_out_of_range"; value: number })
  | (ProblemBase & { code: "empty_id"; kind: EntityKind; index: number })
  | (ProblemBase & { code: "empty_name"; kind: EntityKind; id: string })
  | (ProblemBase & { code: "hidden_character"; kind: EntityKind; id: string; field: string; value: string })
  | (ProblemBase & { code: "empty_field"; kind: EntityKind; id: string; field: string })
  | (ProblemBase & { code: "duplicate_id"; kind: EntityKind; id: string })
  | (ProblemBase & { code: "equivalent_ids"; kind: EntityKind; ids: string[] })
  | (ProblemBase & {
      code: "lookalike_ids";
      kind: EntityKind;
      /** The ids, sorted byte by byte. */
      ids: string[];
      /** The characters of other scripts that make the ids differ (`"uѕ"` beside `"us"`); empty when they differ only in case, whitespace or leading zeros. */
      other_script: OtherScriptCharacter[];
    })
  | (ProblemBase & {
      code: "lookalike_uris";
      file: string;
      /** The URIs, sorted byte by byte. */
      uris: string[];
      /** The 1-based line of each URI's row, in the order of `uris`. */
      lines: number[];
    })
  | (ProblemBase & {
      code: "unknown_reference";
      from_kind: EntityKind;
      from: string;
      to_kind: EntityKind;
      to: string;
      /** The id of kind `to_kind` closest to `to`, when one is close (case, spaces,
       * invisible characters, Unicode form, Greek or Cyrillic lookalikes of Latin letters,
       * leading zeros, or a small edit). */
      nearest: string | null;
    })
  | (ProblemBase & {
      code: "duplicate_reference";
      from_kind: EntityKind;
      from: string;
      to_kind: EntityKind;
      to: string;
    })
  | (ProblemBase & {
      code: "invalid_level";
      owner_kind: EntityKind;
      owner: string;
      competency: string;
      level: number;
      min: number;
      max: number;
    })
  | (ProblemBase & {
      code: "level_name_mismatch";
      owner_kind: EntityKind;
      owner: string;
      competency: string;
      level: number;
      name: string;
      level_named: string | null;
      named: number | null;
    })
  | (ProblemBase & { code: "invalid_level_scale"; competency: string; found: number[]; min: number; max: number })
  | (ProblemBase & { code: "invalid_level_range"; competency: string; min: number; max: number })
  | (ProblemBase & { code: "blank_level_name"; competency: string; level: number })
  | (ProblemBase & { code: "level_named_as_number"; competency: string; level: number; name: string; reads_as: number })
  | (ProblemBase & { code: "same_level_names"; competency: string; levels: [number, number]; names: [string, string] })
  | (ProblemBase & { code: "blank_area"; competency: string })
  | (ProblemBase & { code: "position_without_roles"; position: string })
  | (ProblemBase & { code: "prerequisite_cycle"; courses: string[] })
  | (ProblemBase & { code: "group_cycle"; groups: string[] })
  | (ProblemBase & { code: "invalid_group_rule"; group: string; at_least: number | null; children: number })
  | (ProblemBase & { code: "group_rule_cycle"; groups: string[] })
  | (ProblemBase & { code: "invalid_hours"; course: string; hours: number | null })
  | (ProblemBase & {
      code: "invalid_evidence";
      officer: string;
      /** The entry's 0-based index in the passbook. */
      index: number;
      competency: string;
      problem: EvidenceProblem;
    })
  | (ProblemBase & {
      code: "department_mismatch";
      officer: string;
      department: string;
      position: string;
      position_department: string;
    })
  | (ProblemBase & { code: "invalid_policy_date"; value: string })
  | (ProblemBase & { code: "unknown_id"; kind: EntityKind; id: string; nearest: string | null })
  | (ProblemBase & { code: "framework_mismatch" })
  | (ProblemBase & { code: "invalid_weight"; name: string; value: number | null })
  | (ProblemBase & { code: "invalid_id_weight"; kind: EntityKind; id: string; value: number | null })
  | (ProblemBase & { code: "capacity_exceeded"; what: string; limit: number })
  | (ProblemBase & { code: "igot_shape"; document: string; path: string; found: string; expected: string })
  | (ProblemBase & {
      code: "igot_unread_entries";
      /** The kind of document, e.g. `position master list`. */
      document: string;
      /** Where the list is, as a JSON path. */
      path: string;
      /** How many entries it holds. */
      entries: number;
      /** The fields its entries hold, sorted; empty when no entry is an object. */
      fields: string[];
      /** The fields the function reads of a record, one of which a record holds. */
      expected: string[];
    })
  | (ProblemBase & { code: "document_of_another_kind"; expected: string; found: DocumentKind })
  | (ProblemBase & {
      code: "document_of_no_known_kind";
      /** What the function reads, e.g. `a framework document`. */
      expected: string;
      /** The object's fields, sorted. */
      fields: string[];
      /** The fields a document the function reads must hold. */
      missing: string[];
    })
  | (ProblemBase & { code: "case_missing_document"; documents: string[] })
  | (ProblemBase & { code: "case_several_documents"; documents: string[] })
  | (ProblemBase & { code: "case_missing_identifier"; element: CaseElement; path: string })
  | (ProblemBase & { code: "case_missing_field"; element: CaseElement; identifier: string; field: string })
  | (ProblemBase & { code: "case_field_name"; path: string; found: string; expected: string })
  | (ProblemBase & { code: "case_field_type"; path: string; found: string; expected: string })
  | (ProblemBase & {
      code: "case_duplicate_identifier";
      identifier: string;
      path: string;
      earlier: string;
      earlier_path: string;
    })
  | (ProblemBase & {
      code: "case_duplicate_id";
      kind: EntityKind;
      id: string;
      identifier: string;
      path: string;
      field: "identifier" | "humanCodingScheme";
      earlier: string;
      earlier_path: string;
      earlier_field: "identifier" | "humanCodingScheme";
    })
  | (ProblemBase & { code: "case_child_of_cycle"; items: string[] })
  | (ProblemBase & { code: "case_invalid_identifier"; identifier: string })
  | (ProblemBase & { code: "case_conflicting_identifiers"; group: string; identifiers: string[] })
  | (ProblemBase & {
      code: "case_identifier_clash";
      identifier: string;
      group: string;
      other_kind: EntityKind | null;
      other: string;
    })
  | (ProblemBase & { code: "case_invalid_date_time"; value: string })
  | (ProblemBase & { code: "case_item_type_name"; name: string })
  | (ProblemBase & {
      code: "case_text_on_several_lines";
      element: CaseElement;
      id: string;
      level: number | null;
      field:
        | "abbreviatedStatement"
        | "quality"
        | "title"
        | "creator"
        | "frameworkType"
        | "publisher"
        | "version"
        | "adoptionStatus"
        | "subject"
        | "licenseURI.title"
        | "subjectURI.title"
        | "CFItemType";
      value: string;
    })
  | (CsvPlace & { code: "csv_unclosed_quote" })
  | (CsvPlace & { code: "csv_misplaced_quote"; field: number })
  | (CsvPlace & { code: "csv_field_count"; expected: number; found: number })
  | (CsvPlace & { code: "csv_repeated_header" })
  | (ProblemBase & {
      code: "csv_missing_column";
      file: string;
      column: string;
      header_line: number | null;
      /** The header cell that looks most like the column (`Employe ID (कर्मचारी आईडी)` for
       * `id`), when one does. */
      nearest: string | null;
    })
  | (CsvPlace & { code: "csv_line_above_header"; header_line: number; cells: string[] })
  | (ProblemBase & { code: "csv_ambiguous_column"; file: string; column: string; headers: string[] })
  | (ProblemBase & { code: "csv_delimiter"; file: string; found: string; expected: string })
  | (ProblemBase & { code: "csv_ambiguous_delimiter"; file: string; delimiters: string[] })
  | (ProblemBase & { code: "csv_encoding"; file: string; encoding: string })
  | (ProblemBase & {
      code: "csv_looks_like_json";
      file: string;
      found: string;
      /** The kind of document the text is, when it is one the package reads. */
      kind: DocumentKind | null;
    })
  | (ProblemBase & { code: "csv_name_column"; file: string; column: string; header: string })
  | (ProblemBase & { code: "csv_shared_header"; file: string; position: number; header: string; columns: string[] })
  | (ProblemBase & {
      code: "csv_other_layout";
      file: string;
      /** The publisher's layout found, naming its file (`Skills.txt`). */
      layout: string;
      /** The layout the loader reads, with its columns. */
      expected: string;
    })
  | (CsvPlace &
      PassbookRow & { code: "csv_invalid_value"; column: string; found: string; expected: string })
  | (CsvPlace & PassbookRow & { code: "csv_date_order"; column: string; found: string })
  | (CsvPlace & {
      code: "csv_duplicate_key";
      column: string;
      /** The key as this row writes it. */
      key: string;
      first_line: number;
      /** The key as the first row writes it, when that is another text (`01` there, `1` here). */
      first_key: string | null;
    })
  | (CsvPlace & {
      code: "csv_unknown_reference";
      column: string;
      found: string;
      target: string;
      nearest: string | null;
      /** Whether only a quoted CSV cell holds `nearest` (`"p "` for the position `p `). */
      quote_nearest: boolean;
    })
  | (CsvPlace & {
      code: "csv_refused_reference";
      column: string;
      found: string;
      target: string;
      target_line: number;
    })
  | (CsvPlace & {
      code: "csv_row";
      /** The column holding the value at fault. */
      column: string;
      /** The framework's rule broken in that row (e.g. `invalid_evidence`). */
      error: Problem;
    })
  | (ProblemBase & {
      code: "invalid_option";
      /** The option's key as the options object spells it (`maxFormalShare`, `hoursWhenMissing`). */
      option: string;
      value: number | null;
      expected: string;
    });

/** Every code a problem may have. */
export type ProblemCode = Problem["code"];
