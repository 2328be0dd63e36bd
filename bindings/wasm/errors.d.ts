import type { Problem } from "./pkg/karmayogi_wasm.js";

/**
 * Thrown by every function and constructor of the package when the input is wrong.
 * `problems` lists every problem found (a framework reports all its problems at once),
 * each `{code, message, ...fields}` with the offending ids, file, line and column, so a
 * frontend can point at the bad entry.
 */
export class KarmayogiError extends Error {
  constructor(message: string, problems: Problem[]);
  readonly name: "KarmayogiError";
  /** Every problem found, in a deterministic order; never empty. */
  readonly problems: Problem[];
  /** The code of the first problem. */
  readonly code: Problem["code"];
}
