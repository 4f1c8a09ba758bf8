/**
 * Extra app instances with their own settings (a sign-in mode), started by the specs that need
 * them — the default e2e app keeps running without sign-in. Each runs `scripts/serve.mjs` (what
 * `npm start` runs, after the one `next build` of the e2e run) against the run's emulator, on the
 * ports given to access tests (3170–3179).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface AppInstance {
  readonly url: string;
  /** What the instance printed, for a failing test's message. */
  readonly output: () => string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

export async function startAppInstance(port: number, env: Record<string, string>): Promise<AppInstance> {
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      PIPEWRIGHT_BACKEND: "emulator",
      CODEPIPELINE_ENDPOINT_URL: `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4610}`,
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited with code ${child.exitCode}:\n${output}`);
    if (output.includes("Pipewright on")) return { url, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the app on port ${port} did not start within 90 s:\n${output}`);
}
