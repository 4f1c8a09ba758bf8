/** What `arbitraryValidPipeline` may generate, and the account and regions its pipelines live in. */

/** `off`: never; `maybe`: sometimes (default); `force`: at least once. */
export type Feature = "off" | "maybe" | "force";

export interface GenOptions {
  readonly pipelineType?: "V1" | "V2";
  readonly minStages?: number;
  readonly maxStages?: number;
  /** Allowed `executionMode` values (`undefined` = omitted); filtered by pipeline type. */
  readonly executionModes?: readonly (string | undefined)[];
  readonly variables?: Feature;
  readonly triggers?: Feature;
  readonly conditions?: Feature;
  readonly crossRegion?: Feature;
  readonly namespaces?: Feature;
  /** A CODEBUILD_CLONE_REF source (consumed by CodeBuild only). */
  readonly cloneRef?: Feature;
  /** KMS key on the artifact store(s). */
  readonly encryption?: Feature;
  /** Action roleArn (same account or cross-account). */
  readonly actionRoles?: Feature;
  /** Provider keys (see PROVIDER_KEYS) that must appear at least once. */
  readonly include?: readonly string[];
  /** Provider keys never to use (besides the ones `include` forces). */
  readonly exclude?: readonly string[];
}

export const HOME_REGION = "us-east-1";
export const ACCOUNT = "123456789012";
export const OTHER_ACCOUNT = "210987654321";
export const CROSS_REGIONS = ["us-west-2", "eu-west-1", "eu-central-1"] as const;

/**
 * Pads a name to exactly `length` characters (the model maximum). "_" then "Z"s: no generated
 * name contains "Z", so two distinct names stay distinct.
 */
export function padName(name: string, length: number): string {
  return name.length >= length ? name : `${name}_${"Z".repeat(length - name.length - 1)}`;
}

/** Names JavaScript objects already have: a rule using `{}` as a map trips over them. */
export const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"] as const;
