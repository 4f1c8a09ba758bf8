import { describe, expect, it } from "vitest";
import { conditionGroups, declaredStage, remaining } from "./stage-conditions";

const declaration = {
  stages: [
    {
      name: "Deploy",
      beforeEntry: {
        conditions: [
          {
            result: "FAIL",
            rules: [
              { name: "OnlyMain", ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration: { Variable: "#{SourceVariables.BranchName}", Value: "main", Operator: "EQ" } },
            ],
          },
        ],
      },
      onSuccess: {
        conditions: [
          { result: "ROLLBACK", rules: [{ name: "Alarm", ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "errors", WaitTime: "5" } }] },
        ],
      },
      onFailure: { result: "RETRY", conditions: [{ result: "RETRY", rules: [{ name: "Again", ruleTypeId: { provider: "LambdaInvoke" } }] }] },
    },
    { name: "Build" },
  ],
};

describe("conditionGroups", () => {
  it("shows each declared condition with its result and its rules' results and messages", () => {
    const groups = conditionGroups(declaredStage(declaration, "Deploy"), {
      beforeEntry: {
        status: "Failed",
        summary: "A rule was not met",
        conditions: [{ status: "Failed", rules: [{ ruleName: "OnlyMain", status: "Failed", summary: "BranchName is feature/x, not main", errorDetails: { message: "not met" } }] }],
      },
    });
    expect(groups.map((g) => g.kind)).toEqual(["beforeEntry", "onSuccess", "onFailure"]);
    expect(groups[0]).toEqual({
      kind: "beforeEntry",
      status: "Failed",
      summary: "A rule was not met",
      override: "BEFORE_ENTRY",
      conditions: [{ result: "FAIL", status: "Failed", rules: [{ name: "OnlyMain", provider: "VariableCheck", status: "Failed", summary: "BranchName is feature/x, not main", errorMessage: "not met" }] }],
    });
    // Not run yet: the rules are listed without a result, and nothing to override.
    expect(groups[1]).toEqual({ kind: "onSuccess", conditions: [{ result: "ROLLBACK", rules: [{ name: "Alarm", provider: "CloudWatchAlarm" }] }] });
  });

  it("gives a monitored CloudWatch alarm its end: WaitTime minutes after the rule started", () => {
    const [, onSuccess] = conditionGroups(declaredStage(declaration, "Deploy"), {
      onSuccess: { status: "InProgress", conditions: [{ status: "InProgress", rules: [{ ruleName: "Alarm", status: "InProgress", lastStatusChange: "2025-01-01T00:00:00.000Z" }] }] },
    });
    expect(onSuccess!.conditions[0]!.rules[0]!.monitoredUntil).toBe(Date.parse("2025-01-01T00:05:00.000Z"));
    expect(onSuccess!.override).toBe("ON_SUCCESS");
  });

  it("never offers to override an on-failure condition (OverrideStageCondition takes BEFORE_ENTRY or ON_SUCCESS)", () => {
    const groups = conditionGroups(declaredStage(declaration, "Deploy"), { onFailure: { status: "InProgress", conditions: [] } });
    expect(groups.find((g) => g.kind === "onFailure")?.override).toBeUndefined();
  });

  it("offers no override for a SKIP condition, which already let the execution past the stage", () => {
    const skipping = { stages: [{ name: "Deploy", beforeEntry: { conditions: [{ result: "SKIP", rules: [{ name: "OnlyMain", ruleTypeId: { provider: "VariableCheck" } }] }] } }] };
    const [entry] = conditionGroups(declaredStage(skipping, "Deploy"), { beforeEntry: { status: "Failed", conditions: [{ status: "Failed", rules: [] }] } });
    expect(entry!.override).toBeUndefined();
  });

  it("offers no override once the condition succeeded or was overridden", () => {
    for (const status of ["Succeeded", "Overridden"] as const) {
      const groups = conditionGroups(declaredStage(declaration, "Deploy"), { beforeEntry: { status, conditions: [] } });
      expect(groups[0]!.override).toBeUndefined();
    }
  });

  it("shows rules the state reports beyond the declaration, and nothing for a stage without conditions", () => {
    const groups = conditionGroups(undefined, { beforeEntry: { status: "Succeeded", conditions: [{ status: "Succeeded", rules: [{ ruleName: "Window", status: "Succeeded" }] }] } });
    expect(groups).toEqual([{ kind: "beforeEntry", status: "Succeeded", conditions: [{ status: "Succeeded", rules: [{ name: "Window", status: "Succeeded" }] }] }]);
    expect(conditionGroups(declaredStage(declaration, "Build"), {})).toEqual([]);
  });
});

describe("remaining", () => {
  it("counts down in minutes and seconds, never below zero", () => {
    expect(remaining(300_000, 0)).toBe("5 min 00 s");
    expect(remaining(65_500, 0)).toBe("1 min 06 s");
    expect(remaining(9_000, 0)).toBe("9 s");
    expect(remaining(0, 5_000)).toBe("0 s");
  });
});
