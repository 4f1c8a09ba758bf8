/**
 * Secret configuration values never leave the emulator in clear text: a pipeline with a secret in
 * every field the catalog marks secret goes through every operation, and each raw response body
 * (successes and errors) is scanned for the clear values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_PROVIDERS } from "@/lib/domain/catalog/catalog";
import { awsCall, type AwsCallResult } from "./testing/aws-call";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";
import { requestSchemas } from "./requests";
import { SECRET_MASK } from "./secrets";

const NAME = "secrets-everywhere";
const ROLE = "arn:aws:iam::123456789012:role/service-role/AWSCodePipelineServiceRole-test";

/** One distinct clear value per secret field, long and unmistakable. */
const SECRETS = {
  OAuthToken: "ghp_CLEAR0oauth0token0value0000000001",
  ClientSecret: "amzn1-CLEAR-client-secret-value-000002",
  RefreshToken: "Atzr|CLEAR-refresh-token-value-000003",
} as const;

function declaration(): Record<string, unknown> {
  return {
    name: NAME,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "codepipeline-us-east-1-123456789012" },
    pipelineType: "V2",
    executionMode: "SUPERSEDED",
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
            configuration: { Owner: "example-org", Repo: "app", Branch: "main", OAuthToken: SECRETS.OAuthToken, PollForSourceChanges: "false" },
            outputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Skill",
            actionTypeId: { category: "Deploy", owner: "ThirdParty", provider: "AlexaSkillsKit", version: "1" },
            configuration: {
              ClientId: "amzn1.application-oa2-client.example",
              ClientSecret: SECRETS.ClientSecret,
              RefreshToken: SECRETS.RefreshToken,
              SkillId: "amzn1.ask.skill.example",
            },
            inputArtifacts: [{ name: "SourceOutput" }],
          },
        ],
      },
      {
        name: "Approve",
        actions: [{ name: "Approve", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" } }],
      },
    ],
  };
}

let emu: TestEmulator;
const called = new Set<string>();

/** Calls an operation and fails the test if the raw response holds any clear secret. */
async function call(operation: string, input: unknown): Promise<AwsCallResult> {
  called.add(operation);
  const response = await awsCall(emu.url, operation, input);
  for (const [key, value] of Object.entries(SECRETS)) {
    expect(response.text, `${operation} answered the clear ${key}`).not.toContain(value);
  }
  return response;
}

async function ok(operation: string, input: unknown): Promise<Record<string, unknown>> {
  const response = await call(operation, input);
  expect(response.status, `${operation}: ${response.text}`).toBe(200);
  return response.json!;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function executionStatus(id: string): Promise<string> {
  const out = await ok("GetPipelineExecution", { pipelineName: NAME, pipelineExecutionId: id });
  return (out.pipelineExecution as { status: string }).status;
}

const settled = (id: string, ...statuses: string[]) =>
  until(`${id} ${statuses.join("/")}`, async () => {
    const status = await executionStatus(id);
    return statuses.includes(status) ? status : undefined;
  });

async function approvalToken(): Promise<string> {
  return until("an approval waiting", async () => {
    const state = await ok("GetPipelineState", { name: NAME });
    const stages = state.stageStates as { stageName: string; actionStates: { latestExecution?: { token?: string } }[] }[];
    return stages.find((s) => s.stageName === "Approve")?.actionStates[0]?.latestExecution?.token;
  });
}

async function latestExecutionId(): Promise<string> {
  const out = await ok("ListPipelineExecutions", { pipelineName: NAME });
  return (out.pipelineExecutionSummaries as { pipelineExecutionId: string }[])[0]!.pipelineExecutionId;
}

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 5000 });
});
afterAll(() => emu.close());

