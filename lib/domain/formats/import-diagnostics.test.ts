import { describe, expect, it } from "vitest";
import { importDiagnostics, pointerToPath } from "./index";

const declaration = { name: "p", stages: [{ name: "S", actions: [{ name: "A", configuration: { "0": "zero", "a/b": "slash" } }] }] };

describe("pointerToPath", () => {
  it("writes the engine's path syntax, telling list indices from keys", () => {
    expect(pointerToPath("/stages/0/actions/0/configuration/0", declaration)).toBe('stages[0].actions[0].configuration["0"]');
    expect(pointerToPath("/stages/0/actions/0/configuration/a~1b", declaration)).toBe('stages[0].actions[0].configuration["a/b"]');
  });

  it("stops at the deepest member the declaration has, so the path names something to select", () => {
    expect(pointerToPath("/RestartExecutionOnUpdate", declaration)).toBe("");
    expect(pointerToPath("/stages/0/actions/0/Extra", declaration)).toBe("stages[0].actions[0]");
    expect(pointerToPath("/stages/3/name", declaration)).toBe("stages");
    expect(pointerToPath("(tags)/0", declaration)).toBe("");
    expect(pointerToPath(undefined, declaration)).toBe("");
  });
});

describe("importDiagnostics", () => {
  it("maps the findings the engine cannot make to warnings, and leaves the others to it", () => {
    const diagnostics = importDiagnostics(
      [
        { code: "cloudformation-only", message: "c", path: "/RestartExecutionOnUpdate" },
        { code: "generated-name", message: "g", path: "/name" },
        { code: "not-converted", message: "n", path: "/stages/0" },
        { code: "yaml", message: "y" },
        { code: "unknown-member", message: "u", path: "(extra)" },
        { code: "unknown-member", message: "inside", path: "/stages/0/zeta" },
        { code: "unresolved-reference", message: "r", path: "/roleArn" },
      ],
      declaration,
    );
    expect(diagnostics).toEqual([
      { code: "PW010", severity: "warning", path: "", message: "c" },
      { code: "PW011", severity: "warning", path: "name", message: "g" },
      { code: "PW012", severity: "warning", path: "stages[0]", message: "n" },
      { code: "PW013", severity: "warning", path: "", message: "y" },
      { code: "PW014", severity: "warning", path: "", message: "u" },
    ]);
  });
});
