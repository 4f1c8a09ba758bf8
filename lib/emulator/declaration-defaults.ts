/**
 * How a stored declaration differs from the one the client sent, as AWS does it:
 * - defaults filled in (GetPipeline shows `runOrder`, empty artifact lists, `executionMode`,
 *   `pipelineType`; the same defaults moto's `add_default_values` fills), and `version` set;
 * - secret configuration properties (catalog `secret: true`, e.g. GitHub v1 `OAuthToken`) come
 *   back masked as `****`, and a `****` sent back on update keeps the stored secret for an action
 *   that already existed under the same stage and action name (codepipeline-model.md §2).
 */
import { SECRET_MASK, secretKeysOfAction } from "@/lib/domain/catalog/secrets";
import type { JsonObject } from "./contract";

/** New pipelines default to V2 since 2024-12-09 (AWS notice, codepipeline-model.md §2). */
export const DEFAULT_PIPELINE_TYPE = "V2";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

export function withDefaults(declaration: JsonObject, version: number): JsonObject {
  const copy = structuredClone(declaration) as Obj;
  for (const stage of objects(copy.stages)) {
    for (const action of objects(stage.actions)) {
      action.runOrder ??= 1;
      action.inputArtifacts ??= [];
      action.outputArtifacts ??= [];
    }
  }
  copy.version = version;
  copy.executionMode ??= "SUPERSEDED";
  copy.pipelineType ??= DEFAULT_PIPELINE_TYPE;
  return copy;
}

/** A copy with secret configuration values replaced by `****` (GetPipeline's answer). */
export function maskSecrets(declaration: JsonObject): JsonObject {
  const copy = structuredClone(declaration) as Obj;
  for (const stage of objects(copy.stages)) {
    for (const action of objects(stage.actions)) {
      const configuration = action.configuration;
      if (!isObj(configuration)) continue;
      for (const key of secretKeysOfAction(action)) {
        if (typeof configuration[key] === "string") configuration[key] = SECRET_MASK;
      }
    }
  }
  return copy;
}

/** On update: `****` in a secret property of an existing action keeps the stored value. */
export function restoreSecrets(next: JsonObject, deployed: JsonObject): JsonObject {
  const copy = structuredClone(next) as Obj;
  const stored = new Map<string, Obj>();
  for (const stage of objects(deployed.stages)) {
    for (const action of objects(stage.actions)) stored.set(`${String(stage.name)}\u0000${String(action.name)}`, action);
  }
  for (const stage of objects(copy.stages)) {
    for (const action of objects(stage.actions)) {
      const before = stored.get(`${String(stage.name)}\u0000${String(action.name)}`);
      const configuration = action.configuration;
      if (!before || !isObj(configuration) || !isObj(before.configuration)) continue;
      for (const key of secretKeysOfAction(action)) {
        const old = before.configuration[key];
        if (configuration[key] === SECRET_MASK && typeof old === "string") configuration[key] = old;
      }
    }
  }
  return copy;
}
