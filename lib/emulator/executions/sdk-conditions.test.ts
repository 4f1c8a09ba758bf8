/**
 * Stage conditions, their rules, OverrideStageCondition, automatic retry and automatic rollback,
 * through the real SDK client against a real emulator. Each test cites the AWS page whose
 * sentence it checks.
 */
import {
  CreatePipelineCommand,
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListRuleExecutionsCommand,
  ListRuleTypesCommand,
  OverrideStageConditionCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type StageState,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../contract";
import { expectAwsError } from "../testing/expect-error";
import { startTestEmulator, type TestEmulator } from "../testing/start-test-emulator";
import { createExecutionEngine } from "./index";
import { approval, build, lambda, pipeline, source, type PipelineOptions } from "./testing/builders";
import { actionRuns, asDeclaration, executionStatus, stageState, until, waitForStatus } from "./testing/sdk";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 5000, createEngine: createExecutionEngine, seed: false });
});
afterAll(async () => emu?.close());

const rule = (name: string, provider: string, configuration: Record<string, string>, extra: JsonObject = {}): JsonObject => ({
  name,
  ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" },
  configuration,
  ...extra,
});
const condition = (result: string, ...rules: JsonObject[]) => ({ conditions: [{ result, rules }] });
const targetIsProd = rule("TargetIsProd", "VariableCheck", { Variable: "#{variables.Target}", Operator: "EQ", Value: "prod" });
const gate = rule("Gate", "LambdaInvoke", { FunctionName: "release-gate" });

/** Source → Build → Deploy, with extra members on Deploy (its conditions). */
function declaration(name: string, deploy: JsonObject, options: PipelineOptions = {}) {
  const d = pipeline(name, [["Source", [source()]], ["Build", [build("Build")]], ["Deploy", [build("Deploy", {}, "Test")]]], {
    variables: [{ name: "Target", defaultValue: "staging" }],
    ...options,
  });
  const stages = d.stages as JsonObject[];
  stages[2] = { ...stages[2], ...deploy };
  return asDeclaration(d);
}

/** Creates the pipeline and waits until the run CreatePipeline started has ended. */
async function create(d: ReturnType<typeof declaration>): Promise<string> {
  const name = d.name!;
  await emu.client.send(new CreatePipelineCommand({ pipeline: d }));
  const [first] = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
  await until("create run ended", async () => (await executionStatus(emu.client, name, first!.pipelineExecutionId!)) !== "InProgress");
  return name;
}

const start = async (name: string, target?: string) =>
  (await emu.client.send(new StartPipelineExecutionCommand({ name, variables: target ? [{ name: "Target", value: target }] : undefined }))).pipelineExecutionId!;
const override = (pipelineName: string, stageName: string, pipelineExecutionId: string, conditionType: "BEFORE_ENTRY" | "ON_SUCCESS") =>
  emu.client.send(new OverrideStageConditionCommand({ pipelineName, stageName, pipelineExecutionId, conditionType }));
const deployState = (name: string) => stageState(emu.client, name, "Deploy") as Promise<StageState>;

