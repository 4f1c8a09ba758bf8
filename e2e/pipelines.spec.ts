import { expect, test } from "./fixtures";
import { DEMO_PIPELINES } from "../lib/emulator/executions/demo/pipelines";

// The app runs against a fresh emulator (playwright.config.ts), which seeds the demo pipelines.
const DEMO_NAMES = DEMO_PIPELINES.map((p) => String(p.name));

test.describe("the app against the local emulator", () => {
  test("the header shows the active backend, region and account", async ({ page }) => {
    await page.goto("/");
    const badge = page.getByTestId("backend-badge");
    await expect(badge).toContainText("Local emulator · us-east-1");
    await expect(badge).toContainText("123456789012");
    await expect(badge).toHaveAttribute("data-reachable", "true");
  });

  test("the pipelines page lists the demo pipelines with their latest execution", async ({ page }) => {
    expect(DEMO_NAMES.length).toBeGreaterThanOrEqual(4);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pipelines" }).click();
    await expect(page).toHaveURL(/\/pipelines$/);
    await expect(page.getByRole("heading", { name: "Pipelines", level: 1 })).toBeVisible();

    // Other specs share this emulator and may have added pipelines of their own: every demo
    // pipeline must be listed, whatever else is.
    const rows = page.getByTestId("pipeline-row");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(DEMO_NAMES.length);
    for (const name of DEMO_NAMES) {
      await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();
    }
    // The seed comes with history: latest executions show as status badges.
    await expect(page.getByTestId("execution-status").first()).toBeVisible();
    await expect(page.getByTestId("gateway-error")).toHaveCount(0);
  });
});
