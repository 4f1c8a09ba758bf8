/**
 * CloudFormation property names of the declaration's members. CloudFormation spells every member
 * in PascalCase (`roleArn` → `RoleArn`); nothing else differs except `artifactStores` (a list of
 * {Region, ArtifactStore} in CloudFormation) and the CloudFormation-only pipeline properties.
 */
import { MEMBERS, type ShapeName } from "../../pipeline/members";

export const toPascal = (member: string): string => member.charAt(0).toUpperCase() + member.slice(1);

/** AWS::CodePipeline::Pipeline properties with no API member; kept for CloudFormation export only. */
export const CLOUDFORMATION_ONLY = ["RestartExecutionOnUpdate", "DisableInboundStageTransitions"] as const;
/** CloudFormation `Tags` ([{Key, Value}]) are CreatePipeline's `tags` ([{key, value}]). */
export const TAGS_PROPERTY = "Tags";

export const RESOURCE_TYPE = "AWS::CodePipeline::Pipeline";

export type KeyRole =
  | { readonly role: "member"; readonly member: string } // a known member, converted
  | { readonly role: "unknown" } // not known in either spelling: kept verbatim in the declaration
  | { readonly role: "template-only" }; // kept in the template only (CFN-only, or a camelCase member name)

const memberByPascal = new Map<ShapeName, Map<string, string>>(
  (Object.keys(MEMBERS) as ShapeName[]).map((s) => [s, new Map(MEMBERS[s].map((m) => [toPascal(m), m]))]),
);

/** What a CloudFormation key of a `shape` object becomes in the declaration. */
export function cloudFormationKeyRole(shape: ShapeName, key: string): KeyRole {
  const member = memberByPascal.get(shape)!.get(key);
  if (member !== undefined) return { role: "member", member };
  if (shape === "PipelineDeclaration" && ((CLOUDFORMATION_ONLY as readonly string[]).includes(key) || key === TAGS_PROPERTY)) {
    return { role: "template-only" };
  }
  // `stages` in a template would read back as the member `stages` and export as `Stages`; keeping
  // it out of the declaration keeps the template exactly as written.
  if ((MEMBERS[shape] as readonly string[]).includes(key)) return { role: "template-only" };
  return { role: "unknown" };
}

/** The CloudFormation key of a declaration key: known members in PascalCase, others verbatim. */
export function cloudFormationKey(shape: ShapeName, key: string): string {
  return (MEMBERS[shape] as readonly string[]).includes(key) ? toPascal(key) : key;
}
