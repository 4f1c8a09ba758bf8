/**
 * The `pipewright` command runs as one bundled JavaScript file, so starting it compiles no
 * TypeScript: through tsx, `pipewright validate one.json` took about 2 s, nearly all of it
 * compiling at run time, and a CI step pays that on every commit.
 *
 *   node scripts/cli-bundle.mjs     builds dist/cli/ (npm runs it as `prepare` on `npm ci`)
 *   freshCliBundle()                what bin/pipewright.mjs calls: the bundle's path, rebuilt first
 *                                   when it is missing or older than a source it was built from
 *                                   (a checkout installed with --ignore-scripts, an edited rule)
 *
 * dist/cli/inputs.json lists the bundle's own sources (from esbuild's metafile) and when the build
 * started; checking them is one stat per file. Dependencies change only with package-lock.json,
 * which is watched too.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "dist/cli");
export const BUNDLE = join(OUT_DIR, "pipewright.mjs");
const INPUTS = join(OUT_DIR, "inputs.json");
const ALSO_WATCHED = ["package-lock.json", "tsconfig.json", "scripts/cli-bundle.mjs"];

export async function buildCliBundle() {
  const { build } = await import("esbuild");
  const startedMs = Date.now();
  // Built beside the target and swapped in: a process starting meanwhile sees the old build or
  // the new one (or none, and builds its own), never half of one.
  const partial = `${OUT_DIR}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { pipewright: "cli/main.ts" },
    outdir: partial,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // Commands load what only they need (the JSON Schema generator and zod) as separate chunks,
    // so `validate` does not parse them at every start.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    // Smaller to parse at every start; identifiers stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: "warning",
    // CommonJS dependencies (yaml) call require("process"); an ES module has no require of its own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/"));
  writeFileSync(join(partial, "inputs.json"), `${JSON.stringify({ startedMs, sources: [...sources, ...ALSO_WATCHED] })}\n`);
  const previous = `${OUT_DIR}.${process.pid}.previous`;
  try {
    renameSync(OUT_DIR, previous);
  } catch {
    // No earlier build.
  }
  try {
    renameSync(partial, OUT_DIR);
  } catch (error) {
    // Another process swapped its own build in first: that one is as fresh as this one.
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    rmSync(partial, { recursive: true, force: true });
  }
  rmSync(previous, { recursive: true, force: true });
  return BUNDLE;
}

/** True when the bundle exists and no file it was built from changed since its build started. */
export function isCliBundleFresh() {
  try {
    statSync(BUNDLE);
    const { startedMs, sources } = JSON.parse(readFileSync(INPUTS, "utf8"));
    return sources.every((file) => statSync(join(ROOT, file)).mtimeMs < startedMs);
  } catch {
    return false;
  }
}

export async function freshCliBundle() {
  return isCliBundleFresh() ? BUNDLE : buildCliBundle();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCliBundle();
}
