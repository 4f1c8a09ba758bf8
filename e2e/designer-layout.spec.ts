import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * A pipeline reads at a glance when it opens: time runs down the canvas and parallel actions
 * across, so pipelines of up to 15 actions open whole in a 1440×900 window with action names at
 * least 12 px tall on screen; a longer one opens legible on its first stages, the minimap
 * showing the rest. Names are measured as the browser draws them (font size × canvas zoom).
 */

const MIN_NAME_PX = 12;

type Action = { name: string; category: string; provider: string; runOrder: number };
const act = (name: string, category: string, provider: string, runOrder = 1): Action => ({ name, category, provider, runOrder });
const stage = (name: string, ...actions: Action[]) => ({
  name,
  actions: actions.map((a) => ({ name: a.name, actionTypeId: { category: a.category, owner: "AWS", provider: a.provider, version: "1" }, runOrder: a.runOrder })),
});
const pipeline = (name: string, ...stages: ReturnType<typeof stage>[]) => ({
  name,
  roleArn: "arn:aws:iam::123456789012:role/pipeline",
  artifactStore: { type: "S3", location: "artifacts" },
  stages,
});

const THREE = pipeline(
  "three-actions",
  stage("Source", act("Checkout", "Source", "CodeStarSourceConnection")),
  stage("Build", act("Compile", "Build", "CodeBuild")),
  stage("Deploy", act("DeployService", "Deploy", "ECS")),
);

/** A release pipeline: sequential steps and parallel checks, six stages. */
const TWELVE = pipeline(
  "twelve-actions",
  stage("Source", act("Checkout", "Source", "CodeStarSourceConnection")),
  stage("Build", act("Compile", "Build", "CodeBuild"), act("UnitTests", "Test", "CodeBuild", 2), act("Lint", "Test", "CodeBuild", 2), act("SecurityScan", "Test", "CodeBuild", 2)),
  stage("Staging", act("DeployStaging", "Deploy", "CloudFormation"), act("IntegrationTests", "Test", "CodeBuild", 2), act("LoadTests", "Test", "CodeBuild", 2)),
  stage("Approval", act("ReleaseApproval", "Approval", "Manual")),
  stage("Production", act("DeployProduction", "Deploy", "CloudFormation"), act("SmokeTests", "Test", "CodeBuild", 2), act("NotifyRelease", "Invoke", "Lambda", 3)),
);

/** Five stages of three parallel actions: before this layout it opened at zoom 0.3 with 3 px names. */
const FIFTEEN = pipeline(
  "fifteen-actions",
  stage("Source", act("AppSource", "Source", "CodeStarSourceConnection"), act("ConfigSource", "Source", "S3"), act("InfraSource", "Source", "CodeCommit")),
  stage("Build", act("BuildApi", "Build", "CodeBuild"), act("BuildWeb", "Build", "CodeBuild"), act("BuildWorker", "Build", "CodeBuild")),
  stage("Test", act("UnitTests", "Test", "CodeBuild"), act("ContractTests", "Test", "CodeBuild"), act("SecurityScan", "Test", "CodeBuild")),
  stage("Staging", act("DeployApiStaging", "Deploy", "ECS"), act("DeployWebStaging", "Deploy", "S3"), act("DeployWorkerStaging", "Deploy", "ECS")),
  stage("Production", act("DeployApiProd", "Deploy", "ECS"), act("DeployWebProd", "Deploy", "S3"), act("DeployWorkerProd", "Deploy", "ECS")),
);

/** Fifty stages of four actions: far too long to show whole. */
const LONG = pipeline(
  "fifty-stages",
  ...Array.from({ length: 50 }, (_, s) =>
    stage(`Stage${s + 1}`, ...Array.from({ length: 4 }, (_, a) => act(`Step${s + 1}x${a + 1}`, s === 0 ? "Source" : "Build", s === 0 ? "S3" : "CodeBuild", a < 2 ? 1 : 2))),
  ),
);