describe("secret configuration values", () => {
  it("the test pipeline holds a clear value in every field the catalog marks secret", () => {
    const catalogSecrets = ACTION_PROVIDERS.flatMap((p) => p.configuration.filter((c) => c.secret).map((c) => c.key));
    expect([...new Set(catalogSecrets)].sort()).toEqual(Object.keys(SECRETS).sort());
  });

  it("are masked in every operation's response, successes and errors alike", async () => {
    const arn = `arn:aws:codepipeline:us-east-1:123456789012:${NAME}`;
    const created = await ok("CreatePipeline", { pipeline: declaration(), tags: [{ key: "team", value: "payments" }] });
    await call("CreatePipeline", { pipeline: declaration() }); // PipelineNameInUseException

    // The run CreatePipeline starts: Source → Deploy → waiting approval → approved.
    const first = await latestExecutionId();
    await ok("PutApprovalResult", {
      pipelineName: NAME,
      stageName: "Approve",
      actionName: "Approve",
      token: await approvalToken(),
      result: { summary: "ship it", status: "Approved" },
    });
    expect(await settled(first, "Succeeded")).toBe("Succeeded");

    // A failed deploy, retried, then stopped while the approval waits.
    expect((await emu.control("/fail-next", { pipelineName: NAME, stageName: "Deploy", actionName: "Skill" })).status).toBe(200);
    const second = (await ok("StartPipelineExecution", { name: NAME })).pipelineExecutionId as string;
    expect(await settled(second, "Failed")).toBe("Failed");
    await ok("RetryStageExecution", { pipelineName: NAME, stageName: "Deploy", pipelineExecutionId: second, retryMode: "FAILED_ACTIONS" });
    await approvalToken();
    await ok("StopPipelineExecution", { pipelineName: NAME, pipelineExecutionId: second, abandon: true, reason: "enough" });
    await settled(second, "Stopped");

    // A rollback of Deploy to the first execution.
    const rollback = (await ok("RollbackStage", { pipelineName: NAME, stageName: "Deploy", targetPipelineExecutionId: first })).pipelineExecutionId as string;
    await settled(rollback, "Succeeded", "Failed");

    await ok("DisableStageTransition", { pipelineName: NAME, stageName: "Deploy", transitionType: "Inbound", reason: "freeze" });
    await ok("EnableStageTransition", { pipelineName: NAME, stageName: "Deploy", transitionType: "Inbound" });

    // Every view of executions, runs and the board.
    await ok("GetPipelineState", { name: NAME });
    await ok("ListPipelineExecutions", { pipelineName: NAME });
    for (const id of [first, second, rollback]) await ok("GetPipelineExecution", { pipelineName: NAME, pipelineExecutionId: id });
    const runs = await ok("ListActionExecutions", { pipelineName: NAME });
    await ok("ListActionExecutions", { pipelineName: NAME, filter: { pipelineExecutionId: first } });
    await ok("ListActionExecutions", { pipelineName: NAME, filter: { latestInPipelineExecution: { pipelineExecutionId: second, startTimeRange: "All" } } });

    // The runs do show the secret fields, masked, in both the configuration and the resolved one.
    const details = runs.actionExecutionDetails as { actionName: string; input: { configuration: Record<string, string>; resolvedConfiguration: Record<string, string> } }[];
    const source = details.find((d) => d.actionName === "Source")!;
    const skill = details.find((d) => d.actionName === "Skill")!;
    for (const input of [source.input.configuration, source.input.resolvedConfiguration]) expect(input.OAuthToken).toBe(SECRET_MASK);
    for (const input of [skill.input.configuration, skill.input.resolvedConfiguration]) {
      expect(input).toMatchObject({ ClientSecret: SECRET_MASK, RefreshToken: SECRET_MASK, ClientId: "amzn1.application-oa2-client.example" });
    }

    // Definitions: the masked declaration sent back keeps the stored secrets (a new version).
    const masked = (created.pipeline as Record<string, unknown>);
    const updated = await ok("UpdatePipeline", { pipeline: { ...masked, version: undefined } });
    expect((updated.pipeline as { version: number }).version).toBe(2);
    const broken = declaration();
    (broken.stages as unknown[]).splice(1, 0, { name: "Empty", actions: [] });
    await call("UpdatePipeline", { pipeline: broken }); // rejected declaration
    await ok("GetPipeline", { name: NAME });
    await ok("GetPipeline", { name: NAME, version: 1 });
    await ok("ListPipelines", {});
    const third = (await ok("StartPipelineExecution", { name: NAME })).pipelineExecutionId as string;
    await approvalToken();
    await ok("ListActionExecutions", { pipelineName: NAME, filter: { pipelineExecutionId: third } });

    await ok("ListActionTypes", { actionOwnerFilter: "ThirdParty" });
    await ok("ListRuleTypes", {});
    const skillRun = details.find((d) => d.actionName === "Skill") as unknown as { actionExecutionId: string };
    await ok("ListDeployActionExecutionTargets", { pipelineName: NAME, actionExecutionId: skillRun.actionExecutionId });
    await ok("ListRuleExecutions", { pipelineName: NAME, filter: { pipelineExecutionId: third } });
    // The pipeline declares no conditions: ConditionNotOverridableException, no secret in it either.
    await call("OverrideStageCondition", { pipelineName: NAME, stageName: "Deploy", pipelineExecutionId: third, conditionType: "BEFORE_ENTRY" });
    await ok("TagResource", { resourceArn: arn, tags: [{ key: "env", value: "prod" }] });
    await ok("UntagResource", { resourceArn: arn, tagKeys: ["env"] });
    await ok("ListTagsForResource", { resourceArn: arn });
    await ok("DeletePipeline", { name: NAME });

    expect([...called].sort()).toEqual(Object.keys(requestSchemas).sort());
  });
});
