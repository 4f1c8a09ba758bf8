import { describe, expect, it } from "vitest";
import type { ValidationContext } from "../context";
import type { Diagnostic } from "../diagnostic";
import { validate } from "../validate";
import { codesOf, connectionSourcePipeline, type Mutable, TEST_CONTEXT, validPipeline } from "../testing/fixtures";
import { find, only, without } from "../testing/expect";
import { roleArnProblem } from "./pipeline";

function run(d: Mutable, context: ValidationContext = TEST_CONTEXT): Diagnostic[] {
  return validate(d, context);
}

/** The valid pipeline with a connection source (CodeCommit draws ACT018 on create). */
const createPipeline = connectionSourcePipeline;

/** A build stage with its own names and artifacts, consuming the source output. */
function extraStage(i: number): Mutable {
  return {
    name: `Extra-${i}`,
    actions: [
      {
        name: "Build",
        actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
        runOrder: 1,
        configuration: { ProjectName: "p" },
        inputArtifacts: [{ name: "SourceOutput" }],
        outputArtifacts: [],
      },
    ],
  };
}

describe("PIPE001 pipeline name", () => {
  it("rejects a name with a space", () => {
    const d = validPipeline();
    d.name = "my pipeline";
    expect(only(run(d), "PIPE001")).toMatchObject({ severity: "error", path: "name" });
  });

  it("rejects a missing or too long name", () => {
    const d = validPipeline();
    delete d.name;
    expect(only(run(d), "PIPE001").message).toContain("required");
    d.name = "a".repeat(101);
    expect(only(run(d), "PIPE001").message).toContain("1 to 100");
  });

  it("accepts . @ - _", () => {
    const d = validPipeline();
    d.name = "web.app@prod-1_x";
    without(run(d), "PIPE001");
  });
});

describe("PIPE002 name free on create", () => {
  it("rejects creating a pipeline whose name exists", () => {
    const f = only(run(createPipeline(), { ...TEST_CONTEXT, operation: "create", existingPipelineNames: ["web-app"] }), "PIPE002");
    expect(f).toMatchObject({ severity: "error", path: "name" });
    expect(f.message).toContain("PipelineNameInUseException");
  });

  it("accepts a free name, and ignores updates and unknown lists", () => {
    expect(run(createPipeline(), { ...TEST_CONTEXT, operation: "create", existingPipelineNames: ["other"] })).toEqual([]);
    expect(run(createPipeline(), { ...TEST_CONTEXT, operation: "update", existingPipelineNames: ["web-app"] })).toEqual([]);
    expect(run(createPipeline(), { ...TEST_CONTEXT, operation: "create" })).toEqual([]);
  });

  it("warns about an existing name that differs only in case", () => {
    const f = only(run(createPipeline(), { ...TEST_CONTEXT, operation: "create", existingPipelineNames: ["Web-App"] }), "PIPE002");
    expect(f.severity).toBe("warning");
  });

  it("does not cascade on an invalid name", () => {
    const d = createPipeline();
    d.name = "web app";
    expect(codesOf(run(d, { ...TEST_CONTEXT, operation: "create", existingPipelineNames: ["web app"] }))).toEqual(["PIPE001"]);
  });
});

describe("PIPE003 name immutable on update", () => {
  it("rejects a rename on update", () => {
    const deployed = validPipeline();
    const d = validPipeline();
    d.name = "web-app2";
    const f = only(run(d, { ...TEST_CONTEXT, operation: "update", deployed }), "PIPE003");
    expect(f).toMatchObject({ severity: "error", path: "name" });
    expect(f.message).toContain("PipelineNotFoundException");
  });

  it("accepts the same name, and a rename on create", () => {
    expect(run(validPipeline(), { ...TEST_CONTEXT, operation: "update", deployed: validPipeline() })).toEqual([]);
    const d = validPipeline();
    d.name = "web-app2";
    expect(run(d, { ...TEST_CONTEXT, operation: "create", deployed: validPipeline() })).toEqual([]);
  });
});

describe("PIPE004 role ARN", () => {
  it("rejects a user ARN and says why", () => {
    const d = validPipeline();
    d.roleArn = "arn:aws:iam::123456789012:user/bob";
    const f = only(run(d), "PIPE004");
    expect(f).toMatchObject({ severity: "error", path: "roleArn" });
    expect(f.message).toContain("IAM user ARN");
  });

  it("rejects a short account and a missing role", () => {
    const d = validPipeline();
    d.roleArn = "arn:aws:iam::123:role/x";
    expect(only(run(d), "PIPE004").message).toContain("12 digits");
    delete d.roleArn;
    expect(only(run(d), "PIPE004").message).toContain("required");
  });

  it("accepts GovCloud and China partitions", () => {
    const d = validPipeline();
    d.roleArn = "arn:aws-us-gov:iam::123456789012:role/p";
    without(run(d), "PIPE004");
    d.roleArn = "arn:aws-cn:iam::123456789012:role/p";
    without(run(d), "PIPE004");
  });

  it("explains other malformed values", () => {
    expect(roleArnProblem("my-role")).toContain("not an ARN");
    expect(roleArnProblem("arn:aws:s3:::bucket")).toContain("s3 ARN");
  });
});

