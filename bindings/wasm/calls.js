// The package's classes and functions as callers meet them: each call refused with a
// KarmayogiError, before or after the WebAssembly runs, where the generated glue would let
// a wrong value through or throw a plain Error without a code.
//
// - A method or getter called on an instance that was freed (`free()`), or on something
//   that is no instance of the class: the glue passed a null pointer, which the
//   WebAssembly refused with "null pointer passed to rust". `free()` itself, called again,
//   does nothing.
// - An index that is not a whole number at least 0: the glue converted it as WebAssembly
//   converts any value to a 32-bit integer (`undefined`, `null`, NaN, `{}` and 2**32 to 0,
//   1.9, "1" and `true` to 1), naming a real officer.
// - A string holding a lone surrogate, anywhere the WebAssembly read one (an id, a
//   document's text, a CSV text, an option): it read U+FFFD in its place (values.js).
import { KarmayogiError } from "./errors.js";
import { escapeLone, takeNoted } from "./values.js";

/** A `json` problem of an argument the bindings refuse themselves (no line, column or path). */
function refusal(where, description) {
  const message = `invalid ${where}: ${description}`;
  return new KarmayogiError(message, [{ code: "json", line: 0, column: 0, path: "", id: null, description, message }]);
}

/** What a value is, as the bindings' messages name it (`found 1.9`, `found undefined`). */
function found(value) {
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (typeof value === "object") return `an object of class ${value.constructor?.name ?? "none"}`;
  return typeof value;
}

// The UTF-8 length of the UTF-16 unit at `i` of `s` as the glue writes it (a lone
// surrogate as U+FFFD, 3 bytes; a pair as 4, counted at its first unit).
function utf8Width(s, i) {
  const c = s.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 4;
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const before = s.charCodeAt(i - 1);
    if (before >= 0xd800 && before <= 0xdbff) return 0;
  }
  return 3;
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

// The text of the line around `s[i]`, up to 20 units either side (a pair never cut), as
// JSON writes a string, its lone surrogates as `\u{d800}`: bounded whatever the line.
function around(s, i, lineStart) {
  let from = Math.max(lineStart, i - 20);
  if (from > lineStart && isLow(s.charCodeAt(from)) && isHigh(s.charCodeAt(from - 1))) from -= 1;
  let to = Math.min(s.length, i + 21);
  if (to < s.length && isHigh(s.charCodeAt(to - 1)) && isLow(s.charCodeAt(to))) to += 1;
  const newline = s.slice(i, to).indexOf("\n");
  const lineEnds = newline >= 0;
  if (lineEnds) to = i + newline;
  const more = !lineEnds && to < s.length && s.charCodeAt(to) !== 10;
  const quoted = JSON.stringify(s.slice(from, to)).replace(/(?<!\\)((?:\\\\)*)\\u(d[89a-f][0-9a-f]{2})/g, "$1\\u{$2}");
  return `${from > lineStart ? "…" : ""}${quoted}${more ? "…" : ""}`;
}

// One problem for each lone surrogate of `s`, at its line and column as the library counts
// them in JSON text (lines by `\n`, columns in UTF-8 bytes from 1), with the text around it.
// One pass over `s`.
function loneProblems(s, name) {
  const problems = [];
  let line = 1;
  let column = 1;
  let lineStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const width = utf8Width(s, i);
    if (width === 3 && c >= 0xd800 && c <= 0xdfff) {
      const description =
        `expected Unicode text, found a lone surrogate (\\u{${c.toString(16)}}, half of a UTF-16 pair, ` +
        `which no character is) in ${around(s, i, lineStart)}`;
      const message = `invalid text given to \`${name}\` at line ${line}, column ${column}: ${description}`;
      problems.push({ code: "json", line, column, path: "", id: null, description, message });
    }
    if (c === 10) {
      line += 1;
      column = 1;
      lineStart = i + 1;
    } else {
      column += width;
    }
  }
  return problems;
}

/** The KarmayogiError of the strings holding a lone surrogate read by `name`. */
function loneError(texts, name) {
  const problems = texts.flatMap((s) => loneProblems(s, name));
  const listed = problems.slice(0, 100).map((p) => `\n  - ${p.message}`).join("");
  const more = problems.length > 100 ? `\n  - and ${problems.length - 100} more, listed in \`problems\`` : "";
  const message = problems.length === 1 ? problems[0].message : `${problems.length} problems found:${listed}${more}`;
  return new KarmayogiError(message, problems);
}

