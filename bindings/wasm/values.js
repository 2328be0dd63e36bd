// The JSON text of a document given as an object, refusing what JSON cannot hold.
//
// `JSON.stringify` turns NaN and the infinities into `null`, drops functions, symbols and
// `undefined` in arrays for `null`, writes a Map or Set as `{}` and a Date as its string,
// passes over symbol keys, keys that are not enumerable
// (`Object.defineProperty(entry, "verified", {value: true})`) and keys of an array beside
// its elements (`officers.note = …`), and throws on a bigint: a document would then fail with a
// message about a `null` the caller never wrote, or be read as something else without a
// word. Each of these is refused here,
// with the path of the value and the id of the innermost object holding it that has one.
// `undefined` as the value of a key stays what JSON makes of it: the key absent. A string
// or key holding a lone surrogate (which `JSON.stringify` writes as a `\ud800` escape that
// no JSON reader takes) and a cycle (which it refuses) are refused the same way, the cycle
// with the path of the object the reference leads back to.

const PLAIN = [Object.prototype, Array.prototype, null];

function describe(value) {
  if (typeof value === "number") return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "bigint") return "a bigint";
  if (value === undefined) return "undefined";
  const proto = Object.getPrototypeOf(value);
  // An object made by `Object.create(other)` inherits `other`'s keys, and Object's
  // constructor: named by what it is, not as an instance of Object.
  if (proto !== null && !Object.hasOwn(proto, "constructor")) return "an object inheriting from another object than Object.prototype";
  const name = proto?.constructor?.name;
  return name ? `an object of class ${name}` : "an object that is not plain";
}

/** A symbol as `String` writes it (`Symbol(budget)`), its lone surrogates escaped. */
function symbolText(symbol) {
  return escapeLone(String(symbol));
}

/** What a thrown value says (`Error: x`), as the package's messages show it. */
export function thrownText(error) {
  try {
    return escapeLone(String(error));
  } catch {
    return "a value that cannot be shown as text";
  }
}

/**
 * What `value` is when it is an object JSON would write as something else (a `Map` as
 * `{}`, a `Date` as a string), for a message naming it: `an object of class Map`; null for
 * anything else.
 */
export function notPlain(value) {
  try {
    if (typeof value !== "object" || value === null || PLAIN.includes(Object.getPrototypeOf(value))) return null;
    return describe(value);
  } catch (error) {
    return `an object that cannot be read (reading it threw ${thrownText(error)})`;
  }
}

/**
 * The keys and values of an options object (or an object used as a map of ids), each read
 * once, so that a getter or Proxy trap runs once and the library reads plain values:
 * `{keys, values, thrown}`, with `keys` its own string keys (enumerable or not) in order,
 * `values` a prototype-less object of the values read, `thrown` a prototype-less object
 * of what reading a key threw (a getter or a Proxy's `get` trap), that key left out of
 * `values`, and `symbols` its own symbol keys as `String` writes them (`Symbol(budget)`),
 * which no option is named by and which are not read. `{found}` describes a value that is no plain object: a `Map`, `Set`, `Date`,
 * typed array or other class instance, an object inheriting from another than
 * `Object.prototype` (whose inherited keys would be read unchecked), or one whose
 * prototype or keys cannot be read (a Proxy trap throwing). `null` for a value that is no
 * object at all, or an array. O(keys).
 */
export function optionFields(value) {
  if (typeof value !== "object" || value === null) return null;
  let proto;
  let keys;
  let symbols;
  try {
    if (Array.isArray(value)) return null;
    proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { found: describe(value) };
    keys = Object.getOwnPropertyNames(value);
    symbols = Object.getOwnPropertySymbols(value).map(symbolText);
  } catch (error) {
    return { found: `an object that cannot be read (reading it threw ${thrownText(error)})` };
  }
  const values = Object.create(null);
  const thrown = Object.create(null);
  for (const key of keys) {
    try {
      values[key] = value[key];
    } catch (error) {
      thrown[key] = `reading it threw ${thrownText(error)}`;
    }
  }
  return { keys, values, thrown, symbols };
}

/**
 * The elements of an array in an options object (a level table and its rows), each read
 * once as `optionFields` reads keys: `{values, thrown}` (a new array, and what reading an
 * element threw by index), `{found}` for an array of a class other than Array or one that
 * cannot be read, `null` for a value that is no array. O(length).
 */
export function optionItems(value) {
  let length;
  try {
    if (!Array.isArray(value)) return null;
    if (Object.getPrototypeOf(value) !== Array.prototype) return { found: describe(value) };
    length = value.length;
  } catch (error) {
    return { found: `an array that cannot be read (reading it threw ${thrownText(error)})` };
  }
  const values = [];
  const thrown = Object.create(null);
  for (let i = 0; i < length; i++) {
    try {
      values.push(value[i]);
    } catch (error) {
      values.push(undefined);
      thrown[i] = `reading it threw ${thrownText(error)}`;
    }
  }
  return { values, thrown };
}

