#!/usr/bin/env node
// Sums the vitest and Playwright JSON reports into the one line CI reads: "N passed, N failed".
// A report that is missing (its stage never ran or crashed) counts as one failure, so a broken
// typecheck or build can never look green.
import { existsSync, readFileSync } from "node:fs";

const [vitestPath, playwrightPath] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(path, label) {
  if (!path || !existsSync(path)) {
    console.log(`${label}: no report at ${path} (the stage did not run)`);
    failed += 1;
    return undefined;
  }
  return JSON.parse(readFileSync(path, "utf8"));
}

const vitest = read(vitestPath, "vitest");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.numTotalTests === 0) failed += 1;
}

const playwright = read(playwrightPath, "playwright");
if (playwright) {
  const s = playwright.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((playwright.errors ?? []).length > 0) failed += playwright.errors.length;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