describe("entry conditions (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html)", () => {
  it("'If all rules in a condition succeed, then the condition is met': the stage runs", async () => {
    const name = await create(declaration("cond-entry-met", { beforeEntry: condition("FAIL", targetIsProd) }));
    const id = await start(name, "prod");
    await waitForStatus(emu.client, name, id, "Succeeded");
    const state = await deployState(name);
    expect(state.latestExecution?.status).toBe("Succeeded");
    expect(state.beforeEntryConditionState?.latestExecution?.status).toBe("Succeeded");
    expect(state.beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.[0]).toMatchObject({
      ruleName: "TargetIsProd",
      latestExecution: { status: "Succeeded" },
    });
  });

  it("Entry with result Fail: a condition not met fails the stage before its actions run", async () => {
    const name = await create(declaration("cond-entry-fail", { beforeEntry: condition("FAIL", targetIsProd) }));
    const id = await start(name, "staging");
    await waitForStatus(emu.client, name, id, "Failed");
    const state = await deployState(name);
    expect(state.latestExecution).toMatchObject({ pipelineExecutionId: id, status: "Failed" });
    expect(state.beforeEntryConditionState?.latestExecution?.status).toBe("Failed");
    const ruleState = state.beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.[0];
    expect(ruleState?.latestExecution).toMatchObject({ status: "Failed", errorDetails: { code: "JobFailed" } });
    expect(ruleState?.latestExecution?.summary).toContain("'staging' EQ 'prod'");
    expect(await actionRuns(emu.client, name, id, "Deploy")).toEqual([]);
  });

  it("Entry with result Skip: the stage is Skipped, its actions do not run, and the execution goes on", async () => {
    const name = await create(declaration("cond-entry-skip", { beforeEntry: condition("SKIP", targetIsProd) }));
    const id = await start(name, "staging");
    await waitForStatus(emu.client, name, id, "Succeeded");
    expect((await deployState(name)).latestExecution?.status).toBe("Skipped");
    expect(await actionRuns(emu.client, name, id, "Deploy")).toEqual([]);
  });

  it("'You can override rule conditions at pipeline runtime': an overridden entry condition lets the stage run", async () => {
    const name = await create(declaration("cond-entry-override", { beforeEntry: condition("FAIL", targetIsProd) }));
    const id = await start(name, "staging");
    await waitForStatus(emu.client, name, id, "Failed");
    // "Before a stage can be retried, it must either have all actions failed or some actions failed and
    // some succeeded" (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-actions-retry.html).
    await expectAwsError(
      emu.client.send(new RetryStageExecutionCommand({ pipelineName: name, stageName: "Deploy", pipelineExecutionId: id, retryMode: "FAILED_ACTIONS" })),
      "StageNotRetryableException",
      /no action/,
    );
    await override(name, "Deploy", id, "BEFORE_ENTRY");
    await waitForStatus(emu.client, name, id, "Succeeded");
    const state = await deployState(name);
    expect(state.latestExecution?.status).toBe("Succeeded");
    expect(state.beforeEntryConditionState?.latestExecution?.status).toBe("Overridden");
    expect((await actionRuns(emu.client, name, id, "Deploy")).map((r) => r.status)).toEqual(["Succeeded"]);
  });
});

describe("OverrideStageCondition errors (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OverrideStageCondition.html)", () => {
  it("ConditionNotOverridableException, NotLatestPipelineExecutionException, StageNotFoundException, PipelineNotFoundException", async () => {
    const name = await create(declaration("cond-override-errors", { beforeEntry: condition("SKIP", targetIsProd) }));
    const skipped = await start(name, "staging");
    await waitForStatus(emu.client, name, skipped, "Succeeded");
    // A SKIP condition cannot be overridden; a stage without a success condition has none to override.
    await expectAwsError(override(name, "Deploy", skipped, "BEFORE_ENTRY"), "ConditionNotOverridableException", /SKIP/);
    await expectAwsError(override(name, "Deploy", skipped, "ON_SUCCESS"), "ConditionNotOverridableException", /no success condition/);
    await expectAwsError(override(name, "Build", "33333333-3333-4333-8333-333333333333", "BEFORE_ENTRY"), "ConditionNotOverridableException");
    await expectAwsError(override(name, "Nope", skipped, "BEFORE_ENTRY"), "StageNotFoundException");
    await expectAwsError(override("no-such-pipeline", "Deploy", skipped, "BEFORE_ENTRY"), "PipelineNotFoundException");

    const failing = await create(declaration("cond-override-latest", { beforeEntry: condition("FAIL", targetIsProd) }));
    const first = await start(failing, "staging");
    await waitForStatus(emu.client, failing, first, "Failed");
    const second = await start(failing, "prod");
    await waitForStatus(emu.client, failing, second, "Succeeded");
    await expectAwsError(override(failing, "Deploy", first, "BEFORE_ENTRY"), "NotLatestPipelineExecutionException");
    // The condition of the latest execution succeeded: nothing to override.
    await expectAwsError(override(failing, "Deploy", second, "BEFORE_ENTRY"), "ConditionNotOverridableException", /Succeeded/);
  });
});

