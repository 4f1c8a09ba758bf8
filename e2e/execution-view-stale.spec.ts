/**
 * The backend going away under an open state page: it keeps the last known state on screen,
 * says it is stale and since when, and recovers by itself when the backend is back. This needs
 * an emulator that can be stopped and started again, so the test runs its own pair (emulator and
 * `next start` of the same production build) on free ports, not the suite's shared ones.
 */
import { CodePipelineClient, CreatePipelineCommand, StartPipelineExecutionCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { quiesce } from "../tests/aws/fixtures";
import { releasePipeline } from "../tests/sync/fixtures";
import { expect, expectedConsoleErrors, test } from "./fixtures";
import { freePort, startApp, startEmulator } from "./support/app-instance";

test("with the backend down the page keeps the last state marked stale, and recovers when it is back", async ({ page, consoleErrors }) => {
  test.setTimeout(150_000);
  const [emulatorPort, appPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-e2e-stale-"));
  let emulator = await startEmulator(emulatorPort, dataDir);
  const app = await startApp(appPort, { CODEPIPELINE_ENDPOINT_URL: emulator.url });
  const client = new CodePipelineClient({ endpoint: emulator.url, region: "us-east-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });
  try {
    const name = "stale-view";
    await client.send(new CreatePipelineCommand({ pipeline: releasePipeline(name) as unknown as PipelineDeclaration }));
    await quiesce(client, name);
    await client.send(new StartPipelineExecutionCommand({ name })); // waits at its approval: 5 s polling

    await page.goto(`${app.url}/pipelines/${name}`);
    const approveStage = page.locator('[data-testid=live-stage][data-stage-name="Approve"]');
    await expect(approveStage).toHaveAttribute("data-status", "InProgress", { timeout: 45_000 });
    await expect(page.getByTestId("updated-ago")).toBeVisible();

    await emulator.stop();
    const banner = page.getByTestId("stale-banner");
    await expect(banner).toBeVisible({ timeout: 45_000 });
    await expect(banner).toContainText("Stale since");
    await expect(banner).toContainText("Cannot reach the CodePipeline endpoint");
    // The last known state stays on screen.
    await expect(approveStage).toHaveAttribute("data-status", "InProgress");

    emulator = await startEmulator(emulatorPort, dataDir);
    await expect(banner).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId("updated-ago")).toBeVisible();
    await expect(approveStage).toHaveAttribute("data-status", "InProgress");
    // The polls that found the backend down were answered 503, which the browser logs.
    expectedConsoleErrors(consoleErrors, /state.*status of 503|status of 503.*state|Failed to load resource: the server responded with a status of 503/);
  } finally {
    client.destroy();
    await Promise.all([emulator.stop(), app.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
