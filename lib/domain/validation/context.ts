/**
 * What rules need to know beyond the declaration itself. Everything is optional: a rule whose
 * input is unknown skips the check rather than guess.
 */
export interface ValidationContext {
  /** The region CodePipeline is called in (the pipeline's home region). */
  readonly region?: string;
  /** `create` for CreatePipeline, `update` for UpdatePipeline of an existing pipeline. */
  readonly operation?: "create" | "update";
  /** The declaration currently deployed under this name (for updates): rename, secrets, mode change. */
  readonly deployed?: unknown;
  /** Names of the pipelines that already exist in the region (PIPE002 on create). */
  readonly existingPipelineNames?: readonly string[];
  /** Pipelines in the region, and how many of them poll for source changes (PIPE015). */
  readonly pipelineCount?: number;
  readonly pollingPipelineCount?: number;
  /** Executions in progress or waiting on the deployed pipeline (EXEC002). */
  readonly activeExecutionCount?: number;
  /** CreatePipeline / TagResource tags to check with the declaration (TAG001). */
  readonly tags?: unknown;
}
