/**
 * The AWS surface: dispatch on `X-Amz-Target: CodePipeline_20150709.<Operation>` (never on the
 * path: the SDK posts to `/`, CLI users may add a path), parse the JSON 1.1 body, validate it
 * with the operation's schema, run the handler. Every failure becomes an AWS error body; an
 * unexpected one is logged and answered with InternalFailure, never a stack trace.
 *
 * Reference: https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 */
import type { JsonObject } from "./contract";
import type { Backend, RequestContext } from "./backend";
import { ServiceError, serviceErrors } from "./errors";
import { handlers } from "./handlers";
import { parseBody } from "./json-body";
import { isOperationName, parseRequest, type OperationName } from "./requests";

export const TARGET_PREFIX = "CodePipeline_20150709.";

/** Real CodePipeline operations the emulator does not implement (COVERAGE.md). */
const NOT_IMPLEMENTED = new Set([
  "AcknowledgeJob", "AcknowledgeThirdPartyJob", "CreateCustomActionType", "CreateActionType", "DeleteCustomActionType",
  "DeleteWebhook", "DeregisterWebhookWithThirdParty", "GetActionType", "GetJobDetails", "GetThirdPartyJobDetails",
  "ListWebhooks",
  "PollForJobs", "PollForThirdPartyJobs", "PutActionRevision", "PutJobFailureResult", "PutJobSuccessResult",
  "PutThirdPartyJobFailureResult", "PutThirdPartyJobSuccessResult", "PutWebhook", "RegisterWebhookWithThirdParty",
  "UpdateActionType",
]);

export interface AwsResponse {
  readonly status: number;
  readonly body: JsonObject;
  /** The operation, when the target named one (for logs). */
  readonly operation?: string;
}

export function operationOf(target: string | undefined): string | undefined {
  if (!target?.startsWith(TARGET_PREFIX)) return undefined;
  return target.slice(TARGET_PREFIX.length);
}

export function route(backend: Backend, target: string | undefined, rawBody: string, ctx: RequestContext): AwsResponse {
  const operation = operationOf(target);
  try {
    const op = resolveOperation(target, operation);
    const input = parseRequest(op, parseBody(rawBody));
    const handler = handlers[op] as (b: Backend, i: unknown, c: RequestContext) => JsonObject;
    return { status: 200, body: handler(backend, input, ctx), operation: op };
  } catch (error) {
    return { ...errorResponse(error), operation };
  }
}

function resolveOperation(target: string | undefined, operation: string | undefined): OperationName {
  if (operation !== undefined && isOperationName(operation)) return operation;
  if (operation !== undefined && NOT_IMPLEMENTED.has(operation)) {
    throw new ServiceError("UnknownOperationException", `Operation ${operation} is not implemented by the Pipewright emulator (see lib/emulator/COVERAGE.md).`);
  }
  throw serviceErrors.unknownOperation(operation ?? target ?? "(no X-Amz-Target header)");
}

export function errorResponse(error: unknown): AwsResponse {
  if (error instanceof ServiceError) return { status: error.status, body: error.toBody() };
  // A bug: keep the details in the emulator's log, give the client AWS's generic fault.
  console.error("[emulator] internal error:", error);
  const internal = serviceErrors.internal();
  return { status: internal.status, body: internal.toBody() };
}
