// The JSON text of a document given as an object, refusing what JSON cannot hold.
//
// `JSON.stringify` turns NaN and the infinities into `null`, drops functions, symbols and
// `undefined` in arrays for `null`, writes a Map or Set as `{}` and a Date as its string, and
// throws on a bigint: a document would then fail with a message about a `null` the caller
// never wrote, or be read as something else without a word. Each of these is refused here,
// with the path of the value and the id of the innermost object holding it that has one.
// `undefined` as the value of a key stays what JSON makes of it: the key absent.

const PLAIN = [Object.prototype, Array.prototype, null];

function describe(value) {
  if (typeof value === "number") return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "bigint") return "a bigint";
  if (value === undefined) return "undefined";
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name ? `an object of class ${name}` : "an object that is not plain";
}

// Whether every value under `value` is one JSON holds as written: one pass with a stack
// of its own (no recursion, no paths), several times faster than a replacer.
function holdsOnlyJson(value) {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    switch (typeof v) {
      case "string":
      case "boolean":
        break;
      case "number":
        if (!Number.isFinite(v)) return false;
        break;
      case "object": {
        if (v === null) break;
        const proto = Object.getPrototypeOf(v);
        if (proto === Array.prototype) {
          for (let i = 0; i < v.length; i++) {
            if (v[i] === undefined) return false;
            stack.push(v[i]);
          }
        } else if (proto === Object.prototype || proto === null) {
          for (const key in v) {
            if (Object.hasOwn(v, key) && v[key] !== undefined) stack.push(v[key]);
          }
        } else {
          return false;
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/**
 * The JSON text of `value` (a plain object or array), or `{path, id, found}` for the first
 * value JSON cannot hold, in the order `JSON.stringify` visits them.
 */
export function jsonText(value) {
  if (holdsOnlyJson(value)) return JSON.stringify(value);
  const places = new Map();
  let refused = null;
  const text = JSON.stringify(value, function (key, visited) {
    if (refused) return undefined;
    const holder = places.get(this) ?? { path: "", id: null };
    const path =
      this === undefined || !places.has(this)
        ? ""
        : Array.isArray(this)
          ? `${holder.path}[${key}]`
          : holder.path
            ? `${holder.path}.${key}`
            : key;
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
    if (typeof visited === "object" && visited !== null) {
      const id = !Array.isArray(visited) && typeof visited.id === "string" ? visited.id : holder.id;
      places.set(visited, { path, id });
    }
    return visited;
  });
  return refused ?? text;
}
