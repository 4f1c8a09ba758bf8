import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic";
import { validate } from "../validate";
import { TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { find, only, without } from "../testing/expect";

function run(d: Mutable): Diagnostic[] {
  return validate(d, TEST_CONTEXT);
}

/** A manual approval action (no artifacts). */
function approval(name = "Approve"): Mutable {
  return { name, actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" }, runOrder: 1 };
}

describe("STG001 stage name format", () => {
  it("rejects a name with a space", () => {
    const d = validPipeline();
    d.stages[2].name = "Deploy Prod";
    expect(only(run(d), "STG001")).toMatchObject({ severity: "error", path: "stages[2].name" });
  });

  it("rejects a missing name and a non-object stage", () => {
    const d = validPipeline();
    delete d.stages[2].name;
    expect(only(run(d), "STG001").message).toContain("required");
    d.stages.push("Test");
    find(run(d), "STG001", "stages[3]");
  });

  it("accepts the fixture's names", () => {
    without(run(validPipeline()), "STG001");
  });
});

describe("STG002 stage names unique", () => {
  it("rejects a duplicate name on the second stage", () => {
    const d = validPipeline();
    d.stages[2].name = "Build";
    expect(only(run(d), "STG002")).toMatchObject({ severity: "error", path: "stages[2].name" });
  });

  it("compares case-sensitively", () => {
    const d = validPipeline();
    d.stages[2].name = "build";
    without(run(d), "STG002");
  });
});

describe("STG003 stage has actions", () => {
  it("rejects an empty action list", () => {
    const d = validPipeline();
    d.stages.push({ name: "Empty", actions: [] });
    expect(only(run(d), "STG003")).toMatchObject({ severity: "error", path: "stages[3].actions" });
  });

  it("rejects missing and non-list actions", () => {
    const d = validPipeline();
    d.stages.push({ name: "Empty" });
    expect(only(run(d), "STG003").message).toContain("no actions");
    d.stages[3].actions = { a: 1 };
    expect(only(run(d), "STG003").message).toContain("list");
  });

  it("accepts stages with actions", () => {
    without(run(validPipeline()), "STG003");
  });
});

describe("STG004 at most 50 actions per stage", () => {
  it("rejects 51 actions", () => {
    const d = validPipeline();
    d.stages.push({ name: "Approvals", actions: Array.from({ length: 51 }, (_, i) => approval(`A${i}`)) });
    expect(find(run(d), "STG004", "stages[3].actions").severity).toBe("error");
  });

  it("accepts 50 actions", () => {
    const d = validPipeline();
    d.stages.push({ name: "Approvals", actions: Array.from({ length: 50 }, (_, i) => approval(`A${i}`)) });
    without(run(d), "STG004");
  });
});

describe("STG005 first stage = source stage", () => {
  it("rejects a non-source action in the first stage, at the first offender", () => {
    const d = validPipeline();
    d.stages[0].actions.push(approval(), approval("Approve2"));
    const f = only(run(d), "STG005");
    expect(f).toMatchObject({ severity: "error", path: "stages[0].actions[1].actionTypeId.category" });
    expect(f.message).toContain("1 more");
  });

  it("leaves unknown and wrong-case categories to other rules", () => {
    const d = validPipeline();
    d.stages[0].actions[0].actionTypeId.category = "source";
    without(run(d), "STG005");
  });
});

describe("STG006 source actions only in the first stage", () => {
  it("rejects a source action in a later stage", () => {
    const d = validPipeline();
    d.stages[2].actions.push({
      ...d.stages[0].actions[0],
      name: "Source2",
      outputArtifacts: [{ name: "Other" }],
      namespace: undefined,
    });
    delete d.stages[2].actions[1].namespace;
    find(run(d), "STG006", "stages[2].actions[1].actionTypeId.category");
  });

  it("accepts several source actions in the first stage", () => {
    const d = validPipeline();
    d.stages[0].actions.push({ ...d.stages[0].actions[0], name: "Source2", outputArtifacts: [{ name: "Other" }] });
    delete d.stages[0].actions[1].namespace;
    without(run(d), "STG006");
  });
});

describe("STG007 blockers", () => {
  it("warns whenever blockers are present", () => {
    const d = validPipeline();
    d.stages[1].blockers = [{ name: "b", type: "Schedule" }];
    expect(only(run(d), "STG007")).toMatchObject({ severity: "warning", path: "stages[1].blockers" });
  });

  it("rejects a blocker with a bad type or name", () => {
    const d = validPipeline();
    d.stages[1].blockers = [{ name: "b", type: "Manual" }, { type: "Schedule" }, "x"];
    const f = run(d).filter((x) => x.code === "STG007" && x.severity === "error");
    expect(f.map((x) => x.path)).toEqual(["stages[1].blockers[0].type", "stages[1].blockers[1].name", "stages[1].blockers[2]"]);
  });

  it("is silent without blockers", () => {
    without(run(validPipeline()), "STG007");
  });
});
