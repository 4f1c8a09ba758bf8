/**
 * The execution operations' server actions, called directly against a test emulator: each one
 * does what CodePipeline documents, answers `done` in words, and a refusal is a `failed` result
 * with AWS's words. Inputs the schemas refuse are `invalid-input` (generic bad inputs for every
 * action are in tests/sync/bad-input.test.ts; read-only refusals in tests/sync/read-only.test.ts).
 */
import { CreatePipelineCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerApprovalAction,
  approvalContextAction,
  changeTransitionAction,
  retryStageAction,
  rollbackStageAction,
  rollbackTargetsAction,
  startExecutionAction,
  stopExecutionAction,
} from "@/app/pipelines/[name]/actions";
import { getPipelineExecution, getPipelineState, listActionExecutions } from "@/lib/aws/executions";
import { isTerminal } from "@/lib/domain/execution/status";
import { opsPipeline } from "@/lib/emulator/testing/ops-pipeline";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { eventually, quiesce } from "../aws/fixtures";
import { gatewayFor } from "../aws/test-gateway";
import { useEmulatorBackend } from "../sync/fixtures";

let emu: TestEmulator;
let restoreEnv: () => void;
const gw = () => gatewayFor(emu.url);

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 200 });
  restoreEnv = useEmulatorBackend(emu);
  for (const name of ["ops-a", "ops-b"]) {
    await emu.client.send(new CreatePipelineCommand({ pipeline: opsPipeline(name) }));
    await quiesce(emu.client, name);
  }
});
afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
});

let tokens = 0;
const token = () => `test-token-${Date.now()}-${++tokens}`;

async function settled(pipelineName: string, executionId: string) {
  return eventually(async () => {
    const e = await getPipelineExecution({ pipelineName, executionId }, gw());
    return e.status && isTerminal(e.status) ? e.status : undefined;
  }, `execution ${executionId} to finish`, 25_000);
}

async function waitingApproval(pipelineName: string) {
  return eventually(async () => {
    const context = await approvalContextAction({ pipelineName, stageName: "Approve" });
    if (context.status !== "ok") throw new Error(context.message);
    const waiting = context.approvals.find((a) => a.token);
    return waiting ? { context, waiting } : undefined;
  }, "the approval to wait", 25_000);
}

function started(result: Awaited<ReturnType<typeof startExecutionAction>>): string {
  expect(result).toMatchObject({ status: "done", executionId: expect.any(String) });
  return (result as { executionId: string }).executionId;
}

