import "server-only";
import type { z } from "zod";
import { changesSince } from "@/lib/domain/execution/changes-since";
import type { StageContextInputSchema } from "@/lib/domain/execution/operation-schemas";
import { arrayOf, isObject, isString } from "@/lib/domain/json";
import { defaultGateway } from "../client";
import { getPipelineExecution, getPipelineState, listPipelineExecutions } from "../executions";
import { getPipeline } from "../pipelines";
import { chooseRegion } from "../region-choice";
import type { ApprovalContextResult, ApprovalInfo, RollbackTargetsResult } from "./results";

type StageContextInput = z.output<typeof StageContextInputSchema>;

/** How far back "what changed since the last release" and the rollback targets look. */
const HISTORY_DEPTH = 50;
const ROLLBACK_CANDIDATES = 10;

function stageOf(declaration: unknown, stageName: string): Record<string, unknown> | undefined {
  if (!isObject(declaration)) return undefined;
  return arrayOf(declaration.stages).filter(isObject).find((s) => s.name === stageName);
}

/**
 * The approval panel: each manual approval of the stage with its CustomData and
 * ExternalEntityLink (https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-action-add.html),
 * its token while it waits, and the source revisions since the last execution that succeeded in
 * the stage. Throws GatewayException.
 */
export async function approvalContext(i: StageContextInput): Promise<ApprovalContextResult> {
  const gw = defaultGateway(chooseRegion(i.region));
  const [pipeline, state, history, succeeded] = await Promise.all([
    getPipeline({ name: i.pipelineName }, gw),
    getPipelineState({ name: i.pipelineName }, gw),
    listPipelineExecutions({ pipelineName: i.pipelineName, limit: HISTORY_DEPTH }, gw),
    listPipelineExecutions({ pipelineName: i.pipelineName, succeededInStage: i.stageName, limit: 2 }, gw),
  ]);
  const live = state.stages.find((s) => s.stageName === i.stageName);
  const currentId = i.executionId ?? live?.latestExecution?.executionId;
  const approvals: ApprovalInfo[] = arrayOf(stageOf(pipeline.declaration, i.stageName)?.actions)
    .filter(isObject)
    .filter((a) => isObject(a.actionTypeId) && a.actionTypeId.category === "Approval")
    .map((a) => {
      const name = isString(a.name) ? a.name : "";
      const config = isObject(a.configuration) ? a.configuration : {};
      const run = live?.actions.find((s) => s.actionName === name)?.latestExecution;
      const waiting = run?.status === "InProgress" && run.token !== undefined && live?.latestExecution?.executionId !== undefined;
      return {
        actionName: name,
        ...(isString(config.CustomData) && { customData: config.CustomData }),
        ...(isString(config.ExternalEntityLink) && { externalEntityLink: config.ExternalEntityLink }),
        ...(waiting && { token: run.token, executionId: live.latestExecution!.executionId }),
      };
    });
  const since = succeeded.find((e) => e.executionId !== currentId)?.executionId;
  return { status: "ok", approvals, changes: currentId ? changesSince(history, currentId, since) : { revisions: [] } };
}

/**
 * The executions a stage can be rolled back to: STANDARD executions that succeeded in it on the
 * pipeline's current version (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html),
 * newest first. `unavailable` says why the stage cannot be rolled back at all. Throws GatewayException.
 */
export async function rollbackTargets(i: StageContextInput): Promise<RollbackTargetsResult> {
  const gw = defaultGateway(chooseRegion(i.region));
  const [pipeline, candidates] = await Promise.all([
    getPipeline({ name: i.pipelineName }, gw),
    listPipelineExecutions({ pipelineName: i.pipelineName, succeededInStage: i.stageName, limit: ROLLBACK_CANDIDATES }, gw),
  ]);
  const declaration = pipeline.declaration as unknown as Record<string, unknown>;
  const first = arrayOf(declaration.stages).filter(isObject)[0];
  const unavailable =
    declaration.pipelineType !== "V2"
      ? "Stage rollback is available for V2 pipelines only."
      : declaration.executionMode === "PARALLEL"
        ? "Stages of a pipeline in PARALLEL mode cannot be rolled back."
        : first?.name === i.stageName
          ? "The first (source) stage cannot be rolled back."
          : undefined;
  if (unavailable) return { status: "ok", pipelineVersion: pipeline.version, targets: [], unavailable };
  const details = await Promise.all(
    candidates.map((c) => getPipelineExecution({ pipelineName: i.pipelineName, executionId: c.executionId }, gw)),
  );
  const targets = candidates.filter((c, index) => {
    const detail = details[index]!;
    return detail.pipelineVersion === pipeline.version && (c.executionType ?? "STANDARD") !== "ROLLBACK";
  });
  return { status: "ok", pipelineVersion: pipeline.version, targets };
}
