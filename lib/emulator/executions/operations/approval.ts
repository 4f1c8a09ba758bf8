/**
 * PutApprovalResult: answers a waiting manual approval identified by the token GetPipelineState
 * shows. Approved → Succeeded, Rejected → Failed, with the reviewer's summary.
 *  - the token of an approval someone already answered, while no approval of that action
 *    waits: ApprovalAlreadyCompletedException;
 *  - any other token that matches no waiting approval of that action (unknown, superseded by a
 *    newer approval, timed out, abandoned by a stop): InvalidApprovalTokenException.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import { requireStage, type EngineContext } from "../context";
import { CALLER_ARN } from "../../identity";
import { optionalObject, optionalString, requiredString, seconds } from "../wire";

export function putApprovalResult(ctx: EngineContext, input: JsonObject): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  const stageName = requiredString(input, "stageName");
  const actionName = requiredString(input, "actionName");
  const token = requiredString(input, "token");
  const result = optionalObject(input, "result") ?? {};
  const status = optionalString(result, "status");
  const summary = optionalString(result, "summary") ?? "";
  const plan = ctx.plans.current(pipelineName);
  const stage = requireStage(plan, stageName);
  if (!stage.actions.some((a) => a.name === actionName)) {
    throw new ServiceError("ActionNotFoundException", `Action '${actionName}' does not exist in stage '${stageName}' of pipeline '${pipelineName}'.`);
  }

  const runs = ctx.store.actionsWithToken(pipelineName, token).filter((r) => r.stageName === stageName && r.actionName === actionName);
  const waiting = runs.find((r) => r.status === "InProgress" && r.outcome === "approval");
  if (!waiting) {
    const pending = ctx.store
      .inProgressActions(pipelineName)
      .some((r) => r.stageName === stageName && r.actionName === actionName && r.outcome === "approval");
    const answered = runs.some((r) => r.updatedBy !== undefined);
    if (answered && !pending) {
      throw new ServiceError("ApprovalAlreadyCompletedException", `The approval action ${actionName} has already been approved or rejected.`);
    }
    throw new ServiceError("InvalidApprovalTokenException", `The token for the approval request is not valid: it does not match a pending approval of action ${actionName}.`);
  }

  const now = ctx.now();
  waiting.summary = summary.length > 0 ? summary : undefined;
  waiting.updatedBy = CALLER_ARN;
  if (status === "Approved") {
    waiting.output = { outputArtifacts: [], outputVariables: {} };
    ctx.runner.closeAction(waiting, "Succeeded", now);
  } else {
    waiting.output = { outputArtifacts: [], outputVariables: {} };
    waiting.errorDetails = { code: "JobFailed", message: summary.length > 0 ? `Rejected: ${summary}` : "Rejected" };
    ctx.runner.closeAction(waiting, "Failed", now);
  }
  ctx.runner.advance(now, pipelineName);
  return { approvedAt: seconds(now) };
}
