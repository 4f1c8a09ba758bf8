import "server-only";
import { fieldOfServiceMessage } from "@/lib/domain/sync/service-field";
import { describeGatewayError, GatewayException, type GatewayError } from "../errors";
import type { Failed } from "./results";

/**
 * A gateway error as an action result: AWS's words, and for a rejected definition the field it
 * names (1-based model path or StageName=[..] brackets → `stages[1].actions[0].name`), so the
 * designer can select the element and focus the field.
 */
export function failed(error: GatewayError, declaration?: unknown): Failed {
  const { title, detail } = describeGatewayError(error);
  const field = error.kind === "invalid-definition" || error.kind === "invalid-request" ? fieldOfServiceMessage(error.message, declaration) : undefined;
  return { status: "failed", kind: error.kind, title, message: detail, ...(field && { field }) };
}

/** The GatewayError of something a gateway call threw; anything else is rethrown (a bug, for runAction). */
export function gatewayErrorOf(thrown: unknown): GatewayError {
  if (thrown instanceof GatewayException) return thrown.error;
  throw thrown;
}

export function isPipelineNotFound(error: GatewayError): boolean {
  return error.kind === "not-found" && error.resource === "pipeline";
}
