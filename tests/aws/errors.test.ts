import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@/lib/aws/config";
import { describeGatewayError, toGatewayError, type GatewayError } from "@/lib/aws/errors";

const endpoint = "http://127.0.0.1:4599";
const sdkError = (name: string, message = "msg", extra: object = {}) => Object.assign(new Error(message), { name, ...extra });

describe("toGatewayError", () => {
  it.each([
    ["PipelineNotFoundException", { kind: "not-found", resource: "pipeline" }],
    ["PipelineVersionNotFoundException", { kind: "not-found", resource: "pipeline-version" }],
    ["PipelineExecutionNotFoundException", { kind: "not-found", resource: "execution" }],
    ["StageNotFoundException", { kind: "not-found", resource: "stage" }],
    ["ActionNotFoundException", { kind: "not-found", resource: "action" }],
    ["PipelineNameInUseException", { kind: "name-in-use" }],
    ["InvalidStructureException", { kind: "invalid-definition" }],
    ["InvalidActionDeclarationException", { kind: "invalid-definition" }],
    ["ValidationException", { kind: "invalid-request" }],
    ["InvalidApprovalTokenException", { kind: "invalid-request" }],
    ["ApprovalAlreadyCompletedException", { kind: "conflict" }],
    ["StageNotRetryableException", { kind: "conflict" }],
    ["ConflictException", { kind: "conflict" }],
    ["ConcurrentPipelineExecutionsLimitExceededException", { kind: "limit-exceeded" }],
    ["ThrottlingException", { kind: "throttled" }],
    ["AccessDeniedException", { kind: "access-denied" }],
    ["UnrecognizedClientException", { kind: "access-denied" }],
    ["CredentialsProviderError", { kind: "access-denied" }],
    ["InternalFailure", { kind: "unavailable" }],
    ["SomethingNewException", { kind: "unknown" }],
  ])("maps %s", (name, expected) => {
    expect(toGatewayError(sdkError(name, "the service's words"), { endpoint })).toEqual({
      ...expected,
      name,
      message: "the service's words",
    });
  });

  it("reads a ValidationException on a definition as an invalid definition", () => {
    expect(toGatewayError(sdkError("ValidationException"), { endpoint, definition: true }).kind).toBe("invalid-definition");
  });

  it("treats an unknown server fault as unavailable", () => {
    const e = sdkError("Weird", "x", { $fault: "server", $metadata: { httpStatusCode: 502 } });
    expect(toGatewayError(e, { endpoint }).kind).toBe("unavailable");
  });

  it("maps connection failures, also inside an AggregateError, to unreachable", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4599"), { code: "ECONNREFUSED" });
    expect(toGatewayError(refused, { endpoint })).toEqual({
      kind: "unreachable",
      endpoint,
      code: "ECONNREFUSED",
      message: `${endpoint} did not answer (ECONNREFUSED).`,
    });
    const aggregate = new AggregateError([refused], "");
    expect(toGatewayError(aggregate, { endpoint }).kind).toBe("unreachable");
    expect(toGatewayError(sdkError("TimeoutError"), { endpoint })).toMatchObject({ kind: "unreachable", code: "ETIMEDOUT" });
  });

  it("maps a configuration error and survives non-errors", () => {
    expect(toGatewayError(new ConfigurationError("PIPEWRIGHT_BACKEND is wrong"), { endpoint })).toEqual({
      kind: "misconfigured",
      message: "PIPEWRIGHT_BACKEND is wrong",
    });
    expect(toGatewayError("a string", { endpoint })).toEqual({ kind: "unknown", name: "Error", message: "Error" });
  });
});

describe("describeGatewayError", () => {
  it("puts every kind into words without a stack", () => {
    const errors: GatewayError[] = [
      { kind: "not-found", resource: "pipeline-version", name: "PipelineVersionNotFoundException", message: "m" },
      { kind: "unreachable", endpoint, code: "ECONNREFUSED", message: "m" },
      { kind: "misconfigured", message: "m" },
      { kind: "unknown", name: "X", message: "m" },
    ];
    const titles = errors.map((e) => describeGatewayError(e).title);
    expect(titles).toEqual([
      "The pipeline version was not found.",
      `Cannot reach the CodePipeline endpoint at ${endpoint}.`,
      "Pipewright's backend settings are invalid.",
      "Unexpected error from CodePipeline (X).",
    ]);
  });
});
