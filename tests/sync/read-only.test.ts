/**
 * PIPEWRIGHT_READ_ONLY=1 refuses every mutating server action on the server. The test finds every
 * `app/**\/actions.ts`, imports it, and calls every exported function directly (not through the
 * UI) with an input that would otherwise succeed; each mutating one must answer `read-only`, and
 * the backend must be unchanged afterwards. A new action fails this test until it is listed below.
 */
import { CreatePipelineCommand, ListPipelinesCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { quiesce } from "../aws/fixtures";
import { shareInput } from "../share/fixtures";
import { everyServerAction } from "../support/server-actions";
import { releasePipeline, useEmulatorBackend } from "./fixtures";

/** A well-formed execution id (the guard refuses before anything is looked up). */
const RO_EXECUTION = "0b4d1f6e-0000-4000-8000-000000000001";

/** Every server action, with an input that passes its schema, and whether it changes the backend. */
const ACTIONS: Record<string, { readonly mutating: boolean; readonly input: unknown }> = {
  "app/designer/actions.ts#openLivePipeline": { mutating: false, input: { name: "ro-live" } },
  "app/designer/actions.ts#reviewPush": { mutating: false, input: { declaration: releasePipeline("ro-live"), base: { name: "ro-live", region: "us-east-1", version: 1 } } },
  "app/designer/actions.ts#pushPipeline": { mutating: true, input: { declaration: releasePipeline("ro-live"), base: { name: "ro-live", region: "us-east-1", version: 1 } } },
  "app/pipelines/[name]/actions.ts#deletePipelineAction": { mutating: true, input: { name: "ro-live", confirmName: "ro-live" } },
  "app/pipelines/[name]/actions.ts#startExecutionAction": {
    mutating: true,
    input: { pipelineName: "ro-live", clientRequestToken: "ro-start-1", variables: [{ name: "Env", value: "prod" }], sourceRevisions: [{ actionName: "Checkout", revisionType: "COMMIT_ID", revisionValue: "abc1234" }] },
  },
  "app/pipelines/[name]/actions.ts#stopExecutionAction": { mutating: true, input: { pipelineName: "ro-live", executionId: RO_EXECUTION, abandon: true, reason: "read-only test" } },
  "app/pipelines/[name]/actions.ts#retryStageAction": { mutating: true, input: { pipelineName: "ro-live", stageName: "Build", executionId: RO_EXECUTION, retryMode: "FAILED_ACTIONS" } },
  "app/pipelines/[name]/actions.ts#answerApprovalAction": {
    mutating: true,
    input: { pipelineName: "ro-live", stageName: "Approve", actionName: "Review", token: RO_EXECUTION, status: "Approved", summary: "ok" },
  },
  "app/pipelines/[name]/actions.ts#changeTransitionAction": { mutating: true, input: { pipelineName: "ro-live", stageName: "Build", transitionType: "Inbound", enable: false, reason: "freeze" } },
  "app/pipelines/[name]/actions.ts#rollbackStageAction": { mutating: true, input: { pipelineName: "ro-live", stageName: "Build", targetExecutionId: RO_EXECUTION } },
  "app/pipelines/[name]/actions.ts#overrideStageCondition": { mutating: true, input: { pipelineName: "ro-live", stageName: "Build", executionId: RO_EXECUTION, conditionType: "BEFORE_ENTRY" } },
  // The operation dialogs' reads: allowed in read-only deployments.
  "app/pipelines/[name]/actions.ts#approvalContextAction": { mutating: false, input: { pipelineName: "ro-live", stageName: "Approve" } },
  "app/pipelines/[name]/actions.ts#rollbackTargetsAction": { mutating: false, input: { pipelineName: "ro-live", stageName: "Build" } },
  // The list's Refresh button: expires the read cache, changes nothing on the backend.
  "app/pipelines/actions.ts#refreshPipelines": { mutating: false, input: undefined },
  // A share stores a snapshot: a write, refused where the deployment only serves viewers.
  "app/s/actions.ts#shareDesign": { mutating: true, input: shareInput(releasePipeline("ro-live")) },
  "app/s/actions.ts#shareExecutionReport": { mutating: true, input: { pipelineName: "ro-live", executionId: "00000000-0000-4000-8000-000000000000" } },
};

let emu: TestEmulator;
let restoreEnv: () => void;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 100 });
  restoreEnv = useEmulatorBackend(emu);
  await emu.client.send(new CreatePipelineCommand({ pipeline: releasePipeline("ro-live") as unknown as PipelineDeclaration }));
  await quiesce(emu.client, "ro-live");
});
afterAll(async () => {
  delete process.env.PIPEWRIGHT_READ_ONLY;
  restoreEnv?.();
  await emu?.close();
});

async function backendState(): Promise<string> {
  const listed = await emu.client.send(new ListPipelinesCommand({}));
  return JSON.stringify(listed.pipelines?.map((p) => [p.name, p.version]));
}

describe("read-only deployments (PIPEWRIGHT_READ_ONLY=1)", { timeout: 60_000 }, () => {
  it("refuses every mutating server action on the server, and changes nothing on the backend", async () => {
    const before = await backendState();
    process.env.PIPEWRIGHT_READ_ONLY = "1";
    const seen: string[] = [];
    try {
      for (const { id, call } of await everyServerAction()) {
        seen.push(id);
        const entry = ACTIONS[id];
        expect(entry, `${id} is a server action this test does not know: add it to ACTIONS with an input that would succeed`).toBeDefined();
        const result = ((await call(entry!.input)) as { status: string; message?: string } | undefined) ?? { status: "done" };
        if (entry!.mutating) {
          expect(result, id).toEqual({ status: "read-only", message: expect.stringContaining("PIPEWRIGHT_READ_ONLY=1") });
        } else {
          expect(result.status, id).not.toBe("read-only");
        }
      }
    } finally {
      delete process.env.PIPEWRIGHT_READ_ONLY;
    }
    expect(seen.sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(await backendState()).toBe(before);
  });

  it("lets the same calls through when the variable is not set (so the refusal above is the guard's)", async () => {
    const { pushPipeline } = await import("@/app/designer/actions");
    const pushed = await pushPipeline(ACTIONS["app/designer/actions.ts#pushPipeline"]!.input as Parameters<typeof pushPipeline>[0]);
    expect(pushed).toMatchObject({ status: "pushed", version: 2 });
    const { deletePipelineAction } = await import("@/app/pipelines/[name]/actions");
    expect(await deletePipelineAction({ name: "ro-live", confirmName: "ro-live" })).toMatchObject({ status: "deleted" });
  });
});
