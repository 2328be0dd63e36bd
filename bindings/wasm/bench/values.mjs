// The conversion of a document given as an object: JSON.stringify alone against the walk
// of values.js and JSON.stringify, alternated seven times each, medians (BENCHMARKS.md).
import { jsonText } from "../values.js";
import { readFileSync } from "node:fs";
const off = JSON.parse(readFileSync(new URL("../../../examples/data/head_post_office_officers.json", import.meta.url), "utf8")).officers;
const officers = { format_version: 2, officers: Array.from({ length: 100000 }, (_, i) => ({ ...structuredClone(off[i % off.length]), id: "o" + i })) };
for (const [name, doc] of [["100k officers", officers]]) {
  const a = [], b = [];
  for (let r = 0; r < 7; r++) {
    let t = performance.now(); JSON.stringify(doc); a.push(performance.now() - t);
    t = performance.now(); jsonText(doc); b.push(performance.now() - t);
  }
  const med = (x) => x.sort((p, q) => p - q)[3].toFixed(1);
  console.log(name, "bytes", JSON.stringify(doc).length, "stringify median ms", med(a), "jsonText median ms", med(b));
}
