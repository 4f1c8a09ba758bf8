/**
 * No module imports itself back through others (type-only imports included): a loop ties two
 * modules' changes together and makes load order matter. Where a callee needs its caller, give
 * it a small interface the caller implements (as `ActionRunDeps` and `AdmissionDeps` do).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FOLDERS = ["lib", "components", "app", "cli"];
const EXTENSIONS = [".ts", ".tsx"];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(name)) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))];
  return candidates.find((c) => EXTENSIONS.includes(path.extname(c)) && existsSync(c));
}

function importGraph(): Map<string, string[]> {
  const files = FOLDERS.flatMap((f) => sourceFiles(path.join(ROOT, f)));
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t): t is string => t !== undefined);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(path.relative(ROOT, w));
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

// Reads every source file: seconds on a busy machine.
describe("import cycles", { timeout: 60_000 }, () => {
  it("finds a loop when there is one", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(cycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("resolves @/ and relative specifiers to files", () => {
    const from = path.join(ROOT, "lib/emulator/executions/runner.ts");
    expect(resolveImport(from, "./admission")).toBe(path.join(ROOT, "lib/emulator/executions/admission.ts"));
    expect(resolveImport(from, "@/lib/domain/validation")).toBe(path.join(ROOT, "lib/domain/validation/index.ts"));
    expect(resolveImport(from, "zod")).toBeUndefined();
  });

  it("lib, components, app and cli have none", () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });
});
