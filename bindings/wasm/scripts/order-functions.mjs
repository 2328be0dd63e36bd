// Orders a module's functions so that functions with similar code sit next to each other,
// which gzip compresses better: its matches reach back only 32 KiB, and the many
// instantiations of the same generic code (serde's visitors, hash-map and B-tree
// operations, drop glue) are otherwise spread over the whole code section.
//
// The order is written as the module's name section: every defined function is named by
// its rank ("o000000", "o000001", …), so that `wasm-opt --reorder-functions-by-name` then
// moves the code (and renumbers every call, export and table entry). Nothing but the order
// changes; the build strips the names afterwards.
//
// Similarity is estimated from each body's 4-byte substrings by MinHash (192 hashes), and
// the order is a greedy chain: from the first function, the CANDIDATES functions not placed
// yet that are most like the last few placed, and of those the one that deflate (zlib,
// level 9) compresses best after the last 32 KiB placed, gzip's reach: its extra compressed
// bytes per byte of code. Deterministic: the same module and the same zlib give the same
// order. (Measured, BENCHMARKS.md: 96 hashes saved 1.1 KB less, 384 no more; 3-, 6- and
// 8-byte substrings 1.8 to 2.3 KB less; the decay 0.8 1.0 KB more than none, 0.7 and 0.9
// less than 0.8; deflate choosing among 16 candidates 4.2 KB more than the most similar
// alone, among 8 3.7 KB, among 32 4.5 KB in about twice the time; after 8 KiB placed instead of
// 32 KiB, 2.0 to 2.4 KB.)

import { deflateRawSync } from "node:zlib";

const HASHES = 192;
const SHINGLE = 4;
const DECAY = 0.8;
const CANDIDATES = 16;
const WINDOW = 32 * 1024;