describe("execution operations (server actions against the emulator)", { timeout: 90_000 }, () => {
  it("starts with variable and revision overrides; the same client request token starts one execution", async () => {
    const input = {
      pipelineName: "ops-a",
      clientRequestToken: token(),
      variables: [{ name: "Env", value: "prod" }],
      sourceRevisions: [{ actionName: "Checkout", revisionType: "COMMIT_ID" as const, revisionValue: "0123456789abcdef0123456789abcdef01234567" }],
    };
    const [first, second] = await Promise.all([startExecutionAction(input), startExecutionAction(input)]);
    const id = started(first);
    expect(started(second)).toBe(id);
    const detail = await getPipelineExecution({ pipelineName: "ops-a", executionId: id }, gw());
    expect(detail.variables).toContainEqual({ name: "Env", resolvedValue: "prod" });
    expect(detail.artifactRevisions[0]?.revisionId).toBe("0123456789abcdef0123456789abcdef01234567");
    await waitingApproval("ops-a");
  });

  it("shows the approval's custom data, link and the changes since the last release, then approves and rejects", async () => {
    const { context, waiting } = await waitingApproval("ops-a");
    expect(waiting).toMatchObject({ actionName: "Review", customData: "Check the release notes first.", externalEntityLink: "https://example.com/release-notes" });
    // Nothing passed Approve yet: every revision so far is new, the overridden commit first.
    expect(context.changes.revisions[0]?.revisionId).toBe("0123456789abcdef0123456789abcdef01234567");
    const approved = await answerApprovalAction({ pipelineName: "ops-a", stageName: "Approve", actionName: "Review", token: waiting.token!, status: "Approved", summary: "Looks good" });
    expect(approved).toMatchObject({ status: "done", message: "Approved Approve / Review." });
    expect(await settled("ops-a", waiting.executionId!)).toBe("Succeeded");

    const next = started(await startExecutionAction({ pipelineName: "ops-a", clientRequestToken: token() }));
    const second = await waitingApproval("ops-a");
    expect(second.waiting.executionId).toBe(next);
    // Since the release just approved: only the new execution's commit.
    expect(second.context.changes.since?.executionId).toBe(waiting.executionId);
    expect(second.context.changes.revisions.map((r) => r.executionId)).toEqual([next]);
    const rejected = await answerApprovalAction({ pipelineName: "ops-a", stageName: "Approve", actionName: "Review", token: second.waiting.token!, status: "Rejected", summary: "Not now" });
    expect(rejected).toMatchObject({ status: "done" });
    expect(await settled("ops-a", next)).toBe("Failed");
    // Answering again: AWS's refusal in words.
    const again = await answerApprovalAction({ pipelineName: "ops-a", stageName: "Approve", actionName: "Review", token: second.waiting.token!, status: "Approved", summary: "x" });
    expect(again).toMatchObject({ status: "failed", message: expect.any(String) });
  });

  it("retries a failed stage: failed actions only, then all actions", async () => {
    await emu.control("/fail-next", { pipelineName: "ops-b", stageName: "Build", actionName: "Lint" });
    const id = started(await startExecutionAction({ pipelineName: "ops-b", clientRequestToken: token() }));
    expect(await settled("ops-b", id)).toBe("Failed");
    expect(await retryStageAction({ pipelineName: "ops-b", stageName: "Build", executionId: id, retryMode: "FAILED_ACTIONS" })).toMatchObject({
      status: "done",
      message: expect.stringContaining("failed actions"),
    });
    await waitingApproval("ops-b");
    const runs = await listActionExecutions({ pipelineName: "ops-b", executionId: id }, gw());
    const count = (action: string) => runs.filter((r) => r.actionName === action).length;
    expect([count("Compile"), count("Lint")]).toEqual([1, 2]);

    await stopExecutionAction({ pipelineName: "ops-b", executionId: id, abandon: true, reason: "retry all next" });
    expect(await settled("ops-b", id)).toBe("Stopped");
    expect(await retryStageAction({ pipelineName: "ops-b", stageName: "Approve", executionId: id, retryMode: "ALL_ACTIONS" })).toMatchObject({ status: "done" });
    await eventually(async () => ((await getPipelineExecution({ pipelineName: "ops-b", executionId: id }, gw())).status === "InProgress" ? true : undefined), "the retried execution");
  });

  it("stops and waits, or abandons, with a reason", async () => {
    const id = started(await startExecutionAction({ pipelineName: "ops-b", clientRequestToken: token() }));
    await waitingApproval("ops-b");
    const stopped = await stopExecutionAction({ pipelineName: "ops-b", executionId: id, abandon: false, reason: "wait for it" });
    expect(stopped).toMatchObject({ status: "done", message: expect.stringContaining("once its running actions finish") });
    expect(await settled("ops-b", id)).toBe("Stopped");
    const twice = await stopExecutionAction({ pipelineName: "ops-b", executionId: id, abandon: true });
    expect(twice).toMatchObject({ status: "failed" });
    // AWS's id of the refused request and of the one that stopped it, for the audit log and support.
    expect(stopped).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(twice).toMatchObject({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(twice.status === "failed" && stopped.status === "done" && twice.requestId !== stopped.requestId).toBe(true);
  });

  it("disables a transition with the reason sanitised to AWS's characters, and enables it again", async () => {
    const disabled = await changeTransitionAction({ pipelineName: "ops-b", stageName: "Deploy", transitionType: "Inbound", enable: false, reason: "Freeze: release_window, <b>QA</b>" });
    expect(disabled).toMatchObject({ status: "done", reason: "Freeze - release-window - (b)QA(-b)" });
    const board = await getPipelineState({ name: "ops-b" }, gw());
    expect(board.stages[3]!.inboundTransition).toMatchObject({ enabled: false, disabledReason: "Freeze - release-window - (b)QA(-b)" });
    expect(await changeTransitionAction({ pipelineName: "ops-b", stageName: "Deploy", transitionType: "Inbound", enable: true })).toMatchObject({ status: "done" });
    expect((await getPipelineState({ name: "ops-b" }, gw())).stages[3]!.inboundTransition.enabled).toBe(true);
    expect(await changeTransitionAction({ pipelineName: "ops-b", stageName: "Nope", transitionType: "Inbound", enable: true })).toMatchObject({ status: "failed", kind: "not-found" });
  });

  it("lists rollback targets of the current version and rolls a stage back", async () => {
    const targets = await rollbackTargetsAction({ pipelineName: "ops-a", stageName: "Approve" });
    expect(targets).toMatchObject({ status: "ok" });
    if (targets.status !== "ok") return;
    expect(targets.targets.length).toBeGreaterThanOrEqual(1);
    const target = targets.targets[0]!.executionId;
    const result = await rollbackStageAction({ pipelineName: "ops-a", stageName: "Approve", targetExecutionId: target });
    expect(result).toMatchObject({ status: "done", executionId: expect.any(String) });
    const rollbackId = (result as { executionId: string }).executionId;
    const detail = await getPipelineExecution({ pipelineName: "ops-a", executionId: rollbackId }, gw());
    expect(detail).toMatchObject({ executionType: "ROLLBACK", rollbackTargetExecutionId: target });
    expect(await rollbackTargetsAction({ pipelineName: "ops-a", stageName: "Source" })).toMatchObject({ status: "ok", targets: [], unavailable: expect.stringContaining("first") });
  });

  it("refuses inputs AWS would refuse, in words, before calling it", async () => {
    const bad = [
      startExecutionAction({ pipelineName: "ops-a", clientRequestToken: "has spaces" }),
      startExecutionAction({ pipelineName: "ops-a" } as never),
      startExecutionAction({ pipelineName: "ops-a", clientRequestToken: "t", sourceRevisions: [{ actionName: "Checkout", revisionType: "BRANCH" as never, revisionValue: "x" }] }),
      stopExecutionAction({ pipelineName: "ops-a", executionId: "not-a-uuid", abandon: true }),
      retryStageAction({ pipelineName: "ops-a", stageName: "Build", executionId: "0b4d1f6e-0000-4000-8000-000000000001", retryMode: "SOME" as never }),
      answerApprovalAction({ pipelineName: "ops-a", stageName: "Approve", actionName: "Review", token: "0b4d1f6e-0000-4000-8000-000000000001", status: "approved" as never, summary: "x" }),
      answerApprovalAction({ pipelineName: "ops-a", stageName: "Approve", actionName: "Review", token: "0b4d1f6e-0000-4000-8000-000000000001", status: "Approved", summary: "x".repeat(513) }),
      changeTransitionAction({ pipelineName: "ops-a", stageName: "Build", transitionType: "Both" as never, enable: true }),
      rollbackStageAction({ pipelineName: "ops-a", stageName: "Build", targetExecutionId: "latest" }),
    ];
    for (const result of await Promise.all(bad)) expect(result).toMatchObject({ status: "invalid-input", message: expect.stringContaining("not valid") });
    expect(await startExecutionAction({ pipelineName: "ops-a", clientRequestToken: token(), region: "mars-north-1" })).toMatchObject({
      status: "failed",
      kind: "invalid-request",
      message: expect.stringContaining("mars-north-1"),
    });
  });
});
