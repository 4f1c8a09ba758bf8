/**
 * Unique names for what the designer creates, and the renaming that keeps copies valid:
 * a duplicated or pasted action must not produce an artifact or own a namespace that the
 * pipeline already has (AWS rejects both), so copies get fresh names and the copied set is
 * rewired to them (inputs and `#{Namespace.Var}` references inside the set).
 */
import type { JsonObject } from "./contract";
import { isObject } from "../json";
import { buildIndex } from "../pipeline/pipeline-index";

/** Names are at most 100 characters (stage, action, artifact and namespace alike). */
const MAX_NAME = 100;

/**
 * `base` when free, else `base<sep>2`, `base<sep>3`… Artifact and namespace names use an empty
 * separator: they end up in environment variable names (CODEBUILD_SRC_DIR_<artifact>) and
 * variable references, where a dash is awkward.
 */
export function uniqueName(base: string, taken: ReadonlySet<string>, sep = "-"): string {
  const root = base === "" ? "Item" : base;
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `${sep}${n}`;
    const candidate = `${root.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function nameOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.name === "string" ? value.name : undefined;
}

/** The names of a list of named entries (stages, actions, artifacts). */
export function namesOf(list: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const entry of list) {
    const name = nameOf(entry);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** Every output artifact name in the pipeline. */
export function outputArtifactNames(declaration: JsonObject): Set<string> {
  return new Set(buildIndex(declaration).producers.keys());
}

/** Every action namespace in the pipeline. */
export function namespaces(declaration: JsonObject): Set<string> {
  return new Set(buildIndex(declaration).namespaceOwners.keys());
}

/**
 * Deep copies of `actions` whose output artifacts and namespaces do not collide with
 * `declaration` (nor with each other), and whose names are unique among `takenActionNames`.
 * Inputs and variable references that pointed into the copied set follow the renames.
 * `renameActions` chooses `X-copy` (duplicate) or keeps the name when free (paste).
 */
export function renameCopies(
  declaration: JsonObject,
  actions: readonly JsonObject[],
  takenActionNames: Set<string>,
  copySuffix: boolean,
): JsonObject[] {
  const artifacts = outputArtifactNames(declaration);
  const spaces = namespaces(declaration);
  const artifactMap = new Map<string, string>();
  const namespaceMap = new Map<string, string>();
  const copies = actions.map((a) => structuredClone(a));

  for (const copy of copies) {
    if (typeof copy.name === "string") {
      const base = copySuffix ? `${copy.name}-copy` : copy.name;
      const name = uniqueName(base, takenActionNames);
      takenActionNames.add(name);
      copy.name = name;
    }
    if (Array.isArray(copy.outputArtifacts)) {
      copy.outputArtifacts = copy.outputArtifacts.map((out: unknown) => {
        const name = nameOf(out);
        if (name === undefined || !isObject(out)) return out;
        const fresh = uniqueName(name, artifacts, "");
        artifacts.add(fresh);
        if (fresh !== name) artifactMap.set(name, fresh);
        return fresh === name ? out : { ...out, name: fresh };
      });
    }
    if (typeof copy.namespace === "string") {
      const fresh = uniqueName(copy.namespace, spaces, "");
      spaces.add(fresh);
      if (fresh !== copy.namespace) namespaceMap.set(copy.namespace, fresh);
      copy.namespace = fresh;
    }
  }

  return copies.map((copy) => {
    let result = copy;
    if (artifactMap.size > 0 && Array.isArray(copy.inputArtifacts)) {
      result = {
        ...result,
        inputArtifacts: copy.inputArtifacts.map((input: unknown) => {
          const name = nameOf(input);
          const renamed = name === undefined ? undefined : artifactMap.get(name);
          return renamed === undefined || !isObject(input) ? input : { ...input, name: renamed };
        }),
      };
    }
    if (namespaceMap.size > 0) result = renameReferences(result, namespaceMap) as JsonObject;
    return result;
  });
}

/** Rewrites `#{Old.Var}` to `#{New.Var}` in every string of a value (namespace excluded: already renamed). */
function renameReferences(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") {
    return value.replace(/#\{([A-Za-z0-9@\-_]+)\./g, (whole, ns: string) => {
      const renamed = map.get(ns);
      return renamed === undefined ? whole : `#{${renamed}.`;
    });
  }
  if (Array.isArray(value)) return value.map((v) => renameReferences(v, map));
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === "namespace" ? v : renameReferences(v, map);
    return out;
  }
  return value;
}
