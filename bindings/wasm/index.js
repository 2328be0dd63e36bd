// The karmayogi package: loads the WebAssembly once (top-level await), then exports the API.
import { guardClass, guardFunction } from "./calls.js";
import init, { initSync, formatVersion, jsonSchema, oldestFormatVersion } from "./pkg/karmayogi_wasm.js";
import * as glue from "./pkg/karmayogi_wasm.js";

const wasm = new URL("./pkg/karmayogi_wasm_bg.wasm", import.meta.url);
let exports;
if (wasm.protocol === "file:") {
  // Node.js (and other runtimes reading local files), where fetch cannot read file URLs.
  const { readFile } = await import("node:fs/promises");
  exports = initSync({ module: await readFile(wasm) });
} else {
  exports = await init({ module_or_path: wasm });
}

export { KarmayogiError } from "./errors.js";

// Every class and function checked as calls.js describes: a method of a freed instance, an
// index that is no whole number at least 0 and a string holding a lone surrogate are
// refused with a KarmayogiError.
export const Cohort = guardClass(glue.Cohort, exports);
export const Framework = guardClass(glue.Framework, exports);
export const PositionMaster = guardClass(glue.PositionMaster, exports);
export const Profile = guardClass(glue.Profile, exports);
export const exportCase = guardFunction("exportCase", glue.exportCase);
export const exportCaseWithReport = guardFunction("exportCaseWithReport", glue.exportCaseWithReport);
export const importCase = guardFunction("importCase", glue.importCase);
export const kcmId = guardFunction("kcmId", glue.kcmId);
export const loadEsco = guardFunction("loadEsco", glue.loadEsco);
export const loadEscoReport = guardFunction("loadEscoReport", glue.loadEscoReport);
export const loadFracPositions = guardFunction("loadFracPositions", glue.loadFracPositions);
export const loadIgotCourses = guardFunction("loadIgotCourses", glue.loadIgotCourses);
export const loadIgotProfile = guardFunction("loadIgotProfile", glue.loadIgotProfile);
export const loadKcm = guardFunction("loadKcm", glue.loadKcm);
export const loadOfficers = guardFunction("loadOfficers", glue.loadOfficers);
export const loadOnet = guardFunction("loadOnet", glue.loadOnet);
export const loadPositionMaster = guardFunction("loadPositionMaster", glue.loadPositionMaster);
export const parseFrameworkSpec = guardFunction("parseFrameworkSpec", glue.parseFrameworkSpec);
export const parseOfficers = guardFunction("parseOfficers", glue.parseOfficers);

/** The interchange format version this package writes, and the newest it reads. */
export const FORMAT_VERSION = formatVersion();
/** The oldest interchange format version this package reads. */
export const OLDEST_FORMAT_VERSION = oldestFormatVersion();
/** The JSON Schema (draft 2020-12) of framework and officers documents. */
export const JSON_SCHEMA = JSON.parse(jsonSchema());
