/** The mutation table: at least one single-rule breakage per registered code, by rule family. */
import { ACTION_MUTATIONS } from "./actions";
import { ARTIFACT_STORE_MUTATIONS } from "./artifact-store";
import { ARTIFACT_MUTATIONS } from "./artifacts";
import { CONDITION_MUTATIONS } from "./conditions";
import { CONFIGURATION_MUTATIONS } from "./configuration";
import { EXECUTION_TAG_REFERENCE_MUTATIONS } from "./execution-tags-references";
import { GENERAL_MUTATIONS } from "./general";
import type { Mutation } from "./mutation";
import { PIPELINE_MUTATIONS } from "./pipeline";
import { STAGE_MUTATIONS } from "./stages";
import { TRIGGER_MUTATIONS } from "./triggers";
import { VARIABLE_MUTATIONS } from "./variables";

export const MUTATIONS: readonly Mutation[] = [
  ...GENERAL_MUTATIONS,
  ...PIPELINE_MUTATIONS,
  ...ARTIFACT_STORE_MUTATIONS,
  ...STAGE_MUTATIONS,
  ...CONDITION_MUTATIONS,
  ...ACTION_MUTATIONS,
  ...ARTIFACT_MUTATIONS,
  ...CONFIGURATION_MUTATIONS,
  ...VARIABLE_MUTATIONS,
  ...TRIGGER_MUTATIONS,
  ...EXECUTION_TAG_REFERENCE_MUTATIONS,
];
