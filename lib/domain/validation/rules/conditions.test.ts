import { describe, expect, it } from "vitest";
import { codesOf, TEST_CONTEXT, validPipeline } from "../testing/fixtures";
import { only, withCode, without } from "../testing/expect";
import { validate } from "../validate";
import { conditionsPipeline, rule } from "./v2-fixtures";

const BE = "stages[1].beforeEntry";
const BE_COND = `${BE}.conditions[0]`;
const BE_RULE = `${BE_COND}.rules[0]`;
const OS = "stages[2].onSuccess";
const OF = "stages[2].onFailure";

function withBeforeEntry(...rules: unknown[]) {
  const doc = conditionsPipeline();
  doc.stages[1].beforeEntry.conditions[0].rules = rules;
  return doc;
}

describe("valid condition pipelines", () => {
  it("is silent on the conditions fixture", () => {
    expect(validate(conditionsPipeline(), TEST_CONTEXT)).toEqual([]);
  });

  it("is silent on automatic retry, SKIP with VariableCheck, Commands rules and onSuccess ROLLBACK", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } };
    doc.stages[1].beforeEntry.conditions[0] = {
      result: "SKIP",
      rules: [rule("SkipDocs", "VariableCheck", { Variable: "#{SourceVariables.CommitMessage}", Operator: "MATCHES", Value: "(?i)^docs:.*" }), rule("Gate", "LambdaInvoke", { FunctionName: "gate" })],
    };
    doc.stages[2].onSuccess.conditions[0].result = "ROLLBACK";
    doc.stages[2].onSuccess.conditions[0].rules.push({ ...rule("Smoke", "Commands"), commands: ["curl -f https://example.com/health"], inputArtifacts: [{ name: "BuildOutput" }] });
    doc.stages[2].onSuccess.conditions[0].rules.push(rule("Window", "DeploymentWindow", { Cron: "* 0 9-17 ? * MON-FRI", TimeZone: "Europe/Berlin" }));
    doc.stages[2].onSuccess.conditions[0].rules.push(rule("Alarm", "CloudWatchAlarm", { AlarmName: "a", AlarmStates: "ALARM, INSUFFICIENT_DATA", WaitTime: "15" }));
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
});

describe("COND001 conditions need V2", () => {
  it("rejects conditions in a V1 pipeline", () => {
    const doc = validPipeline();
    doc.pipelineType = "V1";
    doc.stages[2].onFailure = { result: "ROLLBACK" };
    only(validate(doc, TEST_CONTEXT), "COND001", OF, "error");
  });
  it("accepts them when pipelineType is omitted (V2 default)", () => {
    const doc = conditionsPipeline();
    delete doc.pipelineType;
    without(validate(doc, TEST_CONTEXT), "COND001");
  });
});

describe("COND002 one condition per block", () => {
  it("rejects two conditions", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess.conditions.push({ result: "FAIL", rules: [rule("Other", "LambdaInvoke", { FunctionName: "f" })] });
    only(validate(doc, TEST_CONTEXT), "COND002", `${OS}.conditions`, "error");
  });
  it("requires conditions in onSuccess / beforeEntry", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess = {};
    only(validate(doc, TEST_CONTEXT), "COND002", OS, "error");
  });
  it("rejects a block that is not an object", () => {
    const doc = conditionsPipeline();
    doc.stages[1].beforeEntry = ["FAIL"];
    only(validate(doc, TEST_CONTEXT), "COND002", BE, "error");
  });
  it("rejects a condition that is not an object", () => {
    const doc = conditionsPipeline();
    doc.stages[1].beforeEntry.conditions = ["FAIL"];
    only(validate(doc, TEST_CONTEXT), "COND002", BE_COND, "error");
  });
  it("leaves an empty list to GEN003 and onFailure without conditions alone", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess.conditions = [];
    without(validate(doc, TEST_CONTEXT), "COND002");
  });
});

