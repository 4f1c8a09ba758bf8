/**
 * Server actions accept only what their schema allows. Malformed, wrong-typed, unknown-member and
 * oversized (over 2 MB) inputs get an `invalid-input` result, never an exception, and gateway
 * trouble (nothing listening, a broken setting) a `failed` one with a clear message.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  answerApprovalAction,
  approvalContextAction,
  changeTransitionAction,
  deletePipelineAction,
  retryStageAction,
  overrideStageCondition,
  rollbackStageAction,
  rollbackTargetsAction,
  startExecutionAction,
  stopExecutionAction,
} from "@/app/pipelines/[name]/actions";
import { openLivePipeline, pushPipeline, reviewPush } from "@/app/designer/actions";
import { shareDesign, shareExecutionReport } from "@/app/s/actions";
import { MAX_INPUT_BYTES } from "@/lib/domain/sync/inputs";
import { closedPortUrl } from "../aws/test-gateway";
import { releasePipeline } from "./fixtures";

type Action = (input: never) => Promise<{ status: string; message?: string }>;
const ACTIONS: Record<string, Action> = {
  openLivePipeline,
  reviewPush,
  pushPipeline,
  deletePipelineAction,
  startExecutionAction,
  stopExecutionAction,
  retryStageAction,
  answerApprovalAction,
  changeTransitionAction,
  rollbackStageAction,
  overrideStageCondition,
  approvalContextAction,
  rollbackTargetsAction,
  shareDesign,
  shareExecutionReport,
};

const cyclic: Record<string, unknown> = { name: "x" };
cyclic.self = cyclic;

const BAD_INPUTS: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  number: 42,
  string: "pipeline",
  list: [releasePipeline("bad")],
  "empty object": {},
  "wrong types": { name: 5, declaration: "not an object", base: { version: "7" }, confirmName: [] },
  "unknown member": { name: "p", declaration: releasePipeline("p"), confirmName: "p", sneaky: true },
  "invalid name": { name: "has space", declaration: releasePipeline("p"), confirmName: "has space" },
  "bad base": { declaration: releasePipeline("p"), base: { name: "p", region: "us-east-1", version: 0 } },
  cyclic,
  bigint: { name: 1n },
  oversized: { name: "p", confirmName: "p", declaration: { ...releasePipeline("p"), description: "x".repeat(MAX_INPUT_BYTES) } },
};

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["CODEPIPELINE_ENDPOINT_URL", "PIPEWRIGHT_BACKEND", "PIPEWRIGHT_READ_ONLY"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("bad input to the server actions", () => {
  for (const [actionName, action] of Object.entries(ACTIONS)) {
    for (const [label, input] of Object.entries(BAD_INPUTS)) {
      it(`${actionName}: ${label} → invalid-input`, async () => {
        const result = await action(input as never);
        expect(result).toMatchObject({ status: "invalid-input", message: expect.any(String) });
      });
    }
  }

  it("says what is wrong, member by member", async () => {
    const result = await pushPipeline({ declaration: releasePipeline("p"), base: { name: "p", region: "us-east-1", version: 0 } });
    expect(result).toEqual({
      status: "invalid-input",
      message: expect.stringContaining("base.version"),
      issues: [{ path: "base.version", message: expect.stringContaining(">=1") }],
    });
    const big = await openLivePipeline({ name: "x".repeat(3 * 1024 * 1024) });
    expect(big).toMatchObject({ status: "invalid-input", message: "The request is 3.0 MB; the limit is 2.0 MB." });
  });

  it("answers a backend that does not listen, or a broken setting, with a failure in words", async () => {
    process.env.CODEPIPELINE_ENDPOINT_URL = await closedPortUrl();
    expect(await openLivePipeline({ name: "p" })).toMatchObject({ status: "failed", kind: "unreachable", title: expect.stringContaining("Cannot reach") });
    expect(await pushPipeline({ declaration: releasePipeline("p") })).toMatchObject({ status: "failed", kind: "unreachable" });
    process.env.PIPEWRIGHT_BACKEND = "mainframe";
    expect(await reviewPush({ declaration: releasePipeline("p") })).toMatchObject({
      status: "failed",
      kind: "misconfigured",
      message: 'PIPEWRIGHT_BACKEND must be "emulator" or "aws"; got "mainframe".',
    });
  });
});
