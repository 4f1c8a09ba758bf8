/**
 * fast-check arbitraries of structurally valid pipeline declarations (test-only). They cover
 * V1 and V2 members, unknown members, artifactStores maps, stage conditions, triggers,
 * environment variables and CloudFormation placeholders, without trying to satisfy every
 * validation rule (names need not be unique, artifacts need not be produced first, ...).
 *
 * What they leave out on purpose, because no document format can keep it (see the report in
 * index.ts): numeric strings where the model has integers and numbers where it has strings
 * (CloudFormation converts them), integer-like object keys (JavaScript reorders them), and keys
 * that differ from a model member only in the case of their first letter, and objects whose only
 * key is `Ref`, `Condition` or `Fn::*` (CloudFormation reads those as intrinsic functions).
 */
import fc from "fast-check";
import { parseYaml } from "../cloudformation/parse-yaml";
import { isIntrinsic } from "../cloudformation/intrinsics";
import { toPlaceholder } from "../cloudformation/placeholder";
import type { JsonMap, JsonValue } from "../../json";

/** Intrinsics written the way templates write them, as canonical placeholders. */
function placeholderOf(text: string): string {
  const parsed = parseYaml(text);
  if ("kind" in parsed || !isIntrinsic(parsed.value)) throw new Error(`bad intrinsic fixture ${text}`);
  return toPlaceholder(parsed.value);
}

/**
 * One placeholder for region keys: two keys that differ only in short vs long form would be one
 * key in a JSON template, where short forms do not exist.
 */
const REGION_PLACEHOLDER = placeholderOf("!Ref AWS::Region");

const PLACEHOLDERS: string[] = [
  "!Ref ArtifactBucket",
  "!GetAtt PipelineRole.Arn",
  "!GetAtt [PipelineRole, Arn]",
  '!Sub "arn:aws:iam::${AWS::AccountId}:role/deployer"',
  '!Join ["-", [!Ref AWS::StackName, build]]',
  "!If [IsProd, !Ref ProdRole, !Ref AWS::NoValue]",
  "!ImportValue shared-bucket",
  '{"Ref": "SourceBucket"}',
  '{"Fn::GetAtt": ["PipelineRole", "Arn"]}',
  '{"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "Bucket"}]]}',
].map(placeholderOf);

export const placeholderArb = fc.constantFrom(...PLACEHOLDERS);

/** Any text, sometimes with characters YAML must quote or escape, sometimes a placeholder. */
const freeText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) },
  { weight: 1, arbitrary: fc.constantFrom("true", "false", "1", "0.5", "null", "~", "yes", "- x", "a: b", "#{SourceVariables.CommitId}", "") },
  { weight: 1, arbitrary: placeholderArb },
);

const nameArb = fc.stringMatching(/^[A-Za-z0-9.@_-]{1,16}$/);
const artifactNameArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const regionArb = fc.constantFrom("us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1", "sa-east-1");
const roleArnArb = fc.oneof(
  fc.constant("arn:aws:iam::111122223333:role/AWS-CodePipeline-Service"),
  fc.constant("arn:aws-cn:iam::111122223333:role/cn-role"),
  placeholderArb,
);

/** Keys that are not model members in either spelling and not integer-like. */
const unknownKeyArb = fc.constantFrom("futureField", "x-extension", "__type", "comment", "labels");
const plainKeyArb = fc.constantFrom("a", "b", "data", "Note", "with space", "ünï");

