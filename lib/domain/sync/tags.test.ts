import { describe, expect, it } from "vitest";
import { diffTags } from "./tags";

describe("diffTags", () => {
  it("lists added, changed and removed tags, keys case-sensitive", () => {
    expect(
      diffTags(
        [{ key: "team", value: "web" }, { key: "Env", value: "prod" }, { key: "cost", value: "1" }],
        [{ key: "team", value: "web" }, { key: "env", value: "prod" }, { key: "cost", value: "2" }],
      ),
    ).toEqual([
      { key: "env", after: "prod" },
      { key: "cost", before: "1", after: "2" },
      { key: "Env", before: "prod" },
    ]);
    expect(diffTags(undefined, [{ key: "team", value: "web" }])).toEqual([{ key: "team", after: "web" }]);
    expect(diffTags("nonsense", null)).toEqual([]);
  });
});
