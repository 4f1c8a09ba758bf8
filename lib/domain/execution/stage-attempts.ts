/**
 * How many times a stage has run in its latest execution. CodePipeline counts the retries in
 * GetPipelineState's RetryStageMetadata: automatic ones (a stage's `onFailure` result RETRY,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryConfiguration.html) and
 * manual ones (RetryStageExecution), with the trigger of the latest
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RetryStageMetadata.html).
 * The timeline's bars (timeline.ts) count the attempts each action ran; the stage's attempt is the
 * larger of the two, so a count the metadata does not carry (a stage that is not the latest's) still shows.
 */
import type { RetryStageMetadataView } from "./view-model";

export interface StageAttempts {
  /** 1 for a stage that ran once; each retry, automatic or manual, adds one. */
  readonly attempt: number;
  readonly automatic: number;
  readonly manual: number;
  readonly latestTrigger?: "AutomatedStageRetry" | "ManualStageRetry";
}

const count = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n > 0 ? n : 0);

export function stageAttempts(retries: RetryStageMetadataView | undefined, mostActionAttempts = 1): StageAttempts {
  const automatic = count(retries?.autoStageRetryAttempt);
  const manual = count(retries?.manualStageRetryAttempt);
  return {
    attempt: Math.max(1 + automatic + manual, mostActionAttempts),
    automatic,
    manual,
    ...(retries?.latestRetryTrigger !== undefined && { latestTrigger: retries.latestRetryTrigger }),
  };
}

/** "Attempt 3 · 2 automatic retries, 1 manual" — undefined for a stage that ran once. */
export function describeAttempts(a: StageAttempts): string | undefined {
  if (a.attempt <= 1) return undefined;
  const parts: string[] = [];
  if (a.automatic > 0) parts.push(`${a.automatic} automatic ${a.automatic === 1 ? "retry" : "retries"}`);
  if (a.manual > 0) parts.push(`${a.manual} manual`);
  const latest = a.latestTrigger === "AutomatedStageRetry" ? "latest automatic" : a.latestTrigger === "ManualStageRetry" ? "latest manual" : undefined;
  return [`Attempt ${a.attempt}`, parts.join(", "), latest].filter((p) => p !== undefined && p !== "").join(" · ");
}
