// Appended by record-calls.sh to a copy of pkg/karmayogi_wasm.js: wraps every exported
// function, class constructor, static and prototype method and getter, and appends one
// line per call (its name, "ok" or "throw", and the first 16 hex digits of a SHA-256 of
// the result or the thrown error as JSON, the package's objects named by class) to $REC_OUT.
import { appendFileSync as __recAppend } from "node:fs";
import { createHash as __recHash } from "node:crypto";
const __recClasses = new Map();
function __recSer(v) {
  const seen = new WeakSet();
  return JSON.stringify(v, function (k, x) {
    if (typeof x === "bigint") return `bigint:${x}`;
    if (typeof x === "number" && !Number.isFinite(x)) return `num:${x}`;
    if (x === undefined) return "undefined";
    if (x && typeof x === "object") {
      for (const [name, cls] of __recClasses) if (x instanceof cls) return `<${name}>`;
      if (ArrayBuffer.isView(x)) return { typed: x.constructor.name, v: Array.from(x, (e) => (typeof e === "bigint" ? `${e}` : e)) };
      if (x instanceof Map) return { map: [...x.entries()] };
      if (x instanceof Set) return { set: [...x.values()] };
      if (x instanceof Error) return { error: x.name, message: x.message, ...Object.fromEntries(Object.entries(x)) };
      if (seen.has(x)) return "<cycle>";
      seen.add(x);
    }
    return x;
  });
}
function __recLog(name, kind, value) {
  const h = __recHash("sha256").update(kind + (__recSer(value) ?? "undefined")).digest("hex").slice(0, 16);
  __recAppend(process.env.REC_OUT, `${name}\t${kind}\t${h}\n`);
}
function __recWrap(name, f) {
  return function (...args) {
    let r;
    try {
      r = new.target ? Reflect.construct(f, args, new.target) : f.apply(this, args);
    } catch (e) {
      __recLog(name, "throw", e);
      throw e;
    }
    __recLog(name, "ok", r);
    return r;
  };
}
function __recClass(name, cls) {
  __recClasses.set(name, cls);
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))) {
    if (k === "constructor" || k.startsWith("__") || k === "free") continue;
    if (typeof d.value === "function") Object.defineProperty(cls.prototype, k, { ...d, value: __recWrap(`${name}.${k}`, d.value) });
    else if (d.get) Object.defineProperty(cls.prototype, k, { ...d, get: __recWrap(`${name}.get ${k}`, d.get) });
  }
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(cls))) {
    if (k.startsWith("__") || typeof d.value !== "function" || k === "prototype") continue;
    Object.defineProperty(cls, k, { ...d, value: __recWrap(`${name}::${k}`, d.value) });
  }
  return new Proxy(cls, { construct(t, args, nt) {
    let r;
    try { r = Reflect.construct(t, args, nt); } catch (e) { __recLog(`new ${name}`, "throw", e); throw e; }
    __recLog(`new ${name}`, "ok", r);
    return r;
  } });
}
