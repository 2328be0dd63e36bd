// The package's classes as callers meet them: each call refused with a KarmayogiError
// before the WebAssembly runs, where the generated glue would let a wrong value through or
// throw a plain Error without a code.
//
// - A method or getter called on an instance that was freed (`free()`), or on something
//   that is no instance of the class: the glue passed a null pointer, which the
//   WebAssembly refused with "null pointer passed to rust". `free()` itself, called again,
//   does nothing.
// - An index that is not a whole number at least 0: the glue converted it as WebAssembly
//   converts any value to a 32-bit integer (`undefined`, `null`, NaN, `{}` and 2**32 to 0,
//   1.9, "1" and `true` to 1), naming a real officer.
import { KarmayogiError } from "./errors.js";

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

// Methods taking an index (input order) as their first argument.
const INDEXED = { Cohort: ["officerId", "officerName", "profile"] };

/** `klass` with every method and getter checked (its prototype changed in place). */
export function guardClass(klass) {
  const name = klass.name;
  const proto = klass.prototype;
  // Freeing what was freed does nothing, as disposing of a resource twice does (the glue
  // passed the WebAssembly a null pointer).
  const free = proto.free;
  const freeOnce = function () {
    if (!(this instanceof klass)) throw refusal(`\`this\` in \`${name}.free\``, `expected a ${name}, found ${found(this)}`);
    if (this.__wbg_ptr !== 0) free.call(this);
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
          return get.call(this);
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
          return method.apply(this, args);
        },
      }[key];
      Object.defineProperty(proto, key, { ...d, value: wrapped });
    }
  }
  return klass;
}
