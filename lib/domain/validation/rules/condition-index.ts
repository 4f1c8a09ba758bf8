/**
 * A defensive view of the stage conditions (beforeEntry / onSuccess / onFailure → conditions →
 * rules), built once per validation and shared by the COND rules and the variable-usage rule.
 * Pipelines without conditions pay three property reads per stage.
 */
import { findRuleProvider, type ProviderEntry } from "../../catalog/catalog";
import { arrayOf, isObject, isString, type JsonObject } from "../../json";
import { memoize, type PipelineIndex, type StageRef } from "../../pipeline/pipeline-index";
import type { ConditionBlock } from "../variable-references";

export const CONDITION_BLOCKS: readonly ConditionBlock[] = ["beforeEntry", "onSuccess", "onFailure"];

export interface BlockRef {
  readonly stage: StageRef;
  readonly kind: ConditionBlock;
  /** The member's value as declared (may be anything but undefined). */
  readonly value: unknown;
  /** The block when it is an object. */
  readonly raw: JsonObject | undefined;
  readonly path: string;
  readonly conditions: readonly ConditionRef[];
}

export interface ConditionRef {
  readonly block: BlockRef;
  readonly index: number;
  /** The condition when it is an object. */
  readonly raw: JsonObject | undefined;
  readonly path: string;
  readonly rules: readonly RuleRef[];
}

export interface RuleRef {
  readonly condition: ConditionRef;
  readonly index: number;
  /** The rule when it is an object. */
  readonly raw: JsonObject | undefined;
  readonly path: string;
  /** `ruleTypeId.provider` when it is a string. */
  readonly provider: string | undefined;
  /** The catalog entry of the provider, when known. */
  readonly entry: ProviderEntry | undefined;
  /** `configuration` when it is an object. */
  readonly configuration: JsonObject | undefined;
}

export interface ConditionIndex {
  readonly blocks: readonly BlockRef[];
  readonly rules: readonly RuleRef[];
}

const EMPTY: ConditionIndex = { blocks: [], rules: [] };
export function conditionIndex(pipeline: PipelineIndex): ConditionIndex {
  return memoize(pipeline, conditionIndex, build);
}

function build(pipeline: PipelineIndex): ConditionIndex {
  let blocks: BlockRef[] | undefined;
  let rules: RuleRef[] | undefined;
  for (const stage of pipeline.stages) {
    for (const kind of CONDITION_BLOCKS) {
      const value = stage.raw[kind];
      if (value === undefined) continue;
      const raw = isObject(value) ? value : undefined;
      const path = `${stage.path}.${kind}`;
      const conditions: ConditionRef[] = [];
      const block: BlockRef = { stage, kind, value, raw, path, conditions };
      (blocks ??= []).push(block);
      arrayOf(raw?.conditions).forEach((c, ci) => {
        const cRaw = isObject(c) ? c : undefined;
        const cPath = `${path}.conditions[${ci}]`;
        const condRules: RuleRef[] = [];
        const condition: ConditionRef = { block, index: ci, raw: cRaw, path: cPath, rules: condRules };
        conditions.push(condition);
        arrayOf(cRaw?.rules).forEach((r, ri) => {
          const rRaw = isObject(r) ? r : undefined;
          const typeId = rRaw !== undefined && isObject(rRaw.ruleTypeId) ? rRaw.ruleTypeId : undefined;
          const provider = typeId !== undefined && isString(typeId.provider) ? typeId.provider : undefined;
          const rule: RuleRef = {
            condition,
            index: ri,
            raw: rRaw,
            path: `${cPath}.rules[${ri}]`,
            provider,
            entry: provider !== undefined ? findRuleProvider(provider) : undefined,
            configuration: rRaw !== undefined && isObject(rRaw.configuration) ? rRaw.configuration : undefined,
          };
          condRules.push(rule);
          (rules ??= []).push(rule);
        });
      });
    }
  }
  return blocks === undefined ? EMPTY : { blocks, rules: rules ?? [] };
}
