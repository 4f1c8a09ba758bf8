import { describe, expect, it } from "vitest";
import { rollbackHorizon, rollbackHorizonNotice } from "./rollback-horizon";

describe("rollbackHorizon", () => {
  it("counts the successful standard runs of the live version, newest first, up to the first older version", () => {
    const runs = [
      { status: "InProgress", pipelineVersion: 4 },
      { status: "Succeeded", pipelineVersion: 4 },
      { status: "Succeeded", pipelineVersion: 4, executionType: "ROLLBACK" },
      { status: "Failed", pipelineVersion: 4 },
      { status: "Succeeded", pipelineVersion: 4, executionType: "STANDARD" },
      { status: "Succeeded", pipelineVersion: 3 },
      { status: "Succeeded", pipelineVersion: 4 }, // beyond the older version: never read as the live one's
    ] as const;
    expect(rollbackHorizon(runs, 4, false)).toEqual({ count: 2, atLeast: false });
  });
  it("says 'at least' when the reading limit stopped it before the history ended", () => {
    expect(rollbackHorizon([{ status: "Succeeded", pipelineVersion: 2 }], 2, false)).toEqual({ count: 1, atLeast: true });
    expect(rollbackHorizon([{ status: "Succeeded", pipelineVersion: 2 }], 2, true)).toEqual({ count: 1, atLeast: false });
  });
});

describe("rollbackHorizonNotice", () => {
  it("warns with the count and the version, and says nothing when no successful run is lost", () => {
    expect(rollbackHorizonNotice({ count: 3, atLeast: false }, 7)).toBe(
      "Pushing saves a new pipeline version. Rollback can only target executions of the current version, so the 3 successful runs of version 7 will no longer be rollback targets (manual or automatic).",
    );
    expect(rollbackHorizonNotice({ count: 1, atLeast: true }, 2)).toContain("at least 1 successful run of version 2");
    expect(rollbackHorizonNotice({ count: 0, atLeast: false }, 2)).toBeUndefined();
  });
});
