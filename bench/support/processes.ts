/**
 * The processes a benchmark runs: the production build, the emulator and `next start`, each on a
 * free port, stopped when the benchmark ends however it ends (exit, Ctrl-C, a throw). Spawned
 * through their bins, not npm: killing one by pid then frees its port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { CONTROL_HEADERS } from "../../lib/emulator/control-guard";
import { flag } from "./args";

export const root = resolve(import.meta.dirname, "../..");

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
/** The environment every child gets, unless a benchmark adds to it. */
export const benchEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const children = new Set<ChildProcess>();
/** Signals every child still running (no wait): for `finally` blocks and exits. */
export function stopChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}
process.on("exit", stopChildren);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

/** Stops one child and waits until it has exited (its port is free again). */
export function stop(child: ChildProcess): Promise<void> {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

/** Waits until `url` answers 2xx; fails at once if the child exits, or after `timeoutMs`. */
export async function waitFor(url: string, child: ChildProcess, what: string, headers: Record<string, string> = {}, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

/** `next build`, unless the benchmark was given `--no-build` (a build of this tree is already there). */
export function buildUnlessSkipped(env: NodeJS.ProcessEnv = benchEnv): void {
  if (flag("--no-build")) return;
  console.log("next build …");
  const build = spawnSync(resolve(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

export interface Service {
  readonly url: string;
  readonly child: ChildProcess;
}

/** The emulator as its own process (as `npm start` runs it), so its work never delays the benchmark's clock. */
export async function startEmulator(dataDir: string, extraArgs: readonly string[] = []): Promise<Service> {
  const port = await freePort();
  const child = spawn(resolve(root, "node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", String(port), "--data-dir", dataDir, "--quiet", ...extraArgs], {
    cwd: root,
    env: benchEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  // The control API answers only requests that carry its header (control-guard.ts).
  await waitFor(`${url}/_emulator/health`, child, "the emulator", CONTROL_HEADERS);
  return { url, child };
}

/**
 * The production build under `next start`. With an emulator URL it reads that emulator; `probePath`
 * is the page that says it is up (/rules reads no backend, so it warms the process without
 * touching any cache).
 */
export async function startApp(options: { emulatorUrl?: string; env?: Readonly<Record<string, string>>; probePath?: string } = {}): Promise<Service> {
  const port = await freePort();
  const env = { ...benchEnv, ...options.env, ...(options.emulatorUrl && { PIPEWRIGHT_BACKEND: "emulator", CODEPIPELINE_ENDPOINT_URL: options.emulatorUrl }) };
  const child = spawn(resolve(root, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${options.probePath ?? "/rules"}`, child, "next start");
  return { url, child };
}
