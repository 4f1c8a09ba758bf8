import { describe, expect, it } from "vitest";
import { parseDraft, titleOf } from "@/components/canvas/draft-storage";

describe("draft storage format", () => {
  it("reads a well-formed draft", () => {
    const draft = { id: "x1", title: "p", updatedAt: 5, declaration: { name: "p", stages: [] } };
    expect(parseDraft(JSON.stringify(draft))).toEqual({ ok: true, draft });
  });

  it("reports, never throws, on corrupt entries", () => {
    expect(parseDraft(null)).toEqual({ ok: false, reason: "not found" });
    expect(parseDraft("{not json")).toEqual({ ok: false, reason: "not valid JSON" });
    expect(parseDraft(JSON.stringify({ id: "x", title: "t", updatedAt: "yesterday", declaration: {} })).ok).toBe(false);
    expect(parseDraft(JSON.stringify({ id: "x", title: "t", updatedAt: 1, declaration: [] })).ok).toBe(false);
    expect(parseDraft("null").ok).toBe(false);
  });

  it("titles a draft by its pipeline name", () => {
    expect(titleOf({ name: "abc" })).toBe("abc");
    expect(titleOf({})).toBe("Untitled pipeline");
  });
});
