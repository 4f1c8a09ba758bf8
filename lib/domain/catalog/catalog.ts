/**
 * The provider catalog: every action and stage-condition rule type Pipewright knows, with its
 * artifact bounds, configuration keys, V2-only flag and output variables.
 *
 * `providers.json` was compiled on 2026-11-28 from the action and rule references of the user
 * guide (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html),
 * the service model, aws-cdk-lib and cfn-lint. It is data, so a provider AWS adds is one entry,
 * not code.
 * The same provider string exists in several categories (S3: Source and Deploy; CodeBuild:
 * Build and Test; Lambda: Invoke and Deploy), so entries are always looked up by
 * category + owner + provider together.
 */
import raw from "./providers.json";

export type ProviderKind = "action" | "rule";
export type ProviderStatus = "active" | "deprecated" | "discontinued" | "unverified";

export interface ArtifactBounds {
  readonly min: number;
  readonly max: number;
}

export interface ConfigurationKey {
  readonly key: string;
  readonly required: boolean;
  readonly description: string;
  readonly allowedValues?: readonly string[];
  /** The situation in which a `required: false` key is required, in words. */
  readonly conditionalRequired?: string;
  readonly secret?: boolean;
  /** Values are a list joined by this separator (e.g. CloudFormation Capabilities: ","). */
  readonly multiValueSeparator?: string;
}

export interface ProviderEntry {
  readonly kind: ProviderKind;
  readonly category: string;
  readonly owner: string;
  readonly provider: string;
  readonly version: string;
  /** null: not documented, skip the check. */
  readonly inputArtifacts: ArtifactBounds | null;
  readonly outputArtifacts: ArtifactBounds | null;
  /** A narrower bound from another source: outside it (but inside the wider one) is a warning. */
  readonly narrowerDocumentedBounds?: {
    readonly inputArtifacts?: ArtifactBounds;
    readonly outputArtifacts?: ArtifactBounds;
    readonly source: string;
  };
  readonly configuration: readonly ConfigurationKey[];
  readonly pipelineTypes: readonly ("V1" | "V2")[];
  readonly crossRegionAllowed?: boolean;
  readonly status: ProviderStatus;
  readonly catalogOnly?: boolean;
  /** Placeholder rows (Jenkins, custom types): the real provider/version strings are user-defined. */
  readonly providerIsUserDefined?: boolean;
  /** Keys produced; entries like `<name>` mean user-defined keys. */
  readonly outputVariables?: readonly string[];
  readonly actionFields?: Readonly<Record<string, string>>;
  readonly ruleFields?: Readonly<Record<string, string>>;
  /** Rules only: usable in a beforeEntry condition whose result is SKIP. */
  readonly allowedInSkip?: boolean;
  readonly notes?: string;
}

export const PROVIDERS: readonly ProviderEntry[] = raw as unknown as ProviderEntry[];

export const ACTION_PROVIDERS: readonly ProviderEntry[] = PROVIDERS.filter((p) => p.kind === "action");
export const RULE_PROVIDERS: readonly ProviderEntry[] = PROVIDERS.filter((p) => p.kind === "rule");

// kind → category → owner → provider: nested maps, so a lookup (once per action per validation)
// builds no key string.
const byKey = new Map<string, Map<string, Map<string, Map<string, ProviderEntry>>>>();
for (const p of PROVIDERS) {
  if (p.providerIsUserDefined) continue;
  const byCategory = getOrCreate(byKey, p.kind);
  getOrCreate(getOrCreate(byCategory, p.category), p.owner).set(p.provider, p);
}

function getOrCreate<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function lookup(kind: ProviderKind, category: string, owner: string, provider: string): ProviderEntry | undefined {
  return byKey.get(kind)?.get(category)?.get(owner)?.get(provider);
}

/**
 * The catalog entry of an action type, by category + owner + provider (any version).
 * Jenkins and other custom types are user-defined: they resolve to the generic Custom rows.
 */
export function findActionProvider(
  category: string,
  owner: string,
  provider: string,
): ProviderEntry | undefined {
  const exact = lookup("action", category, owner, provider);
  if (exact) return exact;
  if (owner === "Custom") return customPlaceholder(category);
  return undefined;
}

/** The catalog entry of a stage-condition rule type (category `Rule`, owner `AWS`). */
export function findRuleProvider(provider: string): ProviderEntry | undefined {
  return lookup("rule", "Rule", "AWS", provider);
}

function customPlaceholder(category: string): ProviderEntry | undefined {
  return (
    PROVIDERS.find((p) => p.providerIsUserDefined && p.owner === "Custom" && p.category === category) ??
    PROVIDERS.find((p) => p.providerIsUserDefined && p.owner === "Custom" && p.category === "Any")
  );
}

export function configurationKey(entry: ProviderEntry, key: string): ConfigurationKey | undefined {
  return entry.configuration.find((c) => c.key === key);
}

/** True when the entry can be used in a V1 pipeline. */
export function allowedInV1(entry: ProviderEntry): boolean {
  return entry.pipelineTypes.includes("V1");
}

/** The fixed output-variable keys of a provider, or undefined when keys are user-defined. */
export function fixedOutputVariables(entry: ProviderEntry): readonly string[] | undefined {
  const keys = entry.outputVariables;
  if (!keys || keys.length === 0) return keys;
  return keys.some((k) => k.includes("<")) ? undefined : keys;
}
