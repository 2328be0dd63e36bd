// Builds the package: the bindings crate for wasm32, wasm-bindgen's JavaScript and
// declarations into pkg/, wasm-opt, and the demo's bundled data. Prints the sizes.
//
//   node scripts/build.mjs            # the pinned nightly if installed, else stable
//   node scripts/build.mjs --stable   # stable, even when the nightly is installed
//
// The size build uses the nightly toolchain named in `nightly-toolchain` (with its
// `rust-src` component) to compile the standard library with the module
// (`-Zbuild-std`) under the `immediate-abort` panic strategy: a panic traps at once, as
// it does anyway in the page, without the code that formats its message and location.
// Without that toolchain it builds with stable and says so: the same API and the same
// outputs, a larger module. Installing the nightly:
//
//   rustup toolchain install "$(cat nightly-toolchain)" --profile minimal --component rust-src
//
// Needs cargo with the wasm32-unknown-unknown target for the stable build; installs the
// wasm-bindgen CLI at the exact version Cargo.lock pins for the wasm-bindgen crate when it
// is missing (the two must match). wasm-opt comes from the `binaryen` dev dependency;
// without it the step is skipped.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { nameBySimilarity } from "./order-functions.mjs";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(here, "..", "..");
const pkg = join(here, "pkg");
const profile = "wasm-release";
// Cargo's target directory, wherever CARGO_TARGET_DIR or a cargo config puts it.
const targetDir = JSON.parse(
  execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  }),
).target_directory;
const built = join(targetDir, "wasm32-unknown-unknown", profile, "karmayogi_wasm.wasm");

function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { stdio: "inherit", ...options });
  if (r.status !== 0) {
    throw new Error(`${command} failed (${r.error?.message ?? `exit ${r.status}`})`);
  }
}

/** The wasm-bindgen crate's version in Cargo.lock: the CLI must be exactly this one. */
function lockedBindgenVersion() {
  const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
  const m = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!m) throw new Error("Cargo.lock has no wasm-bindgen package");
  return m[1];
}

function installedBindgenVersion() {
  try {
    return execFileSync("wasm-bindgen", ["--version"], { encoding: "utf8" }).trim().split(" ")[1];
  } catch {
    return null;
  }
}

const version = lockedBindgenVersion();
if (installedBindgenVersion() !== version) {
  run("cargo", ["install", "wasm-bindgen-cli", "--version", version, "--locked"]);
}

/** The pinned nightly, if rustup has it with the standard library's sources; else null. */
function sizeToolchain() {
  const nightly = readFileSync(join(here, "nightly-toolchain"), "utf8").trim();
  // Only an installed toolchain: `rustup run` may otherwise download it.
  const list = spawnSync("rustup", ["toolchain", "list"], { encoding: "utf8" });
  if (list.status !== 0 || !list.stdout.split("\n").some((line) => line.startsWith(`${nightly}-`))) return null;
  const r = spawnSync("rustup", ["run", nightly, "rustc", "--print", "sysroot"], { encoding: "utf8" });
  if (r.status !== 0) return null;
  const sources = join(r.stdout.trim(), "lib", "rustlib", "src", "rust", "library", "std");
  return existsSync(sources) ? nightly : null;
}

const cargoBuild = ["build", "-p", "karmayogi-wasm", "--target", "wasm32-unknown-unknown", "--profile", profile];
const nightly = process.argv.includes("--stable") ? null : sizeToolchain();
let toolchain;
if (nightly) {
  toolchain = `${nightly}, -Zbuild-std, optimize_for_size, panic=immediate-abort, location-detail=none`;
  // The standard library's `optimize_for_size` feature picks its smaller implementations
  // (sorts, integer formatting). `-Zlocation-detail=none` leaves out the file, line and
  // column that `#[track_caller]` code still passes to its panics, which the
  // `immediate-abort` strategy never prints: 1,156 bytes less data (487 gzipped), the
  // file names and locations. RUSTFLAGS reach only the crates built for the target (std
  // included), not build scripts.
  const std = ["-Zbuild-std=std,panic_abort", "-Zbuild-std-features=optimize_for_size"];
  run("cargo", [`+${nightly}`, ...cargoBuild, ...std], {
    cwd: root,
    env: {
      ...process.env,
      RUSTFLAGS: `${process.env.RUSTFLAGS ?? ""} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none`.trim(),
    },
  });
} else {
  toolchain = "stable";
  console.log(
    "the pinned nightly (bindings/wasm/nightly-toolchain) with rust-src is not installed, or --stable: " +
      "building with stable, a larger module",
  );
  run("cargo", cargoBuild, { cwd: root });
}

// wasm-bindgen and wasm-opt only when the compiled module changed (wasm-opt takes a while).
const digest = createHash("sha256")
  .update(readFileSync(built))
  .update(version)
  .update(readFileSync(join(here, "scripts", "build.mjs")))
  .update(readFileSync(join(here, "scripts", "order-functions.mjs")))
  .update(toolchain)
  .digest("hex");