describe("PIPE005 pipelineType value", () => {
  it("rejects an unknown type", () => {
    const d = validPipeline();
    d.pipelineType = "V3";
    expect(only(run(d), "PIPE005")).toMatchObject({ severity: "error", path: "pipelineType" });
  });

  it("leaves wrong case to GEN006 and accepts V1", () => {
    const d = validPipeline();
    d.pipelineType = "v2";
    expect(codesOf(run(d))).toEqual(["GEN006"]);
    d.pipelineType = "V1";
    expect(run(d)).toEqual([]);
  });
});

describe("PIPE006 pipelineType omitted", () => {
  it("warns when pipelineType is omitted", () => {
    const d = validPipeline();
    delete d.pipelineType;
    expect(only(run(d), "PIPE006")).toMatchObject({ severity: "warning", path: "pipelineType" });
  });

  it("is silent when set", () => {
    without(run(validPipeline()), "PIPE006");
  });
});

describe("PIPE007 executionMode value", () => {
  it("rejects an unknown mode", () => {
    const d = validPipeline();
    d.executionMode = "PARALLELIZED";
    expect(only(run(d), "PIPE007")).toMatchObject({ severity: "error", path: "executionMode" });
    d.executionMode = 3;
    expect(only(run(d), "PIPE007").message).toContain("number");
  });

  it("accepts every mode in V2", () => {
    for (const mode of ["SUPERSEDED", "QUEUED", "PARALLEL"]) {
      const d = validPipeline();
      d.executionMode = mode;
      expect(run(d)).toEqual([]);
    }
  });
});

describe("PIPE008 QUEUED/PARALLEL need V2", () => {
  it("rejects QUEUED in a V1 pipeline", () => {
    const d = validPipeline();
    d.pipelineType = "V1";
    d.executionMode = "QUEUED";
    expect(only(run(d), "PIPE008")).toMatchObject({ severity: "error", path: "executionMode" });
  });

  it("accepts SUPERSEDED in V1 and PARALLEL with pipelineType omitted", () => {
    const d = validPipeline();
    d.pipelineType = "V1";
    expect(run(d)).toEqual([]);
    delete d.pipelineType;
    d.executionMode = "PARALLEL";
    expect(codesOf(run(d))).toEqual(["PIPE006"]);
  });
});

