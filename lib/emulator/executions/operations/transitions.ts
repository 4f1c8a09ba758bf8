/**
 * Enable/DisableStageTransition. A disabled inbound transition holds executions before the
 * stage (a disabled outbound one holds them after it); enabling lets the waiting execution the
 * execution mode picks proceed (admission.ts).
 */
import type { JsonObject } from "../../contract";
import { serviceErrors } from "../../errors";
import { requireStage, type EngineContext } from "../context";
import { CALLER_ARN } from "../../identity";
import { optionalString, requiredString } from "../wire";

export function setStageTransition(ctx: EngineContext, input: JsonObject, enabled: boolean): JsonObject {
  const pipelineName = requiredString(input, "pipelineName");
  const stageName = requiredString(input, "stageName");
  const transitionType = requiredString(input, "transitionType");
  if (transitionType !== "Inbound" && transitionType !== "Outbound") {
    throw serviceErrors.validation(
      `1 validation error detected: Value '${transitionType}' at 'transitionType' failed to satisfy constraint: Member must satisfy enum value set: [Inbound, Outbound]`,
    );
  }
  requireStage(ctx.plans.current(pipelineName), stageName);
  const now = ctx.now();
  ctx.store.setTransition({
    pipelineName,
    stageName,
    transitionType,
    enabled,
    disabledReason: enabled ? undefined : optionalString(input, "reason"),
    lastChangedBy: CALLER_ARN,
    lastChangedMs: now,
  });
  if (enabled) ctx.runner.advance(now, pipelineName);
  return {};
}
