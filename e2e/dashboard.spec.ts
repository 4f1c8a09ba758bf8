/**
 * The read-only dashboard (/dashboard) on an app instance of its own that covers three regions
 * and is read-only (PIPEWRIGHT_READ_ONLY=1), against the suite's emulator, which keeps pipelines
 * per region: the demo's in us-east-1 and eu-west-1, and this spec's own in ap-south-1 (created
 * here, deleted afterwards, so no other spec sees them). Executions are started through the AWS
 * API, as a team's commits would; the emulator's control API takes a region's endpoint down.
 */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  DeletePipelineCommand,
  StartPipelineExecutionCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { controlClient } from "../lib/emulator/testing/control-client";
import { samplePipeline } from "../lib/emulator/testing/pipelines";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, expectedConsoleErrors, test } from "./fixtures";
import { EMULATOR_URL, freePort, startApp, type AppInstance } from "./support/app-instance";

const OWN_REGION = "ap-south-1";
const TV_PIPELINES = Array.from({ length: 25 }, (_, i) => `tv-${String(i).padStart(2, "0")}`);
const LIVE = "wall-live";
const control = controlClient(EMULATOR_URL);
const client = new CodePipelineClient({ endpoint: EMULATOR_URL, region: OWN_REGION, credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });

let app: AppInstance;

/** Source → build: each run ends by itself within a second or two at the suite's time scale. */
function quickPipeline(name: string): PipelineDeclaration {
  const declaration = samplePipeline(name);
  declaration.stages = declaration.stages!.slice(0, 2);
  return declaration;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Samples end at a manual approval: the TV wall's cards stay "In progress".
  for (const name of TV_PIPELINES) await client.send(new CreatePipelineCommand({ pipeline: samplePipeline(name) }));
  await client.send(new CreatePipelineCommand({ pipeline: quickPipeline(LIVE) }));
  app = await startApp(await freePort(), { PIPEWRIGHT_REGIONS: `us-east-1,eu-west-1,${OWN_REGION}`, PIPEWRIGHT_READ_ONLY: "1" });
});

test.afterAll(async () => {
  await control("/region-down", { region: "eu-west-1", down: false });
  await app?.stop();
  for (const name of [...TV_PIPELINES, LIVE]) await client.send(new DeletePipelineCommand({ name })).catch(() => undefined);
  client.destroy();
});

const card = (page: import("@playwright/test").Page, name: string) => page.locator(`[data-testid=dashboard-card][data-name="${name}"]`);
const names = (page: import("@playwright/test").Page) => page.getByTestId("dashboard-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-name")));

test("the wall updates without a reload when an execution starts, fails and succeeds", async ({ page }) => {
  test.setTimeout(150_000);
  let loads = 0;
  page.on("load", () => loads++);
  await page.goto(`${app.url}/dashboard?regions=${OWN_REGION}&q=wall-*`);
  const live = card(page, LIVE);
  await expect(live).toHaveAttribute("data-status", "Succeeded", { timeout: 30_000 });

  await control("/fail-next", { pipelineName: LIVE, stageName: "Build", actionName: "Build", region: OWN_REGION });
  const failing = (await client.send(new StartPipelineExecutionCommand({ name: LIVE }))).pipelineExecutionId!;
  await expect(live).toHaveAttribute("data-execution", failing, { timeout: 60_000 });
  await expect(live).toHaveAttribute("data-status", "Failed", { timeout: 30_000 });
  await expect(live.getByTestId("card-stage")).toHaveText("failed in Build");

  const fixed = (await client.send(new StartPipelineExecutionCommand({ name: LIVE }))).pipelineExecutionId!;
  await expect(live).toHaveAttribute("data-execution", fixed, { timeout: 60_000 });
  await expect(live).toHaveAttribute("data-status", "Succeeded", { timeout: 30_000 });
  await expect(live.getByTestId("card-results").getByRole("listitem").last()).toHaveText(/Succeeded/);
  expect(loads).toBe(1);
});