describe("PIPE009 V2-only features in V1", () => {
  it("rejects the Compute category once (not also as a V2-only provider)", () => {
    const d = validPipeline();
    d.pipelineType = "V1";
    d.stages[1].actions[0] = {
      name: "Build",
      actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
      commands: ["make"],
      inputArtifacts: [{ name: "SourceOutput" }],
      outputArtifacts: [{ name: "BuildOutput", files: ["**/*"] }],
    };
    const f = run(d).filter((x) => x.code === "PIPE009");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", path: "stages[1].actions[0].actionTypeId.category" });
  });

  it("rejects a V2-only provider (Lambda deploy) but not Lambda invoke", () => {
    const d = validPipeline();
    d.pipelineType = "V1";
    d.stages[2].actions[0].actionTypeId = { category: "Deploy", owner: "AWS", provider: "Lambda", version: "1" };
    find(run(d), "PIPE009", "stages[2].actions[0].actionTypeId.provider");
    d.stages[2].actions[0].actionTypeId = { category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" };
    without(run(d), "PIPE009");
  });

  it("leaves triggers, variables and conditions to TRIG001 / VAR001 / COND001", () => {
    const d = validPipeline();
    d.pipelineType = "V1";
    d.variables = [{ name: "env", defaultValue: "prod" }];
    d.stages[2].onFailure = { result: "ROLLBACK" };
    without(run(d), "PIPE009");
  });

  it("is silent in V2", () => {
    const d = validPipeline();
    d.stages[2].actions[0].actionTypeId = { category: "Deploy", owner: "AWS", provider: "Lambda", version: "1" };
    without(run(d), "PIPE009");
  });
});

describe("PIPE010 version", () => {
  it("rejects version 0", () => {
    const d = validPipeline();
    d.version = 0;
    expect(only(run(d), "PIPE010")).toMatchObject({ severity: "error", path: "version" });
  });

  it("warns when a create payload carries a version other than 1", () => {
    const d = createPipeline();
    d.version = 3;
    expect(only(run(d, { ...TEST_CONTEXT, operation: "create" }), "PIPE010").severity).toBe("warning");
    d.version = 1;
    expect(run(d, { ...TEST_CONTEXT, operation: "create" })).toEqual([]);
  });

  it("warns on update when the version differs from the deployed one", () => {
    const deployed = validPipeline();
    deployed.version = 4;
    const d = validPipeline();
    d.version = 3;
    expect(only(run(d, { ...TEST_CONTEXT, operation: "update", deployed }), "PIPE010").severity).toBe("warning");
    d.version = 4;
    expect(run(d, { ...TEST_CONTEXT, operation: "update", deployed })).toEqual([]);
  });
});

describe("PIPE011 at least two stages", () => {
  it("rejects a single stage", () => {
    const d = validPipeline();
    d.stages = [d.stages[0]];
    expect(find(run(d), "PIPE011", "stages").severity).toBe("error");
  });

  it("rejects missing or non-list stages", () => {
    const d = validPipeline();
    delete d.stages;
    expect(find(run(d), "PIPE011", "stages").message).toContain("required");
    d.stages = {};
    expect(find(run(d), "PIPE011", "stages").message).toContain("list");
  });

  it("accepts two stages", () => {
    const d = validPipeline();
    d.stages = [d.stages[0], d.stages[1]];
    without(run(d), "PIPE011");
  });
});

describe("PIPE012 at most 50 stages", () => {
  it("rejects 51 stages", () => {
    const d = validPipeline();
    for (let i = 0; d.stages.length < 51; i++) d.stages.push(extraStage(i));
    expect(find(run(d), "PIPE012", "stages").severity).toBe("error");
  });

  it("accepts 50 stages", () => {
    const d = validPipeline();
    for (let i = 0; d.stages.length < 50; i++) d.stages.push(extraStage(i));
    without(run(d), "PIPE012");
  });
});

describe("PIPE013 at most 500 actions", () => {
  /** The valid pipeline (3 actions) plus build stages of up to 50 actions, `total` actions in all. */
  function pipelineWith(total: number): Mutable {
    const d = validPipeline();
    for (let s = 0, left = total - 3; left > 0; s++) {
      const stage = extraStage(s);
      const template = stage.actions[0];
      const count = Math.min(50, left);
      stage.actions = Array.from({ length: count }, (_, j) => ({ ...template, name: `Build-${j}` }));
      d.stages.push(stage);
      left -= count;
    }
    return d;
  }

  it("rejects 501 actions", () => {
    expect(find(run(pipelineWith(501)), "PIPE013", "stages").severity).toBe("error");
  });

  it("accepts 500 actions", () => {
    without(run(pipelineWith(500)), "PIPE013");
  });
});

describe("PIPE014 at least one non-source action", () => {
  it("rejects a pipeline of source actions only", () => {
    const d = validPipeline();
    const source2 = { ...d.stages[0], name: "Source2", actions: [{ ...d.stages[0].actions[0], outputArtifacts: [{ name: "Other" }], namespace: "Other" }] };
    d.stages = [d.stages[0], source2];
    const diagnostics = run(d);
    expect(find(diagnostics, "PIPE014", "stages").severity).toBe("error");
    find(diagnostics, "STG006");
  });

  it("accepts the valid pipeline", () => {
    without(run(validPipeline()), "PIPE014");
  });
});

describe("PIPE015 account pipeline quota", () => {
  it("warns on create when the region holds 1000 pipelines", () => {
    const f = only(run(createPipeline(), { ...TEST_CONTEXT, operation: "create", pipelineCount: 1000 }), "PIPE015");
    expect(f).toMatchObject({ severity: "warning", path: "" });
  });

  it("warns when a polling pipeline would exceed the 300 polling pipelines", () => {
    const d = validPipeline();
    delete d.stages[0].actions[0].configuration.PollForSourceChanges;
    const diagnostics = run(d, { ...TEST_CONTEXT, operation: "create", pollingPipelineCount: 300 });
    expect(find(diagnostics, "PIPE015", "stages[0].actions[0]").severity).toBe("warning");
  });

  it("is silent below the quotas, for event-driven sources, and for updates that keep polling", () => {
    expect(run(createPipeline(), { ...TEST_CONTEXT, operation: "create", pipelineCount: 999, pollingPipelineCount: 300 })).toEqual([]);
    const d = validPipeline();
    d.stages[0].actions[0].configuration.PollForSourceChanges = "true";
    const ctx: ValidationContext = { ...TEST_CONTEXT, operation: "update", deployed: d, pollingPipelineCount: 300, pipelineCount: 1000 };
    without(run(d, ctx), "PIPE015");
    // Turning polling on with an update counts against the quota.
    expect(find(run(d, { ...ctx, deployed: validPipeline() }), "PIPE015").path).toBe("stages[0].actions[0]");
  });
});
