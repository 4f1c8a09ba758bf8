import { describe, expect, it } from "vitest";
import { describeGlobIssue, globIssue, globMatches, translateGlob } from "./glob";

describe("globMatches", () => {
  it.each([
    ["main", "main", true],
    ["main", "mainline", false],
    ["release/*", "release/1.0", true],
    ["release/*", "release/1.0/hotfix", false],
    ["release/**", "release/1.0/hotfix", true],
    ["release/**", "release", false],
    ["**/README.md", "docs/README.md", true],
    ["**/README.md", "README.md", false],
    ["**", "anything/at/all", true],
    ["feature-?", "feature-a", true],
    ["feature-?", "feature-ab", false],
    ["feature-?", "feature-/", false],
    ["v[0-9]*", "v1.2", true],
    ["v[0-9]*", "vx", false],
    ["v[!0-9]*", "vx", true],
    ["v[!0-9]*", "v1", false],
    ["[-a]", "-", true],
    ["[a-]", "-", true],
    ["[*?\\\\]", "*", true],
    ["[*?\\\\]", "\\", true],
    ["[^a]", "^", true],
    ["*.{java,class}", "Foo.class", true],
    ["*.{java,class}", "Foo.cpp", false],
    ["{main,develop}", "develop", true],
    ["release\\*", "release*", true],
    ["release\\*", "release1", false],
    ["a.b", "axb", false],
    ["a+b(c)|d$", "a+b(c)|d$", true],
    ["}]", "}]", true],
    ["a,b", "a,b", true],
  ])("%s ~ %s → %s", (glob, text, expected) => {
    expect(globMatches(glob, text)).toBe(expected);
  });

  it("excludes / from ranges that span it", () => {
    expect(globMatches("a[%-9]b", "a/b")).toBe(false);
    expect(globMatches("a[%-9]b", "a5b")).toBe(true);
  });

  it("answers undefined for an invalid glob", () => {
    expect(globMatches("release/{a,{b,c}}", "release/a")).toBeUndefined();
  });
});

describe("globIssue", () => {
  it.each([
    ["release/{a,{b,c}}", "nested-brace", 11],
    ["release/{a,b", "unclosed-brace", 8],
    ["v[0-9", "unclosed-bracket", 1],
    ["v[]", "empty-bracket", 1],
    ["a[b/c]", "separator-in-bracket", 3],
    ["[z-a]", "invalid-range", 3],
    ["[a-c-e]", "invalid-range", 4],
    ["main\\", "trailing-escape", 4],
  ])("%s → %s", (glob, problem, offset) => {
    expect(globIssue(glob)).toEqual({ problem, offset });
  });

  it("accepts valid globs", () => {
    for (const g of ["main", "release/**", "**/*.{ts,tsx}", "v[0-9].*", "a\\{b", "}", "]"]) {
      expect(globIssue(g)).toBeUndefined();
    }
  });

  it("describes every problem in words", () => {
    expect(describeGlobIssue({ problem: "nested-brace", offset: 11 })).toMatch(/cannot be nested/);
    expect(describeGlobIssue({ problem: "trailing-escape", offset: 4 })).toMatch(/escapes nothing/);
  });

  it("produces anchored sources", () => {
    expect(translateGlob("a*").source).toBe("^(?:a[^/]*)$");
  });
});
