// The karmayogi package's API: the classes and functions are declared (with their
// documentation) in the generated ./pkg/karmayogi_wasm.d.ts, from the Rust bindings and
// their src/types.d.ts; this file adds the error class and the constants.
export {
  Cohort,
  Framework,
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
  loadKcm,
  loadOfficers,
  loadOnet,
  loadPositionMaster,
  parseFrameworkSpec,
  parseOfficers,
} from "./pkg/karmayogi_wasm.js";
export type * from "./pkg/karmayogi_wasm.js";
export { KarmayogiError } from "./errors.js";

/** The interchange format version this package writes, and the newest it reads. */
export declare const FORMAT_VERSION: number;
/** The oldest interchange format version this package reads. */
export declare const OLDEST_FORMAT_VERSION: number;
/** The JSON Schema (draft 2020-12) of framework and officers documents. */
export declare const JSON_SCHEMA: Record<string, unknown>;
