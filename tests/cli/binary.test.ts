/**
 * The installed `pipewright` command runs compiled JavaScript: in a fresh checkout (the CLI's
 * sources, its build script and the installed node_modules) `npm run prepare` — what `npm ci`
 * runs — builds the bundle, and a run loads that bundle and no tsx, no TypeScript source. Without
 * a build (an install with --ignore-scripts) the first run builds it; an edited source is rebuilt.
 * Module loading is observed from inside the process: an ES module resolve hook and the CommonJS
 * module cache at exit each write what they saw to a log.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(REPO, "tests/fixtures/cli/artifact-from-later-stage.json");

let checkout: string;
let probe: string;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), "pipewright-bin-"));
  checkout = path.join(root, "checkout");
  for (const entry of ["bin", "cli", "lib/domain", "scripts/cli-bundle.mjs", "package.json", "package-lock.json", "tsconfig.json"]) {
    cpSync(path.join(REPO, entry), path.join(checkout, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO, "node_modules"), path.join(checkout, "node_modules"), "dir");

  probe = path.join(root, "probe");
  mkdirSync(probe);
  writeFileSync(
    path.join(probe, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.PIPEWRIGHT_PROBE_LOG, "esm " + result.url + "\\n");
  return result;
}
`,
  );
  writeFileSync(
    path.join(probe, "register.mjs"),
    `import { register } from "node:module";
register(new URL("./hooks.mjs", import.meta.url));
`,
  );
  writeFileSync(
    path.join(probe, "cjs.cjs"),
    `process.on("exit", () => {
  const lines = Object.keys(require.cache).map((file) => "cjs " + file + "\\n").join("");
  require("node:fs").appendFileSync(process.env.PIPEWRIGHT_PROBE_LOG, lines);
});
`,
  );
});

afterAll(() => {
  rmSync(path.dirname(checkout), { recursive: true, force: true });
});

/** Runs the checkout's bin/pipewright.mjs as `npx pipewright` would, returning what it loaded. */
function runBin(...args: string[]) {
  const log = path.join(probe, `loaded-${Date.now()}-${Math.random()}.log`);
  writeFileSync(log, "");
  const run = spawnSync(
    process.execPath,
    ["--import", path.join(probe, "register.mjs"), "--require", path.join(probe, "cjs.cjs"), path.join(checkout, "bin/pipewright.mjs"), ...args],
    { cwd: checkout, encoding: "utf8", env: { ...process.env, PIPEWRIGHT_PROBE_LOG: log } },
  );
  const loaded = readFileSync(log, "utf8").trim().split("\n");
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, loaded };
}

const BUNDLE = () => path.join(checkout, "dist/cli/pipewright.mjs");
const typeScriptOrTsx = (line: string) => /\/node_modules\/tsx\//.test(line) || /\.(c|m)?tsx?$/.test(line);

// Whole processes and esbuild builds: seconds each on a busy machine.
describe("the pipewright binary", { timeout: 60_000 }, () => {
  it("is built by npm's prepare step and runs without tsx or any TypeScript source", () => {
    const prepare = spawnSync("npm", ["run", "prepare", "--silent"], { cwd: checkout, encoding: "utf8" });
    expect(prepare.status, prepare.stderr).toBe(0);
    expect(existsSync(BUNDLE())).toBe(true);

    const run = runBin("validate", FIXTURE, "--format", "json");
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, diagnostics: expect.arrayContaining([expect.objectContaining({ code: "ART004b" })]) });
    // The probe sees the modules this run loaded: the bundle, and nothing compiled from TypeScript.
    expect(run.loaded).toContain(`esm file://${BUNDLE()}`);
    expect(run.loaded.filter(typeScriptOrTsx)).toEqual([]);
    expect(run.loaded.some((line) => line.includes("/node_modules/esbuild/"))).toBe(false);
  });

  it("builds the bundle on its first run when the install skipped scripts", () => {
    rmSync(path.join(checkout, "dist"), { recursive: true, force: true });
    const run = runBin("schema");
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ title: "AWS CodePipeline pipeline declaration" });
    expect(existsSync(BUNDLE())).toBe(true);
    expect(run.loaded.filter(typeScriptOrTsx)).toEqual([]);
    // A second run finds the bundle fresh and does not build again.
    const built = statSync(BUNDLE()).mtimeMs;
    expect(runBin("schema").loaded.some((line) => line.includes("/node_modules/esbuild/"))).toBe(false);
    expect(statSync(BUNDLE()).mtimeMs).toBe(built);
  });

  it("rebuilds when a source changed after the build", () => {
    if (!existsSync(BUNDLE())) expect(runBin("schema").status).toBe(0);
    const built = statSync(BUNDLE()).mtimeMs;
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(checkout, "lib/domain/validation/validate.ts"), later, later);
    const run = runBin("validate", FIXTURE);
    expect(run.status).toBe(1);
    expect(run.loaded.some((line) => line.includes("/node_modules/esbuild/"))).toBe(true);
    expect(statSync(BUNDLE()).mtimeMs).toBeGreaterThan(built);
  });
});
