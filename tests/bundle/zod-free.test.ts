/**
 * zod (about 32 kB gzip of JavaScript) stays out of what the browser loads for the root layout, the
 * dashboard and the pipelines list (README, "What the browser loads first"): no browser component
 * there reaches it through a value import. Type-only imports are erased and do not count.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveImport, root, valueImports } from "./module-graph";

const ENTRY_DIRS = ["components/access", "components/shell", "components/dashboard", "app/pipelines/_components"];
const ENTRY_FILES = ["app/providers.tsx"];

/** The chain of modules from `file` to zod, or undefined when none reaches it. */
function pathToZod(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  // A server action module reaches the browser as references only.
  if (/^\s*["']use server["']/.test(source)) return undefined;
  for (const spec of valueImports(source)) {
    if (spec === "zod" || spec.startsWith("zod/")) return [file];
    const next = resolveImport(file, spec);
    const chain = next && pathToZod(next, seen);
    if (chain) return [file, ...chain];
  }
  return undefined;
}

const entries = [
  ...ENTRY_FILES.map((f) => join(root, f)),
  ...ENTRY_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
      .map((name) => join(root, dir, name))
      .filter((path) => /^\s*["']use client["']/.test(readFileSync(path, "utf8"))),
  ),
];

describe("browser components of the layout, the dashboard and the pipelines list", () => {
  it("finds the browser components it checks", () => {
    expect(entries.length).toBeGreaterThan(8);
  });

  it.each(entries.map((path) => [path.slice(root.length + 1), path]))("%s reaches no zod", (_, path) => {
    expect(pathToZod(path)?.map((p) => p.slice(root.length + 1))).toBeUndefined();
  });

  it("would see zod through a module that imports it", () => {
    expect(pathToZod(join(root, "lib/domain/access/role-rules.ts"))).toEqual([join(root, "lib/domain/access/role-rules.ts")]);
  });
});
