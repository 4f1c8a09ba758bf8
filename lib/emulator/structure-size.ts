/**
 * The service's fixed quota on the size of one pipeline structure (the declaration as JSON). AWS
 * refuses a larger CreatePipeline or UpdatePipeline with LimitExceededException, the one
 * exception UpdatePipeline lists for quotas, so an oversized declaration is never stored (and
 * never kept at every version).
 * Reference: https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
import type { JsonObject } from "@/lib/domain/json";
import { ServiceError } from "./errors";

export const MAX_PIPELINE_STRUCTURE_BYTES = 1024 * 1024;

/** Throws LimitExceededException when the declaration's JSON is over the quota. */
export function checkStructureSize(declaration: JsonObject): void {
  const size = Buffer.byteLength(JSON.stringify(declaration), "utf8");
  if (size > MAX_PIPELINE_STRUCTURE_BYTES) {
    throw new ServiceError(
      "LimitExceededException",
      `The pipeline structure (${size} bytes as JSON) exceeds the maximum of ${MAX_PIPELINE_STRUCTURE_BYTES} bytes.`,
    );
  }
}
