/**
 * The backend going away under an open state page: it keeps the last known state on screen,
 * says it is stale and since when, and recovers by itself when the backend is back. This needs
 * an emulator that can be stopped and started again, so the test runs its own pair (emulator and
 * `next start` of the same production build) on free ports, not the suite's shared ones.
 */
import { CodePipelineClient, CreatePipelineCommand, StartPipelineExecutionCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { quiesce } from "../tests/aws/fixtures";
import { releasePipeline } from "../tests/sync/fixtures";
import { expect, test } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

async function answering(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
}

test("with the backend down the page keeps the last state marked stale, and recovers when it is back", async ({ page }) => {
  test.setTimeout(150_000);
  const [emulatorPort, appPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-e2e-stale-"));
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const startEmulator = () =>
    spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", String(emulatorPort), "--data-dir", dataDir, "--time-scale", "50", "--quiet"], {
      cwd: ROOT,
      env: ENV,
      stdio: "ignore",
    });
  let emulator = startEmulator();
  const app = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(appPort)], {
    cwd: ROOT,
    env: { ...ENV, PIPEWRIGHT_BACKEND: "emulator", CODEPIPELINE_ENDPOINT_URL: emulatorUrl },
    stdio: "ignore",
  });
  const client = new CodePipelineClient({ endpoint: emulatorUrl, region: "us-east-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" } });
  try {
    await expect.poll(() => answering(emulatorUrl), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => answering(`http://127.0.0.1:${appPort}/rules`), { timeout: 60_000 }).toBe(true);
    const name = "stale-view";
    await client.send(new CreatePipelineCommand({ pipeline: releasePipeline(name) as unknown as PipelineDeclaration }));
    await quiesce(client, name);
    await client.send(new StartPipelineExecutionCommand({ name })); // waits at its approval: 5 s polling

    await page.goto(`http://127.0.0.1:${appPort}/pipelines/${name}`);
    const approveStage = page.locator('[data-testid=live-stage][data-stage-name="Approve"]');
    await expect(approveStage).toHaveAttribute("data-status", "InProgress", { timeout: 45_000 });
    await expect(page.getByTestId("updated-ago")).toBeVisible();

    await stop(emulator);
    const banner = page.getByTestId("stale-banner");
    await expect(banner).toBeVisible({ timeout: 45_000 });
    await expect(banner).toContainText("Stale since");
    await expect(banner).toContainText("Cannot reach the CodePipeline endpoint");
    // The last known state stays on screen.
    await expect(approveStage).toHaveAttribute("data-status", "InProgress");

    emulator = startEmulator();
    await expect.poll(() => answering(emulatorUrl), { timeout: 60_000 }).toBe(true);
    await expect(banner).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId("updated-ago")).toBeVisible();
    await expect(approveStage).toHaveAttribute("data-status", "InProgress");
  } finally {
    client.destroy();
    await Promise.all([stop(emulator), stop(app)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
