import { describe, expect, it } from "vitest";
import {
  ACTION_EXECUTION_STATUSES,
  isTerminal,
  PIPELINE_EXECUTION_STATUSES,
  STAGE_EXECUTION_STATUSES,
  statusLabel,
  statusTone,
  toActionExecutionStatus,
  toPipelineExecutionStatus,
  toStageExecutionStatus,
} from "./status";

describe("execution statuses", () => {
  it("lists the API's status values exactly", () => {
    expect([...PIPELINE_EXECUTION_STATUSES].sort()).toEqual(
      ["Cancelled", "InProgress", "Stopped", "Stopping", "Succeeded", "Superseded", "Failed"].sort(),
    );
    expect([...STAGE_EXECUTION_STATUSES].sort()).toEqual(
      ["Cancelled", "InProgress", "Failed", "Stopped", "Stopping", "Succeeded", "Skipped"].sort(),
    );
    expect([...ACTION_EXECUTION_STATUSES].sort()).toEqual(["Abandoned", "Failed", "InProgress", "Succeeded"]);
  });

  it("only InProgress and Stopping are still moving", () => {
    const all = new Set([...PIPELINE_EXECUTION_STATUSES, ...STAGE_EXECUTION_STATUSES, ...ACTION_EXECUTION_STATUSES]);
    const moving = [...all].filter((s) => !isTerminal(s)).sort();
    expect(moving).toEqual(["InProgress", "Stopping"]);
  });

  it("parses known values case-sensitively and drops the rest", () => {
    expect(toPipelineExecutionStatus("Superseded")).toBe("Superseded");
    expect(toPipelineExecutionStatus("IN_PROGRESS")).toBeUndefined();
    expect(toPipelineExecutionStatus(undefined)).toBeUndefined();
    expect(toStageExecutionStatus("Skipped")).toBe("Skipped");
    expect(toPipelineExecutionStatus("Skipped")).toBeUndefined();
    expect(toActionExecutionStatus("Abandoned")).toBe("Abandoned");
    expect(toActionExecutionStatus("Stopped")).toBeUndefined();
  });

  it("gives every status a tone and a label", () => {
    expect(statusTone("Succeeded")).toBe("success");
    expect(statusTone("Failed")).toBe("failure");
    expect(statusTone("InProgress")).toBe("progress");
    expect(statusTone("Stopped")).toBe("attention");
    expect(statusTone("Superseded")).toBe("neutral");
    expect(statusLabel("InProgress")).toBe("In progress");
    expect(statusLabel("Cancelled")).toBe("Cancelled");
  });
});