const stamp = join(pkg, ".stamp");
const outputs = ["karmayogi_wasm.js", "karmayogi_wasm.d.ts", "karmayogi_wasm_bg.wasm"].map((f) => join(pkg, f));
if (!(existsSync(stamp) && readFileSync(stamp, "utf8") === digest && outputs.every(existsSync))) {
  run("wasm-bindgen", ["--target", "web", "--out-dir", pkg, "--out-name", "karmayogi_wasm", built]);
  // The glue checks an argument that must be an instance of a class (`fw.gap(profile)`)
  // before the WebAssembly runs, throwing a plain Error without a code; and a freed
  // instance (`free()` called) reached the WebAssembly as a null pointer, whose message
  // ("null pointer passed to rust") says nothing of the argument. Both become the
  // package's KarmayogiError, a `json` problem naming what was expected, as a wrong
  // argument of any other type is.
  const glue = join(pkg, "karmayogi_wasm.js");
  const check = [
    "function _assertClass(instance, klass) {",
    "    if (!(instance instanceof klass)) {",
    "        throw new Error(`expected instance of ${klass.name}`);",
    "    }",
    "}",
  ].join("\n");
  const argument = `function _assertClass(instance, klass) {
    const found = instance === null ? "null" : instance instanceof klass ? null : typeof instance === "object" ? \`an object of class \${instance.constructor?.name ?? "none"}\` : typeof instance;
    const freed = found === null && instance.__wbg_ptr === 0;
    if (found !== null || freed) {
        const description = freed ? \`expected a \${klass.name}, found one that was freed\` : \`expected a \${klass.name}, found \${found}\`;
        const message = \`invalid argument: \${description}\`;
        throw new KarmayogiError(message, [{ code: "json", line: 0, column: 0, path: "", id: null, description, message }]);
    }
}`;
  // Every string the WebAssembly reads crosses as UTF-8, a lone surrogate as U+FFFD (an id
  // read as another): each is shown to values.js first, which keeps those holding one for
  // the call reading them to refuse (calls.js).
  const importErrors = "import { KarmayogiError } from '../errors.js';";
  const stringGet = "const ret = typeof(obj) === 'string' ? obj : undefined;\n            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(";
  const noted = "const ret = typeof(obj) === 'string' ? obj : undefined;\n            if (ret !== undefined) noteText(ret);\n            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(";
  const text = readFileSync(glue, "utf8");
  if (text.split(check).length !== 2 || text.split(importErrors).length !== 2 || text.split(stringGet).length !== 2) {
    throw new Error("wasm-bindgen's glue changed: its class check or string reader was not found once; update scripts/build.mjs");
  }
  writeFileSync(
    glue,
    text
      .replace(check, argument)
      .replace(importErrors, `${importErrors}\nimport { noteText } from '../values.js';`)
      .replace(stringGet, noted),
  );
  const wasmOpt = join(here, "node_modules", ".bin", "wasm-opt");
  const wasm = join(pkg, "karmayogi_wasm_bg.wasm");
  if (existsSync(wasmOpt)) {
    // The features rustc enables by default for wasm32-unknown-unknown.
    const features = [
      "--enable-bulk-memory",
      "--enable-bulk-memory-opt",
      "--enable-sign-ext",
      "--enable-mutable-globals",
      "--enable-nontrapping-float-to-int",
      "--enable-reference-types",
      "--enable-multivalue",
    ];
    // The module defines its own memory, so it starts zero-filled (wasm-opt may then drop
    // zero bytes from the data); and no address the code computes wraps around into the low
    // 1 KiB (the deep end of the 1 MiB stack below the data), so wasm-opt may fold constant
    // offsets into loads and stores. Together 2,639 bytes less gzipped (as pkg/sizes.json
    // measures; 3,350 with the gzip command).
    const assumptions = ["--zero-filled-memory", "--low-memory-unused"];
    // A function called from one place is inlined only when it is as small as any other
    // function wasm-opt inlines (by default it is inlined whatever its size): the module
    // keeps more, smaller functions, which the order below puts next to similar ones. The
    // code grows by 20 KB, and compresses 43 KB smaller (393,213 → 350,218 bytes gzipped;
    // 371,038 with a limit of 100 bytes, 350,240 with 20). With it, `-Os` gives 790 bytes
    // less than `-Oz` (349,428).
    const inlining = ["--one-caller-inline-max-function-size=0"];
    run(wasmOpt, ["-Os", "--converge", ...assumptions, ...inlining, ...features, wasm, "-o", wasm]);
    // Functions with similar code next to each other, which gzip compresses better (see
    // order-functions.mjs). Reading wasm-opt's output back in adds 1.6 KB of code; the
    // locals passes win back 700 bytes gzipped of it. Together 10,334 bytes less gzipped.
    console.log("ordering functions by similarity");
    writeFileSync(wasm, nameBySimilarity(readFileSync(wasm)));
    run(wasmOpt, [
      "--reorder-functions-by-name",
      "--coalesce-locals",
      "--reorder-locals",
      "--strip-debug",
      "--strip-producers",
      "--strip-target-features",
      ...features,
      wasm,
      "-o",
      wasm,
    ]);
  } else {
    console.log("wasm-opt not installed (npm ci installs binaryen): size not optimised");
  }
  writeFileSync(stamp, digest);
}

// The demo's bundled data: the repository's head-post-office example (JSON documents and
// the same officers as an HR export's CSV files).
const data = join(here, "demo", "data");
mkdirSync(data, { recursive: true });
for (const f of readdirSync(join(root, "examples", "data"))) {
  if (f.endsWith(".json") || f.endsWith(".csv")) copyFileSync(join(root, "examples", "data", f), join(data, f));
}

const wasmBytes = readFileSync(join(pkg, "karmayogi_wasm_bg.wasm"));
const js = readFileSync(join(pkg, "karmayogi_wasm.js"));
const sizes = {
  toolchain,
  wasm: wasmBytes.length,
  wasm_gzip: gzipSync(wasmBytes, { level: 9 }).length,
  js: js.length,
  js_gzip: gzipSync(js, { level: 9 }).length,
};
writeFileSync(join(pkg, "sizes.json"), JSON.stringify(sizes, null, 2) + "\n");
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `karmayogi_wasm_bg.wasm: ${kb(sizes.wasm)} (gzip -9: ${kb(sizes.wasm_gzip)}); ` +
    `karmayogi_wasm.js: ${kb(sizes.js)} (gzip -9: ${kb(sizes.js_gzip)})`,
);
