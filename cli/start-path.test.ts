/**
 * What `pipewright validate` loads at every start: the modules the bundle's entry reaches through
 * static imports (commands loaded on demand — convert, schema — are separate chunks). zod, about
 * 600 kB of code to parse, is not among them: the engine walks tables generated from the zod
 * model (lib/domain/pipeline/model-derivation.ts).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Every module reached from cli/main.ts by static imports, with the chain that reached it. */
async function staticModules(): Promise<Map<string, string | undefined>> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ["cli/main.ts"],
    bundle: true,
    write: false,
    splitting: true,
    outdir: "out",
    platform: "node",
    format: "esm",
    metafile: true,
    logLevel: "silent",
  });
  const reachedFrom = new Map<string, string | undefined>([["cli/main.ts", undefined]]);
  const queue = ["cli/main.ts"];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind !== "import-statement" || reachedFrom.has(imported.path)) continue;
      reachedFrom.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  return reachedFrom;
}

function chainTo(reachedFrom: Map<string, string | undefined>, file: string): string[] {
  const chain: string[] = [];
  for (let at: string | undefined = file; at !== undefined; at = reachedFrom.get(at)) chain.unshift(at);
  return chain;
}

describe("the modules pipewright loads at every start", () => {
  it("include the validation engine and the importers, and no zod", async () => {
    const reachedFrom = await staticModules();
    expect(reachedFrom.has("lib/domain/validation/validate.ts")).toBe(true);
    expect(reachedFrom.has("lib/domain/formats/import.ts")).toBe(true);
    // Where zod is entered from outside it: one chain per importer.
    const zod = [...reachedFrom].filter(([file, from]) => file.includes("node_modules/zod/") && !from?.includes("node_modules/zod/")).map(([file]) => file);
    expect(zod.map((file) => chainTo(reachedFrom, file).join(" → "))).toEqual([]);
  }, 30_000);
});
