import { describe, expect, it } from "vitest";
import type { ValidationContext } from "../context";
import type { Diagnostic } from "../diagnostic";
import { validate } from "../validate";
import { codesOf, TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { only } from "../testing/expect";

function update(d: Mutable, deployed: Mutable, extra: Partial<ValidationContext> = {}): Diagnostic[] {
  return validate(d, { ...TEST_CONTEXT, operation: "update", deployed, ...extra });
}

function withMode(mode: string | undefined): Mutable {
  const d = validPipeline();
  if (mode === undefined) delete d.executionMode;
  else d.executionMode = mode;
  return d;
}

describe("EXEC001 mode change cancels executions", () => {
  it("warns when an update changes the mode", () => {
    const f = only(update(withMode("PARALLEL"), withMode("QUEUED"), { activeExecutionCount: 2 }), "EXEC001");
    expect(f).toMatchObject({ severity: "warning", path: "executionMode" });
    expect(f.message).toContain("QUEUED to PARALLEL");
    expect(f.message).toContain("2 active");
  });

  it("treats an omitted mode as SUPERSEDED, and warns when the count is unknown", () => {
    only(update(withMode("QUEUED"), withMode(undefined)), "EXEC001");
    expect(update(withMode("SUPERSEDED"), withMode(undefined))).toEqual([]);
  });

  it("is silent without a change, when known to be idle, and on create", () => {
    expect(update(withMode("PARALLEL"), withMode("PARALLEL"), { activeExecutionCount: 3 })).toEqual([]);
    expect(update(withMode("PARALLEL"), withMode("QUEUED"), { activeExecutionCount: 0 })).toEqual([]);
    expect(validate(withMode("PARALLEL"), { ...TEST_CONTEXT, deployed: withMode("QUEUED") })).toEqual([]);
  });
});

describe("EXEC002 update cancels in-flight runs", () => {
  it("warns on updating a QUEUED pipeline with active executions", () => {
    const f = only(update(withMode("QUEUED"), withMode("QUEUED"), { activeExecutionCount: 2 }), "EXEC002");
    expect(f).toMatchObject({ severity: "warning", path: "" });
  });

  it("uses the declaration's mode when the deployed one is unknown", () => {
    only(validate(validPipeline(), { ...TEST_CONTEXT, operation: "update", activeExecutionCount: 1 }), "EXEC002");
  });

  it("is silent for PARALLEL pipelines, idle pipelines and mode changes (EXEC001's)", () => {
    expect(update(withMode("PARALLEL"), withMode("PARALLEL"), { activeExecutionCount: 2 })).toEqual([]);
    expect(update(withMode("QUEUED"), withMode("QUEUED"), { activeExecutionCount: 0 })).toEqual([]);
    expect(codesOf(update(withMode("QUEUED"), withMode("SUPERSEDED"), { activeExecutionCount: 2 }))).toEqual(["EXEC001"]);
  });
});

describe("EXEC003 rollback reachability", () => {
  it("warns on updating a pipeline with an onFailure ROLLBACK", () => {
    const d = validPipeline();
    d.stages[2].onFailure = { result: "ROLLBACK" };
    const f = only(update(d, validPipeline()), "EXEC003");
    expect(f).toMatchObject({ severity: "warning", path: "stages[2].onFailure.result" });
  });

  it("finds ROLLBACK results inside onSuccess conditions", () => {
    const d = validPipeline();
    d.stages[2].onSuccess = {
      conditions: [
        {
          result: "ROLLBACK",
          rules: [
            {
              name: "Alarm",
              ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" },
              configuration: { AlarmName: "errors" },
            },
          ],
        },
      ],
    };
    expect(only(update(d, validPipeline()), "EXEC003").path).toBe("stages[2].onSuccess.conditions[0].result");
  });

  it("is silent on create and without rollback", () => {
    const d = validPipeline();
    d.stages[2].onFailure = { result: "ROLLBACK" };
    expect(validate(d, TEST_CONTEXT)).toEqual([]);
    expect(update(validPipeline(), validPipeline())).toEqual([]);
  });
});
