/**
 * Which execution a detail URL names: `/pipelines/<name>/executions/<id>[?region=]`. Checked
 * before anything is read, so a malformed URL is a 404 or a 400, never a call upstream.
 */
import { z } from "zod";
import { PIPELINE_NAME, REGION } from "../pipeline/patterns";

export const ExecutionRefSchema = z.strictObject({
  name: z.string().min(PIPELINE_NAME.min).max(PIPELINE_NAME.max).regex(PIPELINE_NAME.pattern!),
  executionId: z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/),
  region: z.string().min(REGION.min).max(REGION.max).regex(/^[a-z0-9-]+$/).optional(),
});

export type ExecutionRef = z.output<typeof ExecutionRefSchema>;
