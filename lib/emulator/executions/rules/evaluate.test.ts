/** The rule evaluator, one test per documented behaviour of each rule provider. */
import { describe, expect, it } from "vitest";
import type { RulePlan } from "../pipeline-plan";
import { cloudWatchAlarm, deploymentWindow, evaluateRule, evaluationSeconds, variableCheck } from "./evaluate";
import { parseWindowCron } from "./window-cron";
import { zonedTime } from "./zoned-time";

const rule = (provider: string, configuration: Record<string, string> = {}): RulePlan => ({
  name: "R",
  ruleTypeId: { category: "Rule", owner: "AWS", provider, version: "1" },
  configuration,
  commands: [],
  inputArtifacts: [],
});
const env = (alarms: Record<string, string> = {}, now = Date.UTC(2026, 11, 7, 14, 30)) => ({ now, alarmState: (n: string) => alarms[n] });

// https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-VariableCheck.html
describe("VariableCheck", () => {
  it("Equals: checks whether the variable is equal to the string value", () => {
    expect(variableCheck({ Variable: "MyDemoRepo", Operator: "EQ", Value: "MyDemoRepo" }).status).toBe("Succeeded");
    expect(variableCheck({ Variable: "MyDemoRepo", Operator: "EQ", Value: "mydemorepo" }).status).toBe("Failed");
  });
  it("Contains: checks whether the variable contains the string value as a substring", () => {
    expect(variableCheck({ Variable: "fix: update deps", Operator: "CONTAINS", Value: "update" }).status).toBe("Succeeded");
    expect(variableCheck({ Variable: "fix: bump deps", Operator: "CONTAINS", Value: "update" }).status).toBe("Failed");
  });
  it("Matches: checks whether the variable matches a regular expression (Java: the whole value)", () => {
    expect(variableCheck({ Variable: "release-1.2", Operator: "MATCHES", Value: "release-\\d+\\.\\d+" }).status).toBe("Succeeded");
    expect(variableCheck({ Variable: "prerelease-1.2", Operator: "MATCHES", Value: "release-\\d+\\.\\d+" }).status).toBe("Failed");
    expect(variableCheck({ Variable: "x", Operator: "MATCHES", Value: "(" }).status).toBe("Failed");
  });
  it("Not equals: checks whether the variable is not equal to the string value", () => {
    expect(variableCheck({ Variable: "main", Operator: "NE", Value: "release" }).status).toBe("Succeeded");
    expect(variableCheck({ Variable: "release", Operator: "NE", Value: "release" }).status).toBe("Failed");
  });
  it("fails on an operator AWS does not list, and on a variable that cannot be resolved", () => {
    expect(variableCheck({ Variable: "1", Operator: "GT", Value: "0" })).toMatchObject({ status: "Failed", errorDetails: { code: "JobFailed" } });
    const verdict = evaluateRule(rule("VariableCheck", { Variable: "#{S.X}", Operator: "EQ", Value: "a" }), {}, ["#{S.X}"], env(), false);
    expect(verdict.summary).toContain("#{S.X}");
  });
});