describe("COND003 allowed results per block", () => {
  it("rejects ROLLBACK before entry", () => {
    const doc = conditionsPipeline();
    doc.stages[1].beforeEntry.conditions[0].result = "ROLLBACK";
    only(validate(doc, TEST_CONTEXT), "COND003", `${BE_COND}.result`, "error");
  });
  it("rejects FAIL as onFailure result", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure.result = "FAIL";
    only(validate(doc, TEST_CONTEXT), "COND003", `${OF}.result`, "error");
  });
  it("rejects an unknown result", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess.conditions[0].result = "ABORT";
    only(validate(doc, TEST_CONTEXT), "COND003", `${OS}.conditions[0].result`, "error");
  });
  it("warns about a condition without result", () => {
    const doc = conditionsPipeline();
    delete doc.stages[2].onSuccess.conditions[0].result;
    only(validate(doc, TEST_CONTEXT), "COND003", `${OS}.conditions[0]`, "warning");
  });
  it("leaves wrong-case values to GEN006", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure.result = "rollback";
    without(validate(doc, TEST_CONTEXT), "COND003");
  });
});

describe("COND004 onFailure needs a result", () => {
  it("warns when onFailure has conditions but no result", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure = { conditions: [{ result: "ROLLBACK", rules: [rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" })] }] };
    only(validate(doc, TEST_CONTEXT), "COND004", OF, "warning");
  });
});

describe("COND005 automatic retry shape", () => {
  it("warns when RETRY has no retryConfiguration", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure = { result: "RETRY" };
    only(validate(doc, TEST_CONTEXT), "COND005", OF, "warning");
  });
  it("rejects an invalid retryMode", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "FAILED" } };
    only(validate(doc, TEST_CONTEXT), "COND005", `${OF}.retryConfiguration.retryMode`, "error");
  });
  it("warns about retryConfiguration without RETRY", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure.retryConfiguration = { retryMode: "ALL_ACTIONS" };
    only(validate(doc, TEST_CONTEXT), "COND005", `${OF}.retryConfiguration`, "warning");
  });
  it("warns when retryConfiguration has no retryMode", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure = { result: "RETRY", retryConfiguration: {} };
    only(validate(doc, TEST_CONTEXT), "COND005", `${OF}.retryConfiguration`, "warning");
  });
});

