/** What "Share report" sends: which execution of which pipeline (the server reads the rest). */
import { z } from "zod";
import { PIPELINE_NAME } from "../pipeline/patterns";

/** CodePipeline execution ids are UUIDs (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GetPipelineExecution.html). */
const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ShareReportInputSchema = z.strictObject({
  pipelineName: z
    .string()
    .min(PIPELINE_NAME.min)
    .max(PIPELINE_NAME.max)
    .regex(PIPELINE_NAME.pattern!, `must match ${PIPELINE_NAME.patternText}`),
  executionId: z.string().regex(EXECUTION_ID, "must be an execution id (a UUID)"),
});

export type ShareReportInput = z.input<typeof ShareReportInputSchema>;