// https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-DeploymentWindow.html
describe("DeploymentWindow", () => {
  const monday1430 = Date.UTC(2026, 11, 7, 14, 30); // Monday 7 December 2026, 14:30 UTC
  it("passes inside the window the cron expression defines and fails outside it", () => {
    expect(deploymentWindow({ Cron: "* * 9-17 ? * MON-FRI *" }, monday1430).status).toBe("Succeeded");
    expect(deploymentWindow({ Cron: "* * 9-17 ? * SAT,SUN *" }, monday1430).status).toBe("Failed");
    expect(deploymentWindow({ Cron: "* 0-29 14 ? * 2 *" }, monday1430).status).toBe("Failed");
    expect(deploymentWindow({ Cron: "* 30/15 14 ? * 2" }, monday1430).status).toBe("Succeeded");
  });
  it("reads the time in TimeZone: Region/City, UTC+-HH:MM or an abbreviation, UTC by default", () => {
    expect(deploymentWindow({ Cron: "* * 15 ? * * *", TimeZone: "Europe/Berlin" }, monday1430).status).toBe("Succeeded");
    expect(deploymentWindow({ Cron: "* * 9 ? * * *", TimeZone: "America/New_York" }, monday1430).status).toBe("Succeeded");
    expect(deploymentWindow({ Cron: "* 0 20 ? * * *", TimeZone: "UTC+05:30" }, monday1430).status).toBe("Succeeded");
    expect(deploymentWindow({ Cron: "* * 6 ? * * *", TimeZone: "PST" }, monday1430).status).toBe("Succeeded");
    expect(deploymentWindow({ Cron: "* * 14 ? * * *" }, monday1430).status).toBe("Succeeded");
    expect(deploymentWindow({ Cron: "* * * ? * * *", TimeZone: "Mars/Olympus" }, monday1430).summary).toContain("Unknown time zone");
  });
  it("knows L, W and # in the day fields", () => {
    const t = (y: number, m: number, d: number) => zonedTime(Date.UTC(y, m - 1, d, 12))!;
    const matches = (cron: string, time: ReturnType<typeof t>) => {
      const parsed = parseWindowCron(cron);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.matches(time);
    };
    expect(matches("* * * L * ? *", t(2026, 2, 28))).toBe(true);
    expect(matches("* * * L-3 * ? *", t(2026, 1, 28))).toBe(true);
    expect(matches("* * * 15W * ? *", t(2026, 11, 16))).toBe(true); // 15 Nov 2026 is a Sunday
    expect(matches("* * * ? * 6L *", t(2026, 12, 25))).toBe(true); // last Friday of December 2026
    expect(matches("* * * ? * MON#1 *", t(2026, 12, 7))).toBe(true);
    expect(matches("* * * ? * MON#2 *", t(2026, 12, 7))).toBe(false);
  });
  it("rejects an expression without 6 or 7 fields, or with seconds other than '*'", () => {
    expect(parseWindowCron("* * * * *").ok).toBe(false);
    expect(parseWindowCron("0 * * ? * * *").ok).toBe(false);
    expect(parseWindowCron("* 61 * ? * * *").ok).toBe(false);
  });
});

// https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html
describe("CloudWatchAlarm", () => {
  it("fails while the alarm is in one of the monitored AlarmStates (ALARM when not given)", () => {
    expect(cloudWatchAlarm({ AlarmName: "a" }, env({ a: "ALARM" })).status).toBe("Failed");
    expect(cloudWatchAlarm({ AlarmName: "a" }, env({ a: "OK" })).status).toBe("Succeeded");
    expect(cloudWatchAlarm({ AlarmName: "a", AlarmStates: "ALARM,INSUFFICIENT_DATA" }, env({ a: "INSUFFICIENT_DATA" })).status).toBe("Failed");
  });
  it("needs an alarm that exists ('You must have already created an alarm')", () => {
    expect(cloudWatchAlarm({ AlarmName: "missing" }, env()).summary).toContain("does not exist");
  });
  it("waits WaitTime minutes to allow for a state change before running the rule result", () => {
    expect(evaluationSeconds(rule("CloudWatchAlarm", { AlarmName: "a", WaitTime: "20" }), { AlarmName: "a", WaitTime: "20" })).toBe(1200);
    expect(evaluationSeconds(rule("CloudWatchAlarm", { AlarmName: "a" }), { AlarmName: "a" })).toBeLessThan(60);
  });
});

describe("LambdaInvoke and Commands", () => {
  it("succeed unless the control API told them to fail", () => {
    expect(evaluateRule(rule("LambdaInvoke", { FunctionName: "f" }), { FunctionName: "f" }, [], env(), false).status).toBe("Succeeded");
    expect(evaluateRule(rule("LambdaInvoke", { FunctionName: "f" }), { FunctionName: "f" }, [], env(), true).status).toBe("Failed");
    expect(evaluateRule(rule("Commands"), {}, [], env(), true)).toMatchObject({ status: "Failed", errorDetails: { code: "JobFailed" } });
  });
});
