import { expect, test } from "@playwright/test";

test.describe("product shell", () => {
  test("home page shows the header, navigation and what Pipewright knows", async ({ page }) => {
    const consoleErrors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Pipewright home" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("CodePipeline");
    await expect(page.getByText("Action providers")).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test("navigation reaches the rules reference", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
    await expect(page).toHaveURL(/\/rules$/);
    await expect(page.getByRole("heading", { name: "Validation rules" })).toBeVisible();
  });
});
