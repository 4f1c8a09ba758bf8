import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic";
import { validate } from "../validate";
import { codesOf, TEST_CONTEXT, validPipeline } from "../testing/fixtures";

function withTags(tags: unknown): Diagnostic[] {
  return validate(validPipeline(), { ...TEST_CONTEXT, tags });
}

function tagFindings(tags: unknown): Diagnostic[] {
  const diagnostics = withTags(tags);
  expect(codesOf(diagnostics).filter((c) => c !== "TAG001")).toEqual([]);
  return diagnostics;
}

describe("TAG001 tag limits", () => {
  it("accepts ordinary tags and no tags", () => {
    expect(withTags([{ key: "team", value: "web" }, { key: "cost-center", value: "1234 / A+B" }])).toEqual([]);
    expect(withTags(undefined)).toEqual([]);
    expect(withTags([])).toEqual([]);
  });

  it("rejects more than 50 tags", () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(tagFindings(tags)).toEqual([expect.objectContaining({ code: "TAG001", severity: "error", path: "tags" })]);
  });

  it("rejects duplicate keys (case-sensitive) and bad lengths", () => {
    const f = tagFindings([
      { key: "team", value: "a" },
      { key: "team", value: "b" },
      { key: "Team", value: "c" },
      { key: "", value: "d" },
      { key: "k".repeat(129), value: "e" },
      { key: "long", value: "v".repeat(257) },
    ]);
    expect(f.map((d) => [d.path, d.severity])).toEqual([
      ["tags[1].key", "error"],
      ["tags[3].key", "error"],
      ["tags[4].key", "error"],
      ["tags[5].value", "error"],
    ]);
  });

  it("rejects non-list tags, non-object tags and missing members", () => {
    expect(tagFindings({ team: "web" })[0]).toMatchObject({ path: "tags", severity: "error" });
    const f = tagFindings(["team=web", { key: "k" }, { value: "v" }]);
    expect(f.map((d) => d.path)).toEqual(["tags[0]", "tags[1].value", "tags[2].key"]);
  });

  it("warns on an empty value, the aws: prefix and unusual characters", () => {
    const f = tagFindings([
      { key: "empty", value: "" },
      { key: "aws:owner", value: "x" },
      { key: "AWS:Owner", value: "x" },
      { key: "team", value: "web, api" },
    ]);
    expect(f.map((d) => [d.path, d.severity])).toEqual([
      ["tags[0].value", "warning"],
      ["tags[1].key", "warning"],
      ["tags[2].key", "warning"],
      ["tags[3].value", "warning"],
    ]);
  });
});
