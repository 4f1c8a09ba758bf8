/**
 * Starts a real emulator for a test: loopback, a free port, a fresh temporary data directory,
 * and a real SDK client pointed at it (dummy credentials, no retries).
 *
 * @example
 *   const emu = await startTestEmulator({ timeScale: 200 });
 *   afterAll(() => emu.close());
 *   await emu.client.send(new ListPipelinesCommand({}));
 *   await emu.control("/throttle", { fraction: 1 });
 */
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CreateExecutionEngine } from "../contract";
import { HOME_REGION } from "../identity";
import { startEmulator, type RunningEmulator } from "../server";
import { controlClient, type ControlCall } from "./control-client";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export interface TestEmulatorOptions {
  /** Simulated-time speed-up (default 100, so demo actions take milliseconds). */
  readonly timeScale?: number;
  /** Start with the demo pipelines (default false: an empty emulator). */
  readonly seed?: boolean;
  /** Reuse a data directory (restart tests); it is then not deleted on close. */
  readonly dataDir?: string;
  readonly controlApi?: boolean;
  /** Origins besides the emulator's own allowed to call the control API (the app's). */
  readonly appOrigins?: readonly string[];
  readonly region?: string;
  readonly createEngine?: CreateExecutionEngine;
  /** How long a request body may take to arrive (default 30 s). */
  readonly bodyTimeoutMs?: number;
}

export interface TestEmulator {
  readonly url: string;
  readonly dataDir: string;
  readonly client: CodePipelineClient;
  readonly emulator: RunningEmulator;
  /** Calls the control API (control-client.ts). Returns status and parsed JSON. */
  readonly control: ControlCall;
  close(): Promise<void>;
}

export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "pipewright-emulator-"));
  const emulator = await startEmulator({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    timeScale: options.timeScale ?? 100,
    seedOnFirstStart: options.seed === true,
    controlApi: options.controlApi,
    appOrigins: options.appOrigins,
    bodyTimeoutMs: options.bodyTimeoutMs,
    createEngine: options.createEngine,
  });
  const client = new CodePipelineClient({
    endpoint: emulator.url,
    region: options.region ?? HOME_REGION,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  const control = controlClient(emulator.url);
  return {
    url: emulator.url,
    dataDir,
    client,
    emulator,
    control,
    close: async () => {
      client.destroy();
      await emulator.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
