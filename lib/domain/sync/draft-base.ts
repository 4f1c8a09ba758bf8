/**
 * The base of a draft: which live pipeline version it was opened from (or last pushed as). Kept
 * with the draft and sent with every push, so the server can refuse to overwrite a version the
 * user never saw (UpdatePipeline itself has no such check).
 */
import { z } from "zod";
import { PIPELINE_NAME, REGION } from "../pipeline/patterns";

export const DraftBaseSchema = z.strictObject({
  name: z.string().min(PIPELINE_NAME.min).max(PIPELINE_NAME.max).regex(PIPELINE_NAME.pattern!, `must match ${PIPELINE_NAME.patternText}`),
  /** The region the pipeline lives in (the server's region when it was opened). */
  region: z.string().min(REGION.min).max(REGION.max),
  /** The pipeline's `version` then: 1 on create, +1 on every update. */
  version: z.int().min(1),
  /** GetPipeline's `metadata.updated` then (ISO-8601), when the service gave one. */
  updated: z.string().max(40).optional(),
});

export type DraftBase = z.infer<typeof DraftBaseSchema>;

/** "v7 on Local emulator / us-east-1": what the designer header shows about a draft's base. */
export function describeBase(base: DraftBase, backendLabel: string): string {
  return `v${base.version} on ${backendLabel} / ${base.region}`;
}
