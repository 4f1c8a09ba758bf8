/**
 * Regions where CodePipeline operates (https://docs.aws.amazon.com/general/latest/gr/codepipeline.html,
 * 2025), including the China and GovCloud partitions. `af-south-1` is deliberately absent although
 * the endpoints table lists it: CodePipeline answered "The region af-south-1 specified in
 * 'pipeline.artifactStores' is not a valid AWS Region" for an artifact store there.
 */
export const CODEPIPELINE_REGIONS: ReadonlySet<string> = new Set([
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ca-central-1", "ca-west-1",
  "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
  "eu-north-1", "eu-south-1", "eu-south-2",
  "ap-east-1", "ap-south-1", "ap-south-2",
  "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
  "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
  "sa-east-1", "me-south-1", "me-central-1", "il-central-1", "mx-central-1",
  "cn-north-1", "cn-northwest-1",
  "us-gov-west-1", "us-gov-east-1",
]);

/**
 * The region assumed wherever none is configured: the app's backend, a new design's home region,
 * the checker, and the emulator's home region. us-east-1 is the region AWS's own examples and
 * CloudFormation snippets use, so a pasted example validates as written.
 */
export const DEFAULT_REGION = "us-east-1";

/** The same, sorted, for region pickers. */
export const SORTED_REGIONS: readonly string[] = [...CODEPIPELINE_REGIONS].sort();

/** The shape every AWS region name has (`eu-west-1`, `us-gov-east-1`, `us-isob-east-1`). */
export const REGION_SHAPE = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

export function isKnownRegion(region: string): boolean {
  return CODEPIPELINE_REGIONS.has(region);
}

export function partitionOf(region: string): "aws" | "aws-cn" | "aws-us-gov" | "other" {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (REGION_SHAPE.test(region) && !region.includes("-iso")) return "aws";
  return "other";
}
