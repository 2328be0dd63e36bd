// The demo page: load a framework and officers, list the officers, show one officer's gaps
// and learning path, and the department's training needs as a heatmap. Plain DOM, no
// framework; the package is imported from the directory above.
import { Cohort, Framework, KarmayogiError, Profile, parseOfficers } from "../index.js";

const $ = (id) => document.getElementById(id);
const LEVEL_NAMES = ["None", "Basic", "Proficient", "Advanced", "Expert", "Ustad"];
const SECTIONS = {
  competency: "competencies",
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
const officerName = (o) => o.name ?? o.id;

function competencyName(id) {
  return state.framework.competency(id)?.name ?? id;
}

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

async function loadExample() {
  const [framework, officers] = await Promise.all(
    ["data/head_post_office.json", "data/head_post_office_officers.json"].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return { name: url.split("/").pop(), text: await response.text() };
    }),
  );
  load(framework, officers);
}

/** Validates and shows a framework and (optionally) officers, given as file texts. */
function load(framework, officers) {
  $("problems").hidden = true;
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
  if (officers) {
    try {
      state.officers = parseOfficers(officers.text).officers;
      state.cohort = new Cohort(built, officers.text);
    } catch (e) {
      state.officers = [];
      showProblems(e, officers, "officers");
      return;
    }
  }
  const positions = built.positions().length;
  status(
    `${framework.name}: ${built.competencies().length} competencies, ${positions} positions, ` +
      `${built.courses().length} courses` +
      (officers ? `; ${officers.name}: ${state.officers.length} officers` : "; no officers loaded"),
  );
  state.lastFramework = framework;
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
    const post = state.framework.position(officer.position)?.name ?? officer.position;
    list.append(
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", "data-officer": officer.id, onclick: () => select(officer.id) },
          el("span", { class: "ready", title: "readiness" }, percent(report.readiness)),
          officerName(officer),
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

  const post = fw.position(officer.position)?.name ?? officer.position;
  const panel = $("officer");
  panel.replaceChildren(
    el("h2", {}, officerName(officer)),
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
          el("td", {}, competencyName(g.competency), el("span", { class: "kind" }, g.kind)),
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
        `closes ${competencyName(c.competency)} ${c.from} → ${c.to}` +
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
    el("li", {}, `${competencyName(g.competency)} stays at ${g.current} (needs ${g.required}): ${openReason(g.reason)}`),
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
    const name = competencyName(r.competency);
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

/** The entries a problem concerns: [kind, id] or [kind, {index}]. */
function concerns(p) {
  switch (p.code) {
    case "unknown_reference":
    case "duplicate_reference":
      return [[p.from_kind, p.from]];
    case "empty_name":
    case "duplicate_id":
    case "unknown_id":
      return [[p.kind, p.id]];
    case "empty_id":
      return [[p.kind, { index: p.index }]];
    case "invalid_level":
      return [[p.owner_kind, p.owner]];
    case "invalid_level_scale":
      return [["competency", p.competency]];
    case "position_without_roles":
      return [["position", p.position]];
    case "prerequisite_cycle":
      return p.courses.map((c) => ["course", c]);
    case "invalid_hours":
      return [["course", p.course]];
    case "invalid_date":
      return [["officer", p.officer]];
    case "json": {
      const m = /^(competencies|activities|roles|positions|courses|officers)?\[(\d+)\]/.exec(p.path ?? "");
      if (!m) return [];
      const kind = Object.keys(SECTIONS).find((k) => SECTIONS[k] === (m[1] ?? "officers"));
      return [[kind, { index: Number(m[2]) }]];
    }
    default:
      return [];
  }
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
    for (const key of places) {
      if (!byEntry.has(key)) byEntry.set(key, []);
      byEntry.get(key).push(p);
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
        list.map((p) => el("div", { class: "problem", "data-code": p.code }, p.message)),
      ),
    );
  }
  $("entries").replaceChildren(...entries);
  $("problems").hidden = false;
}

function entriesOf(doc, what, section) {
  if (what === "officers") return Array.isArray(doc) ? doc : doc?.officers ?? [];
  return Array.isArray(doc?.[section]) ? doc[section] : [];
}

/** Keys "section/index" of the entries a problem's concerns name. */
function locate(doc, what, places) {
  const keys = [];
  for (const [kind, at] of places) {
    const section = SECTIONS[kind];
    if (!section || (what === "officers") !== (section === "officers")) continue;
    const list = entriesOf(doc, what, section);
    if (typeof at === "object") {
      if (at.index < list.length) keys.push(`${section}/${at.index}`);
    } else {
      list.forEach((e, i) => {
        if (e?.id === at) keys.push(`${section}/${i}`);
      });
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------------------

$("load-example").addEventListener("click", () => loadExample().catch((e) => status(e.message, true)));
$("framework-file").addEventListener("change", async (event) => {
  const framework = await readFile(event.target);
  if (framework) load(framework, await readFile($("officers-file")));
});
$("officers-file").addEventListener("change", async (event) => {
  const officers = await readFile(event.target);
  const framework = (await readFile($("framework-file"))) ?? state.lastFramework;
  if (officers && framework) load(framework, officers);
  else if (officers) status("Load a framework first.", true);
});

loadExample().catch((e) => status(`Could not load the example: ${e.message}`, true));
