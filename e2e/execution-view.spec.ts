/**
 * The live state page and the history against the app and the e2e emulator (`--time-scale 50`):
 * a started execution moves on screen without a reload; three tabs share one upstream read per
 * interval; a hidden tab stops polling; throttling is absorbed; payloads render as text; axe.
 * Every test works on pipelines of its own (unique names), so it depends on no other spec.
 */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineStateCommand,
  PutApprovalResultCommand,
  StartPipelineExecutionCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { controlClient } from "../lib/emulator/testing/control-client";
import { awsCliAvailable, runAws } from "../tests/cli/debian-aws";
import { quiesce } from "../tests/aws/fixtures";
import { releasePipeline } from "../tests/sync/fixtures";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, expectedConsoleErrors, test } from "./fixtures";

const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;
const control = controlClient(EMULATOR_URL);
const client = new CodePipelineClient({ endpoint: EMULATOR_URL, region: "us-east-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createPipeline(prefix: string): Promise<string> {
  const name = unique(prefix);
  await client.send(new CreatePipelineCommand({ pipeline: releasePipeline(name) as unknown as PipelineDeclaration }));
  await quiesce(client, name);
  return name;
}

/** Starts an execution with Debian's aws CLI when it is installed (else the SDK); returns its id. */
async function startExecution(name: string): Promise<string> {
  if (awsCliAvailable) {
    const result = await runAws(EMULATOR_URL, "start-pipeline-execution", "--name", name);
    expect(result.code, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { pipelineExecutionId: string }).pipelineExecutionId;
  }
  return (await client.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
}

/** Answers the waiting manual approval of the release pipeline's Approve stage. */
async function approve(name: string, summary: string): Promise<void> {
  let token: string | undefined;
  await expect
    .poll(async () => {
      const state = await client.send(new GetPipelineStateCommand({ name }));
      token = state.stageStates?.find((s) => s.stageName === "Approve")?.actionStates?.[0]?.latestExecution?.token;
      return token;
    }, { timeout: 30_000 })
    .toBeTruthy();
  await client.send(new PutApprovalResultCommand({ pipelineName: name, stageName: "Approve", actionName: "Review", token, result: { status: "Approved", summary } }));
}

const stage = (page: Page, name: string) => page.locator(`[data-testid=live-stage][data-stage-name="${name}"]`);

/** Counts the page's polls of the state route. */
function countPolls(page: Page): { readonly count: () => number } {
  let polls = 0;
  page.on("request", (request) => {
    if (request.url().includes("/api/pipelines/") && request.url().includes("/state")) polls++;
  });
  return { count: () => polls };
}

async function getStateCalls(name: string): Promise<number> {
  const { body } = await control("/requests");
  return (body.pipelines as Record<string, Record<string, number>>).GetPipelineState?.[name] ?? 0;
}

test.describe("the live state page", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an execution started outside the app moves through the stages on screen without a reload", async ({ page }) => {
    const name = await createPipeline("ev-live");
    await page.goto(`/pipelines/${name}`);
    await expect(page.getByTestId("pipeline-name")).toHaveText(name);
    await expect(page.getByTestId("updated-ago")).toBeVisible();
    // A reload loads a new document; same-document history updates (the router's own
    // replaceState once it hydrates, which can come after the server-rendered text is visible)
    // are not reloads.
    let navigations = 0;
    page.on("domcontentloaded", () => navigations++);

    const executionId = await startExecution(name);
    // The release pipeline stops at its manual approval: in progress there, the stages before it done.
    // The page was idle (30 s polls), so the start shows within one idle interval or two.
    await expect(stage(page, "Approve")).toHaveAttribute("data-status", "InProgress", { timeout: 75_000 });
    await expect(stage(page, "Approve").getByTestId("status-mark").first()).toHaveText(/In progress/);
    await expect(stage(page, "Build")).toHaveAttribute("data-status", "Succeeded");
    await expect(page.getByTestId("latest-execution-id")).toHaveText(executionId);

    await approve(name, "Looks good");
    await expect(stage(page, "Approve")).toHaveAttribute("data-status", "Succeeded", { timeout: 45_000 });
    await expect(page.getByTestId("latest-execution-bar")).toHaveAttribute("data-status", "Succeeded");
    expect(navigations).toBe(0);

    // The table view shows the same state as rows.
    await page.getByTestId("view-table").click();
    await expect(page.locator('[data-testid=state-row][data-action-name="Review"]')).toHaveAttribute("data-status", "Succeeded");
    await expect(page.locator('[data-testid=state-row][data-action-name="Compile"]')).toHaveAttribute("data-status", "Succeeded");
  });

  test("three tabs on one pipeline cost one GetPipelineState per interval, and a hidden tab stops polling", async ({ page, context }) => {
    const name = await createPipeline("ev-tabs");
    await startExecution(name); // waits at its approval: the page polls every 5 s
    const tabs = [page, await context.newPage(), await context.newPage()];
    const polls = tabs.map(countPolls);
    for (const tab of tabs) {
      await tab.goto(`/pipelines/${name}`);
      await expect(stage(tab, "Approve")).toHaveAttribute("data-status", "InProgress", { timeout: 45_000 });
    }
    await control("/requests/reset");
    const start = Date.now();
    const before = polls.map((p) => p.count());
    // Three polls from every tab (≈ 15 s): nine requests to the app.
    await expect.poll(() => polls.every((p, i) => p.count() - before[i]! >= 3), { timeout: 40_000 }).toBe(true);
    // The server's board is fresh until the end of the 5 s interval it was read in (cached-reads.ts).
    const freshPeriods = (Date.now() - start) / 5_000;
    const upstream = await getStateCalls(name);
    expect(upstream).toBeGreaterThanOrEqual(1);
    // One per period, plus one for the period that had begun when counting started; three tabs
    // reading for themselves would have made at least nine.
    expect(upstream).toBeLessThanOrEqual(Math.ceil(freshPeriods) + 1);

    // Hide one tab: it stops polling while the others go on.
    const hidden = tabs[2]!;
    await hidden.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    const hiddenBefore = polls[2]!.count();
    const visibleBefore = polls[0]!.count();
    await expect.poll(() => polls[0]!.count() - visibleBefore, { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
    expect(polls[2]!.count()).toBe(hiddenBefore);
    // Visible again: it catches up at once.
    await hidden.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => false });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect.poll(() => polls[2]!.count(), { timeout: 15_000 }).toBeGreaterThan(hiddenBefore);
    await approve(name, "done");
  });

  test("with 30% of AWS calls throttled the view keeps updating and shows no error", async ({ page }) => {
    const name = await createPipeline("ev-throttle");
    await page.goto(`/pipelines/${name}`);
    await expect(page.getByTestId("updated-ago")).toBeVisible();
    await control("/throttle", { fraction: 0.3 });
    try {
      await startExecution(name).catch(async () => startExecution(name));
      await expect(stage(page, "Approve")).toHaveAttribute("data-status", "InProgress", { timeout: 90_000 });
      await approve(name, "ok").catch(async () => approve(name, "ok"));
      await expect(stage(page, "Approve")).toHaveAttribute("data-status", "Succeeded", { timeout: 60_000 });
      await expect(page.getByTestId("stale-banner")).toHaveCount(0);
      await expect(page.getByTestId("gateway-error")).toHaveCount(0);
    } finally {
      await control("/throttle", { fraction: 0 });
    }
  });

  test("names and texts holding HTML or script render as text", async ({ page }) => {
    const name = await createPipeline("ev-xss");
    await startExecution(name);
    const payload = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
    await approve(name, payload);
    page.on("dialog", () => {
      throw new Error("a payload opened a dialog");
    });
    await page.goto(`/pipelines/${name}`);
    await page.getByTestId("view-table").click();
    const row = page.locator('[data-testid=state-row][data-action-name="Review"]');
    await expect(row).toContainText(payload, { timeout: 30_000 });
    await expect(row.locator("img, script")).toHaveCount(0);
    await expect(page).not.toHaveTitle(/pwned/);
  });

  test("a pipeline that does not exist is a 404 page with a way back", async ({ page, consoleErrors }) => {
    const response = await page.goto("/pipelines/no-such-pipeline-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Pipeline not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the pipelines" }).click();
    await expect(page).toHaveURL(/\/pipelines$/);
    expectedConsoleErrors(consoleErrors, /status of 404/);
  });

  test("the list links to the state page, which passes axe", async ({ page }) => {
    await page.goto("/pipelines");
    await page.getByRole("rowheader", { name: "payments-api", exact: true }).getByRole("link").click();
    await expect(page).toHaveURL(/\/pipelines\/payments-api$/);
    await expect(page.getByTestId("live-stage").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "History" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/pipelines/payments-api/settings");
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId("view-table").click();
    await expect(page.getByTestId("state-table")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("the history page", () => {
  test("pages with nextToken, filters by status, and links rows to their execution", async ({ page }) => {
    await page.goto("/pipelines/payments-api/executions");
    const rows = page.getByTestId("history-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeLessThanOrEqual(25);
    const firstId = await rows.first().getAttribute("data-execution-id");
    await expect(rows.first().getByRole("link").first()).toHaveAttribute("href", `/pipelines/payments-api/executions/${firstId}`);
    await expectNoSeriousA11yViolations(page);

    if (await page.getByTestId("history-older").count()) {
      await page.getByTestId("history-older").click();
      await expect(page).toHaveURL(/token=/);
      await expect(rows.first()).toBeVisible();
      expect(await rows.first().getAttribute("data-execution-id")).not.toBe(firstId);
    }

    await page.goto("/pipelines/payments-api/executions");
    await page.getByTestId("filter-status").selectOption("Succeeded");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=Succeeded/);
    await expect(rows.first()).toBeVisible();
    for (const status of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(status).toBe("Succeeded");
  });
});
