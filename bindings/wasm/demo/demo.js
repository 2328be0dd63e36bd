// The demo page: load a framework and officers (a JSON document or an HR export's CSV
// files), list the officers, show one officer's gaps and learning path, and the
// department's training needs as a heatmap; show a broken file's problems next to the
// entries or rows they concern. Plain DOM, no framework; the package is imported from the
// directory above.
import { Cohort, Framework, KarmayogiError, Profile, loadOfficers, parseOfficers } from "../index.js";

const $ = (id) => document.getElementById(id);
const LEVEL_NAMES = ["None", "Basic", "Proficient", "Advanced", "Expert", "Ustad"];
const SECTIONS = {
  competency: "competencies",
  group: "groups",
  activity: "activities",
  role: "roles",
  position: "positions",
  course: "courses",
  officer: "officers",
};

const state = { framework: null, officers: [], cohort: null, selected: null };

/** Creates an element with attributes and children (strings become text). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children.flat()) node.append(c instanceof Node ? c : String(c));
  return node;
}

function status(text, error = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", error);
}

const percent = (x) => `${Math.round(x * 100)}%`;
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function levelName(competency, level) {
  const named = state.framework.competency(competency)?.levels?.find((l) => l.level === level)?.name;
  return `${level} ${named ?? LEVEL_NAMES[level] ?? ""}`.trim();
}

/** "Role → Activity" for each path that demands a competency. */
function provenanceText(provenance) {
  const roles = new Map(state.framework.roles().map((r) => [r.id, r.name]));
  const activities = new Map(state.framework.activities().map((a) => [a.id, a.name]));
  return provenance
    .map((p) => {
      const role = roles.get(p.role) ?? p.role;
      return p.activity ? `${role} → ${activities.get(p.activity) ?? p.activity}` : `${role} (role)`;
    })
    .join("; ");
}

// ---------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return { name: url.split("/").pop(), text: await response.text() };
}

async function loadExample() {
  const [framework, officers] = await Promise.all(
    ["data/head_post_office.json", "data/head_post_office_officers.json"].map(fetchText),
  );
  load(framework, { json: officers });
}

/** The example's officers as an HR export: officers.csv and evidence.csv. */
async function loadExampleCsv() {
  const [framework, officers, evidence] = await Promise.all(
    ["data/head_post_office.json", "data/head_post_office_officers.csv", "data/head_post_office_evidence.csv"].map(fetchText),
  );
  load(framework, { csv: { officers, evidence } });
}

/**
 * Reads the officers: a JSON document (`{json: file}`) through the package's document
 * reader, or an HR export (`{csv: {officers, evidence}}`) through its CSV loader, which
 * checks every row against the framework and returns warnings too.
 */
function readOfficers(framework, source) {
  if (source.json) {
    const list = parseOfficers(source.json.text).officers;
    return { list, cohort: new Cohort(framework, source.json.text), warnings: [], name: source.json.name };
  }
  const { officers, evidence } = source.csv;
  const load = loadOfficers(framework, { officers: officers.text, evidence: evidence?.text });
  return {
    list: load.officers,
    cohort: new Cohort(framework, load.officers),
    warnings: load.warnings,
    name: [officers.name, evidence?.name].filter(Boolean).join(" + "),
  };
}

/** Validates and shows a framework and (optionally) officers, given as file texts. */
function load(framework, officers) {
  $("problems").hidden = true;
  $("warnings").hidden = true;
  $("explorer").hidden = true;
  let built;
  try {
    built = new Framework(framework.text);
  } catch (e) {
    showProblems(e, framework, "framework");
    return;
  }
  state.framework?.free();
  state.cohort?.free();
  state.framework = built;
  state.officers = [];
  state.cohort = null;
  state.selected = null;
  state.lastFramework = framework;
  let read = null;
  if (officers) {
    try {
      read = readOfficers(built, officers);
    } catch (e) {
      state.officers = [];
      if (officers.json) showProblems(e, officers.json, "officers");
      else showRowProblems(e, officers.csv);
      return;
    }
    state.officers = read.list;
    state.cohort = read.cohort;
    showWarnings(read.warnings, officers.csv);
  }
  const positions = built.positions().length;
  status(
    `${framework.name}: ${built.competencies().length} competencies, ${positions} positions, ` +
      `${built.courses().length} courses` +
      (read ? `; ${read.name}: ${plural(state.officers.length, "officer")}` : "; no officers loaded") +
      (read?.warnings.length ? `, ${plural(read.warnings.length, "warning")}` : ""),
  );
  $("explorer").hidden = false;
  renderOfficers();
  renderNeeds();
  if (state.officers.length > 0) select(state.officers[0].id);
  else $("officer").replaceChildren(el("p", { class: "hint" }, "Load an officers file to see gaps."));
}

