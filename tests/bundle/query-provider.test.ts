/**
 * TanStack Query's provider is not in the root layout (README, "What the browser loads first"): it
 * is mounted only above what polls (app/providers.tsx). So every route file that reaches a
 * component calling a TanStack Query hook must have it above: a layout of its own segment or an
 * ancestor's renders <Providers>, or the path to the hook passes through a module that does
 * (the dashboard's live wall and metrics wrap themselves). Otherwise that page fails at run time
 * with "No QueryClient set".
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { dynamicImports, resolveImport, root, valueImportClauses } from "./module-graph";

const PROVIDERS = join(root, "app/providers.tsx");
const ROUTE_FILE = /^(page|layout|error|not-found|loading|template|default)\.tsx$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const sources = new Map<string, string>();
const read = (file: string) => sources.get(file) ?? sources.set(file, readFileSync(file, "utf8")).get(file)!;

/** Whether a module calls one of TanStack Query's hooks (useQuery, useQueries, useQueryClient, useMutation, …). */
const usesQueryHook = (file: string) =>
  valueImportClauses(read(file)).some((i) => i.spec === "@tanstack/react-query" && /\buse[A-Z]\w*/.test(i.clause));
/** Whether a module renders the provider (it imports app/providers.tsx). */
const providesQueries = (file: string) => valueImportClauses(read(file)).some((i) => resolveImport(file, i.spec) === PROVIDERS);

/** The chain from `file` to a module calling a hook with no provider on the way, or undefined. */
function unprovidedHook(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  if (providesQueries(file)) return undefined;
  if (usesQueryHook(file)) return [file];
  const source = read(file);
  // A server action module reaches the browser as references only.
  if (/^\s*["']use server["']/.test(source)) return undefined;
  for (const spec of [...valueImportClauses(source).map((i) => i.spec), ...dynamicImports(source)]) {
    const next = resolveImport(file, spec);
    const chain = next && unprovidedHook(next, seen);
    if (chain) return [file, ...chain];
  }
  return undefined;
}

/** Whether a layout of the route file's segment or of one above it renders the provider. */
function providedByLayout(file: string): boolean {
  for (let dir = dirname(file); dir.startsWith(join(root, "app")); dir = dirname(dir)) {
    const layout = join(dir, "layout.tsx");
    if (layout !== file && sources.has(layout) && providesQueries(layout)) return true;
  }
  return false;
}

const routeFiles = walk(join(root, "app")).filter((file) => ROUTE_FILE.test(file.split("/").pop()!));
for (const file of routeFiles) read(file);

describe("TanStack Query's provider above every component that polls", () => {
  it("finds the route files and the pages that poll", () => {
    expect(routeFiles.length).toBeGreaterThan(15);
    // The pipeline page polls through its layout's provider; without that layout it would fail.
    expect(unprovidedHook(join(root, "app/pipelines/[name]/page.tsx"))).toBeDefined();
    expect(providedByLayout(join(root, "app/pipelines/[name]/page.tsx"))).toBe(true);
    expect(providesQueries(join(root, "app/layout.tsx"))).toBe(false);
  });

  it.each(routeFiles.map((path) => [relative(root, path), path]))("%s", (_, path) => {
    if (providedByLayout(path)) return;
    expect(unprovidedHook(path)?.map((p) => relative(root, p))).toBeUndefined();
  });
});