/** JSON values for unknown members (no intrinsic-looking one-key objects, no -0). */
const unknownValueArb: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string({ maxLength: 10 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(plainKeyArb, tie("value"), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

/** `base` with 0..2 unknown members appended (after the known ones, as AWS order puts them). */
function withUnknown<T extends JsonMap>(base: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.tuple(base, fc.dictionary(unknownKeyArb, unknownValueArb, { maxKeys: 2, noNullPrototype: true })).map(([b, extra]) => {
    const out = { ...b } as JsonMap;
    for (const [k, v] of Object.entries(extra)) if (!(k in out)) out[k] = v;
    return out as T;
  });
}

/** A record whose optional members are sometimes absent (fc.record with requiredKeys). */
function obj<R extends Record<string, fc.Arbitrary<JsonValue>>>(members: R, required: (keyof R & string)[]): fc.Arbitrary<JsonMap> {
  return fc.record(members, { requiredKeys: required, noNullPrototype: true }) as unknown as fc.Arbitrary<JsonMap>;
}

const configArb = fc.dictionary(
  fc.oneof(fc.constantFrom("S3Bucket", "ProjectName", "PollForSourceChanges", "BranchName", "EnvironmentVariables"), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/)),
  freeText,
  { maxKeys: 4, noNullPrototype: true },
);

const encryptionKeyArb = obj({ id: fc.oneof(fc.constant("alias/aws/s3"), placeholderArb), type: fc.constant("KMS") }, ["id", "type"]);
const artifactStoreArb = withUnknown(
  obj({ type: fc.constant("S3"), location: fc.oneof(fc.stringMatching(/^[a-z0-9.-]{3,20}$/), placeholderArb), encryptionKey: encryptionKeyArb }, ["type", "location"]),
);

const criteriaArb = obj(
  { includes: fc.array(freeText, { minLength: 1, maxLength: 3 }), excludes: fc.array(freeText, { minLength: 1, maxLength: 3 }) },
  [],
);

const triggerArb = withUnknown(
  obj(
    {
      providerType: fc.constant("CodeStarSourceConnection"),
      gitConfiguration: obj(
        {
          sourceActionName: nameArb,
          push: fc.array(obj({ tags: criteriaArb, branches: criteriaArb, filePaths: criteriaArb }, []), { minLength: 1, maxLength: 2 }),
          pullRequest: fc.array(
            obj({ events: fc.subarray(["OPEN", "UPDATED", "CLOSED"], { minLength: 1 }), branches: criteriaArb, filePaths: criteriaArb }, []),
            { minLength: 1, maxLength: 2 },
          ),
        },
        ["sourceActionName"],
      ),
    },
    ["providerType", "gitConfiguration"],
  ),
);

const variableArb = withUnknown(obj({ name: nameArb, defaultValue: freeText, description: freeText }, ["name"]));

const ruleArb = withUnknown(
  obj(
    {
      name: nameArb,
      ruleTypeId: obj(
        {
          category: fc.constant("Rule"),
          provider: fc.constantFrom("VariableCheck", "LambdaInvoke", "CloudWatchAlarm", "Commands", "DeploymentWindow"),
          owner: fc.constant("AWS"),
          version: fc.constant("1"),
        },
        ["category", "provider"],
      ),
      configuration: configArb,
      commands: fc.array(freeText, { minLength: 1, maxLength: 3 }),
      inputArtifacts: fc.array(obj({ name: artifactNameArb }, ["name"]), { maxLength: 2 }),
      roleArn: roleArnArb,
      region: regionArb,
      timeoutInMinutes: fc.integer({ min: 5, max: 86400 }),
    },
    ["name", "ruleTypeId"],
  ),
);

const conditionArb = obj({ result: fc.constantFrom("ROLLBACK", "FAIL", "RETRY", "SKIP"), rules: fc.array(ruleArb, { minLength: 1, maxLength: 2 }) }, ["rules"]);
const conditionsArb = fc.array(conditionArb, { minLength: 1, maxLength: 1 });

const actionArb = withUnknown(
  obj(
    {
      name: nameArb,
      actionTypeId: withUnknown(
        obj(
          {
            category: fc.constantFrom("Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"),
            owner: fc.constantFrom("AWS", "ThirdParty", "Custom"),
            provider: fc.constantFrom("S3", "CodeBuild", "CodeStarSourceConnection", "Manual", "Commands", "CloudFormation", "Lambda"),
            version: fc.constantFrom("1", "2"),
          },
          ["category", "owner", "provider", "version"],
        ),
      ),
      runOrder: fc.integer({ min: 1, max: 999 }),
      configuration: configArb,
      commands: fc.array(freeText, { minLength: 1, maxLength: 3 }),
      outputArtifacts: fc.array(obj({ name: artifactNameArb, files: fc.array(freeText, { minLength: 1, maxLength: 2 }) }, ["name"]), { maxLength: 2 }),
      inputArtifacts: fc.array(obj({ name: artifactNameArb }, ["name"]), { maxLength: 2 }),
      outputVariables: fc.array(freeText, { minLength: 1, maxLength: 2 }),
      roleArn: roleArnArb,
      region: regionArb,
      namespace: fc.stringMatching(/^[A-Za-z0-9@_-]{1,12}$/),
      timeoutInMinutes: fc.integer({ min: 5, max: 86400 }),
      environmentVariables: fc.array(
        obj({ name: fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), value: freeText, type: fc.constantFrom("PLAINTEXT", "SECRETS_MANAGER") }, ["name", "value"]),
        { minLength: 1, maxLength: 2 },
      ),
    },
    ["name", "actionTypeId"],
  ),
);

const stageArb = withUnknown(
  obj(
    {
      name: nameArb,
      actions: fc.array(actionArb, { maxLength: 3 }),
      blockers: fc.array(obj({ name: nameArb, type: fc.constant("Schedule") }, ["name", "type"]), { maxLength: 1 }),
      onFailure: obj(
        {
          result: fc.constantFrom("ROLLBACK", "FAIL", "RETRY", "SKIP"),
          retryConfiguration: obj({ retryMode: fc.constantFrom("FAILED_ACTIONS", "ALL_ACTIONS") }, []),
          conditions: conditionsArb,
        },
        [],
      ),
      onSuccess: obj({ conditions: conditionsArb }, ["conditions"]),
      beforeEntry: obj({ conditions: conditionsArb }, ["conditions"]),
    },
    ["name", "actions"],
  ),
);

const storesArb = fc.dictionary(fc.oneof({ weight: 5, arbitrary: regionArb }, { weight: 1, arbitrary: fc.constant(REGION_PLACEHOLDER) }), artifactStoreArb, {
  minKeys: 1,
  maxKeys: 3,
  noNullPrototype: true,
});

/** A declaration with either artifactStore or artifactStores, V1 or V2 members. */
export const declarationArb: fc.Arbitrary<JsonMap> = fc
  .tuple(
    withUnknown(
      obj(
        {
          name: nameArb,
          roleArn: roleArnArb,
          stages: fc.array(stageArb, { maxLength: 3 }),
          version: fc.integer({ min: 1, max: 100 }),
          executionMode: fc.constantFrom("QUEUED", "SUPERSEDED", "PARALLEL"),
          pipelineType: fc.constantFrom("V1", "V2"),
          variables: fc.array(variableArb, { maxLength: 2 }),
          triggers: fc.array(triggerArb, { maxLength: 2 }),
        },
        ["name", "roleArn", "stages"],
      ),
    ),
    fc.oneof(
      artifactStoreArb.map((store) => ({ artifactStore: store }) as JsonMap),
      storesArb.map((stores) => ({ artifactStores: stores }) as JsonMap),
    ),
  )
  .map(([pipeline, store]) => ({ ...pipeline, ...store }));

export const tagsArb: fc.Arbitrary<JsonValue> = fc.array(obj({ key: fc.string({ minLength: 1, maxLength: 10 }), value: freeText }, ["key", "value"]), {
  maxLength: 3,
});

/** GetPipeline metadata: epoch seconds (API) or ISO strings (AWS CLI), kept as they are. */
export const metadataArb: fc.Arbitrary<JsonValue> = fc.oneof(
  obj(
    {
      pipelineArn: fc.constant("arn:aws:codepipeline:us-east-1:111122223333:p"),
      created: fc.double({ min: 1e9, max: 2e9, noNaN: true }),
      updated: fc.double({ min: 1e9, max: 2e9, noNaN: true }),
    },
    ["pipelineArn", "created"],
  ),
  obj(
    {
      pipelineArn: fc.constant("arn:aws:codepipeline:us-east-1:111122223333:p"),
      created: fc.constant("2024-08-13T12:25:07.401000+09:00"),
      pollingDisabledAt: fc.constant("2020-09-10T06:34:07.447000+00:00"),
    },
    ["pipelineArn", "created"],
  ),
);
