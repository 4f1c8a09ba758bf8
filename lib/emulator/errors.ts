/**
 * Service errors in AWS JSON 1.1 form: `{"__type": "<ExceptionName>", "message": "..."}` with
 * HTTP 400 (client) or 500 (server), so the real SDK raises its typed exception and the AWS CLI
 * prints `An error occurred (<ExceptionName>) ...`.
 */
import { ACCOUNT_ID } from "./identity";

export class ServiceError extends Error {
  constructor(
    /** The exception name exactly as in the CodePipeline model, e.g. `PipelineNotFoundException`. */
    readonly type: string,
    message: string,
    readonly status: 400 | 408 | 413 | 500 | 503 = 400,
  ) {
    super(message);
    this.name = type;
  }

  toBody(): { __type: string; message: string } {
    return { __type: this.type, message: this.message };
  }
}

export const serviceErrors = {
  validation: (message: string) => new ServiceError("ValidationException", message),
  serialization: (message: string) => new ServiceError("SerializationException", message),
  unknownOperation: (operation: string) =>
    new ServiceError("UnknownOperationException", `Operation ${operation} is not supported by CodePipeline.`),
  pipelineNotFound: (name: string) =>
    new ServiceError("PipelineNotFoundException", `Account '${ACCOUNT_ID}' does not have a pipeline with name '${name}'`),
  throttling: () => new ServiceError("ThrottlingException", "Rate exceeded"),
  requestEntityTooLarge: (maxBytes: number) =>
    new ServiceError("RequestEntityTooLargeException", `The request body is larger than ${maxBytes} bytes.`, 413),
  requestTimeout: (ms: number) =>
    new ServiceError("RequestTimeoutException", `The request body did not arrive within ${ms / 1000} seconds.`, 408),
  internal: (message = "An internal error occurred.") => new ServiceError("InternalFailure", message, 500),
} as const;
