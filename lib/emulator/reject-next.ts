/**
 * Control API: `POST /_emulator/reject-next {message, exception?, operation?}` makes the next
 * UpdatePipeline (or CreatePipeline) fail with a definition exception carrying `message`, as if
 * CodePipeline had found a problem Pipewright's validation did not. Tests use it to show the
 * service's own words on the field the message names, e.g.
 *   {"message": "Value at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: ..."}
 * The throttling check runs first; the rejection is used up by the call it answers.
 */
import { z } from "zod";
import type { ControlResponse } from "./control-types";
import { ServiceError } from "./errors";
import type { RegionalEmulator } from "./regions";

const RejectNextSchema = z.strictObject({
  message: z.string().min(1).max(2_000),
  exception: z
    .enum([
      "InvalidActionDeclarationException",
      "InvalidStageDeclarationException",
      "InvalidStructureException",
      "InvalidBlockerDeclarationException",
      "ValidationException",
      "LimitExceededException",
    ])
    .default("InvalidActionDeclarationException"),
  operation: z.enum(["UpdatePipeline", "CreatePipeline"]).default("UpdatePipeline"),
});

export function rejectNext(service: RegionalEmulator, body: unknown): ControlResponse {
  const parsed = RejectNextSchema.safeParse(body);
  if (!parsed.success) {
    return { status: 400, body: { error: "Invalid control request", issues: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) } };
  }
  const { operation, exception, message } = parsed.data;
  service.faults.rejectNext(operation, new ServiceError(exception, message));
  return { status: 200, body: { ok: true, operation, exception } };
}