describe("COND006 no automatic retry with onFailure conditions", () => {
  it("rejects RETRY together with conditions", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure = {
      result: "RETRY",
      retryConfiguration: { retryMode: "ALL_ACTIONS" },
      conditions: [{ result: "ROLLBACK", rules: [rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" })] }],
    };
    only(validate(doc, TEST_CONTEXT), "COND006", `${OF}.conditions`, "error");
  });
  it("rejects a RETRY condition result", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onFailure.conditions = [{ result: "RETRY", rules: [rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" })] }];
    only(validate(doc, TEST_CONTEXT), "COND006", `${OF}.conditions[0].result`, "error");
  });
});

describe("COND007 SKIP only with LambdaInvoke / VariableCheck", () => {
  it("rejects a CloudWatchAlarm rule in a SKIP condition", () => {
    const doc = conditionsPipeline();
    doc.stages[1].beforeEntry.conditions[0].result = "SKIP";
    only(validate(doc, TEST_CONTEXT), "COND007", `${BE_RULE}.ruleTypeId.provider`, "error");
  });
});

describe("COND008 no rollback in PARALLEL mode", () => {
  it("rejects onFailure ROLLBACK in PARALLEL mode", () => {
    const doc = conditionsPipeline();
    doc.executionMode = "PARALLEL";
    only(validate(doc, TEST_CONTEXT), "COND008", `${OF}.result`, "error");
  });
  it("treats onSuccess ROLLBACK the same", () => {
    const doc = conditionsPipeline();
    doc.executionMode = "PARALLEL";
    delete doc.stages[2].onFailure;
    doc.stages[2].onSuccess.conditions[0].result = "ROLLBACK";
    only(validate(doc, TEST_CONTEXT), "COND008", `${OS}.conditions[0].result`, "error");
  });
  it("allows ROLLBACK in QUEUED mode", () => {
    const doc = conditionsPipeline();
    doc.executionMode = "QUEUED";
    without(validate(doc, TEST_CONTEXT), "COND008");
  });
});

describe("COND009 / COND010 the source stage", () => {
  it("rejects rolling back the source stage", () => {
    const doc = validPipeline();
    doc.stages[0].onFailure = { result: "ROLLBACK" };
    only(validate(doc, TEST_CONTEXT), "COND009", "stages[0].onFailure.result", "error");
  });
  it("warns about other conditions on the source stage", () => {
    const doc = validPipeline();
    doc.stages[0].beforeEntry = { conditions: [{ result: "FAIL", rules: [rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" })] }] };
    only(validate(doc, TEST_CONTEXT), "COND010", "stages[0].beforeEntry", "warning");
  });
});

describe("COND011 rules per condition", () => {
  it("rejects six rules", () => {
    const six = [1, 2, 3, 4, 5, 6].map((i) => rule(`Alarm${i}`, "CloudWatchAlarm", { AlarmName: `a${i}` }));
    only(validate(withBeforeEntry(...six), TEST_CONTEXT), "COND011", `${BE_COND}.rules`, "error");
  });
  it("warns about a condition without rules", () => {
    const doc = conditionsPipeline();
    delete doc.stages[1].beforeEntry.conditions[0].rules;
    only(validate(doc, TEST_CONTEXT), "COND011", BE_COND, "warning");
  });
  it("rejects a rule that is not an object", () => {
    only(validate(withBeforeEntry("CloudWatchAlarm"), TEST_CONTEXT), "COND011", BE_RULE, "error");
  });
  it("leaves [] to GEN003", () => {
    without(validate(withBeforeEntry(), TEST_CONTEXT), "COND011");
  });
});

describe("COND012 rule name", () => {
  it("rejects a bad name", () => {
    only(validate(withBeforeEntry(rule("my rule", "CloudWatchAlarm", { AlarmName: "a" })), TEST_CONTEXT), "COND012", `${BE_RULE}.name`, "error");
  });
  it("requires a name", () => {
    const r = rule("x", "CloudWatchAlarm", { AlarmName: "a" });
    delete r.name;
    only(validate(withBeforeEntry(r), TEST_CONTEXT), "COND012", `${BE_RULE}.name`, "error");
  });
  it("warns about duplicate names in one condition", () => {
    const doc = withBeforeEntry(rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" }), rule("Alarm", "CloudWatchAlarm", { AlarmName: "b" }));
    only(validate(doc, TEST_CONTEXT), "COND012", `${BE_COND}.rules[1].name`, "warning");
  });
});

describe("COND013 rule type id", () => {
  it("rejects a non-Rule category", () => {
    const r = rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" });
    r.ruleTypeId.category = "Action";
    only(validate(withBeforeEntry(r), TEST_CONTEXT), "COND013", `${BE_RULE}.ruleTypeId.category`, "error");
  });
  it("requires ruleTypeId", () => {
    const r = rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" });
    delete r.ruleTypeId;
    only(validate(withBeforeEntry(r), TEST_CONTEXT), "COND013", `${BE_RULE}.ruleTypeId`, "error");
  });
  it("rejects a provider that breaks the pattern", () => {
    only(validate(withBeforeEntry(rule("Alarm", "Cloud Watch", { AlarmName: "a" })), TEST_CONTEXT), "COND013", `${BE_RULE}.ruleTypeId.provider`, "error");
  });
  it("warns about an unknown provider", () => {
    only(validate(withBeforeEntry(rule("Alarm", "CloudWatch", { AlarmName: "a" })), TEST_CONTEXT), "COND013", `${BE_RULE}.ruleTypeId.provider`, "warning");
  });
  it("rejects a bad version and owner", () => {
    const r = rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" });
    r.ruleTypeId.version = "1.0";
    r.ruleTypeId.owner = "Custom";
    const doc = withBeforeEntry(r);
    only(validate(doc, TEST_CONTEXT), "COND013", `${BE_RULE}.ruleTypeId.version`, "error");
    expect(withCode(validate(doc, TEST_CONTEXT), "COND013").map((d) => d.path)).toContain(`${BE_RULE}.ruleTypeId.owner`);
  });
});

describe("COND014 rule configuration limits", () => {
  it("rejects a value over 10000 characters", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess.conditions[0].rules[0].configuration.Value = "x".repeat(10001);
    only(validate(doc, TEST_CONTEXT), "COND014", `${OS}.conditions[0].rules[0].configuration.Value`, "error");
  });
  it("accepts 10000 characters (actions stop at 1000)", () => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess.conditions[0].rules[0].configuration.Value = "x".repeat(10000);
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
  it("rejects a configuration that is not an object", () => {
    const r = rule("Alarm", "CloudWatchAlarm");
    r.configuration = "AlarmName=a";
    only(validate(withBeforeEntry(r), TEST_CONTEXT), "COND014", `${BE_RULE}.configuration`, "error");
  });
  it("rejects more than 200 entries and long keys", () => {
    const config: Record<string, string> = { AlarmName: "a" };
    for (let i = 0; i < 200; i++) config[`K${i}`] = "v";
    config["K".repeat(51)] = "v";
    const doc = withBeforeEntry(rule("Alarm", "CloudWatchAlarm", config));
    const paths = withCode(validate(doc, TEST_CONTEXT), "COND014").map((d) => d.path);
    expect(paths).toContain(`${BE_RULE}.configuration`);
    expect(paths).toContain(`${BE_RULE}.configuration.${"K".repeat(51)}`);
  });
});

describe("COND015 rule required keys", () => {
  it("requires VariableCheck Operator", () => {
    const doc = conditionsPipeline();
    delete doc.stages[2].onSuccess.conditions[0].rules[0].configuration.Operator;
    only(validate(doc, TEST_CONTEXT), "COND015", `${OS}.conditions[0].rules[0].configuration`, "error");
  });
  it("requires AlarmName when configuration is missing", () => {
    only(validate(withBeforeEntry(rule("Alarm", "CloudWatchAlarm")), TEST_CONTEXT), "COND015", `${BE_RULE}.configuration`, "error");
  });
});

describe("COND016 rule allowed values", () => {
  const check = (config: Record<string, string>) => {
    const doc = conditionsPipeline();
    Object.assign(doc.stages[2].onSuccess.conditions[0].rules[0].configuration, config);
    return doc;
  };
  it("warns about an unknown operator", () => {
    only(validate(check({ Operator: "EQUALS" }), TEST_CONTEXT), "COND016", `${OS}.conditions[0].rules[0].configuration.Operator`, "warning");
  });
  it("warns when a MATCHES value does not compile", () => {
    only(validate(check({ Operator: "MATCHES", Value: "([a-z" }), TEST_CONTEXT), "COND016", `${OS}.conditions[0].rules[0].configuration.Value`, "warning");
  });
  it("accepts Java-only regex syntax", () => {
    without(validate(check({ Operator: "MATCHES", Value: "(?i)^(main|release/.*+)$" }), TEST_CONTEXT), "COND016");
  });
  it("checks AlarmStates and WaitTime", () => {
    const doc = withBeforeEntry(rule("Alarm", "CloudWatchAlarm", { AlarmName: "a", AlarmStates: "ALARM,BROKEN", WaitTime: "ten" }));
    expect(withCode(validate(doc, TEST_CONTEXT), "COND016").map((d) => [d.path, d.severity])).toEqual([
      [`${BE_RULE}.configuration.AlarmStates`, "warning"],
      [`${BE_RULE}.configuration.WaitTime`, "warning"],
    ]);
  });
  it("skips values that hold references", () => {
    without(validate(check({ Operator: "#{variables.op}" }), TEST_CONTEXT), "COND016");
  });
});

describe("COND017 DeploymentWindow cron shape", () => {
  const windowRule = (config: Record<string, string>) => withBeforeEntry(rule("Window", "DeploymentWindow", config));
  it("warns about a five-field cron", () => {
    only(validate(windowRule({ Cron: "0 9-17 * * MON-FRI" }), TEST_CONTEXT), "COND017", `${BE_RULE}.configuration.Cron`, "warning");
  });
  it("warns when the seconds field is not *", () => {
    only(validate(windowRule({ Cron: "0 0 9-17 ? * MON-FRI" }), TEST_CONTEXT), "COND017", `${BE_RULE}.configuration.Cron`, "warning");
  });
  it("warns about a bad field", () => {
    only(validate(windowRule({ Cron: "* 0 9-17 ? * MON-FRI 20xx" }), TEST_CONTEXT), "COND017", `${BE_RULE}.configuration.Cron`, "warning");
  });
  it("warns about a bad time zone", () => {
    only(validate(windowRule({ Cron: "* 0 9-17 ? * MON-FRI", TimeZone: "Central European" }), TEST_CONTEXT), "COND017", `${BE_RULE}.configuration.TimeZone`, "warning");
  });
  it("accepts 7 fields and UTC offsets", () => {
    without(validate(windowRule({ Cron: "* 0 9-17 ? * MON-FRI 2026", TimeZone: "UTC+05:30" }), TEST_CONTEXT), "COND017");
    without(validate(windowRule({ Cron: "* 0 9-17 ? * MON-FRI", TimeZone: "PST" }), TEST_CONTEXT), "COND017");
  });
});

describe("COND018 rule commands", () => {
  it("rejects commands on a non-Commands rule", () => {
    const r = { ...rule("Gate", "LambdaInvoke", { FunctionName: "f" }), commands: ["echo hi"] };
    only(validate(withBeforeEntry(r), TEST_CONTEXT), "COND018", `${BE_RULE}.commands`, "error");
  });
  it("requires commands on the Commands rule", () => {
    only(validate(withBeforeEntry(rule("Smoke", "Commands")), TEST_CONTEXT), "COND018", BE_RULE, "error");
  });
  it("rejects a multi-line command and more than 50", () => {
    const doc = withBeforeEntry({ ...rule("Smoke", "Commands"), commands: ["echo a\necho b"] });
    only(validate(doc, TEST_CONTEXT), "COND018", `${BE_RULE}.commands[0]`, "error");
    const many = withBeforeEntry({ ...rule("Smoke", "Commands"), commands: Array.from({ length: 51 }, (_, i) => `echo ${i}`) });
    only(validate(many, TEST_CONTEXT), "COND018", `${BE_RULE}.commands`, "error");
  });
});

describe("COND019 rule timeout / role / region", () => {
  it("rejects a timeout under 5 minutes", () => {
    const r = { ...rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" }), timeoutInMinutes: 2 };
    only(validate(withBeforeEntry(r), TEST_CONTEXT), "COND019", `${BE_RULE}.timeoutInMinutes`, "error");
  });
  it("rejects a bad role ARN and region", () => {
    const r = { ...rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" }), roleArn: "arn:aws:iam::123:role/x", region: "eu" };
    const doc = withBeforeEntry(r);
    only(validate(doc, TEST_CONTEXT), "COND019", `${BE_RULE}.roleArn`, "error");
    expect(withCode(validate(doc, TEST_CONTEXT), "COND019").map((d) => d.path)).toContain(`${BE_RULE}.region`);
  });
  it("accepts valid values", () => {
    const r = { ...rule("Alarm", "CloudWatchAlarm", { AlarmName: "a" }), timeoutInMinutes: 60, roleArn: "arn:aws:iam::123456789012:role/rule", region: "us-east-1" };
    without(validate(withBeforeEntry(r), TEST_CONTEXT), "COND019");
  });
});

describe("COND020 rule input artifacts exist earlier", () => {
  const lint = (input: string) => ({ ...rule("Lint", "CodeBuild", { ProjectName: "lint" }), inputArtifacts: [{ name: input }] });
  it("warns when a beforeEntry rule reads an artifact of its own stage", () => {
    only(validate(withBeforeEntry(lint("BuildOutput")), TEST_CONTEXT), "COND020", `${BE_RULE}.inputArtifacts[0].name`, "warning");
  });
  it("accepts an earlier stage's artifact", () => {
    without(validate(withBeforeEntry(lint("SourceOutput")), TEST_CONTEXT), "COND020");
  });
  it("accepts the stage's own artifact on success", () => {
    const doc = conditionsPipeline();
    doc.stages[1].onSuccess = { conditions: [{ result: "FAIL", rules: [lint("BuildOutput")] }] };
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
  it("warns about an artifact nobody produces", () => {
    only(validate(withBeforeEntry(lint("Nothing")), TEST_CONTEXT), "COND020", `${BE_RULE}.inputArtifacts[0].name`, "warning");
  });
  it("leaves a bad name or list shape to ART001", () => {
    without(validate(withBeforeEntry(lint("bad name")), TEST_CONTEXT), "COND020");
    without(validate(withBeforeEntry({ ...rule("Lint", "CodeBuild", { ProjectName: "lint" }), inputArtifacts: "SourceOutput" }), TEST_CONTEXT), "COND020");
  });
});

describe("COND021 rule variable references", () => {
  it("warns when beforeEntry reads a namespace of its own stage", () => {
    const doc = conditionsPipeline();
    doc.stages[2].actions[0].namespace = "DeployVars";
    doc.stages[2].beforeEntry = {
      conditions: [{ result: "FAIL", rules: [rule("Check", "VariableCheck", { Variable: "#{DeployVars.StackId}", Operator: "EQ", Value: "x" })] }],
    };
    only(validate(doc, TEST_CONTEXT), "COND021", "stages[2].beforeEntry.conditions[0].rules[0].configuration.Variable", "warning");
  });
  it("accepts the same reference on success", () => {
    const doc = conditionsPipeline();
    doc.stages[2].actions[0].namespace = "DeployVars";
    doc.stages[2].onSuccess.conditions[0].rules[0].configuration.Variable = "#{DeployVars.StackId}";
    expect(validate(doc, TEST_CONTEXT)).toEqual([]);
  });
  it.each([["#{BranchName}"], ["#{variables.branch}"], ["#{Nope.X}"]])("warns about %s", (ref) => {
    const doc = conditionsPipeline();
    doc.stages[2].onSuccess.conditions[0].rules[0].configuration.Variable = ref;
    only(validate(doc, TEST_CONTEXT), "COND021", `${OS}.conditions[0].rules[0].configuration.Variable`, "warning");
  });
  it("checks rule commands too", () => {
    const doc = withBeforeEntry({ ...rule("Smoke", "Commands"), commands: ["echo #{SourceVariables.Nope}"] });
    only(validate(doc, TEST_CONTEXT), "COND021", `${BE_RULE}.commands[0]`, "warning");
  });
});

describe("totality", () => {
  it("never throws on odd shapes", () => {
    const odd: unknown[] = [null, 1, "x", [], {}, [null], { conditions: null }, { conditions: [{ rules: [null, 1, { ruleTypeId: [] }] }] }];
    for (const value of odd) {
      const doc = conditionsPipeline();
      doc.stages[1].beforeEntry = value;
      doc.stages[2].onFailure = value;
      doc.stages[2].onSuccess = value;
      expect(codesOf(validate(doc, TEST_CONTEXT))).not.toContain("PW000");
    }
  });
});
