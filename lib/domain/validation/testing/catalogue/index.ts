/**
 * The generator's view of the provider catalogue: for each provider it generates, how many
 * artifacts it takes, which output variables it emits, and a valid configuration.
 */
import type { ProviderSpec } from "./spec";
import { SOURCE_SPECS } from "./sources";
import { BUILD_AND_TEST_SPECS } from "./build";
import { DEPLOY_SPECS } from "./deploy";
import { INVOKE_SPECS } from "./invoke";

export const PROVIDER_SPECS: readonly ProviderSpec[] = [...BUILD_AND_TEST_SPECS, ...DEPLOY_SPECS, ...INVOKE_SPECS];

/** Every provider key the generator knows, sources first. */
export const PROVIDER_KEYS: readonly string[] = [...SOURCE_SPECS.map((s) => s.key), ...PROVIDER_SPECS.map((p) => p.key)];
export const V2_ONLY_PROVIDER_KEYS: readonly string[] = PROVIDER_SPECS.filter((p) => p.v2Only).map((p) => p.key);

/** Configuration keys whose value names an input artifact (`Art` or `Art::file`). */
export const ARTIFACT_REFERENCING_KEYS: ReadonlySet<string> = new Set([
  "PrimarySource",
  "TemplatePath",
  "TemplateConfiguration",
  "Parameters",
  "ParameterOverrides",
  "DeploymentTargets",
  "TaskDefinitionTemplateArtifact",
  "AppSpecTemplateArtifact",
  "Image1ArtifactName",
  "Image2ArtifactName",
  "Image3ArtifactName",
  "Image4ArtifactName",
]);