async function readFile(input) {
  const file = input.files?.[0];
  return file ? { name: file.name, text: await file.text() } : null;
}

// ---------------------------------------------------------------------------------------
// Officers and their gaps
// ---------------------------------------------------------------------------------------

function renderOfficers() {
  const list = $("officer-list");
  list.replaceChildren();
  for (const officer of state.officers) {
    const profile = new Profile(state.framework, officer);
    const report = state.framework.gap(profile);
    profile.free();
    const post = report.position_name;
    list.append(
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", "data-officer": officer.id, onclick: () => select(officer.id) },
          el("span", { class: "ready", title: "readiness" }, percent(report.readiness)),
          el("span", { class: "name" }, report.officer_name ?? officer.id),
          el("span", { class: "post" }, post),
        ),
      ),
    );
  }
}

function select(id) {
  state.selected = id;
  for (const b of document.querySelectorAll("#officer-list button")) {
    b.setAttribute("aria-pressed", String(b.dataset.officer === id));
  }
  renderOfficer();
}

function renderOfficer() {
  const fw = state.framework;
  const officer = state.officers.find((o) => o.id === state.selected);
  const profile = new Profile(fw, officer);
  const report = fw.gap(profile);
  const options = {};
  if ($("blend")?.checked) options.maxFormalShare = 0.1;
  const budget = Number($("budget")?.value);
  if (budget > 0) options.budget = budget;
  const plan = fw.recommend(profile, profile.position, options);
  profile.free();

  const post = report.position_name;
  const panel = $("officer");
  panel.replaceChildren(
    el("h2", {}, report.officer_name ?? officer.id),
    report.officer_name ? el("p", { class: "hint officer-id" }, `officer ${officer.id}, ${officer.department}`) : null,
    el(
      "div",
      { class: "headline" },
      el("div", { class: "readiness", id: "readiness" }, percent(report.readiness), el("small", {}, "ready for the post")),
      el(
        "div",
        {},
        el("div", {}, post),
        el("div", { class: "bar" }, el("span", { style: `width: ${percent(report.readiness)}` })),
        el(
          "div",
          { class: "hint" },
          `${report.met} of ${report.requirements} requirements met; ` +
            `${report.shortfall_levels} of ${report.required_levels} levels short`,
        ),
      ),
    ),
    el("h3", {}, `Gaps (${report.gaps.length})`),
    report.gaps.length === 0
      ? el("p", {}, "None: the officer meets every requirement of the post.")
      : gapTable(report.gaps),
    el("h3", {}, "Learning path"),
    planControls(),
    planView(plan),
  );
}

function gapTable(gaps) {
  return el(
    "table",
    { id: "gaps" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "Competency"),
        el("th", {}, "Required"),
        el("th", {}, "Current"),
        el("th", { class: "num" }, "Short by"),
        el("th", {}, "Why the post needs it"),
      ),
    ),
    el(
      "tbody",
      {},
      gaps.map((g) =>
        el(
          "tr",
          { "data-competency": g.competency },
          el("td", {}, g.name, el("span", { class: "kind" }, g.kind)),
          el("td", {}, levelName(g.competency, g.required)),
          el("td", {}, levelName(g.competency, g.current)),
          el("td", { class: "num short" }, g.shortfall),
          el("td", { class: "why" }, provenanceText(g.provenance)),
        ),
      ),
    ),
  );
}

