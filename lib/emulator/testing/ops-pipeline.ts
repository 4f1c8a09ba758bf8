/**
 * The pipeline the execution-operations tests (vitest and Playwright) run: every operation has
 * something to act on. Source → Build (Compile ∥ Lint, then Package) → Approve (manual, with
 * custom data and a link) → Deploy; V2, SUPERSEDED, one pipeline variable. `customData` lets a
 * test put a hostile payload where the approval panel shows it.
 */
import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";

const codeBuild = (category: "Build" | "Test") => ({ category, owner: "AWS", provider: "CodeBuild", version: "1" }) as const;

export function opsPipeline(name: string, options: { customData?: string } = {}): PipelineDeclaration {
  return {
    name,
    roleArn: "arn:aws:iam::123456789012:role/service-role/pipewright-ops",
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    pipelineType: "V2",
    executionMode: "SUPERSEDED",
    variables: [{ name: "Env", defaultValue: "staging", description: "Where Deploy goes" }],
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            namespace: "SourceVariables",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
            runOrder: 1,
            configuration: {
              ConnectionArn: "arn:aws:codestar-connections:us-east-1:123456789012:connection/0b4d1f6e-0000-4000-8000-000000000002",
              FullRepositoryId: "acme/ops",
              BranchName: "main",
            },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          { name: "Compile", actionTypeId: codeBuild("Build"), runOrder: 1, configuration: { ProjectName: "ops-compile" }, inputArtifacts: [{ name: "SourceOutput" }], outputArtifacts: [{ name: "BuildOutput" }] },
          { name: "Lint", actionTypeId: codeBuild("Test"), runOrder: 1, configuration: { ProjectName: "ops-lint" }, inputArtifacts: [{ name: "SourceOutput" }] },
          { name: "Package", actionTypeId: codeBuild("Build"), runOrder: 2, configuration: { ProjectName: "ops-package" }, inputArtifacts: [{ name: "BuildOutput" }], outputArtifacts: [{ name: "PackageOutput" }] },
        ],
      },
      {
        name: "Approve",
        actions: [
          {
            name: "Review",
            actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
            runOrder: 1,
            configuration: { CustomData: options.customData ?? "Check the release notes first.", ExternalEntityLink: "https://example.com/release-notes" },
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Apply",
            actionTypeId: codeBuild("Build"),
            runOrder: 1,
            configuration: { ProjectName: "ops-deploy", EnvironmentVariables: '[{"name":"ENV","value":"#{variables.Env}","type":"PLAINTEXT"}]' },
            inputArtifacts: [{ name: "PackageOutput" }],
          },
        ],
      },
    ],
  };
}
