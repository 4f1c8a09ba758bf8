/** The shape of a provider's entry in the generator's catalogue, and helpers entries share. */
import type { Chooser } from "../chooser";

export interface BuildContext {
  readonly c: Chooser;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** `#{ns.key}` texts to embed (at most the provider's refCapacity). */
  readonly refs: readonly string[];
  readonly pipelineName: string;
  readonly serial: number;
}

export interface Built {
  readonly configuration?: Record<string, string>;
  readonly commands?: string[];
  readonly outputVariables?: string[];
  readonly environmentVariables?: Array<{ name: string; value: string; type?: string }>;
  readonly timeoutInMinutes?: number;
  /** `files` per output artifact (Compute only). */
  readonly outputFiles?: Array<string[] | undefined>;
  /** Output-variable keys the action really emits; "user" = user-defined; [] = nothing. */
  readonly emits: readonly string[] | "user";
}

export interface ProviderSpec {
  readonly key: string;
  readonly category: string;
  readonly owner: string;
  readonly provider: string;
  readonly v2Only: boolean;
  readonly inputs: readonly [number, number];
  readonly outputs: readonly [number, number];
  /** Only CodeBuild may consume CODEBUILD_CLONE_REF artifacts (ART008). */
  readonly acceptsCloneRef: boolean;
  readonly refCapacity: number;
  readonly crossRegion: boolean;
  readonly weight: number;
  /** Optional artifact-dependent minimum (e.g. CloudFormation modes that need a template). */
  readonly build: (ctx: BuildContext) => Built;
}

export const USER_KEYS = ["IMAGE_TAG", "Version", "BuildId", "StackUrl", "toString"] as const;
export const BRANCHES = ["main", "master", "develop", "trunk", "release-2024"] as const;

export function envVarsJson(ctx: BuildContext, extra: boolean): string | undefined {
  const vars: Array<{ name: string; value: string; type?: string }> = ctx.refs.map((ref, i) => ({
    name: `REF_${i}`,
    value: ref,
    type: "PLAINTEXT",
  }));
  if (extra || vars.length === 0) {
    if (ctx.c.bool(0.4)) vars.push({ name: "STAGE", value: "prod" });
    if (ctx.c.bool(0.2)) vars.push({ name: "DB_PASSWORD", value: "/prod/db/password", type: "PARAMETER_STORE" });
  }
  return vars.length > 0 ? JSON.stringify(vars) : undefined;
}

export interface SourceSpec {
  readonly key: string;
  readonly provider: string;
  readonly emits: readonly string[];
  readonly build: (c: Chooser, serial: number, cloneRef: boolean) => { configuration: Record<string, string>; branch?: string };
}