function planControls() {
  const blend = $("blend")?.checked ?? false;
  const budget = $("budget")?.value ?? "";
  return el(
    "p",
    { class: "hint" },
    el(
      "label",
      {},
      el("input", { type: "checkbox", id: "blend", checked: blend, onchange: renderOfficer }),
      " aim for 70-20-10 (at most 10% formal hours)",
    ),
    "  ",
    el(
      "label",
      {},
      " hour budget ",
      el("input", { type: "number", id: "budget", min: 0, step: 1, value: budget, size: 5, onchange: renderOfficer }),
    ),
  );
}

function planView(plan) {
  const courses = new Map(state.framework.courses().map((c) => [c.id, c.name]));
  const steps = plan.steps.map((s) => {
    const reasons = s.closes.map(
      (c) =>
        `closes ${c.name} ${c.from} → ${c.to}` +
        (c.provenance.length ? `, for ${provenanceText(c.provenance)}` : ""),
    );
    if (s.prerequisite_for.length) {
      reasons.push(`prerequisite for ${s.prerequisite_for.map((c) => courses.get(c) ?? c).join(", ")}`);
    }
    return el(
      "li",
      { "data-course": s.course },
      el("strong", {}, s.name),
      el("span", { class: `mode ${s.mode}` }, s.mode),
      ` ${s.hours} h`,
      reasons.map((r) => el("span", { class: "reason" }, r)),
    );
  });
  const open = plan.open.map((g) =>
    el("li", {}, `${g.name} stays at ${g.current} (needs ${g.required}): ${openReason(g.reason)}`),
  );
  const blend = plan.blend;
  const total = plan.total_hours || 1;
  return el(
    "div",
    { id: "plan" },
    steps.length ? el("ol", { class: "path" }, steps) : el("p", {}, "No course needed."),
    el(
      "p",
      { class: "hint" },
      `${plan.total_hours} hours in all: formal ${percent(blend.formal / total)}, social ` +
        `${percent(blend.social / total)}, experiential ${percent(blend.experiential / total)}` +
        (plan.blend_target_met === null ? "" : plan.blend_target_met ? " (70-20-10 aim met)" : " (70-20-10 aim not met)"),
    ),
    open.length ? [el("h3", {}, "Gaps no course closes"), el("ul", { class: "open" }, open)] : [],
  );
}

function openReason(r) {
  switch (r.reason) {
    case "no_course": return "no course in the catalogue builds it";
    case "level_too_low": return `the best course reaches only level ${r.best}`;
    case "untagged_only": return "only courses without a level build it";
    case "completed_only": return "only courses already completed build it";
    case "budget": return "not within the hour budget";
    default: return r.reason.replaceAll("_", " ");
  }
}

// ---------------------------------------------------------------------------------------
// The training-needs heatmap
// ---------------------------------------------------------------------------------------

