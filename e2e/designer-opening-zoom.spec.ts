import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The canvas at its opening zoom, on a 1440 px wide window: a starter template of four stages and
 * a pipeline of eight open legibly (the template whole), with every stage and action name at least
 * 12 px tall on screen.
 * Sizes are measured as drawn: each text's computed font size times the canvas zoom (the CSS scale
 * of its box). The smaller secondary lines (provider, artifacts, action count) are measured and
 * recorded too.
 */

const MIN_NAME_PX = 12;

const step = (name: string, category: string, provider: string, extra: Record<string, unknown> = {}) => ({
  name,
  actionTypeId: { category, owner: "AWS", provider, version: "1" },
  runOrder: 1,
  ...extra,
});

/** Eight stages, one of them with two parallel actions. */
const EIGHT_STAGES = {
  name: "eight-stages",
  roleArn: "arn:aws:iam::123456789012:role/pipeline",
  artifactStore: { type: "S3", location: "artifacts" },
  stages: [
    { name: "Source", actions: [step("Checkout", "Source", "S3", { outputArtifacts: [{ name: "Src" }] })] },
    { name: "Build", actions: [step("Compile", "Build", "CodeBuild", { inputArtifacts: [{ name: "Src" }], outputArtifacts: [{ name: "Bin" }] })] },
    { name: "Test", actions: [step("UnitTests", "Test", "CodeBuild", { inputArtifacts: [{ name: "Bin" }] }), step("Lint", "Test", "CodeBuild", { inputArtifacts: [{ name: "Src" }] })] },
    { name: "Staging", actions: [step("DeployStaging", "Deploy", "S3", { inputArtifacts: [{ name: "Bin" }] })] },
    { name: "Verify", actions: [step("SmokeTests", "Test", "CodeBuild", { inputArtifacts: [{ name: "Bin" }] })] },
    { name: "Approval", actions: [step("Release", "Approval", "Manual")] },
    { name: "Production", actions: [step("DeployProduction", "Deploy", "S3", { inputArtifacts: [{ name: "Bin" }] })] },
    { name: "Notify", actions: [step("Announce", "Invoke", "Lambda")] },
  ],
};

interface TextSize {
  readonly what: string;
  readonly px: number;
}

interface Measured {
  /** On-screen text height of every stage and action name (font size × zoom). */
  readonly names: readonly TextSize[];
  /** The smallest of every other text line in a node. */
  readonly smallestSecondary: number;
  /** Stages and actions whose node lies wholly inside the canvas, of all. */
  readonly inside: number;
  readonly nodes: number;
  /** Share of the canvas's width and height the pipeline takes. */
  readonly fill: { readonly width: number; readonly height: number };
}

async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const canvas = document.querySelector("[data-testid=canvas] .react-flow")!.getBoundingClientRect();
    const drawn = (el: HTMLElement) => {
      // The canvas scales by a CSS transform: the drawn size is the layout size times that scale.
      const scale = el.getBoundingClientRect().height / el.offsetHeight;
      return parseFloat(getComputedStyle(el).fontSize) * scale;
    };
    const nodes = [...document.querySelectorAll<HTMLElement>("[data-testid=stage-node], [data-testid=action-node]")];
    const names = [...document.querySelectorAll<HTMLElement>("[data-testid=stage-name], [data-testid=action-name]")].map((el) => ({
      what: `${el.dataset.testid}: ${el.textContent}`,
      px: drawn(el),
    }));
    let smallestSecondary = Infinity;
    for (const node of nodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const el = text.parentElement!;
        if (!text.textContent?.trim() || el.closest("[data-testid=stage-name], [data-testid=action-name], .sr-only")) continue;
        if (el.offsetHeight === 0) continue;
        smallestSecondary = Math.min(smallestSecondary, drawn(el));
      }
    }
    let inside = 0;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const node of nodes) {
      const box = node.getBoundingClientRect();
      if (box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom) inside++;
      [left, top, right, bottom] = [Math.min(left, box.left), Math.min(top, box.top), Math.max(right, box.right), Math.max(bottom, box.bottom)];
    }
    return { names, smallestSecondary, inside, nodes: nodes.length, fill: { width: (right - left) / canvas.width, height: (bottom - top) / canvas.height } };
  });
}

/**
 * `whole`: every stage and action must be on screen. Without it the pipeline may instead open on its
 * first stages (opening-view.ts does that when fitting it whole would make names smaller than
 * 12 px), so only the first stage must be on screen; names are held to 12 px either way.
 */
async function expectLegibleWhole(page: Page, testInfo: TestInfo, label: string, stages: number, whole = true) {
  await expect(page.getByTestId("stage-node")).toHaveCount(stages, { timeout: 20_000 });
  if (whole) {
    await expect.poll(async () => { const m = await measure(page); return m.inside === m.nodes; }, { message: "every stage and action inside the canvas" }).toBe(true);
  } else {
    await expect(page.getByTestId("stage-node").first()).toBeInViewport({ ratio: 1 });
  }
  const measured = await measure(page);
  const smallest = Math.min(...measured.names.map((n) => n.px));
  testInfo.annotations.push({
    type: `${label}: opening zoom`,
    description: `smallest name ${smallest.toFixed(1)} px, smallest secondary line ${measured.smallestSecondary.toFixed(1)} px, pipeline fills ${(measured.fill.width * 100).toFixed(0)}% × ${(measured.fill.height * 100).toFixed(0)}% of the canvas`,
  });
  await page.screenshot({ path: testInfo.outputPath(`${label}.png`) });
  expect(measured.names.filter((n) => n.px < MIN_NAME_PX)).toEqual([]);
}

test.describe("the canvas at its opening zoom on a 1440 px window", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a four-stage template opens whole with names of at least 12 px", async ({ page, designerStart }, testInfo) => {
    await designerStart.fromTemplate("codecommit-codebuild-approval-cloudformation");
    await expectLegibleWhole(page, testInfo, "four-stage-template", 4);
  });

  test("an eight-stage pipeline opens on its first stages or whole, with names of at least 12 px", async ({ page, designerStart }, testInfo) => {
    await designerStart.importText(JSON.stringify(EIGHT_STAGES));
    // Whole at 1440 × 900 until the sync bar took its row above the toolbar; now the canvas is a
    // little short for eight stages at 12 px, and the pipeline opens on its first stages instead.
    await expectLegibleWhole(page, testInfo, "eight-stages", 8, false);
  });
});
