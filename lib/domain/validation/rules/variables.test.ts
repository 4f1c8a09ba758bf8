import { describe, expect, it } from "vitest";
import { codesOf, TEST_CONTEXT, validPipeline } from "../testing/fixtures";
import { only, withCode, without } from "../testing/expect";
import { validate } from "../validate";
import { conditionsPipeline, triggersPipeline, variablesPipeline } from "./v2-fixtures";

const BUILD = "stages[1].actions[0]";
const TEST = "stages[1].actions[1]";
const DEPLOY = "stages[2].actions[0]";
const OVERRIDES = `${DEPLOY}.configuration.ParameterOverrides`;

function withOverrides(value: string) {
  const doc = variablesPipeline();
  doc.stages[2].actions[0].configuration.ParameterOverrides = `{"Env":"#{variables.env}","Report":"#{TestVariables.REPORT_URL}","X":"${value}"}`;
  return doc;
}

describe("valid variable pipelines", () => {
  it("is silent on the variables fixture", () => {
    expect(validate(variablesPipeline(), TEST_CONTEXT)).toEqual([]);
  });
  it("accepts references in environment variables and the built-in execution id", () => {
    const doc = variablesPipeline();
    doc.stages[1].actions[1].environmentVariables = [{ name: "RUN", value: "#{codepipeline.PipelineExecutionId}-#{SourceVariables.CommitId}" }];
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
});

describe("VAR001 pipeline variables need V2", () => {
  it("rejects variables in a V1 pipeline", () => {
    const doc = validPipeline();
    doc.pipelineType = "V1";
    doc.variables = [{ name: "env", defaultValue: "prod" }];
    doc.stages[2].actions[0].configuration.ParameterOverrides = '{"Env":"#{variables.env}"}';
    only(validate(doc, TEST_CONTEXT), "VAR001", "variables", "error");
  });
  it("accepts them in V2", () => {
    without(validate(variablesPipeline(), TEST_CONTEXT), "VAR001");
  });
});

describe("VAR002 at most 50 variables", () => {
  it("rejects 51 variables", () => {
    const doc = variablesPipeline();
    for (let i = 0; i < 50; i++) doc.variables.push({ name: `v${i}`, defaultValue: "x" });
    only(validate(doc, TEST_CONTEXT), "VAR002", "variables", "error", ["VAR018"]);
  });
  it("rejects a non-list", () => {
    const doc = validPipeline();
    doc.variables = { env: "prod" };
    only(validate(doc, TEST_CONTEXT), "VAR002", "variables", "error");
  });
});

describe("VAR003 pipeline variable name", () => {
  it("rejects a name with a period", () => {
    const doc = variablesPipeline();
    doc.variables.push({ name: "env.name", defaultValue: "x" });
    only(validate(doc, TEST_CONTEXT), "VAR003", "variables[1].name", "error");
  });
  it("rejects duplicates, missing names and non-objects", () => {
    const doc = variablesPipeline();
    doc.variables.push({ name: "env", defaultValue: "x" }, { defaultValue: "x" }, "region");
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR003").map((d) => d.path)).toEqual(["variables[1].name", "variables[2].name", "variables[3]"]);
    expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual(["VAR003"]);
  });
});

describe("VAR004 default and description", () => {
  it("rejects a default over 1000 characters and a description over 200", () => {
    const doc = variablesPipeline();
    doc.variables[0].defaultValue = "x".repeat(1001);
    doc.variables[0].description = "d".repeat(201);
    only(validate(doc, TEST_CONTEXT), "VAR004", "variables[0].defaultValue", "error");
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR004").map((d) => d.path)).toContain("variables[0].description");
  });
  it("rejects a non-string default", () => {
    const doc = variablesPipeline();
    doc.variables[0].defaultValue = 3;
    only(validate(doc, TEST_CONTEXT), "VAR004", "variables[0].defaultValue", "error");
  });
  it("leaves an empty default to GEN004 and accepts an empty description", () => {
    const doc = variablesPipeline();
    doc.variables[0].defaultValue = "";
    doc.variables[0].description = "";
    without(validate(doc, TEST_CONTEXT), "VAR004");
  });
});

describe("VAR005 reference syntax", () => {
  it.each([["#{CommitId}"], ["#{Source.Variables.CommitId}"], ["#{}"], ["#{variables.env name}"]])("rejects %s", (ref) => {
    only(validate(withOverrides(ref), TEST_CONTEXT), "VAR005", OVERRIDES, "error");
  });
  it("checks Compute commands and environment variable values", () => {
    const doc = variablesPipeline();
    doc.stages[1].actions[1].commands[1] = "echo #{CommitId}";
    doc.stages[1].actions[1].environmentVariables = [{ name: "X", value: "#{Source.Variables.X}" }];
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR005").map((d) => d.path)).toEqual([`${TEST}.environmentVariables[0].value`, `${TEST}.commands[1]`]);
  });
  it("warns about an unclosed reference", () => {
    const doc = variablesPipeline();
    doc.stages[1].actions[1].commands[1] = "npm test -- --env #{variables.env";
    only(validate(doc, TEST_CONTEXT), "VAR005", `${TEST}.commands[1]`, "warning");
  });
});

describe("VAR006 namespace exists", () => {
  it("rejects an unknown namespace with the service's wording", () => {
    const doc = withOverrides("#{SourceVars.CommitId}");
    only(validate(doc, TEST_CONTEXT), "VAR006", OVERRIDES, "error");
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR006")[0]?.message).toMatch(/referencing a namespace that does not exist/);
  });
});

describe("VAR007 namespace owner runs earlier", () => {
  it("rejects a reference to a same-stage action with the same or a later runOrder", () => {
    const doc = variablesPipeline();
    doc.stages[1].actions[0].configuration.EnvironmentVariables = '[{"name":"R","value":"#{TestVariables.REPORT_URL}","type":"PLAINTEXT"}]';
    only(validate(doc, TEST_CONTEXT), "VAR007", `${BUILD}.configuration.EnvironmentVariables`, "error", ["VAR018"]);
  });
  it("rejects an action referencing its own namespace", () => {
    const doc = variablesPipeline();
    doc.stages[1].actions[1].commands[1] = "echo #{TestVariables.REPORT_URL}";
    only(validate(doc, TEST_CONTEXT), "VAR007", `${TEST}.commands[1]`, "error");
  });
});

describe("VAR008 pipeline variable declared", () => {
  it("rejects an undeclared pipeline variable", () => {
    only(validate(withOverrides("#{variables.region}"), TEST_CONTEXT), "VAR008", OVERRIDES, "error");
  });
});

describe("VAR009 built-in keys", () => {
  it("warns about an undocumented codepipeline key", () => {
    only(validate(withOverrides("#{codepipeline.PipelineName}"), TEST_CONTEXT), "VAR009", OVERRIDES, "warning");
  });
});

describe("VAR010 known output keys", () => {
  it("warns about a key the provider does not produce (case-sensitive)", () => {
    const doc = withOverrides("#{SourceVariables.CommitID}");
    only(validate(doc, TEST_CONTEXT), "VAR010", OVERRIDES, "warning");
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR010")[0]?.message).toMatch(/did you mean "CommitId"/);
  });
  it("warns about a Commands key missing from outputVariables", () => {
    only(validate(withOverrides("#{TestVariables.COVERAGE}"), TEST_CONTEXT), "VAR010", OVERRIDES, "warning");
  });
  it("skips user-defined keys (CodeBuild)", () => {
    const doc = withOverrides("#{BuildVariables.ANYTHING}");
    doc.stages[1].actions[0].namespace = "BuildVariables";
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
});

describe("VAR011 namespace format", () => {
  it("rejects a namespace with a period", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = "Build.Vars";
    only(validate(doc, TEST_CONTEXT), "VAR011", `${BUILD}.namespace`, "error");
  });
  it("rejects a non-string namespace", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = ["BuildVars"];
    only(validate(doc, TEST_CONTEXT), "VAR011", `${BUILD}.namespace`, "error");
  });
});

describe("VAR012 namespace unique", () => {
  it("rejects a namespace used twice", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = "SourceVariables";
    only(validate(doc, TEST_CONTEXT), "VAR012", `${BUILD}.namespace`, "error");
  });
});

describe("VAR013 namespace differs from artifact names", () => {
  it("rejects a namespace equal to an artifact name", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = "SourceOutput";
    doc.stages[2].actions[0].configuration.ParameterOverrides = '{"Image":"#{SourceOutput.IMAGE}"}';
    only(validate(doc, TEST_CONTEXT), "VAR013", `${BUILD}.namespace`, "error");
  });
});

