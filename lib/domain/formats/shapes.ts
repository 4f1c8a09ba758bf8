/**
 * What each member of each declaration shape holds, so that one generic walk can order keys,
 * find unknown members and convert to and from CloudFormation. Member names and order come from
 * members.ts; shapes.test.ts asserts the two agree.
 */
import { MEMBERS, type ShapeName } from "../pipeline/members";

export type Field =
  | { readonly kind: "string" } // also enums: the API has them as strings
  | { readonly kind: "int" }
  | { readonly kind: "config" } // map<string, string>, keys never case-converted
  | { readonly kind: "storeMap" } // artifactStores: map<region, ArtifactStore> (a list in CloudFormation)
  | { readonly kind: "shape"; readonly shape: ShapeName }
  | { readonly kind: "list"; readonly of: Field };

const STR: Field = { kind: "string" };
const INT: Field = { kind: "int" };
const CONFIG: Field = { kind: "config" };
const shape = (name: ShapeName): Field => ({ kind: "shape", shape: name });
const list = (of: Field): Field => ({ kind: "list", of });
const CRITERIA = shape("GitFilterCriteria");
const CONDITIONS = list(shape("Condition"));

type Fields<S extends ShapeName> = { readonly [M in (typeof MEMBERS)[S][number]]: Field };

export const FIELDS: { readonly [S in ShapeName]: Fields<S> } = {
  PipelineDeclaration: {
    name: STR, roleArn: STR, stages: list(shape("StageDeclaration")), artifactStore: shape("ArtifactStore"),
    artifactStores: { kind: "storeMap" }, version: INT, executionMode: STR, pipelineType: STR,
    variables: list(shape("PipelineVariableDeclaration")), triggers: list(shape("PipelineTriggerDeclaration")),
  },
  PipelineMetadata: { pipelineArn: STR, created: STR, updated: STR, pollingDisabledAt: STR },
  ArtifactStore: { type: STR, location: STR, encryptionKey: shape("EncryptionKey") },
  EncryptionKey: { id: STR, type: STR },
  StageDeclaration: {
    name: STR, actions: list(shape("ActionDeclaration")), blockers: list(shape("BlockerDeclaration")),
    onFailure: shape("FailureConditions"), onSuccess: shape("SuccessConditions"), beforeEntry: shape("BeforeEntryConditions"),
  },
  BlockerDeclaration: { name: STR, type: STR },
  ActionDeclaration: {
    name: STR, actionTypeId: shape("ActionTypeId"), runOrder: INT, configuration: CONFIG, commands: list(STR),
    outputArtifacts: list(shape("OutputArtifact")), inputArtifacts: list(shape("InputArtifact")),
    outputVariables: list(STR), roleArn: STR, region: STR, namespace: STR, timeoutInMinutes: INT,
    environmentVariables: list(shape("EnvironmentVariable")),
  },
  ActionTypeId: { category: STR, owner: STR, provider: STR, version: STR },
  OutputArtifact: { name: STR, files: list(STR) },
  InputArtifact: { name: STR },
  EnvironmentVariable: { name: STR, value: STR, type: STR },
  FailureConditions: { result: STR, retryConfiguration: shape("RetryConfiguration"), conditions: CONDITIONS },
  RetryConfiguration: { retryMode: STR },
  SuccessConditions: { conditions: CONDITIONS },
  BeforeEntryConditions: { conditions: CONDITIONS },
  Condition: { result: STR, rules: list(shape("RuleDeclaration")) },
  RuleDeclaration: {
    name: STR, ruleTypeId: shape("RuleTypeId"), configuration: CONFIG, commands: list(STR),
    inputArtifacts: list(shape("InputArtifact")), roleArn: STR, region: STR, timeoutInMinutes: INT,
  },
  RuleTypeId: { category: STR, provider: STR, owner: STR, version: STR },
  PipelineVariableDeclaration: { name: STR, defaultValue: STR, description: STR },
  PipelineTriggerDeclaration: { providerType: STR, gitConfiguration: shape("GitConfiguration") },
  GitConfiguration: { sourceActionName: STR, push: list(shape("GitPushFilter")), pullRequest: list(shape("GitPullRequestFilter")) },
  GitPushFilter: { tags: CRITERIA, branches: CRITERIA, filePaths: CRITERIA },
  GitPullRequestFilter: { events: list(STR), branches: CRITERIA, filePaths: CRITERIA },
  GitFilterCriteria: { includes: list(STR), excludes: list(STR) },
  Tag: { key: STR, value: STR },
};

export const PIPELINE: Field = shape("PipelineDeclaration");
export const TAG_LIST: Field = list(shape("Tag"));

/** The member's field, or undefined when `member` is not a member of `shapeName`. */
export function memberField(shapeName: ShapeName, member: string): Field | undefined {
  const members: readonly string[] = MEMBERS[shapeName];
  return members.includes(member) ? (FIELDS[shapeName] as Record<string, Field>)[member] : undefined;
}
