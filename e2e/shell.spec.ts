import { expect, test } from "./fixtures";

test.describe("product shell", () => {
  test("home page shows the header, navigation and what Pipewright knows", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Pipewright home" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("CodePipeline");
    await expect(page.getByText("Action providers")).toBeVisible();
  });

  test("navigation reaches the rules reference", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
    await expect(page).toHaveURL(/\/rules$/);
    await expect(page.getByRole("heading", { name: "Validation rules" })).toBeVisible();
  });
});