describe("VAR014 reserved namespaces", () => {
  it.each([["codepipeline"], ["variables"]])("rejects %s", (ns) => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = ns;
    only(validate(doc, TEST_CONTEXT), "VAR014", `${BUILD}.namespace`, "error");
  });
});

describe("VAR015 namespace on a provider that emits nothing", () => {
  it("warns about a namespace on a Manual approval", () => {
    const doc = validPipeline();
    doc.stages.splice(2, 0, {
      name: "Approve",
      actions: [{ name: "Approve", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" }, runOrder: 1, namespace: "ApprovalVars" }],
    });
    only(validate(doc, TEST_CONTEXT), "VAR015", "stages[2].actions[0].namespace", "warning");
  });
});

describe("VAR016 references in non-resolving fields", () => {
  it("warns about a reference in roleArn", () => {
    const doc = variablesPipeline();
    doc.stages[2].actions[0].roleArn = "arn:aws:iam::123456789012:role/#{variables.env}-deploy";
    only(validate(doc, TEST_CONTEXT), "VAR016", `${DEPLOY}.roleArn`, "warning");
  });
  it("warns about a reference in an artifact name (beside the name rules)", () => {
    const doc = variablesPipeline();
    doc.stages[2].actions[0].outputArtifacts = [{ name: "#{variables.env}-out" }];
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR016").map((d) => [d.path, d.severity])).toEqual([[`${DEPLOY}.outputArtifacts[0].name`, "warning"]]);
  });
  it("covers names, actionTypeId, region, namespace, runOrder and rule fields", () => {
    const doc = variablesPipeline();
    const deploy = doc.stages[2].actions[0];
    deploy.name = "Deploy-#{variables.env}";
    deploy.actionTypeId.version = "#{variables.env}";
    deploy.region = "#{variables.env}";
    deploy.runOrder = "#{variables.env}";
    deploy.inputArtifacts[0].name = "#{variables.env}";
    doc.stages[1].actions[1].namespace = "#{variables.env}";
    doc.stages[2].beforeEntry = { conditions: [{ result: "FAIL", rules: [{ name: "R#{variables.env}", ruleTypeId: { category: "Rule", provider: "CloudWatchAlarm" }, configuration: { AlarmName: "a" } }] }] };
    expect(withCode(validate(doc, TEST_CONTEXT), "VAR016").map((d) => d.path).sort()).toEqual(
      [
        `${DEPLOY}.name`,
        `${DEPLOY}.actionTypeId.version`,
        `${DEPLOY}.region`,
        `${DEPLOY}.runOrder`,
        `${DEPLOY}.inputArtifacts[0].name`,
        `${TEST}.namespace`,
        "stages[2].beforeEntry.conditions[0].rules[0].name",
      ].sort(),
    );
  });
  it("is silent on resolving fields", () => {
    without(validate(variablesPipeline(), TEST_CONTEXT), "VAR016");
  });
});

describe("VAR017 variable without default", () => {
  it("warns when an automatically started pipeline has a variable without default", () => {
    const doc = variablesPipeline();
    delete doc.variables[0].defaultValue;
    only(validate(doc, TEST_CONTEXT), "VAR017", "variables[0]", "warning");
  });
  it("is silent when only manual starts are possible", () => {
    const doc = triggersPipeline();
    delete doc.triggers;
    doc.stages[0].actions[0].configuration.DetectChanges = "false";
    doc.variables = [{ name: "release" }];
    doc.stages[2].actions[0].configuration.ParameterOverrides = '{"Release":"#{variables.release}"}';
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
});

describe("VAR018 unused namespace / variable", () => {
  it("warns about a namespace nobody references", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = "BuildVariables";
    only(validate(doc, TEST_CONTEXT), "VAR018", `${BUILD}.namespace`, "warning");
  });
  it("warns about a pipeline variable nobody references", () => {
    const doc = variablesPipeline();
    doc.variables.push({ name: "unused", defaultValue: "x" });
    only(validate(doc, TEST_CONTEXT), "VAR018", "variables[1].name", "warning");
  });
  it("counts references in rule configuration", () => {
    const doc = conditionsPipeline();
    doc.stages[1].actions[0].configuration = { ProjectName: "web-app-build" };
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
  it("counts references in non-resolving fields (VAR016 reports those)", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].configuration = { ProjectName: "web-app-build" };
    doc.stages[2].actions[0].roleArn = "arn:aws:iam::123456789012:role/#{SourceVariables.BranchName}";
    only(validate(doc, TEST_CONTEXT), "VAR016", `${DEPLOY}.roleArn`, "warning");
  });
});

describe("commands on non-Compute actions", () => {
  it("count as a use without a VAR016 or VAR005 finding (ACT owns the misplaced field)", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].configuration = { ProjectName: "web-app-build" };
    doc.stages[1].actions[0].commands = ["echo #{SourceVariables.CommitId} #{Bad}"];
    const codes = codesOf(validate(doc, TEST_CONTEXT));
    expect(codes).not.toContain("VAR018");
    expect(codes).not.toContain("VAR016");
    expect(codes).not.toContain("VAR005");
  });
});

describe("totality", () => {
  it("never throws on odd shapes", () => {
    const odd: unknown[] = [null, 1, "#{", ["#{a.b}"], { value: "#{x" }, [{ name: 1, defaultValue: null }]];
    for (const value of odd) {
      const doc = variablesPipeline();
      doc.variables = value;
      doc.stages[1].actions[1].environmentVariables = value;
      doc.stages[1].actions[1].commands = value;
      doc.stages[1].actions[1].outputVariables = value;
      doc.stages[1].actions[0].namespace = value;
      expect(codesOf(validate(doc, TEST_CONTEXT))).not.toContain("PW000");
    }
  });
});
