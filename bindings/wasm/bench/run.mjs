// Runs bench/bench.html in headless Debian chromium and prints the timings.
//   npm run bench
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { launch, serve } from "../test/support/browser.js";
import { packageDir, repoDir } from "../test/support/data.js";

const server = await serve(repoDir);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/bindings/wasm/bench/bench.html`);
  await page.waitForFunction(() => window.results, null, { timeout: 600000 });
  const results = await page.evaluate(() => window.results);
  if (results.error) throw new Error(results.error);
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(packageDir, "test-results"), { recursive: true });
  writeFileSync(join(packageDir, "test-results", "bench.json"), JSON.stringify(results, null, 2) + "\n");
} finally {
  await browser.close();
  await server.close();
}
