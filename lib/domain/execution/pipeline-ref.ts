/**
 * Which pipeline a page or route is about: its name (from the URL path) and, when it is not the
 * app's default region, `?region=`. Checked with zod at every boundary that takes one.
 */
import { z } from "zod";
import { REGION_SHAPE } from "../catalog/regions";
import { PIPELINE_NAME } from "../pipeline/patterns";

export const PipelineNameSchema = z
  .string()
  .min(PIPELINE_NAME.min)
  .max(PIPELINE_NAME.max)
  .regex(PIPELINE_NAME.pattern!, `must match ${PIPELINE_NAME.patternText}`);

export const PipelineRefSchema = z.strictObject({
  name: PipelineNameSchema,
  region: z.string().regex(REGION_SHAPE, "must be an AWS region such as us-east-1").optional(),
});

export type PipelineRef = z.output<typeof PipelineRefSchema>;
