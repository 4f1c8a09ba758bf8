/** Ownership sweeps: the same GEN breakage on any member of its kind, so one finding never hides behind another rule. */
import type { Chooser } from "../chooser";
import type { GenOptions } from "../generator-options";
import { pick, V2 } from "./helpers";
import type { Mutation } from "./mutation";
import { collectSites, type Site, type Sites } from "./sites";

function typedEquivalent(value: string): unknown {
  if (value === "true" || value === "false") return value === "true";
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return [value];
    }
  }
  return { value };
}

function sweep(code: string, name: string, kind: keyof Sites, edit: (site: Site, c: Chooser) => boolean, gen?: GenOptions): Mutation {
  return {
    code,
    name: `${name} (sweep)`,
    gen,
    runs: 120,
    apply(p, c) {
      const site = pick(c, collectSites(p)[kind].filter((x) => x.safe));
      return site ? edit(site, c) : false;
    },
  };
}

export const SWEEPS: readonly Mutation[] = [
  sweep("GEN004", "empty string in a min-1 string member", "strings", (s) => ((s.parent[s.key] = ""), true)),
  sweep("GEN004", "empty string in a min-1 string member of a V2 pipeline with every feature", "strings", (s) => ((s.parent[s.key] = ""), true), {
    ...V2,
    triggers: "force",
    variables: "force",
    conditions: "force",
  }),
  sweep("GEN006", "wrong-case enum value", "enums", (s) => {
    const v: string = s.parent[s.key];
    const changed = v === v.toLowerCase() ? v.toUpperCase() : v.toLowerCase();
    if (changed === v) return false;
    s.parent[s.key] = changed;
    return true;
  }, { ...V2, triggers: "force", conditions: "force" }),
  sweep("GEN003", "empty list in a min-1 list member", "lists", (s) => ((s.parent[s.key] = []), true), { ...V2, triggers: "force", conditions: "force", include: ["Compute/AWS/Commands"] }),
  // The typical mistake: the typed form of the same value ("true" → true, "15" → 15, JSON text → JSON).
  sweep("GEN001", "configuration value written as its typed equivalent", "configs", (s) => ((s.parent[s.key] = typedEquivalent(s.parent[s.key])), true), { ...V2, conditions: "force" }),
  sweep("GEN001", "null configuration value", "configs", (s) => ((s.parent[s.key] = null), true), { ...V2, conditions: "force" }),
  sweep("GEN002", "non-integer integer member", "integers", (s, c) => ((s.parent[s.key] = c.pick([s.parent[s.key] + 0.5, String(s.parent[s.key])])), true), { ...V2, conditions: "force" }),
  sweep("GEN005", "unknown member on a declaration shape", "objects", (s) => ((s.parent.Bogus = "x"), true), { ...V2, triggers: "force", conditions: "force", variables: "force" }),
];
