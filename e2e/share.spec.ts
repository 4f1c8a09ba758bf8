import { expect, expectedConsoleErrors, test } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./axe";
import { idOf, SharePage } from "./pages/share";
import { freePort, startApp, type AppInstance } from "./support/app-instance";
import { freshPostgresDatabase, mainAppDatabase, postgresRow, sqliteRow } from "./support/stored-snapshots";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Shared links end to end: share from the designer, open the link in another browser (no drafts,
 * no localStorage), read-only with badges and problems, open a copy and edit it while the snapshot
 * stays as shared; the stored row holds no secret; bad ids are 404s; an oversized design is
 * refused in words; links survive a restart (SQLite) and work across two instances on one
 * PostgreSQL.
 */

const TOKEN = "ghp_e2eSharedSecretToken0123456789";

/** A GitHub (v1) source whose OAuthToken is a secret, a build, and no role: one error to show. */
const DESIGN = JSON.stringify({
  name: "shared-release",
  roleArn: "",
  artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
  pipelineType: "V2",
  executionMode: "QUEUED",
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Checkout",
          actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
          configuration: { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: TOKEN, PollForSourceChanges: "false" },
          outputArtifacts: [{ name: "SourceOutput" }],
          runOrder: 1,
        },
      ],
    },
    {
      name: "Build",
      actions: [
        {
          name: "Compile",
          actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
          configuration: { ProjectName: "web" },
          inputArtifacts: [{ name: "SourceOutput" }],
          runOrder: 1,
        },
      ],
    },
  ],
});

