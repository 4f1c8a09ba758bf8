/** Defensive views of `triggers` shared by the TRIG rules. */
import { ENUMS } from "../../pipeline/model-tables.generated";
import { ACTION_NAME } from "../../pipeline/patterns";
import { arrayOf, isObject, isString, type JsonObject } from "../../json";
import type { ActionRef, PipelineIndex } from "../../pipeline/pipeline-index";

/** The only trigger provider the model has. */
export const PROVIDER_TYPE = ENUMS.TriggerProviderType[0];
/** The source action provider a trigger starts (a connection to GitHub, GitLab or Bitbucket). */
export const CONNECTION_PROVIDER = "CodeStarSourceConnection";

export interface TriggerRef {
  readonly index: number;
  readonly path: string;
  readonly raw: JsonObject;
  /** gitConfiguration when it is an object. */
  readonly git: JsonObject | undefined;
  readonly gitPath: string;
}

/** The object triggers, with their paths; non-objects are TRIG003's. */
export function triggersOf(pipeline: PipelineIndex): TriggerRef[] {
  const out: TriggerRef[] = [];
  arrayOf(pipeline.root.triggers).forEach((raw, index) => {
    if (!isObject(raw)) return;
    const path = `triggers[${index}]`;
    out.push({ index, path, raw, git: isObject(raw.gitConfiguration) ? raw.gitConfiguration : undefined, gitPath: `${path}.gitConfiguration` });
  });
  return out;
}

export interface FilterRef {
  readonly kind: "push" | "pullRequest";
  readonly raw: JsonObject;
  readonly path: string;
}

/** The object filters of a trigger's push and pullRequest lists. */
export function filtersOf(trigger: TriggerRef): FilterRef[] {
  const out: FilterRef[] = [];
  if (trigger.git === undefined) return out;
  for (const kind of ["push", "pullRequest"] as const) {
    arrayOf(trigger.git[kind]).forEach((raw, i) => {
      if (isObject(raw)) out.push({ kind, raw, path: `${trigger.gitPath}.${kind}[${i}]` });
    });
  }
  return out;
}

export const CRITERIA = ["tags", "branches", "filePaths"] as const;

/** Calls `visit` for every non-empty string pattern of every filter criteria of every trigger. */
export function forEachPattern(
  pipeline: PipelineIndex,
  visit: (pattern: string, path: string, list: "includes" | "excludes", criteria: JsonObject) => void,
): void {
  for (const trigger of triggersOf(pipeline)) {
    for (const filter of filtersOf(trigger)) {
      for (const c of CRITERIA) {
        const criteria = filter.raw[c];
        if (!isObject(criteria)) continue;
        for (const list of ["includes", "excludes"] as const) {
          arrayOf(criteria[list]).forEach((p, i) => {
            if (isString(p) && p !== "") visit(p, `${filter.path}.${c}.${list}[${i}]`, list, criteria);
          });
        }
      }
    }
  }
}

/** Calls `visit` for each object filter that has no branches criteria. */
export function forEachFilterWithoutBranches(pipeline: PipelineIndex, visit: (filter: FilterRef) => void): void {
  for (const trigger of triggersOf(pipeline)) {
    for (const filter of filtersOf(trigger)) if (filter.raw.branches === undefined) visit(filter);
  }
}

/** The trigger's source action name when it is a valid action name (TRIG004 reports the rest). */
export function sourceActionName(trigger: TriggerRef): string | undefined {
  const name = trigger.git?.sourceActionName;
  return isString(name) && name.length <= ACTION_NAME.max && ACTION_NAME.pattern!.test(name) ? name : undefined;
}

// A wrong-case category is GEN006's alone, so it still counts as Source here.
function isConnectionSource(action: ActionRef): boolean {
  return action.type.category?.toUpperCase() === "SOURCE" && action.type.provider === CONNECTION_PROVIDER;
}

/** The connection source action of the first stage that a trigger names, if any. */
export function targetOf(pipeline: PipelineIndex, name: string): ActionRef | undefined {
  return pipeline.stages[0]?.actions.find((a) => a.name === name && isConnectionSource(a));
}
