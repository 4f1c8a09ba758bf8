/** Small, valid pipeline declarations for the gateway and CLI tests. */
import {
  ListPipelineExecutionsCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient,
} from "@aws-sdk/client-codepipeline";
import type { PipelineDeclaration } from "@/lib/domain/pipeline/declaration";

const base = (name: string) => ({
  name,
  roleArn: "arn:aws:iam::123456789012:role/service-role/pipewright-test",
  artifactStore: { type: "S3" as const, location: "codepipeline-us-east-1-123456789012" },
  pipelineType: "V2" as const,
  executionMode: "SUPERSEDED" as const,
});

const source = {
  name: "Source",
  actions: [
    {
      name: "Checkout",
      actionTypeId: { category: "Source" as const, owner: "AWS" as const, provider: "CodeCommit", version: "1" },
      runOrder: 1,
      configuration: { RepositoryName: "web-app", BranchName: "main", PollForSourceChanges: "false" },
      outputArtifacts: [{ name: "SourceOutput" }],
      inputArtifacts: [],
    },
  ],
};

const build = {
  name: "Build",
  actions: [
    {
      name: "Compile",
      actionTypeId: { category: "Build" as const, owner: "AWS" as const, provider: "CodeBuild", version: "1" },
      runOrder: 1,
      configuration: { ProjectName: "web-app-build" },
      inputArtifacts: [{ name: "SourceOutput" }],
      outputArtifacts: [{ name: "BuildOutput" }],
    },
  ],
};

const approve = {
  name: "Approve",
  actions: [
    {
      name: "Review",
      actionTypeId: { category: "Approval" as const, owner: "AWS" as const, provider: "Manual", version: "1" },
      runOrder: 1,
      configuration: { CustomData: "Ship it?" },
      inputArtifacts: [],
      outputArtifacts: [],
    },
  ],
};

/** Source → Build. */
export function buildPipeline(name: string): PipelineDeclaration {
  return { ...base(name), stages: [source, build] };
}

/** Source → Approve (manual) → Build. */
export function approvalPipeline(name: string): PipelineDeclaration {
  return { ...base(name), stages: [source, approve, build] };
}

/** Waits for `probe` to return a value, polling every 25 ms up to `timeoutMs` (no fixed sleeps). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Like AWS, the emulator may start an execution when a pipeline is created (trigger
 * CreatePipeline). Tests that count or approve executions first stop (abandon) whatever runs.
 */
export async function quiesce(client: CodePipelineClient, pipelineName: string): Promise<void> {
  const running = async () =>
    ((await client.send(new ListPipelineExecutionsCommand({ pipelineName }))).pipelineExecutionSummaries ?? []).filter(
      (e) => e.status === "InProgress" || e.status === "Stopping",
    );
  for (const e of await running()) {
    if (e.status === "InProgress") {
      await client
        .send(new StopPipelineExecutionCommand({ pipelineName, pipelineExecutionId: e.pipelineExecutionId, abandon: true, reason: "test setup" }))
        .catch((error: unknown) => {
          // It finished between the listing and the stop: idle already, as wanted.
          if ((error as { name?: unknown }).name !== "PipelineExecutionNotStoppableException") throw error;
        });
    }
  }
  await eventually(async () => ((await running()).length === 0 ? true : undefined), `${pipelineName} to be idle`);
}
