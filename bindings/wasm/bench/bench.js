// Browser timings of the package on the real ESCO data (run by bench/run.mjs in headless
// chromium). The officers are synthetic, generated deterministically.
import { Cohort, Framework, Profile, loadEsco } from "../index.js";

const out = document.getElementById("out");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const text = async (path) => (await fetch(`../../../data/esco/${path}`)).text();

/** splitmix64 on BigInt, reduced to [0, 1): deterministic synthetic officers. */
function rng(seed) {
  let s = BigInt(seed);
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53;
  };
}

async function run() {
  const csv = {
    occupations: await text("occupations.csv"),
    skills: await text("skills.csv"),
    occupationSkills: await text("occupation_skills.csv"),
    hierarchy: { skillBroader: await text("skill_broader.csv"), skillGroups: await text("skill_groups.csv") },
  };
  const results = {};

  // 1. The full ESCO framework from the CSV texts: loader and validation.
  const load = [];
  const build = [];
  let fw;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const spec = loadEsco(csv);
    const t1 = performance.now();
    fw?.free();
    fw = new Framework(spec);
    const t2 = performance.now();
    load.push(t1 - t0);
    build.push(t2 - t1);
  }
  results.esco_load_ms = median(load);
  results.esco_framework_ms = median(build);
  results.esco_total_ms = median(load.map((l, i) => l + build[i]));
  // The same framework straight from the texts, without the document as objects.
  const direct = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    Framework.fromEsco(csv).free();
    direct.push(performance.now() - t0);
  }
  results.esco_from_esco_ms = median(direct);

  // 2. One gap report: an officer of the first post with 40 requirements, holding most.
  const positions = fw.positions();
  const requirements = new Map(positions.map((p) => [p.id, fw.requirements(p.id)]));
  const post = positions.find((p) => requirements.get(p.id).length === 40);
  const random = rng(7);
  const passbook = (reqs, extra) => {
    const held = reqs.filter(() => random() < 0.7).map((r) => ({
      competency: r.competency,
      level: Math.floor(random() * 6),
      source: "assessment",
      date: "2025-01-01",
    }));
    for (let k = 0; k < extra; k++) {
      const other = requirements.get(positions[Math.floor(random() * positions.length)].id);
      if (other.length) held.push({ competency: other[0].competency, level: 3, source: "assessment", date: "2025-01-01" });
    }
    return held;
  };
  const officer = { id: "o", department: post.department, position: post.id, passbook: passbook(requirements.get(post.id), 4) };
  const profile = new Profile(fw, officer);
  const n = 2000;
  for (let i = 0; i < 200; i++) fw.gap(profile);
  let t = performance.now();
  for (let i = 0; i < n; i++) fw.gap(profile);
  results.gap_report_ms = (performance.now() - t) / n;
  t = performance.now();
  for (let i = 0; i < 200; i++) fw.gap(new Profile(fw, officer));
  results.profile_and_gap_report_ms = (performance.now() - t) / 200;

  // 3. Training needs of 100,000 synthetic officers.
  const count = 100000;
  const officers = [];
  for (let i = 0; i < count; i++) {
    const p = positions[Math.floor(random() * positions.length)];
    officers.push({ id: `o${i}`, department: `mdo-${i % 120}`, position: p.id, passbook: passbook(requirements.get(p.id), 2 + Math.floor(random() * 5)) });
  }
  results.officers = count;
  results.evidence = officers.reduce((s, o) => s + o.passbook.length, 0);
  t = performance.now();
  const cohort = new Cohort(fw, officers);
  results.cohort_build_ms = performance.now() - t;
  // The same officers as an officers document's JSON text, and as an HR export's CSV texts.
  const doc = JSON.stringify({ format_version: 2, officers });
  t = performance.now();
  new Cohort(fw, doc).free();
  results.cohort_from_text_ms = performance.now() - t;
  const officersCsv = ["id,department,position"];
  const evidenceCsv = ["officer,competency,level,source,date"];
  for (const o of officers) {
    officersCsv.push(`${o.id},${o.department},${o.position}`);
    for (const e of o.passbook) evidenceCsv.push(`${o.id},${e.competency},${e.level},${e.source},${e.date}`);
  }
  const hrExport = { officers: officersCsv.join("\n") + "\n", evidence: evidenceCsv.join("\n") + "\n" };
  t = performance.now();
  const fromCsv = Cohort.fromCsv(fw, hrExport);
  results.cohort_from_csv_ms = performance.now() - t;
  results.cohort_from_csv_officers = fromCsv.length;
  fromCsv.free();
  const needsRuns = [];
  let needs;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    needs = fw.trainingNeeds(cohort);
    needsRuns.push(performance.now() - t);
  }
  results.training_needs_ms = median(needsRuns);
  results.training_needs_pairs = needs.pairs;
  results.user_agent = navigator.userAgent;
  return results;
}

run().then(
  (r) => {
    window.results = r;
    out.textContent = JSON.stringify(r, null, 2);
  },
  (e) => {
    window.results = { error: String(e?.stack ?? e) };
    out.textContent = window.results.error;
  },
);
