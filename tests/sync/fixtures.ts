/**
 * What the sync tests push: a release pipeline (connection source → Build with three sequential
 * groups → manual approval) that validates without a finding, and the server actions pointed at
 * a test emulator the way the app points them at one (CODEPIPELINE_ENDPOINT_URL).
 */
import type { JsonObject } from "@/lib/domain/json";
import type { TestEmulator } from "@/lib/emulator/testing/start-test-emulator";

const ROLE = "arn:aws:iam::123456789012:role/service-role/pipewright-sync";
const CONNECTION = "arn:aws:codestar-connections:us-east-1:123456789012:connection/0b4d1f6e-0000-4000-8000-000000000001";

const codeBuild = (category: "Build" | "Test") => ({ category, owner: "AWS", provider: "CodeBuild", version: "1" });

/** Source → Build (Compile; UnitTests; Lint: three groups) → Approve (manual). V2, SUPERSEDED. */
export function releasePipeline(name: string): JsonObject {
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    pipelineType: "V2",
    executionMode: "SUPERSEDED",
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Checkout",
            actionTypeId: { category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" },
            runOrder: 1,
            configuration: { ConnectionArn: CONNECTION, FullRepositoryId: "acme/web", BranchName: "main" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Build",
        actions: [
          { name: "Compile", actionTypeId: codeBuild("Build"), runOrder: 1, configuration: { ProjectName: "web-compile" }, inputArtifacts: [{ name: "SourceOutput" }], outputArtifacts: [{ name: "BuildOutput" }] },
          { name: "UnitTests", actionTypeId: codeBuild("Test"), runOrder: 2, configuration: { ProjectName: "web-tests" }, inputArtifacts: [{ name: "BuildOutput" }] },
          { name: "Lint", actionTypeId: codeBuild("Test"), runOrder: 3, configuration: { ProjectName: "web-lint" }, inputArtifacts: [{ name: "SourceOutput" }] },
        ],
      },
      {
        name: "Approve",
        actions: [{ name: "Review", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" }, runOrder: 1 }],
      },
    ],
  };
}

/** Points the app's gateway (lib/aws/config.ts) at the emulator; returns the undo. */
export function useEmulatorBackend(emu: TestEmulator): () => void {
  const saved = { url: process.env.CODEPIPELINE_ENDPOINT_URL, backend: process.env.PIPEWRIGHT_BACKEND, region: process.env.AWS_REGION };
  process.env.CODEPIPELINE_ENDPOINT_URL = emu.url;
  delete process.env.PIPEWRIGHT_BACKEND;
  delete process.env.AWS_REGION;
  return () => {
    restore("CODEPIPELINE_ENDPOINT_URL", saved.url);
    restore("PIPEWRIGHT_BACKEND", saved.backend);
    restore("AWS_REGION", saved.region);
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** A member of a declaration read as JSON, for assertions. */
export function actionOf(declaration: unknown, stage: number, action: number): JsonObject {
  return (((declaration as JsonObject).stages as JsonObject[])[stage]!.actions as JsonObject[])[action]!;
}