describe("success conditions (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html)", () => {
  it("On Success with result Fail: a failing rule fails the stage after its actions succeeded; the override lets it through", async () => {
    const name = await create(declaration("cond-success-fail", { onSuccess: condition("FAIL", gate) }));
    expect((await emu.control("/fail-next-rule", { pipelineName: name, stageName: "Deploy", ruleName: "Gate" })).status).toBe(200);
    const id = await start(name);
    await waitForStatus(emu.client, name, id, "Failed");
    expect((await actionRuns(emu.client, name, id, "Deploy")).map((r) => r.status)).toEqual(["Succeeded"]);
    const state = await deployState(name);
    expect(state.onSuccessConditionState?.latestExecution?.status).toBe("Failed");
    const out = await emu.client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }));
    expect(out.pipelineExecution?.statusSummary).toContain("Gate");
    await override(name, "Deploy", id, "ON_SUCCESS");
    await waitForStatus(emu.client, name, id, "Succeeded");
    expect((await deployState(name)).onSuccessConditionState?.latestExecution?.status).toBe("Overridden");
  });
});

describe("success condition with result Rollback (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html)", () => {
  it("'On Success ... Rollback': a failing rule fails the stage and rolls it back to the last successful execution", async () => {
    const name = await create(declaration("cond-success-rollback", { onSuccess: condition("ROLLBACK", gate) }));
    const good = await start(name);
    await waitForStatus(emu.client, name, good, "Succeeded");
    await emu.control("/fail-next-rule", { pipelineName: name, stageName: "Deploy", ruleName: "Gate" });
    const bad = await start(name);
    await waitForStatus(emu.client, name, bad, "Failed");
    const rollback = await until("the rollback started", async () => {
      const list = await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
      return list.pipelineExecutionSummaries?.find((s) => s.executionType === "ROLLBACK");
    });
    expect(rollback).toMatchObject({ trigger: { triggerType: "AutomatedRollback" }, rollbackMetadata: { rollbackTargetPipelineExecutionId: good } });
  });
});

describe("CloudWatchAlarm rule (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html)", () => {
  it("WaitTime: 'wait for an alarm state to change to OK before applying the rule result'", async () => {
    const alarm = rule("Alarm", "CloudWatchAlarm", { AlarmName: "deploy-errors", WaitTime: "10" });
    const name = await create(declaration("cond-alarm", { beforeEntry: condition("FAIL", alarm) }));
    await emu.control("/time-scale", { timeScale: 200 }); // the 10-minute wait takes 3 s
    try {
      await emu.control("/alarm-state", { alarmName: "deploy-errors", state: "ALARM" });
      const recovered = await start(name);
      const monitoring = await until("the alarm monitored", async () => {
        const ruleState = (await deployState(name)).beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.[0];
        return ruleState?.latestExecution?.status === "InProgress" && ruleState.latestExecution.summary;
      });
      expect(monitoring).toContain("for 10 minutes");
      await emu.control("/alarm-state", { alarmName: "deploy-errors", state: "OK" });
      await waitForStatus(emu.client, name, recovered, "Succeeded");

      await emu.control("/alarm-state", { alarmName: "deploy-errors", state: "ALARM" });
      const blocked = await start(name);
      await waitForStatus(emu.client, name, blocked, "Failed");
      const ruleState = (await deployState(name)).beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.[0];
      expect(ruleState?.latestExecution?.summary).toContain("is in state ALARM");
    } finally {
      await emu.control("/time-scale", { timeScale: 5000 });
    }
  });

  it("stop and abandon during the wait abandons the rule and the condition (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-stop.html)", async () => {
    const alarm = rule("Alarm", "CloudWatchAlarm", { AlarmName: "stop-errors", WaitTime: "600" });
    const name = await create(declaration("cond-alarm-stop", { beforeEntry: condition("FAIL", alarm) }));
    await emu.control("/alarm-state", { alarmName: "stop-errors", state: "OK" });
    const id = await start(name);
    await until("the alarm monitored", async () => (await deployState(name)).beforeEntryConditionState?.latestExecution?.status === "InProgress");
    await emu.client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id, abandon: true }));
    expect(await executionStatus(emu.client, name, id)).toBe("Stopped");
    const state = await deployState(name);
    expect(state.latestExecution?.status).toBe("Stopped");
    expect(state.beforeEntryConditionState?.latestExecution?.status).toBe("Abandoned");
    expect(state.beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.[0]?.latestExecution?.status).toBe("Abandoned");
  });

  it("the control API refuses an unknown alarm state and an unknown rule", async () => {
    expect((await emu.control("/alarm-state", { alarmName: "a", state: "RED" })).status).toBe(400);
    const name = await create(declaration("cond-unknown-rule", { onSuccess: condition("FAIL", gate) }));
    expect((await emu.control("/fail-next-rule", { pipelineName: name, stageName: "Deploy", ruleName: "Nope" })).status).toBe(404);
  });
});

