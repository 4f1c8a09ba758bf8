import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CreatePipelineInputSchema, GetPipelineOutputSchema, PipelineDeclarationSchema, type PipelineDeclaration } from "./declaration";
import { declarationArb } from "../formats/testing/arbitrary-declaration";

const valid = (): PipelineDeclaration => ({
  name: "web.v2@prod",
  roleArn: "arn:aws:iam::111122223333:role/service-role/pipeline",
  pipelineType: "V2",
  executionMode: "QUEUED",
  artifactStore: { type: "S3", location: "codepipeline-us-east-1-1", encryptionKey: { id: "alias/key", type: "KMS" } },
  variables: [{ name: "Env", defaultValue: "prod", description: "" }],
  triggers: [
    {
      providerType: "CodeStarSourceConnection",
      gitConfiguration: {
        sourceActionName: "Source",
        push: [{ branches: { includes: ["main"] }, filePaths: { excludes: ["docs/**"] } }],
        pullRequest: [{ events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } }],
      },
    },
  ],
  stages: [
    {
      name: "Source",
      actions: [
        {
          name: "Source",
          actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
          configuration: { ConnectionArn: "arn:aws:codeconnections:us-east-1:111122223333:connection/x", FullRepositoryId: "o/r", BranchName: "main" },
          outputArtifacts: [{ name: "Src" }],
          namespace: "SourceVariables",
        },
      ],
    },
    {
      name: "Build",
      beforeEntry: {
        conditions: [{ result: "SKIP", rules: [{ name: "Check", ruleTypeId: { category: "Rule", provider: "VariableCheck" }, configuration: { Variable: "#{variables.Env}", Value: "prod", Operator: "EQ" } }] }],
      },
      onFailure: { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } },
      actions: [
        {
          name: "Run",
          actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
          runOrder: 1,
          commands: ["make test"],
          inputArtifacts: [{ name: "Src" }],
          outputArtifacts: [{ name: "Out", files: ["dist/**"] }],
          outputVariables: ["VERSION"],
          environmentVariables: [{ name: "TOKEN", value: "my-secret", type: "SECRETS_MANAGER" }],
          timeoutInMinutes: 55,
          futureMember: { kept: true },
        },
      ],
    },
  ],
});

describe("PipelineDeclarationSchema", () => {
  it("accepts a complete V2 declaration and keeps unknown members", () => {
    const parsed = PipelineDeclarationSchema.parse(valid());
    expect(parsed.stages[1]!.actions[0]).toHaveProperty("futureMember", { kept: true });
  });

  it.each([
    ["a name with a space", (d: PipelineDeclaration) => void (d.name = "my pipeline"), ["name"]],
    ["a role that is not a role ARN", (d: PipelineDeclaration) => void (d.roleArn = "role"), ["roleArn"]],
    ["both artifact store forms", (d: PipelineDeclaration) => void (d.artifactStores = { "us-east-1": d.artifactStore! }), ["artifactStores"]],
    ["no artifact store", (d: PipelineDeclaration) => void delete d.artifactStore, ["artifactStore"]],
    ["a wrong-case enum", (d: PipelineDeclaration) => void ((d as Record<string, unknown>).executionMode = "Queued"), ["executionMode"]],
    ["runOrder 0", (d: PipelineDeclaration) => void (d.stages[1]!.actions[0]!.runOrder = 0), ["stages", 1, "actions", 0, "runOrder"]],
    ["a fractional timeout", (d: PipelineDeclaration) => void (d.stages[1]!.actions[0]!.timeoutInMinutes = 5.5), ["stages", 1, "actions", 0, "timeoutInMinutes"]],
    ["a boolean configuration value", (d: PipelineDeclaration) => void ((d.stages[0]!.actions[0]!.configuration as Record<string, unknown>).DetectChanges = false), ["stages", 0, "actions", 0, "configuration", "DetectChanges"]],
    ["an empty commands list", (d: PipelineDeclaration) => void (d.stages[1]!.actions[0]!.commands = []), ["stages", 1, "actions", 0, "commands"]],
    ["a namespace with a dot", (d: PipelineDeclaration) => void (d.stages[0]!.actions[0]!.namespace = "a.b"), ["stages", 0, "actions", 0, "namespace"]],
    ["an artifact name with a dot", (d: PipelineDeclaration) => void (d.stages[0]!.actions[0]!.outputArtifacts = [{ name: "a.b" }]), ["stages", 0, "actions", 0, "outputArtifacts", 0, "name"]],
    ["two conditions in a block", (d: PipelineDeclaration) => void d.stages[1]!.beforeEntry!.conditions.push(d.stages[1]!.beforeEntry!.conditions[0]!), ["stages", 1, "beforeEntry", "conditions"]],
    ["V2 members on a V1 pipeline", (d: PipelineDeclaration) => void (d.pipelineType = "V1"), ["variables"]],
    ["an unresolved CloudFormation reference", (d: PipelineDeclaration) => void (d.artifactStore!.location = "${!Ref Bucket}"), ["artifactStore", "location"]],
  ])("rejects %s", (_, mutate, path) => {
    const d = valid();
    mutate(d);
    const result = PipelineDeclarationSchema.safeParse(d);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toContainEqual(path);
  });

  it("never throws on generated declarations (it reports issues instead)", () => {
    // The arbitrary is structurally valid, so the schema never throws on it (it may report issues).
    fc.assert(fc.property(declarationArb, (d) => void PipelineDeclarationSchema.safeParse(d)), { numRuns: 50 });
  });
});

describe("document schemas", () => {
  it("GetPipeline output takes epoch numbers and ISO strings", () => {
    for (const created of [1501626591.112, "2024-08-13T12:25:07.401000+09:00"]) {
      expect(GetPipelineOutputSchema.safeParse({ pipeline: valid(), metadata: { created } }).success).toBe(true);
    }
    expect(GetPipelineOutputSchema.safeParse({ pipeline: valid(), metadata: { created: "yesterday" } }).success).toBe(false);
  });

  it("CreatePipeline input checks tags", () => {
    expect(CreatePipelineInputSchema.safeParse({ pipeline: valid(), tags: [{ key: "team", value: "" }] }).success).toBe(true);
    expect(CreatePipelineInputSchema.safeParse({ pipeline: valid(), tags: [{ key: "", value: "x" }] }).success).toBe(false);
  });
});
