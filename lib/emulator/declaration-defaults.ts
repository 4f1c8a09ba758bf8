/**
 * How a stored declaration differs from the one the client sent, as AWS does it:
 * - defaults filled in (GetPipeline shows `runOrder`, empty artifact lists, `executionMode`,
 *   `pipelineType`; the same defaults moto's `add_default_values` fills), and `version` set;
 * - secret configuration properties (catalog `secret: true`, e.g. GitHub v1 `OAuthToken`) come
 *   back masked as `****`, and a `****` sent back on update keeps the stored secret for an action
 *   that already existed under the same stage and action name
 *   (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionConfigurationProperty.html, `secret`).
 */
import { arrayOf, isObject, type JsonObject } from "@/lib/domain/json";
import { maskConfiguration, SECRET_MASK, secretKeys } from "./secrets";

/**
 * A pipeline created without `pipelineType` is V2, as AWS creates them since 2024-12-09
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types.html).
 */
export const DEFAULT_PIPELINE_TYPE = "V2";

const objects = (v: unknown): JsonObject[] => arrayOf(v).filter(isObject);

export function withDefaults(declaration: JsonObject, version: number): JsonObject {
  const copy = structuredClone(declaration) as JsonObject;
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
  const copy = structuredClone(declaration) as JsonObject;
  for (const stage of objects(copy.stages)) {
    for (const action of objects(stage.actions)) {
      if (isObject(action.configuration)) action.configuration = maskConfiguration(action.actionTypeId, action.configuration);
    }
  }
  return copy;
}

/** On update: `****` in a secret property of an existing action keeps the stored value. */
export function restoreSecrets(next: JsonObject, deployed: JsonObject): JsonObject {
  const copy = structuredClone(next) as JsonObject;
  const stored = new Map<string, JsonObject>();
  for (const stage of objects(deployed.stages)) {
    for (const action of objects(stage.actions)) stored.set(`${String(stage.name)}\u0000${String(action.name)}`, action);
  }
  for (const stage of objects(copy.stages)) {
    for (const action of objects(stage.actions)) {
      const before = stored.get(`${String(stage.name)}\u0000${String(action.name)}`);
      const configuration = action.configuration;
      if (!before || !isObject(configuration) || !isObject(before.configuration)) continue;
      for (const key of secretKeys(action.actionTypeId)) {
        const old = before.configuration[key];
        if (configuration[key] === SECRET_MASK && typeof old === "string") configuration[key] = old;
      }
    }
  }
  return copy;
}
