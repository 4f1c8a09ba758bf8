/**
 * The app's own import graph, read from the source as the bundler would follow it: a module's value
 * imports (`import type` and type-only clauses are erased and do not count) and its dynamic
 * `import()`s, resolved through the `@/` alias and relative paths. Packages are left unresolved.
 */
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");

export function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

/** The value imports of a module, each with its clause (`{ a, b }`, `X`; empty for a side-effect import). */
export function valueImportClauses(source: string): { clause: string; spec: string }[] {
  const imports: { clause: string; spec: string }[] = [];
  for (const [, clause, spec] of source.matchAll(/^import\s+(?!type\s)([\s\S]*?)\s*from\s*"([^"]+)"/gm)) {
    if (/^\{(\s*type\s+\w+\s*,?)+\s*\}$/.test(clause!.trim())) continue;
    imports.push({ clause: clause!, spec: spec! });
  }
  for (const [, spec] of source.matchAll(/^import\s+"([^"]+)"/gm)) imports.push({ clause: "", spec: spec! });
  return imports;
}

/** The module specifiers a module loads: its value imports. */
export function valueImports(source: string): string[] {
  return valueImportClauses(source).map((i) => i.spec);
}

/** The module specifiers of a module's dynamic `import("…")`s. */
export function dynamicImports(source: string): string[] {
  return [...source.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
}