describe("ListRuleExecutions and ListRuleTypes", () => {
  it("ListRuleExecutions lists each rule run with its input and result (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListRuleExecutions.html)", async () => {
    const name = await create(declaration("cond-list-rules", { beforeEntry: condition("FAIL", targetIsProd) }));
    const id = await start(name, "prod");
    await waitForStatus(emu.client, name, id, "Succeeded");
    const out = await emu.client.send(new ListRuleExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }));
    expect(out.ruleExecutionDetails).toHaveLength(1);
    expect(out.ruleExecutionDetails?.[0]).toMatchObject({
      pipelineExecutionId: id,
      stageName: "Deploy",
      ruleName: "TargetIsProd",
      status: "Succeeded",
      input: {
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
        configuration: { Variable: "#{variables.Target}" },
        resolvedConfiguration: { Variable: "prod", Operator: "EQ", Value: "prod" },
        region: "us-east-1",
      },
      output: { executionResult: { externalExecutionSummary: expect.stringContaining("passed") } },
    });
    expect(out.ruleExecutionDetails?.[0]?.startTime).toBeInstanceOf(Date);
    await expectAwsError(
      emu.client.send(new ListRuleExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: "44444444-4444-4444-8444-444444444444" } })),
      "PipelineExecutionNotFoundException",
    );
    await expectAwsError(emu.client.send(new ListRuleExecutionsCommand({ pipelineName: name, nextToken: "bogus" })), "InvalidNextTokenException");
  });

  it("ListRuleTypes lists the AWS rule providers (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference.html)", async () => {
    const out = await emu.client.send(new ListRuleTypesCommand({ ruleOwnerFilter: "AWS" }));
    const providers = out.ruleTypes?.map((t) => t.id?.provider).sort();
    expect(providers).toEqual(["CloudWatchAlarm", "CodeBuild", "Commands", "DeploymentWindow", "LambdaInvoke", "VariableCheck"]);
    const check = out.ruleTypes?.find((t) => t.id?.provider === "VariableCheck");
    expect(check?.ruleConfigurationProperties?.map((p) => p.name).sort()).toEqual(["Operator", "Value", "Variable"]);
  });
});

describe("automatic retry (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryConfiguration.html)", () => {
  it("onFailure RETRY retries the failed stage once, with retryStageMetadata", async () => {
    const name = await create(declaration("auto-retry", { onFailure: { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } } }));
    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    const id = await start(name);
    await waitForStatus(emu.client, name, id, "Succeeded");
    expect((await actionRuns(emu.client, name, id, "Deploy")).map((r) => r.status)).toEqual(["Failed", "Succeeded"]);
    expect((await deployState(name)).retryStageMetadata).toEqual({ autoStageRetryAttempt: 1, latestRetryTrigger: "AutomatedStageRetry" });

    // One automatic attempt only: failing twice ends Failed; a manual retry then counts separately.
    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    await emu.control("/time-scale", { timeScale: 50 });
    const twice = await start(name);
    await until("first attempt running", async () => (await actionRuns(emu.client, name, twice, "Deploy")).length === 1);
    await emu.control("/time-scale", { timeScale: 1 }); // the first attempt took its fail-next; the next one takes this
    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    await emu.control("/time-scale", { timeScale: 5000 });
    await waitForStatus(emu.client, name, twice, "Failed");
    expect((await actionRuns(emu.client, name, twice, "Deploy")).map((r) => r.status)).toEqual(["Failed", "Failed"]);
    await emu.client.send(new RetryStageExecutionCommand({ pipelineName: name, stageName: "Deploy", pipelineExecutionId: twice, retryMode: "FAILED_ACTIONS" }));
    await waitForStatus(emu.client, name, twice, "Succeeded");
    expect((await deployState(name)).retryStageMetadata).toEqual({
      autoStageRetryAttempt: 1,
      manualStageRetryAttempt: 1,
      latestRetryTrigger: "ManualStageRetry",
    });
  });
});

