/**
 * The one accessibility check every spec uses: axe-core (WCAG 2.x A and AA rules) on the page as it
 * is now, failing on serious or critical findings. Minor and moderate ones are reported by axe but
 * do not fail the suite. Call it after the page has settled (a dialog open, a node selected…).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const FAILING_IMPACTS = new Set(["serious", "critical"]);

export async function expectNoSeriousA11yViolations(page: Page, options: { include?: string } = {}): Promise<void> {
  let builder = new AxeBuilder({ page })
    // WCAG 2.5.3 Label in Name: axe ships this rule as experimental (off by default), and a
    // control named by aria-label that hides its visible words from speech users is a real failure
    // (https://www.w3.org/WAI/WCAG21/Understanding/label-in-name.html).
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const failing = violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ""))
    .map((v) => `${v.impact} ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(failing, `axe-core serious/critical violations on ${page.url()}`).toEqual([]);
}
