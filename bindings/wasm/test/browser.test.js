// The demo page in headless Debian chromium, served as static files: an HR person's path
// through it, and a broken file's problems shown next to its entries. Screenshots are saved
// in test-results/ for a person to look at.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { frameworkDoc, officersCsv, officersDoc, packageDir } from "./support/data.js";
import { launch, serve } from "./support/browser.js";

const results = join(packageDir, "test-results");
mkdirSync(results, { recursive: true });

describe("the demo page in chromium", () => {
  let server;
  let browser;
  let page;
  const errors = [];

  before(async () => {
    server = await serve();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${server.url}/demo/`);
    await page.waitForSelector("#officer-list button");
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("lists the officers with their readiness", async () => {
    const buttons = await page.locator("#officer-list button").allInnerTexts();
    assert.equal(buttons.length, 5);
    assert.match(buttons[0], /Meena Iyer/);
    assert.match(buttons[0], /Postmaster, Head Post Office/);
    assert.match(buttons[0], /79%/);
    assert.match(await page.textContent("#status"), /16 competencies, 3 positions, 18 courses; .*5 officers/);
  });

  test("a chosen officer's gaps, learning path and the department heatmap are shown with names", async () => {
    await page.click('#officer-list button[data-officer="suresh-patil"]');
    await page.waitForSelector('#officer h2:text("Suresh Patil")');
    assert.match(await page.textContent("#officer .officer-id"), /suresh-patil/);
    assert.match(await page.textContent("#readiness"), /^\d+%/);
    const gaps = await page.locator("#gaps tbody tr").allInnerTexts();
    assert.ok(gaps.length >= 3, gaps.join("\n"));
    assert.ok(gaps.some((g) => /Right to Information|RTI/i.test(g)), gaps.join("\n"));
    assert.ok(gaps.some((g) => /Office administration → /.test(g)), "provenance names the role and activity");
    const steps = await page.locator("#plan ol.path li").allInnerTexts();
    assert.ok(steps.length >= 2);
    assert.ok(steps.every((s) => /closes .* → |prerequisite for /.test(s)), steps.join("\n"));
    assert.ok(steps.some((s) => /RTI Act for public information officers/.test(s)), steps.join("\n"));
    // The heatmap: a picture with competency names, coloured cells and a legend.
    const heatmap = page.locator("svg#needs-heatmap");
    assert.ok(await heatmap.isVisible());
    const labels = await heatmap.locator("text[data-competency]").allTextContents();
    assert.ok(labels.includes("People management"), labels.join(", "));
    const cells = await heatmap.locator("rect[data-count]").count();
    assert.equal(cells, labels.length * 5);
    const filled = await heatmap.locator("rect[data-count]").evaluateAll((rs) => rs.filter((r) => r.getAttribute("fill") !== "rgb(255,255,255)").length);
    assert.ok(filled > 0);
    assert.equal(await heatmap.locator("rect.legend").count(), 1);
    // Steering towards 70-20-10 changes the path and says whether the aim is met.
    await page.check("#blend");
    await page.waitForFunction(() => /70-20-10 aim/.test(document.querySelector("#plan").textContent));
    await page.screenshot({ path: join(results, "demo-officer.png"), fullPage: true });
  });

  test("a broken framework file shows each problem next to the entry it concerns", async () => {
    const broken = frameworkDoc();
    broken.roles.find((r) => r.id === "mail-operations").activities.push("sort-parcels");
    broken.courses.find((c) => c.id === "accounts-basics").prerequisites = ["savings-audit"];
    broken.activities.find((a) => a.id === "reply-rti").requires[0].level = 7;
    broken.positions.push({ id: "vacant-post", name: "Vacant post", department: "department-of-posts", roles: [] });
    await page.setInputFiles("#framework-file", {
      name: "broken_framework.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken, null, 2)),
    });
    await page.waitForSelector("#problems:not([hidden])");
    assert.ok(await page.locator("#explorer").isHidden());
    assert.match(await page.textContent("#status"), /broken_framework\.json was not loaded: 4 problems/);
    const entry = (key) => page.locator(`#entries [data-entry="${key}"] .problem`).allInnerTexts();
    assert.deepEqual(await entry("role:mail-operations"), ["role `mail-operations` refers to unknown activity `sort-parcels`"]);
    assert.match((await entry("activity:reply-rti"))[0], /level 7: expected 1 to 5/);
    assert.deepEqual(await entry("position:vacant-post"), ["position `vacant-post` has no roles"]);
    for (const course of ["accounts-basics", "po-accounts", "savings-audit"]) {
      assert.match((await entry(`course:${course}`))[0], /prerequisite cycle/);
    }
    await page.screenshot({ path: join(results, "demo-broken-file.png"), fullPage: true });
  });

  test("malformed JSON is shown with its line, and a broken officers file next to the officer", async () => {
    await page.setInputFiles("#framework-file", {
      name: "truncated.json",
      mimeType: "application/json",
      buffer: Buffer.from('{\n  "format_version": 1,\n  "competencies": [\n    {"id": "a", "name": "A", "type": "domian"}\n  ]\n}\n'),
    });
    await page.waitForSelector("#problems-general .problem");
    const general = await page.textContent("#problems-general");
    assert.match(general, /unknown competency type `domian`, expected one of `behavioural`, `functional`, `domain`/);
    assert.match(general, /4 \| .*"domian"/);
    assert.ok(await page.locator("#problems-general pre.excerpt").isVisible());

    // A good framework and a broken officers file.
    await page.setInputFiles("#framework-file", {
      name: "framework.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(frameworkDoc())),
    });
    await page.waitForSelector("#explorer:not([hidden])");
    const officers = officersDoc();
    officers.officers[2].position = "chief-postmaster";
    officers.officers[4].passbook[1].date = "last year";
    await page.setInputFiles("#officers-file", {
      name: "officers.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(officers, null, 2)),
    });
    await page.waitForSelector("#problems:not([hidden])");
    const entry = (key) => page.locator(`#entries [data-entry="${key}"] .problem`).allInnerTexts();
    assert.deepEqual(await entry("officer:farah-khan"), ["officer `farah-khan` refers to unknown position `chief-postmaster`"]);
    // The passbook entry at fault is shown with the problem: the second of Lakshmi Menon's.
    const lakshmi = page.locator('#entries [data-entry="officer:lakshmi-menon"] .problem[data-code="invalid_evidence"]');
    assert.equal(await lakshmi.getAttribute("data-passbook-entry"), "1");
    assert.match(await lakshmi.innerText(), /passbook entry 2: /);
    assert.match(await lakshmi.innerText(), /date `last year` is not an iso date/);
    assert.deepEqual(errors, []);
  });

  test("an HR export loads through the CSV loader; its row errors are shown by line and column", async () => {
    const csv = officersCsv();
    await page.click("#load-example");
    await page.waitForSelector("#explorer:not([hidden])");
    // A broken export: an unknown position (with the nearest one), a level that is not one,
    // a completion above the course's level.
    const officers = csv.officers.replace("farah-khan,Farah Khan,department-of-posts,aso-division", "farah-khan,Farah Khan,department-of-posts,aso-divison");
    const evidence = csv.evidence
      .replace("meena-iyer,integrity,4,", "meena-iyer,integrity,four,")
      .concat("arjun-rao,rti,5,course_completion,2025-01-10,,rti-pio\n");
    await page.setInputFiles("#officers-csv", { name: "officers.csv", mimeType: "text/csv", buffer: Buffer.from(officers) });
    await page.setInputFiles("#evidence-csv", { name: "evidence.csv", mimeType: "text/csv", buffer: Buffer.from(evidence) });
    await page.click("#load-csv");
    await page.waitForSelector("#rows .row-problem");
    assert.match(await page.textContent("#status"), /officers\.csv \+ evidence\.csv was not loaded: 3 problems/);
    const rows = await page.locator("#rows .row-problem").evaluateAll((ps) =>
      ps.map((p) => [p.dataset.file, p.dataset.line, p.dataset.column, p.dataset.code, p.querySelector("td.bad")?.textContent ?? null]),
    );
    assert.deepEqual(rows, [
      ["officers.csv", "4", "position", "csv_unknown_reference", "aso-divison"],
      ["evidence.csv", "3", "level", "invalid_evidence", "four"],
      ["evidence.csv", "52", "level", "invalid_evidence", "5"],
    ]);
    const texts = await page.locator("#rows .row-problem").allInnerTexts();
    assert.match(texts[0], /officers\.csv, line 4, column position/);
    assert.match(texts[0], /did you mean `aso-division`/);
    assert.match(texts[2], /level 5 is above level 3, the level course `rti-pio` builds it to/);
    await page.screenshot({ path: join(results, "demo-csv-errors.png"), fullPage: true });

    // The example export loads, with names; a warning names its row.
    const moved = csv.officers.replace("suresh-patil,Suresh Patil,department-of-posts", "suresh-patil,Suresh Patil,dopt");
    await page.setInputFiles("#officers-csv", { name: "officers.csv", mimeType: "text/csv", buffer: Buffer.from(moved) });
    await page.setInputFiles("#evidence-csv", { name: "evidence.csv", mimeType: "text/csv", buffer: Buffer.from(csv.evidence) });
    await page.click("#load-csv");
    await page.waitForSelector("#explorer:not([hidden])");
    assert.match(await page.textContent("#status"), /officers\.csv \+ evidence\.csv: 5 officers, 1 warning/);
    const warning = page.locator("#warning-rows .row-problem");
    assert.equal(await warning.getAttribute("data-line"), "5");
    assert.equal(await warning.getAttribute("data-code"), "department_mismatch");
    assert.equal(await warning.locator("td.bad").textContent(), "dopt");
    const buttons = await page.locator("#officer-list button").allInnerTexts();
    assert.match(buttons[3], /Suresh Patil/);
    await page.click("#load-example-csv");
    await page.waitForFunction(() => /head_post_office_officers\.csv \+ head_post_office_evidence\.csv: 5 officers$/.test(document.querySelector("#status").textContent));
    assert.ok(await page.locator("#warnings").isHidden());
    assert.deepEqual(errors, []);
  });
});
