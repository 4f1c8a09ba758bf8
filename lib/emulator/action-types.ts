/**
 * ListActionTypes from the provider catalog (lib/domain/catalog). The model bounds the answer
 * more tightly than the catalog: ArtifactDetails counts are 0..5
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ArtifactDetails.html)
 * although CloudFormation actions take up to 10 inputs
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html),
 * at most 10 configuration properties per type, and
 * descriptions of 1..160 characters; values are clamped to fit. Only types a pipeline can use
 * are listed: no user-defined placeholders (Jenkins, custom), unverified or discontinued rows.
 */
import { ACTION_PROVIDERS, type ArtifactBounds, type ConfigurationKey, type ProviderEntry } from "@/lib/domain/catalog/catalog";
import type { JsonObject } from "./contract";
import { invalidNextToken } from "./pagination";
import type { RequestOf } from "./requests";

const MAX_ARTIFACTS = 5;
const MAX_PROPERTIES = 10;
const MAX_DESCRIPTION = 160;

const clamp = (n: number) => Math.min(MAX_ARTIFACTS, Math.max(0, n));

function artifactDetails(bounds: ArtifactBounds | null): JsonObject {
  // null: the catalog does not know the bounds; answer the widest the model can express.
  const b = bounds ?? { min: 0, max: MAX_ARTIFACTS };
  return { minimumCount: clamp(b.min), maximumCount: clamp(b.max) };
}

function property(c: ConfigurationKey, index: number): JsonObject {
  const boolean = c.allowedValues?.length === 2 && c.allowedValues.includes("true") && c.allowedValues.includes("false");
  const description = c.description.length > MAX_DESCRIPTION ? `${c.description.slice(0, MAX_DESCRIPTION - 1)}…` : c.description;
  return {
    name: c.key,
    required: c.required,
    // The model's `key` marks the property that identifies the action's resource: the first one.
    key: index === 0,
    secret: c.secret === true,
    queryable: false,
    ...(description.length > 0 ? { description } : {}),
    type: boolean ? "Boolean" : "String",
  };
}

function actionType(p: ProviderEntry): JsonObject {
  // Required properties first, so the cut at 10 drops optional ones.
  const properties = [...p.configuration.filter((c) => c.required), ...p.configuration.filter((c) => !c.required)];
  return {
    id: { category: p.category, owner: p.owner, provider: p.provider, version: p.version },
    settings: {},
    actionConfigurationProperties: properties.slice(0, MAX_PROPERTIES).map(property),
    inputArtifactDetails: artifactDetails(p.inputArtifacts),
    outputArtifactDetails: artifactDetails(p.outputArtifacts),
  };
}

const LISTED = ACTION_PROVIDERS.filter(
  (p) => !p.providerIsUserDefined && !p.catalogOnly && p.status !== "unverified" && p.status !== "discontinued",
);

export function listActionTypes(input: RequestOf<"ListActionTypes">): JsonObject {
  // One page holds the whole catalog, so no token this emulator issued can be valid.
  if (input.nextToken !== undefined) throw invalidNextToken();
  const owner = input.actionOwnerFilter;
  return { actionTypes: LISTED.filter((p) => owner === undefined || p.owner === owner).map(actionType) };
}
