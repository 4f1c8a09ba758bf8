/**
 * ListRuleTypes from the provider catalog's rule rows (lib/domain/catalog): the stage-condition
 * rule types, all owned by AWS (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListRuleTypes.html,
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference.html). Rules take no
 * output artifacts; the model's ArtifactDetails bounds input artifacts 0..5.
 */
import { RULE_PROVIDERS, type ConfigurationKey, type ProviderEntry } from "@/lib/domain/catalog/catalog";
import type { JsonObject } from "./contract";
import type { RequestOf } from "./requests";

const MAX_DESCRIPTION = 160;

function property(c: ConfigurationKey, index: number): JsonObject {
  const description = c.description.length > MAX_DESCRIPTION ? `${c.description.slice(0, MAX_DESCRIPTION - 1)}…` : c.description;
  return {
    name: c.key,
    required: c.required,
    key: index === 0,
    secret: c.secret === true,
    queryable: false,
    ...(description.length > 0 ? { description } : {}),
    type: "String",
  };
}

function ruleType(p: ProviderEntry): JsonObject {
  const properties = [...p.configuration.filter((c) => c.required), ...p.configuration.filter((c) => !c.required)];
  const inputs = p.inputArtifacts ?? { min: 0, max: 5 };
  return {
    id: { category: "Rule", owner: "AWS", provider: p.provider, version: p.version },
    settings: {},
    ruleConfigurationProperties: properties.map(property),
    inputArtifactDetails: { minimumCount: Math.max(0, inputs.min), maximumCount: Math.min(5, inputs.max) },
  };
}

const LISTED = RULE_PROVIDERS.filter((p) => p.status !== "unverified" && p.status !== "discontinued");

export function listRuleTypes(input: RequestOf<"ListRuleTypes">): JsonObject {
  // Every rule type is AWS-owned, so the owner filter (enum AWS) keeps them all.
  void input.ruleOwnerFilter;
  return { ruleTypes: LISTED.map(ruleType) };
}