describe("automatic rollback (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback-auto.html)", () => {
  it("a failed stage with onFailure ROLLBACK starts a rollback to the last successful execution", async () => {
    const name = await create(declaration("auto-rollback", { onFailure: { result: "ROLLBACK" } }));
    const good = await start(name);
    await waitForStatus(emu.client, name, good, "Succeeded");
    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    const bad = await start(name);
    await waitForStatus(emu.client, name, bad, "Failed");
    const rollback = await until("the rollback started", async () => {
      const list = await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
      return list.pipelineExecutionSummaries?.find((s) => s.executionType === "ROLLBACK");
    });
    expect(rollback.trigger?.triggerType).toBe("AutomatedRollback");
    expect(rollback.rollbackMetadata?.rollbackTargetPipelineExecutionId).toBe(good);
    await waitForStatus(emu.client, name, rollback.pipelineExecutionId!, "Succeeded");
    expect((await deployState(name)).latestExecution).toMatchObject({ pipelineExecutionId: rollback.pipelineExecutionId, type: "ROLLBACK" });
  });

  it("onFailure with a condition: 'The stage performs the specified result only when the condition fails' (https://docs.aws.amazon.com/codepipeline/latest/userguide/concepts-how-it-works-conditions.html)", async () => {
    const name = await create(declaration("auto-rollback-cond", { onFailure: { result: "ROLLBACK", conditions: [{ result: "ROLLBACK", rules: [gate] }] } }));
    const good = await start(name);
    await waitForStatus(emu.client, name, good, "Succeeded");
    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    const met = await start(name);
    await waitForStatus(emu.client, name, met, "Failed");
    expect((await deployState(name)).onFailureConditionState?.latestExecution?.status).toBe("Succeeded");
    const types = async () => (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!.map((s) => s.executionType);
    expect(await types()).not.toContain("ROLLBACK");

    await emu.control("/fail-next", { pipelineName: name, stageName: "Deploy", actionName: "Deploy" });
    await emu.control("/fail-next-rule", { pipelineName: name, stageName: "Deploy", ruleName: "Gate" });
    const notMet = await start(name);
    await waitForStatus(emu.client, name, notMet, "Failed");
    await until("the rollback started", async () => (await types()).includes("ROLLBACK"));
  });
});

describe("stop and retry (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-stop.html)", () => {
  it("a stop during a stage's last action leaves the stage Stopped, and retrying it resumes the execution", async () => {
    const name = await create(declaration("stop-last-action", {}));
    await emu.control("/time-scale", { timeScale: 50 });
    try {
      const id = await start(name);
      await until("Build running", async () => (await actionRuns(emu.client, name, id, "Build")).at(-1)?.status === "InProgress");
      await emu.client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id, abandon: false }));
      await emu.control("/time-scale", { timeScale: 5000 });
      await waitForStatus(emu.client, name, id, "Stopped");
      expect((await stageState(emu.client, name, "Build"))?.latestExecution?.status).toBe("Stopped");
      expect((await actionRuns(emu.client, name, id, "Build")).map((r) => r.status)).toEqual(["Succeeded"]);
      await emu.client.send(new RetryStageExecutionCommand({ pipelineName: name, stageName: "Build", pipelineExecutionId: id, retryMode: "FAILED_ACTIONS" }));
      await waitForStatus(emu.client, name, id, "Succeeded");
      expect((await actionRuns(emu.client, name, id, "Build")).map((r) => r.status)).toEqual(["Succeeded"]);
      expect((await actionRuns(emu.client, name, id, "Deploy")).map((r) => r.status)).toEqual(["Succeeded"]);
    } finally {
      await emu.control("/time-scale", { timeScale: 5000 });
    }
  });
});

