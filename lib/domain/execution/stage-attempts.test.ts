import { describe, expect, it } from "vitest";
import { describeAttempts, stageAttempts } from "./stage-attempts";

describe("stageAttempts", () => {
  it("counts one attempt plus every automatic and manual retry RetryStageMetadata reports", () => {
    expect(stageAttempts({ autoStageRetryAttempt: 2, manualStageRetryAttempt: 1, latestRetryTrigger: "ManualStageRetry" })).toEqual({
      attempt: 4,
      automatic: 2,
      manual: 1,
      latestTrigger: "ManualStageRetry",
    });
  });
  it("is one attempt without metadata, and ignores counts that are not positive whole numbers", () => {
    expect(stageAttempts(undefined)).toEqual({ attempt: 1, automatic: 0, manual: 0 });
    expect(stageAttempts({ autoStageRetryAttempt: -1, manualStageRetryAttempt: 1.5 })).toEqual({ attempt: 1, automatic: 0, manual: 0 });
  });
  it("takes the timeline's count when the actions ran more often than the metadata says", () => {
    expect(stageAttempts(undefined, 2).attempt).toBe(2);
    expect(stageAttempts({ autoStageRetryAttempt: 1 }, 1).attempt).toBe(2);
  });
});

describe("describeAttempts", () => {
  it("says nothing for a stage that ran once", () => {
    expect(describeAttempts(stageAttempts(undefined))).toBeUndefined();
  });
  it("names the attempt, the automatic and manual retries and the latest trigger", () => {
    expect(describeAttempts(stageAttempts({ autoStageRetryAttempt: 1, latestRetryTrigger: "AutomatedStageRetry" }))).toBe("Attempt 2 · 1 automatic retry · latest automatic");
    expect(describeAttempts(stageAttempts({ autoStageRetryAttempt: 2, manualStageRetryAttempt: 1 }))).toBe("Attempt 4 · 2 automatic retries, 1 manual");
    expect(describeAttempts(stageAttempts(undefined, 3))).toBe("Attempt 3");
  });
});
