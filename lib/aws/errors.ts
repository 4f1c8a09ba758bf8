import "server-only";
import { ConfigurationError } from "./config";

/**
 * Every failure of a gateway call, as a closed union the UI can put into words. SDK errors are
 * mapped by `error.name`, which the SDK sets to the service's exception name
 * (https://github.com/aws/aws-sdk-js-v3/blob/main/supplemental-docs/ERROR_HANDLING.md);
 * connection failures by their Node error code.
 */
export type GatewayError =
  | { readonly kind: "not-found"; readonly resource: NotFoundResource; readonly name: string; readonly message: string }
  | { readonly kind: "name-in-use"; readonly name: string; readonly message: string }
  /** The service rejected a pipeline definition; `message` is the service's own words. */
  | { readonly kind: "invalid-definition"; readonly name: string; readonly message: string }
  /** Any other input the service rejected (a stale approval token, a bad reason text...). */
  | { readonly kind: "invalid-request"; readonly name: string; readonly message: string }
  /** The request is valid but the pipeline's current state does not allow it. */
  | { readonly kind: "conflict"; readonly name: string; readonly message: string }
  | { readonly kind: "limit-exceeded"; readonly name: string; readonly message: string }
  /** Still throttled after the gateway's retries. */
  | { readonly kind: "throttled"; readonly name: string; readonly message: string }
  | { readonly kind: "access-denied"; readonly name: string; readonly message: string }
  /** The endpoint answered with a server fault. */
  | { readonly kind: "unavailable"; readonly name: string; readonly message: string }
  /** Nothing answered at the endpoint (refused, unknown host, timed out). */
  | { readonly kind: "unreachable"; readonly endpoint: string; readonly code: string; readonly message: string }
  /** A setting is wrong (see config.ts); no call was made. */
  | { readonly kind: "misconfigured"; readonly message: string }
  | { readonly kind: "unknown"; readonly name: string; readonly message: string };

export type GatewayErrorKind = GatewayError["kind"];
export type NotFoundResource = "pipeline" | "pipeline-version" | "execution" | "stage" | "action" | "action-type" | "resource";

const GATEWAY_EXCEPTION = Symbol.for("pipewright.gateway-exception");

/** Thrown by every gateway function; `error` is what the UI shows. */
export class GatewayException extends Error {
  readonly [GATEWAY_EXCEPTION] = true;

  constructor(readonly error: GatewayError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = "GatewayException";
  }

  // Next.js evaluates this module once per bundle layer (pages, route handlers), while the read
  // cache is one per process: a failure a page's read remembered is thrown again to a route
  // handler, whose own class would not recognise it by prototype. The brand is process-wide.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [GATEWAY_EXCEPTION]?: unknown })[GATEWAY_EXCEPTION] === true;
  }
}

const NOT_FOUND: Record<string, NotFoundResource> = {
  PipelineNotFoundException: "pipeline",
  PipelineVersionNotFoundException: "pipeline-version",
  PipelineExecutionNotFoundException: "execution",
  StageNotFoundException: "stage",
  ActionNotFoundException: "action",
  ActionExecutionNotFoundException: "execution",
  ActionTypeNotFoundException: "action-type",
  ResourceNotFoundException: "resource",
  JobNotFoundException: "resource",
  WebhookNotFoundException: "resource",
};

type SimpleKind = Exclude<GatewayErrorKind, "not-found" | "unreachable" | "misconfigured">;

const BY_NAME: Record<string, SimpleKind> = {
  PipelineNameInUseException: "name-in-use",

  InvalidStructureException: "invalid-definition",
  InvalidStageDeclarationException: "invalid-definition",
  InvalidActionDeclarationException: "invalid-definition",
  InvalidBlockerDeclarationException: "invalid-definition",

  ValidationException: "invalid-request",
  SerializationException: "invalid-request",
  InvalidApprovalTokenException: "invalid-request",
  InvalidNextTokenException: "invalid-request",
  InvalidTagsException: "invalid-request",
  InvalidArnException: "invalid-request",
  UnknownOperationException: "invalid-request",

  ConflictException: "conflict",
  ConcurrentModificationException: "conflict",
  ApprovalAlreadyCompletedException: "conflict",
  StageNotRetryableException: "conflict",
  NotLatestPipelineExecutionException: "conflict",
  PipelineExecutionNotStoppableException: "conflict",
  DuplicatedStopRequestException: "conflict",
  PipelineExecutionOutdatedException: "conflict",
  UnableToRollbackStageException: "conflict",
  ConditionNotOverridableException: "conflict",

  LimitExceededException: "limit-exceeded",
  TooManyTagsException: "limit-exceeded",
  ConcurrentPipelineExecutionsLimitExceededException: "limit-exceeded",

  ThrottlingException: "throttled",
  Throttling: "throttled",
  TooManyRequestsException: "throttled",
  RequestLimitExceeded: "throttled",
  RequestThrottled: "throttled",
  RequestThrottledException: "throttled",

  AccessDeniedException: "access-denied",
  UnrecognizedClientException: "access-denied",
  InvalidSignatureException: "access-denied",
  SignatureDoesNotMatch: "access-denied",
  IncompleteSignature: "access-denied",
  MissingAuthenticationToken: "access-denied",
  InvalidClientTokenId: "access-denied",
  ExpiredToken: "access-denied",
  ExpiredTokenException: "access-denied",
  // The SDK's own error when the credential chain finds nothing.
  CredentialsProviderError: "access-denied",

  InternalFailure: "unavailable",
  InternalServerError: "unavailable",
  ServiceUnavailable: "unavailable",
  ServiceUnavailableException: "unavailable",
};

