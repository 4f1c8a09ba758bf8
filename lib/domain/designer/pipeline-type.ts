/**
 * V1 vs V2: V2 pipelines are billed per action-execution minute ($0.002/min), V1 per active
 * pipeline per month ($1), so an edit that makes a pipeline need V2 changes what it costs.
 * Reference: https://aws.amazon.com/codepipeline/pricing/ and the user guide's
 * "Pipeline types" page (features only V2 supports: triggers, variables, stage conditions,
 * QUEUED/PARALLEL execution modes, the Compute category and V2-only action types).
 * The validator's PIPE008/PIPE009/TRIG001/VAR001/COND001 report the same features in a V1 pipeline.
 */
import { allowedInV1 } from "../catalog/catalog";
import type { JsonObject } from "./contract";
import { arrayOf } from "../json";
import { buildIndex, type ActionRef } from "../pipeline/pipeline-index";

/** The V2-only features a declaration uses, in words (empty when it could be V1). */
export function v2Features(declaration: JsonObject): string[] {
  const features: string[] = [];
  if (arrayOf(declaration.triggers).length > 0) features.push("triggers");
  if (arrayOf(declaration.variables).length > 0) features.push("pipeline variables");
  const mode = declaration.executionMode;
  if (mode === "QUEUED" || mode === "PARALLEL") features.push(`${mode} execution mode`);
  for (const stage of buildIndex(declaration).stages) {
    if (!stage.isObject) continue;
    for (const block of ["beforeEntry", "onSuccess", "onFailure"]) {
      if (stage.raw[block] !== undefined) features.push(`${block} on stage "${String(stage.raw.name)}"`);
    }
    for (const action of stage.actions) {
      const feature = actionFeature(action);
      if (feature) features.push(feature);
    }
  }
  return features;
}

function actionFeature(action: ActionRef): string | undefined {
  const { category, provider } = action.type;
  const label = `action "${String(action.raw.name)}"`;
  if (category === "Compute") return `the Compute category (${label})`;
  const entry = action.provider;
  if (!entry || entry.providerIsUserDefined || allowedInV1(entry)) return undefined;
  return `the V2-only ${provider} provider (${label})`;
}

export interface V2Transition {
  readonly message: string;
  /** The V2-only features the edit introduced (empty when only pipelineType changed). */
  readonly features: readonly string[];
}

/**
 * A warning when an edit turns a V1 pipeline (explicit `pipelineType: "V1"`) or one that could
 * still be V1 into one needing V2; undefined otherwise (including every edit of a pipeline that
 * already needed V2).
 */
export function v2Transition(before: JsonObject, after: JsonObject): V2Transition | undefined {
  const wasV1 = before.pipelineType === "V1";
  const beforeFeatures = v2Features(before);
  const afterFeatures = v2Features(after);
  const added = afterFeatures.filter((f) => !beforeFeatures.includes(f));
  const pricing = "V2 pipelines are billed per action-execution minute instead of per active pipeline per month.";

  if (wasV1 && after.pipelineType === "V2") {
    return { message: `This pipeline is now V2. ${pricing}`, features: added };
  }
  if (added.length === 0) return undefined;
  if (wasV1 || after.pipelineType === "V1") {
    return {
      message: `${capitalise(list(added))} ${added.length === 1 ? "needs" : "need"} a V2 pipeline. Switching to V2 changes pricing: ${pricing}`,
      features: added,
    };
  }
  if (beforeFeatures.length > 0) return undefined;
  return {
    message: `${capitalise(list(added))} ${added.length === 1 ? "is" : "are"} only available in V2: this pipeline can no longer be V1. ${pricing}`,
    features: added,
  };
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
