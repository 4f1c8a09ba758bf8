/**
 * Every rule, in evaluation order: shape, pipeline, stages, actions, references, configuration.
 * Diagnostics come out in this order before sorting, so a reader meets shape problems first.
 */
import type { Rule } from "../rule";
import { generalRules } from "./general";
import { pipelineRules } from "./pipeline";
import { artifactStoreRules } from "./artifact-store";
import { stagesRules } from "./stages";
import { conditionsRules } from "./conditions";
import { actionsRules } from "./actions";
import { artifactsRules } from "./artifacts";
import { configurationRules } from "./configuration";
import { configurationConditionalRules } from "./configuration-conditional";
import { variablesRules } from "./variables";
import { triggersRules } from "./triggers";
import { executionRules } from "./execution";
import { tagsRules } from "./tags";
import { unresolvedReferenceRule } from "../unresolved";

export const RULES: readonly Rule[] = [
  ...generalRules,
  ...pipelineRules,
  ...artifactStoreRules,
  ...stagesRules,
  ...conditionsRules,
  ...actionsRules,
  ...artifactsRules,
  ...configurationRules,
  ...configurationConditionalRules,
  ...variablesRules,
  ...triggersRules,
  ...executionRules,
  ...tagsRules,
  unresolvedReferenceRule,
];