/** Node's codes for "nothing answered": the endpoint is down, unknown, or silent. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function asErrorLike(e: unknown): ErrorLike {
  return typeof e === "object" && e !== null ? (e as ErrorLike) : {};
}

/** The Node error code of a connection failure, looking inside AggregateError (dual-stack connects). */
function connectionCode(e: ErrorLike): string | undefined {
  if (typeof e.code === "string" && UNREACHABLE_CODES.has(e.code)) return e.code;
  if (e.name === "TimeoutError") return "ETIMEDOUT";
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const code = connectionCode(asErrorLike(inner));
      if (code) return code;
    }
  }
  return undefined;
}

export interface MapContext {
  /** The endpoint the call went to, for the "unreachable" message. */
  readonly endpoint: string;
  /** Create/UpdatePipeline: a ValidationException is about the definition. */
  readonly definition?: boolean;
}

/** Maps anything a gateway call can throw to a GatewayError. Never throws. */
export function toGatewayError(thrown: unknown, context: MapContext): GatewayError {
  if (thrown instanceof GatewayException) return thrown.error;
  const e = asErrorLike(thrown);
  const name = typeof e.name === "string" ? e.name : "Error";
  const message = typeof e.message === "string" && e.message !== "" ? e.message : name;
  if (thrown instanceof ConfigurationError) return { kind: "misconfigured", message };

  const code = connectionCode(e);
  if (code) {
    return { kind: "unreachable", endpoint: context.endpoint, code, message: `${context.endpoint} did not answer (${code}).` };
  }
  const resource = NOT_FOUND[name];
  if (resource) return { kind: "not-found", resource, name, message };

  let kind: SimpleKind | undefined = BY_NAME[name];
  if (kind === "invalid-request" && name === "ValidationException" && context.definition) kind = "invalid-definition";
  if (kind === undefined) {
    const status = e.$metadata?.httpStatusCode;
    kind = e.$fault === "server" || (typeof status === "number" && status >= 500) ? "unavailable" : "unknown";
  }
  return { kind, name, message };
}

/** Whether another attempt may succeed: throttling, server faults and dropped connections. */
export function isRetryable(error: GatewayError): boolean {
  if (error.kind === "throttled" || error.kind === "unavailable") return true;
  // A refused connection means nothing listens: retrying only delays the answer.
  return error.kind === "unreachable" && error.code !== "ECONNREFUSED" && error.code !== "ENOTFOUND";
}

/** One sentence for the UI; never a stack trace. */
export function describeGatewayError(error: GatewayError): { title: string; detail: string } {
  switch (error.kind) {
    case "not-found":
      return { title: `The ${error.resource.replace("-", " ")} was not found.`, detail: error.message };
    case "name-in-use":
      return { title: "A pipeline with that name already exists.", detail: error.message };
    case "invalid-definition":
      return { title: "CodePipeline rejected the pipeline definition.", detail: error.message };
    case "invalid-request":
      return { title: "CodePipeline rejected the request.", detail: error.message };
    case "conflict":
      return { title: "The pipeline's current state does not allow this.", detail: error.message };
    case "limit-exceeded":
      return { title: "A CodePipeline limit was reached.", detail: error.message };
    case "throttled":
      return { title: "CodePipeline is throttling requests; try again in a moment.", detail: error.message };
    case "access-denied":
      return { title: "Access denied: check the AWS credentials and permissions.", detail: error.message };
    case "unavailable":
      return { title: "The CodePipeline endpoint reported an internal error.", detail: error.message };
    case "unreachable":
      return { title: `Cannot reach the CodePipeline endpoint at ${error.endpoint}.`, detail: error.message };
    case "misconfigured":
      return { title: "Pipewright's backend settings are invalid.", detail: error.message };
    case "unknown":
      return { title: `Unexpected error from CodePipeline (${error.name}).`, detail: error.message };
  }
}
