/**
 * The processes a benchmark runs against: the production build, the emulator and `next start`,
 * each on a free port, started through their bins (not npm, so stopping them by pid frees the
 * port) and stopped when the benchmark ends, however it ends.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

const children = new Set<ChildProcess>();
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

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not answer within 90 s`);
}

/** `next build` of the production app (skipped by the caller with --no-build). */
export function buildApp(): void {
  const build = spawnSync(resolve(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

/** The emulator in its own process, so its work never delays the benchmark's clock. */
export async function startEmulatorProcess(dataDir: string, args: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", String(port), "--data-dir", dataDir, "--quiet", ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/_emulator/health`, child, "the emulator");
  return { url, child };
}

/** `next start` of the build against the emulator, with settings of its own. */
export async function startAppProcess(emulatorUrl: string, extraEnv: Record<string, string> = {}): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(resolve(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...env, PIPEWRIGHT_BACKEND: "emulator", CODEPIPELINE_ENDPOINT_URL: emulatorUrl, ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.add(child);
  const base = `http://127.0.0.1:${port}`;
  // /rules reads no backend: it warms the server process without touching any cache.
  await waitFor(`${base}/rules`, child, "next start");
  return { base, child };
}
