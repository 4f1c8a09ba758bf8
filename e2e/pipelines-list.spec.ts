import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { controlClient } from "../lib/emulator/testing/control-client";
import { seedManyPipelines, type SeededPipeline } from "../lib/emulator/testing/many-pipelines";

/**
 * The pipelines list of a large account: the emulator of playwright.config.ts (same port and
 * time scale) holds 300 pipelines for these tests, then gets its demo seed back. Its request
 * counter (GET /_emulator/requests) shows what the app asked CodePipeline.
 */
const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`;
const TIME_SCALE = 50;
const COUNT = 300;
const control = controlClient(EMULATOR_URL);

let seeded: SeededPipeline[] = [];

interface Counts {
  operations: Record<string, number>;
  pipelines: Record<string, Record<string, number>>;
}
const counts = async () => (await control("/requests")).body as unknown as Counts;

const rows = (page: Page) => page.getByTestId("pipeline-row");
const names = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-name") ?? ""));

/**
 * The list's Refresh button, pressed on a view that reads no execution: everything the app cached
 * is read again on its next use, and the counter starts from this point.
 */
async function forgetEverything(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.goto("/pipelines?q=no-pipeline-has-this-name");
  await page.getByTestId("refresh-pipelines").click();
  await expect(page.getByTestId("refresh-pipelines")).toHaveText("Refresh");
  await expect(page.getByTestId("list-no-match")).toBeVisible();
  await page.close();
  await control("/requests/reset");
}

test.describe("the pipelines list with 300 pipelines", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    const client = new CodePipelineClient({
      endpoint: EMULATOR_URL,
      region: "us-east-1",
      credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" },
    });
    await control("/reset");
    seeded = await seedManyPipelines(client, control, { count: COUNT, timeScale: TIME_SCALE });
    client.destroy();
    await forgetEverything(browser);
  });

  test.afterAll(async ({ browser }) => {
    await control("/latency", { ms: 0 });
    await control("/seed");
    // Later specs expect the demo pipelines, not what the app still remembers of these.
    await forgetEverything(browser);
  });

  test("search, filters, sort and page live in the URL", async ({ page }) => {
    await page.goto("/pipelines");
    await expect(page.getByTestId("list-summary")).toContainText(`1–50 of ${COUNT} pipelines`);
    await expect(rows(page)).toHaveCount(50);
    await expect(page.getByTestId("pagination")).toContainText("Page 1 of 6");

    await page.getByTestId("list-search").fill("orders");
    await expect(page).toHaveURL(/\/pipelines\?q=orders$/);
    const orders = seeded.filter((s) => s.name.includes("orders"));
    await expect(page.getByTestId("list-summary")).toContainText(`1–${orders.length} of ${orders.length} matching pipelines (${COUNT} in all)`);
    expect((await names(page)).every((n) => n.includes("orders"))).toBe(true);

    await page.getByLabel("Latest status").selectOption("Failed");
    await expect(page).toHaveURL(/\?q=orders&status=Failed$/);
    const failing = orders.filter((s) => s.outcome === "Failed").map((s) => s.name).sort();
    expect(failing.length).toBeGreaterThan(1);
    await expect(rows(page)).toHaveCount(failing.length);
    expect((await names(page)).sort()).toEqual(failing);
    await expect(page.getByTestId("execution-status")).toHaveCount(failing.length);
    for (const status of await page.getByTestId("execution-status").evaluateAll((els) => els.map((el) => el.getAttribute("data-status")))) {
      expect(status).toBe("Failed");
    }

    await page.getByLabel("Sort by").selectOption("name-desc");
    await expect(page).toHaveURL(/sort=name-desc/);
    await expect(rows(page).first()).toHaveAttribute("data-name", failing.at(-1)!);

    // The URL alone brings the same view back, controls included.
    await page.reload();
    await expect(rows(page)).toHaveCount(failing.length);
    await expect(page.getByTestId("list-search")).toHaveValue("orders");
    await expect(page.getByLabel("Latest status")).toHaveValue("Failed");
    await expect(page.getByLabel("Sort by")).toHaveValue("name-desc");

    await page.goto("/pipelines?type=V1&mode=SUPERSEDED");
    const v1 = seeded.filter((s) => s.pipelineType === "V1");
    await expect(page.getByTestId("list-summary")).toContainText(`of ${v1.length} matching pipelines`);
    await page.getByLabel("Execution mode").selectOption("PARALLEL");
    await expect(page.getByTestId("list-no-match")).toBeVisible();

    // Values that mean nothing are dropped, not an error page.
    await page.goto("/pipelines?status=Bogus&page=abc&sort=sideways");
    await expect(page.getByTestId("list-summary")).toContainText(`1–50 of ${COUNT} pipelines`);

    await page.goto("/pipelines");
    await page.getByTestId("pagination").getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(page.getByTestId("list-summary")).toContainText(`51–100 of ${COUNT} pipelines`);
    const all = seeded.map((s) => s.name).sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" }));
    await expect(rows(page).first()).toHaveAttribute("data-name", all[50]!);
  });

  test("rows come first; each latest execution streams into its row as it is read", async ({ browser, page }) => {
    test.setTimeout(120_000);
    await forgetEverything(browser);
    // Slow enough that the 50 reads of a page (8 at a time) take about 7 s.
    await control("/latency", { ms: 1_000 });
    try {
      await page.goto("/pipelines?page=3", { waitUntil: "commit" });
      await expect(rows(page)).toHaveCount(50);
      // The rows are on screen while most of their executions are still on their way.
      expect(await page.locator('[data-testid=latest-execution][data-state=pending]').count()).toBeGreaterThan(10);
      await expect(page.locator("[data-testid=latest-execution][data-state=pending]")).toHaveCount(0, { timeout: 60_000 });
      await expect(page.locator("[data-testid=latest-execution][data-state=loaded]")).toHaveCount(50);
    } finally {
      await control("/latency", { ms: 0 });
    }
  });

  test("five viewers cost one ListPipelineExecutions per pipeline per interval; Refresh forces a new read", async ({ browser }) => {
    test.setTimeout(180_000);
    await forgetEverything(browser);
    const viewers = await Promise.all(Array.from({ length: 5 }, () => browser.newPage()));
    // Sorted by status: every pipeline's latest execution is needed, not only the first page's.
    const view = () =>
      Promise.all(
        viewers.map(async (v) => {
          await v.goto("/pipelines?sort=status");
          await expect(v.getByTestId("list-summary")).toContainText(`1–50 of ${COUNT} pipelines`);
        }),
      );

    // A running execution is read again after 5 s, a finished one after 15 s (lib/aws/cached-reads.ts):
    // however many views, at most one call per pipeline per interval. On a fast machine both waves
    // fit in one interval and every pipeline is read exactly once; a slow one may need more.
    const started = Date.now();
    const expectOneCallPerInterval = (calls: Record<string, number>) => {
      const elapsed = Date.now() - started;
      for (const spec of seeded) {
        const interval = spec.outcome === "InProgress" ? 5_000 : 15_000;
        const allowed = 1 + Math.floor(elapsed / interval);
        const n = calls[spec.name] ?? 0;
        expect([spec.name, n >= 1 && n <= allowed]).toEqual([spec.name, true]);
      }
      return elapsed;
    };

    await view();
    const first = await counts();
    expect(Object.keys(first.pipelines.ListPipelineExecutions ?? {}).length).toBe(COUNT);
    if (expectOneCallPerInterval(first.pipelines.ListPipelineExecutions ?? {}) < 5_000) {
      expect(first.operations.ListPipelineExecutions).toBe(COUNT);
    }
    expect(first.operations.ListPipelines ?? 0).toBeLessThanOrEqual(1);

    // The same five views again: still one call per pipeline per interval.
    await view();
    expectOneCallPerInterval((await counts()).pipelines.ListPipelineExecutions ?? {});

    const [one] = viewers;
    await one!.goto("/pipelines");
    await control("/requests/reset");
    await one!.getByTestId("refresh-pipelines").click();
    await expect(one!.getByTestId("refresh-pipelines")).toHaveText("Refresh");
    await expect(one!.locator("[data-testid=latest-execution][data-state=loaded]")).toHaveCount(50);
    const refreshed = await counts();
    // The list, and the header's backend probe (also a ListPipelines, of one result).
    expect(refreshed.operations.ListPipelines).toBeGreaterThanOrEqual(1);
    expect(refreshed.operations.ListPipelines).toBeLessThanOrEqual(2);
    const firstPage = await names(one!);
    expect(Object.keys(refreshed.pipelines.ListPipelineExecutions ?? {}).sort()).toEqual([...firstPage].sort());
    await Promise.all(viewers.map((v) => v.close()));
  });
});
