/**
 * Extra app instances a spec starts itself (the production build, like the webServer in
 * playwright.config.ts), for what one long-running server cannot show: a restart, two instances
 * on one database, other settings (read-only), a backend that goes away. Each talks to the run's
 * emulator unless given another (`startEmulator`). Started through their bins, not npm, so
 * stopping one frees its port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppInstance {
  readonly url: string;
  stop(): Promise<void>;
}

export const EMULATOR_URL = `http://127.0.0.1:${Number(process.env.E2E_EMULATOR_PORT ?? 4610)}`;
/**
 * A port nobody listens on now, chosen by the system: fixed ports near E2E_PORT may belong to
 * other runs on the same machine.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startApp(port: number, env: Record<string, string>): Promise<AppInstance> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      PIPEWRIGHT_BACKEND: "emulator",
      CODEPIPELINE_ENDPOINT_URL: EMULATOR_URL,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/designer`);
      // Ready when it answers and says so itself (not some other server on the port).
      if (response.ok && /Ready in|started server/i.test(output)) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`the app on port ${port} did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * An instance started the way `npm start` serves the app (scripts/serve.mjs: Next plus the
 * connection's address, which PIPEWRIGHT_AUTH=proxy needs, and the public-bind refusal), with
 * access settings of its own; `output` is what it printed.
 */
export async function startServedApp(port: number, env: Record<string, string>): Promise<AppInstance & { readonly output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      PIPEWRIGHT_BACKEND: "emulator",
      CODEPIPELINE_ENDPOINT_URL: EMULATOR_URL,
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!output.includes("Pipewright on")) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`the app on port ${port} did not start within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop: () => stop(child) };
}

/**
 * An emulator of the spec's own on `port` (the same speed as the run's), for a backend the spec
 * stops and starts again; its data stays in `dataDir` across restarts.
 */
export async function startEmulator(port: number, dataDir: string): Promise<AppInstance> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", String(port), "--data-dir", dataDir, "--time-scale", "50", "--quiet"], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the emulator on port ${port} exited (${child.exitCode})`);
    try {
      // Any answer will do (its control API refuses requests without the control header).
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`the emulator on port ${port} did not answer within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: () => stop(child) };
}
