import { describe, expect, it } from "vitest";
import { approvalSummary, MAX_APPROVAL_SUMMARY } from "./approval-summary";

describe("approvalSummary", () => {
  it("names the person after the summary", () => {
    expect(approvalSummary("Looks good", "ann@example.com", "Approved")).toBe("Looks good — Approved by ann@example.com via Pipewright");
    expect(approvalSummary("  ", "bo@example.com", "Rejected")).toBe("— Rejected by bo@example.com via Pipewright");
  });

  it("keeps within CodePipeline's 512 characters, shortening the summary, never the name", () => {
    const long = approvalSummary("x".repeat(600), "ann@example.com", "Approved");
    expect(long).toHaveLength(MAX_APPROVAL_SUMMARY);
    expect(long.endsWith("— Approved by ann@example.com via Pipewright")).toBe(true);
    expect(long).toContain("…");
  });
});