test.describe("shared links", () => {
  test.use({ viewport: { width: 1600, height: 1000 } });
  // Several page loads and builds of a canvas each; the instance tests start app servers too.
  test.describe.configure({ timeout: 120_000 });

  test("share → fresh browser: read-only with badges and problems → open a copy, edit it → the snapshot is unchanged", async ({ page, browser, designerStart, designer }) => {
    await designerStart.importText(DESIGN);
    await expect(designer.actionNodes).toHaveCount(2);
    const link = await new SharePage(page).shareFromDesigner("For Tuesday's review");
    expect(new URL(link).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);

    // The stored row holds the mask, never the token.
    const row = sqliteRow(mainAppDatabase(), idOf(link));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(String(row!.payload)).toContain('"OAuthToken":"****"');

    // Sharing the same content again answers the same link.
    expect(await new SharePage(page).shareFromDesigner("For Tuesday's review")).toBe(link);

    const reader = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    try {
      const readerPage = await reader.newPage();
      const shared = new SharePage(readerPage);
      await readerPage.goto(link);
      await expect(shared.title).toHaveText("shared-release");
      await expect(readerPage).toHaveTitle(/shared-release/);
      expect(await readerPage.locator('meta[property="og:title"]').getAttribute("content")).toBe("shared-release");
      expect(await readerPage.locator('meta[property="og:description"]').getAttribute("content")).toBe("For Tuesday's review");
      await expect(shared.stageNodes).toHaveCount(2);
      await expect(shared.actionNodes).toHaveCount(2);
      await expect(shared.problems.first()).toBeVisible();
      await expect(shared.badges.first()).toBeVisible();
      await expect(readerPage.getByTestId("snapshot-redacted")).toContainText("1 secret field was replaced");
      // Read-only: no palette, no inspector, no editing controls.
      await expect(readerPage.getByTestId("palette-item")).toHaveCount(0);
      await expect(readerPage.getByTestId("pipeline-name")).toHaveCount(0);
      await readerPage.getByTestId("flow-toggle").check();
      await expect(readerPage.locator(".flow-edge").first()).toBeAttached();
      // The snapshot's own parts; the canvas nodes are the designer's (checked with the designer).
      await expectNoSeriousA11yViolations(readerPage, { include: "[data-testid=snapshot] > header" });
      await expectNoSeriousA11yViolations(readerPage, { include: "[data-testid=problems-panel]" });

      // The copy is a new local draft of the reader's; editing it leaves the snapshot alone.
      await readerPage.getByTestId("open-copy").click();
      await readerPage.waitForURL(/\/designer\/[^/]+$/);
      const name = readerPage.getByTestId("pipeline-name");
      await expect(name).toHaveValue("shared-release");
      await name.fill("my-edited-copy");
      await name.press("Enter");
      await expect(readerPage.getByTestId("stage-node")).toHaveCount(2);
      await readerPage.getByTestId("add-stage").click();
      await expect(readerPage.getByTestId("stage-node")).toHaveCount(3);

      await readerPage.goto(link);
      await expect(shared.stageNodes).toHaveCount(2);
      const declaration = await shared.exportedDeclaration();
      expect(declaration.name).toBe("shared-release");
      expect(JSON.stringify(declaration)).not.toContain(TOKEN);
    } finally {
      await reader.close();
    }
  });

  test("a link compares itself with another snapshot", async ({ page, designerStart, designer }) => {
    await designerStart.importText(DESIGN);
    const sharePage = new SharePage(page);
    const first = await sharePage.shareFromDesigner();
    await designer.control("add-stage").click();
    await expect(designer.stageNodes).toHaveCount(3);
    const second = await sharePage.shareFromDesigner();
    expect(second).not.toBe(first);
    await page.goto(`${second}?against=${idOf(first)}`);
    await expect(page.getByTestId("comparison-count")).toHaveText("1 change");
    await expect(page.getByTestId("comparison-change")).toContainText("added");
  });

  test("unknown and malformed ids are 404 pages", async ({ page, consoleErrors }) => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "not-a-snapshot", "AAAAAAAAAAAAAAAAAAAAAB"]) {
      const response = await page.goto(`/s/${id}`);
      expect(response?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    expectedConsoleErrors(consoleErrors, /404/);
  });

  test("an oversized design is refused in words", async ({ page, designerStart, designer }) => {
    await designerStart.importText(DESIGN);
    const draftId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    // Over 2 MB of description: more than a snapshot may hold, less than the proxy's 4 MB cut-off.
    await page.evaluate((id) => {
      const key = `pipewright:draft:${id}`;
      const draft = JSON.parse(localStorage.getItem(key)!) as { declaration: Record<string, unknown> };
      draft.declaration.description = "x".repeat(2_600_000);
      localStorage.setItem(key, JSON.stringify(draft));
    }, draftId);
    await page.reload();
    await expect(designer.actionNodes).toHaveCount(2);
    await page.getByTestId("share").click();
    await page.getByTestId("share-create").click();
    await expect(page.getByTestId("share-error")).toContainText("the limit is 2.0 MB");
    await expect(page.getByTestId("share-link")).toHaveCount(0);
  });

  test("a link survives a restart of the app (SQLite)", async ({ browser }) => {
    test.setTimeout(240_000);
    const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-e2e-restart-"));
    const port = await freePort();
    let app: AppInstance | undefined = await startApp(port, { PIPEWRIGHT_DATA_DIR: dataDir });
    try {
      const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      await page.goto("/designer");
      await page.getByTestId("import-text").fill(DESIGN);
      await page.getByTestId("import-submit").click();
      await page.waitForURL(/\/designer\/[^/]+$/);
      const link = await new SharePage(page).shareFromDesigner();
      await context.close();
      await app.stop();
      app = await startApp(port, { PIPEWRIGHT_DATA_DIR: dataDir });
      const fresh = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const reader = await fresh.newPage();
      await reader.goto(link);
      await expect(reader.getByTestId("snapshot-title")).toHaveText("shared-release");
      await expect(reader.getByTestId("action-node")).toHaveCount(2);
      await fresh.close();
    } finally {
      await app?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("two app instances on one PostgreSQL: a link made on one opens on the other", async ({ browser }) => {
    test.setTimeout(240_000);
    const adminUrl = process.env.PIPEWRIGHT_TEST_DATABASE_URL;
    test.skip(!adminUrl, "PIPEWRIGHT_TEST_DATABASE_URL is not set (.ci/run sets it; scripts/postgres-cluster.sh starts a server)");
    const database = await freshPostgresDatabase(adminUrl!);
    const apps: AppInstance[] = [];
    try {
      apps.push(...(await Promise.all([startApp(await freePort(), { DATABASE_URL: database.url }), freePort().then((port) => startApp(port, { DATABASE_URL: database.url }))])));
      const [one, two] = apps as [AppInstance, AppInstance];
      const author = await browser.newContext({ baseURL: one.url, viewport: { width: 1600, height: 1000 } });
      const page = await author.newPage();
      await page.goto("/designer");
      await page.getByTestId("import-text").fill(DESIGN);
      await page.getByTestId("import-submit").click();
      await page.waitForURL(/\/designer\/[^/]+$/);
      const link = await new SharePage(page).shareFromDesigner();
      expect(new URL(link).origin).toBe(one.url);
      await author.close();

      const row = await postgresRow(database.url, idOf(link));
      expect(row).toBeDefined();
      expect(JSON.stringify(row)).not.toContain(TOKEN);

      const reader = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const readerPage = await reader.newPage();
      await readerPage.goto(`${two.url}${new URL(link).pathname}`);
      await expect(readerPage.getByTestId("snapshot-title")).toHaveText("shared-release");
      await expect(readerPage.getByTestId("action-node")).toHaveCount(2);
      await expect(readerPage.getByTestId("problem").first()).toBeVisible();
      await reader.close();
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
      await database.drop();
    }
  });
});