// A lone surrogate: half of a UTF-16 pair, which no character is.
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE = new RegExp(LONE.source);
// `isWellFormed` (Node.js 20, 2023 browsers) answers at once for a string of one-byte
// characters, as most are.
const wellFormed =
  typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !HAS_LONE.test(s);

// Whether every value under `value` is one JSON holds as written, no string or key holding
// a lone surrogate (which `JSON.stringify` writes as a `\ud800` escape no JSON reader
// takes): one pass with a stack of its own (no recursion, no paths), several times faster
// than a replacer. Run once `JSON.stringify` has written `text`, so the objects hold no
// cycle (the engine refuses one); a walk of more values than `text` has characters is not
// of the objects the engine wrote (a getter or `toJSON` answering another way each time),
// and is given up as a refusal.
function holdsOnlyJson(value, text) {
  const stack = [value];
  let budget = text.length;
  while (stack.length > 0) {
    if (--budget < 0) return false;
    const v = stack.pop();
    switch (typeof v) {
      case "string":
        if (!wellFormed(v)) return false;
        break;
      case "boolean":
        break;
      case "number":
        if (!Number.isFinite(v)) return false;
        break;
      case "object": {
        if (v === null) break;
        const proto = Object.getPrototypeOf(v);
        if (proto !== Array.prototype && proto !== Object.prototype && proto !== null) return false;
        // A symbol key, which `JSON.stringify` drops.
        if (Object.getOwnPropertySymbols(v).length > 0) return false;
        if (proto === Array.prototype) {
          // A key beside the elements, which `JSON.stringify` drops (or a hole, below):
          // an array's own string keys are its indices and `length`.
          if (Object.getOwnPropertyNames(v).length !== v.length + 1) return false;
          for (let i = 0; i < v.length; i++) {
            if (v[i] === undefined) return false;
            stack.push(v[i]);
          }
        } else {
          let enumerable = 0;
          for (const key in v) {
            if (!wellFormed(key)) return false;
            if (!Object.hasOwn(v, key)) continue;
            enumerable += 1;
            if (v[key] !== undefined) stack.push(v[key]);
          }
          // A key that is not enumerable, which `JSON.stringify` drops.
          if (Object.getOwnPropertyNames(v).length !== enumerable) return false;
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** The UTF-16 index of the first lone surrogate of the string `s`, or -1 when it has none. */
export function loneSurrogate(s) {
  if (wellFormed(s)) return -1;
  LONE.lastIndex = 0;
  const m = LONE.exec(s);
  return m ? m.index : -1;
}

/** `s` with each lone surrogate written as `\u{d800}`, as the library's messages escape what cannot be shown. */
export function escapeLone(s) {
  return loneSurrogate(s) < 0 ? s : s.replace(LONE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/**
 * The first own string key of the plain object or array `object` that `JSON.stringify`
 * passes over without a word, with what it is: a key that is not enumerable, or a key of
 * an array beside its elements (neither an index nor `length`); null when it has none.
 */
function droppedKey(object) {
  const names = Object.getOwnPropertyNames(object);
  if (Array.isArray(object)) {
    const index = (key) => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < object.length;
    const key = names.find((k) => k !== "length" && !index(k));
    return key === undefined ? null : { key, found: "a key of an array beside its elements, which JSON drops" };
  }
  const key = names.find((k) => !Object.prototype.propertyIsEnumerable.call(object, k));
  return key === undefined ? null : { key, found: "a key that is not enumerable, which JSON drops" };
}

function segment(path, key, inArray) {
  if (inArray) return `${path}[${key}]`;
  const k = escapeLone(key);
  return path ? `${path}.${k}` : k;
}

// The first reference back to an object that holds it (a cycle, which JSON cannot write),
// or the first value whose reading throws (a getter or Proxy trap), visiting in
// `JSON.stringify`'s order: `{path, id, found}` naming the reference's path and
// the path of the object it refers to, or null. Each object is walked once (a shared
// object met again after its walk is no cycle): O(objects + members).
function firstCycle(value) {
  const walked = new Map(); // object -> its depth on the path while walked, then -1
  const frames = [];
  const enter = (object, path, id) => {
    const own = !Array.isArray(object) && typeof object.id === "string" ? escapeLone(object.id) : id;
    walked.set(object, frames.length);
    frames.push({ object, keys: Array.isArray(object) ? null : Object.keys(object), next: 0, path, id: own });
  };
  const container = (v) => {
    if (typeof v !== "object" || v === null || typeof v.toJSON === "function") return false;
    return PLAIN.includes(Object.getPrototypeOf(v));
  };
  if (!container(value)) return null;
  enter(value, "", null);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const length = frame.keys ? frame.keys.length : frame.object.length;
    if (frame.next >= length) {
      walked.set(frame.object, -1);
      frames.pop();
      continue;
    }
    const key = frame.keys ? frame.keys[frame.next] : frame.next;
    frame.next += 1;
    const path = segment(frame.path, String(key), !frame.keys);
    let child;
    try {
      child = frame.object[key];
    } catch (error) {
      // A getter or Proxy trap throwing, which made `JSON.stringify` throw.
      return { path, id: frame.id, found: `a value that cannot be read (reading it threw ${thrownText(error)})` };
    }
    if (!container(child)) continue;
    const depth = walked.get(child);
    if (depth === undefined) {
      enter(child, path, frame.id);
    } else if (depth >= 0) {
      const { path: target, object } = frames[depth];
      const own = !Array.isArray(object) && typeof object.id === "string" ? ` (id \`${escapeLone(object.id)}\`)` : "";
      const named = target ? `\`${target}\`` : `the top-level object${own}`;
      return { path, id: frame.id, found: `a reference back to ${named}, which holds it (a cycle)` };
    }
  }
  return null;
}

/**
 * The JSON text of `value` (a plain object or array), or `{path, id, found}` for the first
 * value JSON cannot hold, in the order `JSON.stringify` visits them: a value it would change
 * or drop, a key it would drop (a symbol key, a key that is not enumerable, a key of an
 * array beside its elements), a string or key holding a lone surrogate, or a reference
 * back to an object that holds it (a cycle). Linear in the text (or, refused, in the
 * objects).
 */
export function jsonText(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  let holds = false;
  try {
    holds = text !== undefined && holdsOnlyJson(value, text);
  } catch {
    // A getter or Proxy trap throwing the second time it is read: found again below.
  }
  return holds ? text : firstRefused(value);
}

// The first value JSON cannot hold, found by a replacer that follows `JSON.stringify`.
function firstRefused(value) {
  const places = new Map();
  let refused = null;
  const replacer = function (key, visited) {
    if (refused) return undefined;
    const holder = places.get(this) ?? { path: "", id: null };
    const path =
      this === undefined || !places.has(this) ? "" : segment(holder.path, key, Array.isArray(this));
    const original = places.has(this) ? this[key] : value;
    const absentKey = original === undefined && !Array.isArray(this) && places.has(this);
    const bad =
      (typeof original === "number" && !Number.isFinite(original)) ||
      typeof original === "function" ||
      typeof original === "symbol" ||
      typeof original === "bigint" ||
      (original === undefined && !absentKey) ||
      (typeof original === "object" && original !== null && !PLAIN.includes(Object.getPrototypeOf(original)));
    if (bad) {
      refused = { path, id: holder.id, found: describe(original) };
      return undefined;
    }
    const keyAt = places.has(this) && !Array.isArray(this) ? loneSurrogate(key) : -1;
    const textAt = typeof original === "string" ? loneSurrogate(original) : -1;
    if (keyAt >= 0 || textAt >= 0) {
      const [what, s, at] = keyAt >= 0 ? ["a key", key, keyAt] : ["a string", original, textAt];
      const unit = s.charCodeAt(at).toString(16);
      refused = {
        path,
        id: holder.id,
        found: `${what} holding a lone surrogate (\\u{${unit}}, half of a UTF-16 pair) at character ${at + 1}`,
      };
      return undefined;
    }
    if (typeof original === "object" && original !== null) {
      // A key JSON drops: the innermost object holding it with an id is the object itself
      // when it has one.
      const own = !Array.isArray(original) && typeof original.id === "string" ? escapeLone(original.id) : holder.id;
      const symbols = Object.getOwnPropertySymbols(original);
      if (symbols.length > 0) {
        const at = segment(path, symbolText(symbols[0]), false);
        refused = { path: at, id: own, found: "a symbol key, which JSON drops" };
        return undefined;
      }
      const dropped = droppedKey(original);
      if (dropped !== null) {
        refused = { path: segment(path, dropped.key, false), id: own, found: dropped.found };
        return undefined;
      }
    }
    if (typeof visited === "object" && visited !== null) {
      const id = !Array.isArray(visited) && typeof visited.id === "string" ? escapeLone(visited.id) : holder.id;
      places.set(visited, { path, id });
    }
    return visited;
  };
  let text;
  try {
    text = JSON.stringify(value, replacer);
  } catch (error) {
    // A cycle (a TypeError) or a structure the engine cannot write (a RangeError: nested
    // past its stack, or longer than its longest string).
    let first = null;
    try {
      first = firstCycle(value);
    } catch {
      // A Proxy trap throwing on the object's prototype or keys, which the walk read.
    }
    return first ?? { path: "", id: null, found: `a value JSON.stringify cannot write (${thrownText(error)})` };
  }
  return refused ?? text;
}

// Every string the WebAssembly reads (an id, a document's or CSV file's text, an option's
// value or key) crosses as UTF-8, which has no form for a lone surrogate: the glue writes
// U+FFFD in its place, and an id would be read as another (`a\uD800` and `a\uDBFF` as one
// duplicate `a\uFFFD`). The glue (patched by scripts/build.mjs) hands each string to
// `noteText` first; the package's calls (calls.js) refuse the call when one was noted.
let noted = [];

/** Keeps `s` when it holds a lone surrogate, for the call reading it to refuse. */
export function noteText(s) {
  if (loneSurrogate(s) >= 0) noted.push(s);
}

/** The strings holding a lone surrogate read since the last call, each once, forgotten. */
export function takeNoted() {
  const taken = [...new Set(noted)];
  noted = [];
  return taken;
}