describe("retry while actions run (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-actions-retry.html)", () => {
  it("'When you retry the failed actions in a stage, all actions that are still in progress continue working'", async () => {
    const name = "retry-while-running";
    const d = pipeline(name, [["Source", [source()]], ["Check", [lambda("Smoke"), approval("Approve")]], ["Deploy", [build("Deploy", {}, "Test")]]]);
    await emu.client.send(new CreatePipelineCommand({ pipeline: asDeclaration(d) }));
    const [first] = (await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
    const id = first!.pipelineExecutionId!;
    // The create run would hold the stage at its approval: abandon it, then start a run whose Smoke test fails.
    await emu.client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id, abandon: true }));
    await waitForStatus(emu.client, name, id, "Stopped");
    await emu.control("/fail-next", { pipelineName: name, stageName: "Check", actionName: "Smoke" });
    const run = await start(name);
    await until("Smoke failed while the approval waits", async () => (await actionRuns(emu.client, name, run, "Smoke")).at(-1)?.status === "Failed");
    expect(await executionStatus(emu.client, name, run)).toBe("InProgress");
    const retry = (retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS") =>
      emu.client.send(new RetryStageExecutionCommand({ pipelineName: name, stageName: "Check", pipelineExecutionId: run, retryMode }));
    // "When you retry a failed stage from the first action in the stage, the stage cannot have any actions in progress."
    await expectAwsError(retry("ALL_ACTIONS"), "StageNotRetryableException", /in progress/);
    await retry("FAILED_ACTIONS");
    await until("Smoke retried", async () => (await actionRuns(emu.client, name, run, "Smoke")).map((r) => r.status).join() === "Failed,Succeeded");
    expect((await actionRuns(emu.client, name, run, "Approve")).map((r) => r.status)).toEqual(["InProgress"]);
    const token = await until("approval token", async () => (await stageState(emu.client, name, "Check"))?.actionStates?.find((a) => a.actionName === "Approve")?.latestExecution?.token);
    await emu.client.send(new PutApprovalResultCommand({ pipelineName: name, stageName: "Check", actionName: "Approve", token, result: { status: "Approved", summary: "ok" } }));
    await waitForStatus(emu.client, name, run, "Succeeded");
    expect((await stageState(emu.client, name, "Check"))?.retryStageMetadata).toEqual({ manualStageRetryAttempt: 1, latestRetryTrigger: "ManualStageRetry" });
  });
});

describe("transitions (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_DisableStageTransition.html)", () => {
  it("a disabled outbound transition shows as the next stage's inbound transition state", async () => {
    const name = await create(declaration("outbound-visible", {}));
    await emu.client.send(new DisableStageTransitionCommand({ pipelineName: name, stageName: "Build", transitionType: "Outbound", reason: "Freeze after build" }));
    expect((await deployState(name)).inboundTransitionState).toMatchObject({ enabled: false, disabledReason: "Freeze after build" });
    await emu.client.send(new EnableStageTransitionCommand({ pipelineName: name, stageName: "Build", transitionType: "Outbound" }));
    expect((await deployState(name)).inboundTransitionState?.enabled).toBe(true);
  });
});

it("GetPipelineState shows the declared conditions of a stage before they ever ran", async () => {
  const name = "cond-declared";
  await emu.client.send(new CreatePipelineCommand({ pipeline: declaration(name, { beforeEntry: condition("FAIL", targetIsProd), onSuccess: condition("FAIL", gate) }) }));
  const state = await emu.client.send(new GetPipelineStateCommand({ name }));
  const deploy = state.stageStates?.find((s) => s.stageName === "Deploy");
  expect(deploy?.beforeEntryConditionState?.conditionStates?.[0]?.ruleStates?.map((r) => r.ruleName)).toEqual(["TargetIsProd"]);
  expect(deploy?.onSuccessConditionState?.conditionStates?.[0]?.ruleStates?.map((r) => r.ruleName)).toEqual(["Gate"]);
  expect(state.stageStates?.find((s) => s.stageName === "Build")?.beforeEntryConditionState).toBeUndefined();
});
