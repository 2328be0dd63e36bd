// The karmayogi package: loads the WebAssembly once (top-level await), then exports the API.
import { guardClass } from "./calls.js";
import init, { initSync, formatVersion, jsonSchema, oldestFormatVersion } from "./pkg/karmayogi_wasm.js";
import * as glue from "./pkg/karmayogi_wasm.js";

const wasm = new URL("./pkg/karmayogi_wasm_bg.wasm", import.meta.url);
if (wasm.protocol === "file:") {
  // Node.js (and other runtimes reading local files), where fetch cannot read file URLs.
  const { readFile } = await import("node:fs/promises");
  initSync({ module: await readFile(wasm) });
} else {
  await init({ module_or_path: wasm });
}

export { KarmayogiError } from "./errors.js";

// Every class checked as calls.js describes: a method of a freed instance and an index
// that is no whole number at least 0 are refused with a KarmayogiError.
export const Cohort = guardClass(glue.Cohort);
export const Framework = guardClass(glue.Framework);
export const PositionMaster = guardClass(glue.PositionMaster);
export const Profile = guardClass(glue.Profile);
export {
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

/** The interchange format version this package writes, and the newest it reads. */
export const FORMAT_VERSION = formatVersion();
/** The oldest interchange format version this package reads. */
export const OLDEST_FORMAT_VERSION = oldestFormatVersion();
/** The JSON Schema (draft 2020-12) of framework and officers documents. */
export const JSON_SCHEMA = JSON.parse(jsonSchema());