async function open(page: Page, declaration: object) {
  await page.goto("/designer");
  await page.getByTestId("import-text").fill(JSON.stringify(declaration));
  await page.getByTestId("import-submit").click();
  await page.waitForURL(/\/designer\/[^/]+$/);
  await expect(page.getByTestId("action-node").first()).toBeVisible();
}

interface Measured {
  /** The smallest on-screen height of an action name's text (font size × zoom), in px. */
  readonly smallestName: number;
  /** Actions whose node lies wholly inside the canvas. */
  readonly inside: number;
  readonly actions: number;
}

/** What the user sees: each action name's rendered size and each action's box against the canvas. */
async function measure(page: Page, names: "all" | "visible"): Promise<Measured> {
  return page.evaluate((which) => {
    const canvas = document.querySelector("[data-testid=canvas] .react-flow")!.getBoundingClientRect();
    let smallestName = Infinity;
    let inside = 0;
    const nodes = [...document.querySelectorAll<HTMLElement>("[data-testid=action-node]")];
    for (const node of nodes) {
      const box = node.getBoundingClientRect();
      const within = box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom;
      if (within) inside++;
      if (which === "visible" && !within) continue;
      const name = node.querySelector<HTMLElement>("[data-testid=action-name]")!;
      // The canvas scales by a CSS transform: the drawn size is the layout size times that scale.
      const scale = name.getBoundingClientRect().height / name.offsetHeight;
      smallestName = Math.min(smallestName, parseFloat(getComputedStyle(name).fontSize) * scale);
    }
    return { smallestName, inside, actions: nodes.length };
  }, names);
}

test.describe("the canvas opens legible", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const [label, declaration, count] of [
    ["3", THREE, 3],
    ["12", TWELVE, 12],
    ["15", FIFTEEN, 15],
  ] as const) {
    test(`a pipeline of ${label} actions opens whole with names of at least ${MIN_NAME_PX} px`, async ({ page }, testInfo) => {
      await open(page, declaration);
      await expect(page.getByTestId("action-node")).toHaveCount(count);
      await expect.poll(async () => (await measure(page, "all")).inside, { message: "every action inside the canvas" }).toBe(count);
      const measured = await measure(page, "all");
      expect(measured.smallestName).toBeGreaterThanOrEqual(MIN_NAME_PX);
      testInfo.annotations.push({ type: "smallest action name", description: `${measured.smallestName.toFixed(1)} px` });
      await page.screenshot({ path: testInfo.outputPath(`${label}-actions.png`) });
    });
  }

  test("a pipeline too long to show whole opens legible on its first stage, the minimap showing the rest", async ({ page }, testInfo) => {
    await open(page, LONG);
    // Two hundred actions validate and render on a busy CI machine too: give them time.
    await expect(page.getByTestId("action-node")).toHaveCount(200, { timeout: 30_000 });
    await expect.poll(async () => (await measure(page, "visible")).inside, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const measured = await measure(page, "visible");
    expect(measured.smallestName).toBeGreaterThanOrEqual(MIN_NAME_PX);
    // The first stage is on screen.
    const first = page.getByTestId("stage-node").first();
    await expect(first).toBeInViewport();
    await expect(page.locator(".react-flow__minimap")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("fifty-stages.png") });
  });

  test("time can run left to right instead, parallel actions still across it", async ({ page }, testInfo) => {
    await open(page, THREE);
    await page.getByTestId("orientation-horizontal").click();
    const boxes = async () => Promise.all((await page.getByTestId("stage-node").all()).map(async (s) => (await s.boundingBox())!));
    await expect.poll(async () => {
      const [a, b] = await boxes();
      return b!.x > a!.x + a!.width - 1 && Math.abs(b!.y - a!.y) < 1;
    }).toBe(true);
    await expect.poll(async () => (await measure(page, "all")).inside).toBe(3);
    expect((await measure(page, "all")).smallestName).toBeGreaterThanOrEqual(MIN_NAME_PX);
    await page.screenshot({ path: testInfo.outputPath("left-to-right.png") });
    // The choice is this browser's: a reload keeps it.
    await page.reload();
    await expect(page.getByTestId("orientation-horizontal")).toHaveAttribute("aria-pressed", "true");
  });
});
