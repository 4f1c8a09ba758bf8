import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./e2e/chromium";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);
const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
const APP_URL = `http://127.0.0.1:${PORT}`;
// A fresh emulator data directory per run, so every run starts from the demo seed. Workers load
// this file again: the variable set here by the runner is inherited, so they do not make another.
process.env.PIPEWRIGHT_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "pipewright-e2e-"));
const DATA_DIR = process.env.PIPEWRIGHT_E2E_DATA_DIR;

const quiet = { NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: APP_URL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
  // Both are started directly through their bins (not npm) so that stopping them frees the ports.
  webServer: [
    {
      // The local CodePipeline emulator, seeded with the demo pipelines, simulated time 50× faster.
      command: `node_modules/.bin/tsx lib/emulator/main.ts --port ${EMULATOR_PORT} --data-dir ${DATA_DIR} --time-scale 50 --quiet --app-origin ${APP_URL}`,
      // Ready when it listens (it opens and seeds its database first). Not its /_emulator/health:
      // the control API answers only calls carrying its header, which this probe cannot send.
      port: EMULATOR_PORT,
      // Never someone else's emulator: the tests expect a fresh seed.
      reuseExistingServer: false,
      timeout: 60_000,
      env: quiet,
    },
    {
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${PORT}`,
      url: APP_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // Shared links are stored in this run's own SQLite file (e2e/support/app-storage.ts reads it).
      env: { ...quiet, PIPEWRIGHT_BACKEND: "emulator", CODEPIPELINE_ENDPOINT_URL: EMULATOR_URL, PIPEWRIGHT_DATA_DIR: path.join(DATA_DIR, "app") },
    },
  ],
});
