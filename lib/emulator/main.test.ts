/** The `npm run emulator` entry: prints its endpoint, serves, and stops cleanly on SIGTERM. */
import { CodePipelineClient, ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "./db";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

it("starts on the given data directory, answers the SDK and exits 0 on SIGTERM", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-main-"));
  // tsx itself, not npm/npx: signals then reach the emulator (stack notes P9).
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", "0", "--data-dir", dataDir, "--time-scale", "50", "--quiet"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no endpoint printed: ${out}`)), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once("exit", (code) => reject(new Error(`exited early (${code}): ${out}`)));
    });
    const client = new CodePipelineClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
    await expect(client.send(new ListPipelinesCommand({}))).resolves.toHaveProperty("pipelines");
    client.destroy();
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

it("refuses a bad option with exit code 2", async () => {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", "70000"], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(2);
  expect(err).toContain("--port must be 0..65535, got 70000");
}, 30_000);

describe("a data directory that cannot be one", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pipewright-main-"));
  const file = path.join(dir, "not-a-directory");
  writeFileSync(file, "");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["an empty --data-dir", ["--data-dir", ""], "emulator: --data-dir must name a directory, got an empty string"],
    ["a --data-dir that is a file", ["--data-dir", file], `emulator: the data directory ${file} is a file, not a directory`],
    ["a --data-dir under a file", ["--data-dir", path.join(file, "sub")], `emulator: cannot create the data directory ${path.join(file, "sub")}`],
    ["an --app-origin that is not an http(s) origin", ["--app-origin", "javascript:alert(1)"], "emulator: --app-origin must be an http(s) origin"],
  ])("refuses %s with one clear line and exit code 2, no stack trace", async (_what, args, message) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/emulator/main.ts", "--port", "0", "--quiet", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    // An emulator that started anyway would serve forever: stop it rather than leave it running.
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code).toBe(2);
    expect(err.split("\n")[0]).toContain(message);
    expect(err).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(process.cwd(), DATABASE_FILE))).toBe(false);
  }, 30_000);
});
