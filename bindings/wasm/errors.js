// The one exception the package throws for bad input: every problem found, as data.

/**
 * Thrown by every function and constructor of the package when the input is wrong.
 * `problems` lists every problem found (a framework reports all its problems at once),
 * each `{code, message, ...fields}` with the offending ids, file, line and column, so a
 * frontend can point at the bad entry.
 */
export class KarmayogiError extends Error {
  constructor(message, problems) {
    super(message);
    this.name = "KarmayogiError";
    this.problems = problems;
  }

  /** The code of the first problem. */
  get code() {
    return this.problems[0]?.code;
  }
}
