import { describe, expect, it } from "vitest";
import type { ActionExecutionView, PipelineExecutionDetail, PipelineStateView } from "../execution/view-model";
import { ExecutionReportSchema, executionReport } from "./execution-report";

const TOKEN = "ghp_ReportS3cretValue";

const execution: PipelineExecutionDetail = {
  pipelineName: "web",
  pipelineVersion: 3,
  executionId: "11111111-2222-4333-8444-555555555555",
  status: "Failed",
  statusSummary: "Build failed",
  artifactRevisions: [{ name: "SourceOutput", revisionId: "abc123", revisionSummary: `Commit with ${TOKEN} pasted` }],
  variables: [{ name: "ENV", resolvedValue: "prod" }],
  trigger: { triggerType: "StartPipelineExecution", triggerDetail: "arn:aws:iam::123456789012:user/dev" },
  executionMode: "QUEUED",
};

function run(overrides: Partial<ActionExecutionView> & Pick<ActionExecutionView, "stageName" | "actionName" | "startTime">): ActionExecutionView {
  return {
    executionId: execution.executionId,
    status: "Succeeded",
    input: { configuration: {}, resolvedConfiguration: {}, inputArtifacts: [] },
    output: { outputArtifacts: [], outputVariables: {} },
    ...overrides,
  };
}

const actions: ActionExecutionView[] = [
  run({
    stageName: "Build",
    actionName: "Compile",
    startTime: "2026-12-07T10:02:00.000Z",
    lastUpdateTime: "2026-12-07T10:04:30.000Z",
    status: "Failed",
    input: { actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, configuration: { ProjectName: "web" }, resolvedConfiguration: { ProjectName: "web" }, inputArtifacts: ["SourceOutput"] },
    output: { outputArtifacts: [], outputVariables: { LEAK: TOKEN }, errorDetails: { code: "JobFailed", message: "Build failed" } },
  }),
  run({
    stageName: "Source",
    actionName: "GitHub",
    startTime: "2026-12-07T10:00:00.000Z",
    lastUpdateTime: "2026-12-07T10:01:00.000Z",
    input: {
      actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
      configuration: { Owner: "acme", OAuthToken: TOKEN },
      resolvedConfiguration: { Owner: "acme", OAuthToken: TOKEN },
      inputArtifacts: [],
    },
    output: { outputArtifacts: ["SourceOutput"], outputVariables: {}, externalExecutionSummary: `used ${TOKEN}` },
  }),
];

const state: PipelineStateView = {
  pipelineName: "web",
  stages: [
    { stageName: "Source", inboundTransition: { enabled: true }, inboundExecutions: [], latestExecution: { executionId: execution.executionId, status: "Succeeded" }, actions: [] },
    { stageName: "Build", inboundTransition: { enabled: true }, inboundExecutions: [], latestExecution: { executionId: execution.executionId, status: "Failed" }, actions: [] },
    { stageName: "Deploy", inboundTransition: { enabled: true }, inboundExecutions: [], latestExecution: { executionId: "another", status: "Succeeded" }, actions: [] },
  ],
};

describe("executionReport", () => {
  it("freezes the execution: status, revisions, variables, its stages, and the action runs in time order", () => {
    const report = executionReport({ region: "eu-west-1", execution, actions, state });
    expect(ExecutionReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.title).toBe("web · execution 11111111-2222-4333-8444-555555555555");
    expect(report.execution).toMatchObject({ status: "Failed", statusSummary: "Build failed", pipelineVersion: 3, variables: [{ name: "ENV", resolvedValue: "prod" }] });
    expect(report.stages).toEqual([
      { stageName: "Source", status: "Succeeded" },
      { stageName: "Build", status: "Failed" },
    ]);
    expect(report.actions.map((a) => a.actionName)).toEqual(["GitHub", "Compile"]);
    expect(report.actions[1]).toMatchObject({ status: "Failed", error: { code: "JobFailed", message: "Build failed" }, actionType: "AWS CodeBuild v1 (Build)" });
  });

  it("masks secret configuration and every copy of a secret's value, and says where", () => {
    const report = executionReport({ region: "us-east-1", execution, actions, state });
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    expect(report.redacted).toEqual(
      expect.arrayContaining([
        "actions[0].configuration.OAuthToken",
        "actions[0].summary",
        "actions[1].outputVariables.LEAK",
        "execution.artifactRevisions[0].revisionSummary",
      ]),
    );
    expect(report.actions[0]!.configuration).toEqual({ Owner: "acme", OAuthToken: "****" });
  });
});