class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  byte() {
    return this.bytes[this.at++];
  }
  /** An unsigned LEB128 number. */
  u32() {
    let value = 0;
    let scale = 1;
    let b;
    do {
      b = this.byte();
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return value;
  }
  skip(n) {
    this.at += n;
  }
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** The sections of a module: id, payload start and end, and where the header starts. */
function sections(bytes) {
  const r = new Reader(bytes, 8);
  const out = [];
  while (r.at < bytes.length) {
    const header = r.at;
    const id = r.byte();
    const size = r.u32();
    out.push({ id, header, start: r.at, end: r.at + size });
    r.skip(size);
  }
  return out;
}

/** The number of imported functions (they come first in the function index space). */
function importedFunctions(bytes, section) {
  const r = new Reader(bytes, section.start);
  let functions = 0;
  const limits = () => {
    const flags = r.byte();
    r.u32();
    if (flags & 1) r.u32();
  };
  for (let n = r.u32(); n > 0; n--) {
    r.skip(r.u32()); // module
    r.skip(r.u32()); // name
    const kind = r.byte();
    if (kind === 0) {
      functions++;
      r.u32();
    } else if (kind === 1) {
      r.byte();
      limits();
    } else if (kind === 2) {
      limits();
    } else if (kind === 3) {
      r.skip(2);
    } else if (kind === 4) {
      r.byte();
      r.u32();
    } else {
      throw new Error(`import kind ${kind} not known`);
    }
  }
  return functions;
}

function bodies(bytes, section) {
  const r = new Reader(bytes, section.start);
  const out = [];
  for (let n = r.u32(); n > 0; n--) {
    const size = r.u32();
    out.push(bytes.subarray(r.at, r.at + size));
    r.skip(size);
  }
  return out;
}

/** MinHash signatures of the bodies' 4-byte substrings, one row of HASHES per body. */
function signatures(code) {
  const seeds = Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
  const sig = new Uint32Array(code.length * HASHES).fill(0xffffffff);
  code.forEach((body, f) => {
    const row = f * HASHES;
    for (let i = 0; i + SHINGLE <= body.length; i++) {
      let v = 0x811c9dc5;
      for (let j = 0; j < SHINGLE; j++) v = Math.imul(v ^ body[i + j], 0x01000193) >>> 0;
      for (let k = 0; k < HASHES; k++) {
        let h = Math.imul(v ^ seeds[k], 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35) >>> 0;
        h = (h ^ (h >>> 16)) >>> 0;
        if (h < sig[row + k]) sig[row + k] = h;
      }
    }
  });
  return sig;
}

/** Deflate's output for `bytes` (raw, level 9), in bytes. */
function deflated(bytes) {
  return deflateRawSync(bytes, { level: 9 }).length;
}

/**
 * The greedy chain, as positions of `code`: from the first function, of the CANDIDATES
 * functions not placed yet that are most like the last ones placed, the one that adds the
 * fewest deflated bytes per byte of its code after the last WINDOW bytes placed. A
 * candidate's likeness is the larger of its similarity to the function just placed and
 * DECAY times its likeness one step before, so what was placed a few functions back (still
 * within gzip's reach) counts too.
 */
function chain(code) {
  const n = code.length;
  if (n === 0) return [];
  const sig = signatures(code);
  const placed = new Uint8Array(n);
  const scores = new Float64Array(n);
  const order = [0];
  placed[0] = 1;
  let next = 1; // the first function not placed yet, in the module's order
  let current = 0;
  let tail = Buffer.from(code[0]); // the last WINDOW bytes placed
  // The most similar candidates, best first (likeness, position; -1 for none).
  const likeness = new Float64Array(CANDIDATES);
  const candidates = new Int32Array(CANDIDATES);
  while (order.length < n) {
    likeness.fill(-1);
    candidates.fill(-1);
    const a = current * HASHES;
    for (let g = 0; g < n; g++) {
      if (placed[g]) continue;
      const b = g * HASHES;
      let same = 0;
      for (let k = 0; k < HASHES; k++) if (sig[a + k] === sig[b + k]) same++;
      const score = Math.max(same, scores[g] * DECAY);
      scores[g] = score;
      // Two matching hashes in 192 or fewer: not similar.
      if (score > 2 && score > likeness[CANDIDATES - 1]) {
        let i = CANDIDATES - 1;
        for (; i > 0 && likeness[i - 1] < score; i--) {
          likeness[i] = likeness[i - 1];
          candidates[i] = candidates[i - 1];
        }
        likeness[i] = score;
        candidates[i] = g;
      }
    }
    let best = candidates[0];
    if (best < 0) {
      while (placed[next]) next++;
      best = next;
    } else if (candidates[1] >= 0) {
      const before = deflated(tail);
      let fewest = Infinity;
      for (let i = 0; i < CANDIDATES && candidates[i] >= 0; i++) {
        const body = code[candidates[i]];
        const added = (deflated(Buffer.concat([tail, body])) - before) / Math.max(body.length, 1);
        if (added < fewest) {
          fewest = added;
          best = candidates[i];
        }
      }
    }
    placed[best] = 1;
    order.push(best);
    current = best;
    tail = Buffer.concat([tail, code[best]]);
    if (tail.length > WINDOW) tail = tail.subarray(tail.length - WINDOW);
  }
  return order;
}

/** Whether a section is the custom section "name". */
function isNameSection(bytes, section) {
  if (section.id !== 0) return false;
  const r = new Reader(bytes, section.start);
  const length = r.u32();
  return Buffer.from(bytes.subarray(r.at, r.at + length)).toString() === "name";
}

/**
 * The module with a name section that names each defined function by its rank in the
 * similarity order ("o000000", "o000001", …) and nothing else, in place of any name
 * section it had.
 */
export function nameBySimilarity(bytes) {
  const all = sections(bytes);
  const imports = all.find((s) => s.id === 2);
  const importCount = imports ? importedFunctions(bytes, imports) : 0;
  const codeSection = all.find((s) => s.id === 10);
  const code = codeSection ? bodies(bytes, codeSection) : [];
  const rank = new Array(code.length);
  chain(code).forEach((f, i) => {
    rank[f] = i;
  });
  const entries = [];
  for (let f = 0; f < code.length; f++) {
    const name = Buffer.from(`o${String(rank[f]).padStart(6, "0")}`);
    entries.push(...leb(importCount + f), ...leb(name.length), ...name);
  }
  const list = [...leb(code.length), ...entries];
  const functionNames = [1, ...leb(list.length), ...list];
  const payload = Buffer.from([4, ...Buffer.from("name"), ...functionNames]);
  const section = Buffer.concat([Buffer.from([0, ...leb(payload.length)]), payload]);
  const kept = all.filter((s) => !isNameSection(bytes, s)).map((s) => bytes.subarray(s.header, s.end));
  return Buffer.concat([bytes.subarray(0, 8), ...kept, section]);
}