/** White → orange → dark red, for t in [0, 1]. */
function colour(t) {
  const stops = [[255, 255, 255], [253, 204, 138], [252, 141, 89], [215, 48, 31], [127, 0, 0]];
  const x = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c.join(",")})`;
}

function renderNeeds() {
  const target = $("heatmap");
  target.replaceChildren();
  if (!state.cohort) {
    $("needs-summary").textContent = "Load an officers file to see the department's needs.";
    return;
  }
  const needs = state.framework.trainingNeeds(state.cohort);
  const rows = needs.rows.filter((r) => r.officers_short > 0);
  $("needs-summary").textContent =
    `${needs.officers} officers; each cell counts the officers short of their post's level ` +
    `in a competency by 1 to 5 levels. Most total shortfall first.`;
  const max = Math.max(1, ...rows.flatMap((r) => r.histogram.slice(1)));
  const cell = { w: 64, h: 26 };
  const left = 250;
  const top = 44;
  const right = 150;
  const width = left + 5 * cell.w + right;
  const height = top + rows.length * cell.h + 70;
  const chart = svg("svg", {
    class: "heatmap",
    id: "needs-heatmap",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": "Training needs heatmap: officers short per competency and shortfall",
  });
  for (let s = 1; s <= 5; s++) {
    chart.append(
      svg("text", { x: left + (s - 0.5) * cell.w, y: top - 10, "text-anchor": "middle", class: "axis" }, `${s} level${s > 1 ? "s" : ""}`),
    );
  }
  chart.append(svg("text", { x: left + 2.5 * cell.w, y: 14, "text-anchor": "middle", class: "axis" }, "short by"));
  chart.append(svg("text", { x: left + 5 * cell.w + 12, y: top - 10, class: "axis" }, "officers short"));
  rows.forEach((r, i) => {
    const y = top + i * cell.h;
    const name = r.name;
    chart.append(
      svg("text", { x: left - 8, y: y + cell.h / 2 + 4, "text-anchor": "end", "data-competency": r.competency }, name),
    );
    for (let s = 1; s <= 5; s++) {
      const n = r.histogram[s];
      const fill = colour(n / max);
      chart.append(
        svg(
          "rect",
          { x: left + (s - 1) * cell.w, y, width: cell.w - 2, height: cell.h - 2, fill, stroke: "#d8dee6", "data-count": n },
          svg("title", {}, `${name}: ${n} officer${n === 1 ? "" : "s"} short by ${s}`),
        ),
      );
      if (n > 0) {
        chart.append(
          svg(
            "text",
            { x: left + (s - 0.5) * cell.w - 1, y: y + cell.h / 2 + 4, "text-anchor": "middle", class: "count", fill: n / max > 0.6 ? "white" : "#1f2933", style: n / max > 0.6 ? "fill: white" : "" },
            n,
          ),
        );
      }
    }
    chart.append(
      svg("text", { x: left + 5 * cell.w + 12, y: y + cell.h / 2 + 4 }, `${r.officers_short} of ${r.officers_required}`),
    );
  });
  // Legend: the colour scale from 0 to the largest count.
  const ly = top + rows.length * cell.h + 24;
  const gradient = svg("linearGradient", { id: "needs-scale" });
  for (let k = 0; k <= 10; k++) gradient.append(svg("stop", { offset: `${k * 10}%`, "stop-color": colour(k / 10) }));
  chart.append(svg("defs", {}, gradient));
  chart.append(svg("rect", { x: left, y: ly, width: 5 * cell.w - 2, height: 12, fill: "url(#needs-scale)", stroke: "#d8dee6", class: "legend" }));
  chart.append(svg("text", { x: left, y: ly + 28, class: "axis" }, "0"));
  chart.append(svg("text", { x: left + 5 * cell.w - 2, y: ly + 28, "text-anchor": "end", class: "axis" }, `${max} officers`));
  chart.append(svg("text", { x: left - 8, y: ly + 10, "text-anchor": "end", class: "axis" }, "officers per cell"));
  target.append(rows.length ? chart : el("p", {}, "No officer is short of any requirement."));
}

// ---------------------------------------------------------------------------------------
// Problems, next to the entries they concern
// ---------------------------------------------------------------------------------------

/**
 * The entries a problem concerns, from the library's codes and fields: [kind, id] or
 * [kind, {index}], and for a passbook entry the entry's index too.
 */
function concerns(p) {
  switch (p.code) {
    case "unknown_reference":
    case "duplicate_reference":
      return [[p.from_kind, p.from]];
    case "empty_name":
    case "empty_field":
    case "duplicate_id":
    case "unknown_id":
      return [[p.kind, p.id]];
    case "empty_id":
      return [[p.kind, { index: p.index }]];
    case "invalid_level":
    case "level_name_mismatch":
      return [[p.owner_kind, p.owner]];
    case "invalid_level_scale":
    case "invalid_level_range":
    case "blank_level_name":
    case "level_named_as_number":
    case "same_level_names":
    case "blank_area":
      return [["competency", p.competency]];
    case "position_without_roles":
      return [["position", p.position]];
    case "prerequisite_cycle":
      return p.courses.map((c) => ["course", c]);
    case "group_cycle":
      return p.groups.map((g) => ["group", g]);
    case "invalid_hours":
      return [["course", p.course]];
    case "invalid_evidence":
      return [["officer", p.officer, p.index]];
    case "department_mismatch":
      return [["officer", p.officer]];
    case "json": {
      const m = /^(competencies|groups|activities|roles|positions|courses|officers)?\[(\d+)\]/.exec(p.path ?? "");
      if (!m) return [];
      const kind = Object.keys(SECTIONS).find((k) => SECTIONS[k] === (m[1] ?? "officers"));
      const entry = /^[a-z]*\[\d+\]\.passbook\[(\d+)\]/.exec(p.path);
      return [[kind, { index: Number(m[2]) }, entry ? Number(entry[1]) : undefined]];
    }
    default:
      return [];
  }
}

