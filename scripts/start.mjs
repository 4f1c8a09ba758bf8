#!/usr/bin/env node
// `npm start`: builds the app, starts the local CodePipeline emulator, waits until it answers, then
// serves the app pointed at it. One Ctrl-C stops both.
//
//   node scripts/start.mjs [--no-build]
//
// The emulator is skipped when PIPEWRIGHT_BACKEND=aws or CODEPIPELINE_ENDPOINT_URL is set (the app
// then talks to that backend). Children are started through their bins, not npm/npx, so that
// killing them by pid frees their ports (stack notes P9).
//
// The app listens on HOST (default 127.0.0.1: local, single user). Any other address needs a
// sign-in mode (PIPEWRIGHT_AUTH) or PIPEWRIGHT_READ_ONLY=1; otherwise this refuses to start
// (scripts/bind-policy.mjs) before building anything.
/* global fetch, AbortSignal, setTimeout */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { bindRefusal, DEFAULT_HOST } from "./bind-policy.mjs";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => resolve(root, "node_modules/.bin", name);
const args = new Set(process.argv.slice(2));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? "true",
};

const useEmulator = (env.PIPEWRIGHT_BACKEND ?? "emulator") !== "aws" && !env.CODEPIPELINE_ENDPOINT_URL;
const emulatorPort = Number(env.PIPEWRIGHT_EMULATOR_PORT ?? 4599);
// resolve(root, "") would be the checkout itself: an empty value is refused below.
const dataDir = resolve(root, env.PIPEWRIGHT_DATA_DIR || "data/emulator");
const appPort = env.PORT ?? "3000";
const appHost = env.HOST?.trim() || DEFAULT_HOST;

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];
let stopping = false;

function log(message) {
  console.log(`[start] ${message}`);
}

function run(command, argv, options = {}) {
  const child = spawn(command, argv, { cwd: root, env, stdio: "inherit", ...options });
  children.push(child);
  child.on("exit", () => children.splice(children.indexOf(child), 1));
  return child;
}

function stopAll(signal = "SIGTERM") {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

function exitWhenDone(code) {
  stopAll();
  const finish = () => (children.length === 0 ? process.exit(code) : setTimeout(finish, 50));
  finish();
  // A child that ignores SIGTERM must not keep the script alive forever.
  setTimeout(() => {
    stopAll("SIGKILL");
    process.exit(code);
  }, 5_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    exitWhenDone(signal === "SIGINT" ? 130 : 143);
  });
}

/** True when a CodePipeline endpoint answers ListPipelines at `url`. */
async function answers(url) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "CodePipeline_20150709.ListPipelines",
      },
      body: "{}",
      signal: AbortSignal.timeout(2_000),
    });
    const body = await response.json().catch(() => undefined);
    return response.ok && Array.isArray(body?.pipelines);
  } catch {
    return false;
  }
}

function waitForExit(child) {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.on("exit", (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}

async function startEmulator() {
  const url = `http://127.0.0.1:${emulatorPort}`;
  if (await answers(url)) {
    log(`a CodePipeline endpoint already answers at ${url}: using it`);
    return url;
  }
  if (env.PIPEWRIGHT_DATA_DIR === "") throw new Error("PIPEWRIGHT_DATA_DIR is set but empty: unset it or name a directory");
  // The emulator creates its data directory, and says clearly when the path cannot be one.
  log(`starting the emulator on ${url} (data in ${dataDir})`);
  // The app's origin may call the emulator's control API (lib/emulator/control-guard.ts).
  const appOrigins = [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`].flatMap((origin) => ["--app-origin", origin]);
  const emulator = run(bin("tsx"), ["lib/emulator/main.ts", "--port", String(emulatorPort), "--data-dir", dataDir, ...appOrigins]);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (emulator.exitCode !== null) throw new Error(`the emulator exited with code ${emulator.exitCode}`);
    if (await answers(url)) {
      emulator.on("exit", (code) => {
        if (stopping) return;
        log(`the emulator stopped (code ${code}); stopping the app`);
        exitWhenDone(1);
      });
      return url;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the emulator did not answer at ${url} within 60 s`);
}

async function main() {
  const refusal = bindRefusal(env);
  if (refusal) throw new Error(`refusing to start:\n${refusal}`);
  if (!args.has("--no-build")) {
    log("building the app (next build)");
    const code = await waitForExit(run(bin("next"), ["build"]));
    if (code !== 0) throw new Error(`next build failed with code ${code}`);
  }
  if (stopping) return;
  if (useEmulator) {
    env.CODEPIPELINE_ENDPOINT_URL = await startEmulator();
  } else {
    log(`using ${env.PIPEWRIGHT_BACKEND === "aws" ? "AWS" : env.CODEPIPELINE_ENDPOINT_URL} (no emulator started)`);
  }
  if (stopping) return;
  log(`starting the app on http://${appHost.includes(":") ? `[${appHost}]` : appHost}:${appPort}`);
  // scripts/serve.mjs is `next start` plus the connection's address (for PIPEWRIGHT_AUTH=proxy).
  const app = run(process.execPath, [resolve(root, "scripts/serve.mjs")], { env: { ...env, HOST: appHost, PORT: appPort } });
  const code = await waitForExit(app);
  if (!stopping) {
    log(`the app stopped (code ${code})`);
    exitWhenDone(code);
  }
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  exitWhenDone(1);
});
