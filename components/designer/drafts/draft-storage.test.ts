import { describe, expect, it } from "vitest";
import { DRAFT_SCHEMA_VERSION } from "./draft-format";
import { parseDraft } from "./draft-storage";

describe("draft storage", () => {
  it("reads a stored draft", () => {
    const draft = { schemaVersion: DRAFT_SCHEMA_VERSION, id: "x1", title: "p", updatedAt: 5, declaration: { name: "p", stages: [] }, region: "eu-west-1" };
    expect(parseDraft(JSON.stringify(draft))).toEqual({ ok: true, draft });
  });

  it("reports, never throws, on corrupt entries", () => {
    expect(parseDraft(null)).toEqual({ ok: false, reason: "not found" });
    expect(parseDraft("{not json")).toEqual({ ok: false, reason: "not valid JSON" });
    expect(parseDraft(JSON.stringify({ id: "x", title: "t", updatedAt: "yesterday", declaration: {} })).ok).toBe(false);
    expect(parseDraft(JSON.stringify({ id: "x", title: "t", updatedAt: 1, declaration: [] })).ok).toBe(false);
    expect(parseDraft("null").ok).toBe(false);
  });
});
