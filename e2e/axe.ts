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
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const failing = violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ""))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(failing, `axe-core serious/critical violations on ${page.url()}`).toEqual([]);
}
