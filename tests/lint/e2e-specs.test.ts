/** The lint rules for end-to-end specs (eslint.config.mjs) fire in specs and only there. */
import { ESLint } from "eslint";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SPEC = path.join(ROOT, "e2e/probe.spec.ts");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function ruleIds(code: string, filePath = SPEC): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "fatal");
}

// The first lint loads typescript-eslint: seconds on a busy machine.
describe("e2e spec rules", { timeout: 60_000 }, () => {
  it("a spec takes test and expect from the shared fixture", async () => {
    expect(await ruleIds(`import { test } from "@playwright/test";\ntest("x", () => {});\n`)).toEqual(["@typescript-eslint/no-restricted-imports"]);
    // Types are not a second way to write tests.
    expect(await ruleIds(`import type { Page } from "@playwright/test";\nimport { test } from "./fixtures";\ntest("x", () => {});\nexport type P = Page;\n`)).toEqual([]);
    expect(await ruleIds(`import { test } from "./fixtures";\ntest("x", () => {});\n`)).toEqual([]);
  });

  it("a spec never waits a fixed time", async () => {
    const code = `import { test } from "./fixtures";\ntest("x", async ({ page }) => {\n  await page.waitForTimeout(100);\n});\n`;
    expect(await ruleIds(code)).toEqual(["no-restricted-syntax"]);
  });

  it("the fixture and page objects themselves may import Playwright", async () => {
    expect(await ruleIds(`import { test } from "@playwright/test";\nexport const t = test;\n`, path.join(ROOT, "e2e/fixtures.ts"))).toEqual([]);
  });
});
