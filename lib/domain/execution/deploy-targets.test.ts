import { describe, expect, it } from "vitest";
import { reportsDeployTargets, targetProgress, targetTone } from "./deploy-targets";

describe("reportsDeployTargets", () => {
  it("is true for the AWS EC2 and Lambda deploy actions only", () => {
    expect(reportsDeployTargets({ category: "Deploy", owner: "AWS", provider: "EC2" })).toBe(true);
    expect(reportsDeployTargets({ category: "Deploy", owner: "AWS", provider: "Lambda" })).toBe(true);
    expect(reportsDeployTargets({ category: "Invoke", owner: "AWS", provider: "Lambda" })).toBe(false);
    expect(reportsDeployTargets({ category: "Deploy", owner: "AWS", provider: "CodeDeploy" })).toBe(false);
    expect(reportsDeployTargets(undefined)).toBe(false);
  });
});

describe("targetProgress", () => {
  it("counts targets done, failed and in progress", () => {
    const progress = targetProgress([
      { targetId: "i-1", status: "Succeeded", events: [] },
      { targetId: "i-2", status: "Failed", events: [] },
      { targetId: "i-3", status: "InProgress", events: [] },
      { targetId: "i-4", status: "Pending", events: [] },
    ]);
    expect(progress).toEqual({ total: 4, done: 1, failed: 1, running: 1, words: "1 of 4 targets done, 1 failed, 1 in progress" });
  });
  it("says a lone target in the singular, and nothing about failures that did not happen", () => {
    expect(targetProgress([{ targetId: "my-function", status: "Succeeded", events: [] }]).words).toBe("1 of 1 target done");
  });
  it("reads unknown statuses as waiting", () => {
    expect(targetTone(undefined)).toBe("waiting");
    expect(targetTone("Queued")).toBe("waiting");
  });
});