// What a call made of text it read altered: freed, since it is thrown away.
function release(result) {
  if (typeof result?.free === "function") result.free();
  else if (typeof result === "object" && result !== null) Object.values(result).forEach((v) => v?.free?.());
}

/** `run()`, refused when the WebAssembly read a string holding a lone surrogate. */
function checked(name, run) {
  takeNoted();
  let result;
  let failure;
  let failed = false;
  try {
    result = run();
  } catch (e) {
    failure = e;
    failed = true;
  }
  const texts = takeNoted();
  if (texts.length > 0) {
    // Whatever the call found (a "duplicate" of two ids made one) came from text it
    // never had as written.
    if (!failed) release(result);
    throw loneError(texts, name);
  }
  if (failed) throw failure;
  return result;
}

/** `f`, a package function named `name`, with its calls checked. */
export function guardFunction(name, f) {
  return function (...args) {
    return checked(name, () => f.apply(this, args));
  };
}

// Methods taking an index (input order) as their first argument.
const INDEXED = { Cohort: ["officerId", "officerName", "profile"] };

/**
 * `klass` with every method, getter and static function checked, and its constructor
 * through a proxy that checks it: the class callers get. `exports` are the WebAssembly's
 * exports, whose `__wbg_<class>_free` frees an instance. `instanceof` and the glue's own
 * references to `klass` see the same class.
 */
export function guardClass(klass, exports) {
  const name = klass.name;
  const proto = klass.prototype;
  // Freeing what was freed does nothing, as disposing of a resource twice does (the glue
  // passed the WebAssembly a null pointer). An instance a call is reading (`free()` from a
  // getter or Proxy trap of one of the call's arguments) cannot be freed: the WebAssembly
  // refuses, and the glue, which forgets the instance before asking, left it looking freed
  // and its memory held for good. So the WebAssembly is asked first, and the instance
  // forgotten only once it is freed.
  const free = proto.free;
  const release = exports[`__wbg_${name.toLowerCase()}_free`];
  const freeOnce = function () {
    if (!(this instanceof klass)) throw refusal(`\`this\` in \`${name}.free\``, `expected a ${name}, found ${found(this)}`);
    const ptr = this.__wbg_ptr;
    if (ptr === 0) return;
    if (typeof release !== "function") {
      free.call(this);
      return;
    }
    try {
      release(ptr, 0);
    } catch {
      throw refusal(
        `call of \`${name}.free\``,
        `the ${name} is in use by a call that has not returned (free() was called from a getter or ` +
          "Proxy trap of one of its arguments); it stays usable: free it once that call has returned",
      );
    }
    this.__destroy_into_raw();
  };
  Object.defineProperty(proto, "free", { value: freeOnce, writable: true, configurable: true });
  if (Symbol.dispose && proto[Symbol.dispose] === free) proto[Symbol.dispose] = freeOnce;
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
    if (key === "constructor" || key === "free" || key.startsWith("__")) continue;
    const where = `${name}.${key}`;
    const receiver = (self) => {
      if (!(self instanceof klass)) throw refusal(`\`this\` in \`${where}\``, `expected a ${name}, found ${found(self)}`);
      if (self.__wbg_ptr === 0) throw refusal(`\`this\` in \`${where}\``, `expected a ${name}, found one that was freed`);
    };
    if (typeof d.get === "function") {
      const get = d.get;
      Object.defineProperty(proto, key, {
        ...d,
        get() {
          receiver(this);
          return checked(where, () => get.call(this));
        },
      });
    } else if (typeof d.value === "function") {
      const method = d.value;
      const indexed = INDEXED[name]?.includes(key);
      const wrapped = {
        [key](...args) {
          receiver(this);
          if (indexed) {
            const index = args[0];
            if (!Number.isInteger(index) || index < 0) {
              throw refusal(`argument of \`${where}\``, `expected an index (a whole number at least 0), found ${found(index)}`);
            }
            // Past the end of any cohort; the glue would wrap it around to a small one.
            if (index > 0xffffffff) return undefined;
          }
          return checked(where, () => method.apply(this, args));
        },
      }[key];
      Object.defineProperty(proto, key, { ...d, value: wrapped });
    }
  }
  for (const key of Object.getOwnPropertyNames(klass)) {
    const f = klass[key];
    if (typeof f !== "function" || key.startsWith("__")) continue;
    Object.defineProperty(klass, key, { value: guardFunction(`${name}.${key}`, f), writable: true, configurable: true });
  }
  return new Proxy(klass, {
    construct(target, args, newTarget) {
      return checked(`new ${name}`, () => Reflect.construct(target, args, newTarget));
    },
  });
}