/** A passbook entry as one line: what it claims. */
function entryText(e) {
  if (!e) return "";
  return [e.competency, `level ${e.level}`, e.source, e.date || "undated", e.course].filter(Boolean).join(" · ");
}

/** The lines of a text around a 1-based line, the line itself marked, with a caret. */
function excerpt(text, line, column) {
  const lines = text.split("\n");
  const from = Math.max(0, line - 3);
  const shown = [];
  for (let i = from; i < Math.min(lines.length, line + 2); i++) {
    shown.push(`${String(i + 1).padStart(5)} | ${lines[i]}`);
    if (i + 1 === line) shown.push(`${" ".repeat(5)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return el("pre", { class: "excerpt" }, shown.join("\n"));
}

function showProblems(error, file, what) {
  $("explorer").hidden = true;
  if (!(error instanceof KarmayogiError)) {
    status(`${file.name}: ${error.message}`, true);
    return;
  }
  const problems = error.problems;
  status(`${file.name} was not loaded: ${problems.length} problem${problems.length === 1 ? "" : "s"}.`, true);
  $("problems-summary").textContent =
    `${problems.length} problem${problems.length === 1 ? "" : "s"} in the ${what} file ${file.name}. ` +
    "Each is shown next to the entry it concerns; fix them all and load the file again.";
  let document_ = null;
  try {
    document_ = JSON.parse(file.text);
  } catch {
    // Not JSON at all: only the position in the text can be shown.
  }
  const general = [];
  const byEntry = new Map(); // "section/index" → problems
  for (const p of problems) {
    const places = document_ ? locate(document_, what, concerns(p)) : [];
    // Malformed text is also shown where it is in the file.
    if (places.length === 0 || (p.code === "json" && p.line > 0)) general.push(p);
    for (const [key, passbookIndex] of places) {
      if (!byEntry.has(key)) byEntry.set(key, []);
      byEntry.get(key).push([p, passbookIndex]);
    }
  }
  $("problems-general").replaceChildren(
    ...general.map((p) =>
      el(
        "div",
        { class: "problem", "data-code": p.code },
        p.message,
        p.code === "json" && p.line > 0 ? excerpt(file.text, p.line, p.column) : null,
      ),
    ),
  );
  const entries = [];
  for (const [key, list] of [...byEntry].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))) {
    const [section, index] = key.split("/");
    const entry = entriesOf(document_, what, section)[Number(index)] ?? {};
    const kind = Object.keys(SECTIONS).find((k) => SECTIONS[k] === section);
    entries.push(
      el(
        "div",
        { class: "entry has-problem", "data-entry": `${kind}:${entry.id ?? ""}`, "data-index": index },
        el("span", { class: "id" }, `${kind} ${entry.id ? `“${entry.id}”` : `#${Number(index) + 1}`}`),
        entry.name ? ` ${entry.name}` : "",
        list.map(([p, at]) =>
          el(
            "div",
            { class: "problem", "data-code": p.code, "data-passbook-entry": at },
            at === undefined ? null : el("div", { class: "passbook-entry" }, `passbook entry ${at + 1}: ${entryText(entry.passbook?.[at])}`),
            p.message,
          ),
        ),
      ),
    );
  }
  $("entries").replaceChildren(...entries);
  $("rows").replaceChildren();
  $("problems").hidden = false;
}

function entriesOf(doc, what, section) {
  if (what === "officers") return Array.isArray(doc) ? doc : doc?.officers ?? [];
  return Array.isArray(doc?.[section]) ? doc[section] : [];
}

/** The entries ["section/index", passbook entry index] a problem's concerns name. */
function locate(doc, what, places) {
  const keys = [];
  for (const [kind, at, passbookIndex] of places) {
    const section = SECTIONS[kind];
    if (!section || (what === "officers") !== (section === "officers")) continue;
    const list = entriesOf(doc, what, section);
    if (typeof at === "object") {
      if (at.index < list.length) keys.push([`${section}/${at.index}`, passbookIndex]);
    } else {
      list.forEach((e, i) => {
        if (e?.id === at) keys.push([`${section}/${i}`, passbookIndex]);
      });
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------------------
// An HR export's problems and warnings, by file, line and column
// ---------------------------------------------------------------------------------------

/** The CSV header and the record starting at a 1-based line (simple split, for display). */
function csvRow(text, line) {
  const lines = (text ?? "").replace(/^\uFEFF/, "").split(/\r?\n/);
  const cells = (l) => (l ?? "").split(",").map((c) => c.trim());
  return { header: cells(lines[0]), cells: line > 0 ? cells(lines[line - 1]) : [] };
}

/** One problem or warning at a row: where, what, and the row with the cell marked. */
function rowView(p, files, kind) {
  const inner = p.code === "csv_row" ? p.error : p;
  const file = files[p.file?.startsWith("evidence") ? "evidence" : "officers"];
  const where = [p.file, p.line ? `line ${p.line}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(", ");
  let table = null;
  if (p.line && file) {
    const { header, cells } = csvRow(file.text, p.line);
    table = el(
      "table",
      { class: "csv-row" },
      el("tr", {}, el("th", {}, "line"), header.map((h) => el("th", {}, h))),
      el(
        "tr",
        {},
        el("td", {}, p.line),
        header.map((h, i) => el("td", { class: h === p.column ? "bad" : null }, cells[i] ?? "")),
      ),
    );
  }
  return el(
    "div",
    { class: "row-problem", "data-file": p.file, "data-line": p.line, "data-column": p.column, "data-code": inner.code },
    el("div", { class: "where" }, where),
    el("div", { class: kind }, p.message),
    table,
  );
}

function showRowProblems(error, files) {
  $("explorer").hidden = true;
  if (!(error instanceof KarmayogiError)) {
    status(`${files.officers.name}: ${error.message}`, true);
    return;
  }
  const problems = error.problems;
  const names = [files.officers.name, files.evidence?.name].filter(Boolean).join(" + ");
  status(`${names} was not loaded: ${plural(problems.length, "problem")}.`, true);
  $("problems-summary").textContent =
    `${plural(problems.length, "problem")} in the HR export ${names}, each at its file, line and ` +
    "column; fix them all and load the files again.";
  $("problems-general").replaceChildren();
  $("entries").replaceChildren();
  $("rows").replaceChildren(...problems.map((p) => rowView(p, files, "problem")));
  $("problems").hidden = false;
}

function showWarnings(warnings, files) {
  $("warning-rows").replaceChildren(...warnings.map((w) => rowView(w, files ?? {}, "warning")));
  $("warnings").hidden = warnings.length === 0;
}

// ---------------------------------------------------------------------------------------

$("load-example").addEventListener("click", () => loadExample().catch((e) => status(e.message, true)));
$("framework-file").addEventListener("change", async (event) => {
  const framework = await readFile(event.target);
  const officers = await readFile($("officers-file"));
  if (framework) load(framework, officers ? { json: officers } : null);
});
$("officers-file").addEventListener("change", async (event) => {
  const officers = await readFile(event.target);
  const framework = (await readFile($("framework-file"))) ?? state.lastFramework;
  if (officers && framework) load(framework, { json: officers });
  else if (officers) status("Load a framework first.", true);
});
$("load-csv").addEventListener("click", async () => {
  const officers = await readFile($("officers-csv"));
  const evidence = await readFile($("evidence-csv"));
  const framework = (await readFile($("framework-file"))) ?? state.lastFramework;
  if (!officers) status("Pick the officers.csv of the HR export first.", true);
  else if (!framework) status("Load a framework first.", true);
  else load(framework, { csv: { officers, evidence } });
});
$("load-example-csv").addEventListener("click", () => loadExampleCsv().catch((e) => status(e.message, true)));

loadExample().catch((e) => status(`Could not load the example: ${e.message}`, true));
