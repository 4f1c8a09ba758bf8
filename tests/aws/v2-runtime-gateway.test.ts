/**
 * The V2 run-time reads and the override through the real SDK, against a canned AWS JSON 1.1
 * endpoint (the documented shapes: GetPipelineState's condition states and RetryStageMetadata,
 * ListDeployActionExecutionTargets' pages, OverrideStageCondition's request).
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeployActionExecutionTargets, overrideStageCondition } from "@/lib/aws/run-details";
import { getPipelineState } from "@/lib/aws/executions";
import { gatewayFor } from "./test-gateway";

const EXECUTION = "0b4d1f6e-0000-4000-8000-00000000000a";
const received: Array<{ operation: string; body: Record<string, unknown> }> = [];

const answers: Record<string, (body: Record<string, unknown>) => unknown> = {
  GetPipelineState: () => ({
    pipelineName: "web",
    pipelineVersion: 2,
    stageStates: [
      {
        stageName: "Deploy",
        inboundTransitionState: { enabled: true },
        latestExecution: { pipelineExecutionId: EXECUTION, status: "Skipped" },
        retryStageMetadata: { autoStageRetryAttempt: 1, manualStageRetryAttempt: 0, latestRetryTrigger: "AutomatedStageRetry" },
        beforeEntryConditionState: {
          latestExecution: { status: "Failed", summary: "not met" },
          conditionStates: [
            {
              latestExecution: { status: "Failed", lastStatusChange: 1735689600 },
              ruleStates: [{ ruleName: "OnlyMain", latestExecution: { status: "Failed", summary: "feature/x is not main", lastStatusChange: 1735689600, errorDetails: { code: "RuleFailed", message: "no" } } }],
            },
          ],
        },
        actionStates: [],
      },
    ],
  }),
  ListDeployActionExecutionTargets: (body) =>
    body.nextToken === undefined
      ? { targets: [{ targetId: "i-1", targetType: "EC2Instance", status: "Succeeded", startTime: 1735689600, endTime: 1735689660, events: [{ name: "Install", status: "Succeeded", context: { message: "done", ssmCommandId: "c1" } }] }], nextToken: "p2" }
      : { targets: [{ targetId: "i-2", targetType: "EC2Instance", status: "InProgress", startTime: 1735689600 }] },
  OverrideStageCondition: () => ({}),
};

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
      const body = JSON.parse(text || "{}") as Record<string, unknown>;
      received.push({ operation, body });
      const answer = answers[operation];
      res.setHeader("content-type", "application/x-amz-json-1.1");
      if (!answer) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: "UnknownOperationException", message: operation }));
        return;
      }
      res.end(JSON.stringify(answer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("V2 run-time through the SDK", () => {
  it("reads a stage's condition states, rule results and retry metadata from GetPipelineState", async () => {
    const state = await getPipelineState({ name: "web" }, gatewayFor(url));
    const deploy = state.stages[0]!;
    expect(deploy.latestExecution).toMatchObject({ executionId: EXECUTION, status: "Skipped" });
    expect(deploy.retryStageMetadata).toMatchObject({ autoStageRetryAttempt: 1, manualStageRetryAttempt: 0, latestRetryTrigger: "AutomatedStageRetry" });
    expect(deploy.beforeEntry).toMatchObject({
      status: "Failed",
      summary: "not met",
      conditions: [{ status: "Failed", lastStatusChange: "2025-01-01T00:00:00.000Z", rules: [{ ruleName: "OnlyMain", status: "Failed", summary: "feature/x is not main", errorDetails: { code: "RuleFailed", message: "no" } }] }],
    });
    expect(deploy.onSuccess).toBeUndefined();
  });

  it("lists every page of a deploy run's targets with their latest events", async () => {
    const targets = await listDeployActionExecutionTargets({ pipelineName: "web", actionExecutionId: "a-1" }, gatewayFor(url));
    expect(targets).toEqual([
      { targetId: "i-1", targetType: "EC2Instance", status: "Succeeded", startTime: "2025-01-01T00:00:00.000Z", endTime: "2025-01-01T00:01:00.000Z", events: [{ name: "Install", status: "Succeeded", message: "done", startTime: undefined, endTime: undefined }] },
      { targetId: "i-2", targetType: "EC2Instance", status: "InProgress", startTime: "2025-01-01T00:00:00.000Z", endTime: undefined, events: [] },
    ]);
  });

  it("sends OverrideStageCondition with the execution and the condition type", async () => {
    await overrideStageCondition({ pipelineName: "web", stageName: "Deploy", executionId: EXECUTION, conditionType: "BEFORE_ENTRY" }, gatewayFor(url));
    expect(received.at(-1)).toEqual({
      operation: "OverrideStageCondition",
      body: { pipelineName: "web", stageName: "Deploy", pipelineExecutionId: EXECUTION, conditionType: "BEFORE_ENTRY" },
    });
  });
});