test("the URL selects by names, tag, pattern and region, and the link can be copied", async ({ page, context }) => {
  // Five walls opened one after another: more than the default 30 s on a loaded machine.
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  await page.goto(`${app.url}/dashboard?pipelines=payments-api,ledger-eu`);
  await expect.poll(() => names(page), { timeout: 30_000 }).toEqual(["payments-api", "ledger-eu"]);
  await expect(card(page, "ledger-eu").getByTestId("card-region")).toHaveText("eu-west-1");

  await page.goto(`${app.url}/dashboard?tag=team:payments`);
  await expect.poll(async () => (await names(page)).sort(), { timeout: 30_000 }).toEqual(["ledger-eu", "payments-api"]);

  await page.goto(`${app.url}/dashboard?q=*-eu&regions=us-east-1,eu-west-1`);
  await expect.poll(async () => (await names(page)).sort(), { timeout: 30_000 }).toEqual(["ledger-eu", "search-indexer-eu"]);
  // Failing first: search-indexer-eu's newest run failed.
  expect(await names(page)).toEqual(["search-indexer-eu", "ledger-eu"]);

  await page.goto(`${app.url}/dashboard?regions=us-east-1,mars-1&pipelines=payments-api,ledger-eu`);
  await expect(page.getByTestId("regions-refused")).toContainText("mars-1");
  await expect.poll(() => names(page), { timeout: 30_000 }).toEqual(["payments-api"]);

  // The form writes the same URL; Copy link copies it.
  await page.goto(`${app.url}/dashboard`);
  await page.getByLabel("Name pattern").fill("payments-*");
  await page.getByRole("checkbox", { name: OWN_REGION }).uncheck();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\?q=payments-\*&regions=us-east-1,eu-west-1$/);
  await expect.poll(() => names(page), { timeout: 30_000 }).toEqual(["payments-api"]);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByTestId("copy-status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${app.url}/dashboard?q=payments-*&regions=us-east-1,eu-west-1`);
});

test("TV mode fits 24 cards on a 1080p screen without scrolling, pages the rest, and leaves no way off the wall", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${app.url}/dashboard?tv=1&regions=${OWN_REGION}&q=tv-*`);
  const cards = page.getByTestId("dashboard-card");
  await expect(cards).toHaveCount(24, { timeout: 30_000 });
  await expect(page.getByTestId("tv-page")).toHaveText("Page 1 of 2");
  await expect(page.locator("[data-app-header]")).toBeHidden();
  for (const box of await cards.evaluateAll((all) => all.map((c) => c.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(1080);
    expect(box.right).toBeLessThanOrEqual(1920);
  }
  const scroll = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  expect(scroll).toEqual({ h: 1080, w: 1920 });
  // A read-only wall display: cards are not links.
  await expect(page.getByTestId("wall").getByRole("link")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("a region whose endpoint is down shows its notice while the other region's cards keep updating", async ({ page, context, consoleErrors }) => {
  test.setTimeout(180_000);
  const wall = `${app.url}/dashboard?pipelines=ledger-eu,search-indexer-eu,${LIVE}`;
  await page.goto(wall);
  await expect(card(page, "ledger-eu")).toBeVisible({ timeout: 30_000 });
  await expect(card(page, LIVE)).toBeVisible();

  await control("/region-down", { region: "eu-west-1", down: true });
  try {
    const started = (await client.send(new StartPipelineExecutionCommand({ name: LIVE }))).pipelineExecutionId!;
    await expect(card(page, LIVE)).toHaveAttribute("data-execution", started, { timeout: 60_000 });
    // The region's last cards stay, each saying since when and why they are stale.
    await expect(card(page, "ledger-eu").getByTestId("card-stale")).toContainText("Stale since", { timeout: 90_000 });
    await expect(card(page, LIVE).getByTestId("card-stale")).toHaveCount(0);

    // Opened while the region is down: a notice for it, the other region's cards as usual.
    const other = await context.newPage();
    await other.goto(wall);
    await expect(other.locator("[data-testid=region-notice][data-region=eu-west-1]")).toBeVisible({ timeout: 60_000 });
    await expect(card(other, LIVE)).toBeVisible();
    await other.close();
  } finally {
    await control("/region-down", { region: "eu-west-1", down: false });
  }
  await expect(page.getByTestId("card-stale")).toHaveCount(0, { timeout: 60_000 });
  expectedConsoleErrors(consoleErrors, /503 \(Service Unavailable\)/);
});

test("the dashboard and its metrics have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${app.url}/dashboard?regions=us-east-1,eu-west-1&window=7`);
  // The demo pipelines of both regions (other specs may have added their own to us-east-1), one metrics row per card.
  await expect(card(page, "ledger-eu")).toBeVisible({ timeout: 30_000 });
  await expect(card(page, "payments-api")).toBeVisible();
  const cards = await page.getByTestId("dashboard-card").count();
  await expect(page.getByTestId("metrics-row")).toHaveCount(cards, { timeout: 30_000 });
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  // Not a wall display: cards lead to their pipeline, with its region.
  await expect(card(page, "ledger-eu").getByRole("link", { name: "ledger-eu" })).toHaveAttribute("href", "/pipelines/ledger-eu?region=eu-west-1");
  await expectNoSeriousA11yViolations(page);
});
