/** COND: stage conditions and the rules inside them. */
import { producers } from "../edits";
import { addBeforeEntryRule, alarmRule, lambdaRule, namespaceWithKey, nonSource, pick, stageWithout, V1, V2, variableCheck } from "./helpers";
import type { Mutation } from "./mutation";

export const CONDITION_MUTATIONS: readonly Mutation[] = [
  {
    code: "COND001",
    name: "automatic retry in a V1 pipeline",
    gen: V1,
    severity: "error",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "ALL_ACTIONS" } };
      return true;
    },
  },
  {
    code: "COND002",
    name: "two onSuccess conditions",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onSuccess");
      if (s === undefined) return false;
      p.stages[s].onSuccess = { conditions: [{ result: "FAIL", rules: [alarmRule("A1")] }, { result: "FAIL", rules: [alarmRule("A2")] }] };
      return true;
    },
  },
  {
    code: "COND002",
    name: "beforeEntry without conditions",
    gen: V2,
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = {};
      return true;
    },
  },
  {
    code: "COND003",
    name: "ROLLBACK before entry",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "ROLLBACK", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND004",
    name: "onFailure conditions without a result",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    severity: "warning",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { conditions: [{ result: "ROLLBACK", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND005",
    name: "RETRY without retryConfiguration",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "RETRY" };
      return true;
    },
  },
  {
    code: "COND005",
    name: "unknown retryMode",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "FAILED" } };
      return true;
    },
  },
  {
    code: "COND006",
    name: "automatic retry with onFailure conditions",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "RETRY", retryConfiguration: { retryMode: "ALL_ACTIONS" }, conditions: [{ result: "ROLLBACK", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND007",
    name: "SKIP with a CloudWatchAlarm rule",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "SKIP", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
  {
    code: "COND008",
    name: "onFailure ROLLBACK in PARALLEL mode",
    gen: { ...V2, executionModes: ["PARALLEL"] },
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "onFailure");
      if (s === undefined) return false;
      p.stages[s].onFailure = { result: "ROLLBACK" };
      return true;
    },
  },
  {
    code: "COND009",
    name: "rollback of the source stage",
    gen: { ...V2, executionModes: [undefined, "SUPERSEDED", "QUEUED"] },
    // Any condition block on stage 0 is also COND010's (undocumented placement).
    also: ["COND010"],
    severity: "error",
    apply(p) {
      p.stages[0].onFailure = { result: "ROLLBACK" };
      return true;
    },
  },
  {
    code: "COND010",
    name: "beforeEntry on the source stage",
    gen: V2,
    severity: "warning",
    apply(p) {
      p.stages[0].beforeEntry = { conditions: [{ result: "FAIL", rules: [lambdaRule("Gate")] }] };
      return true;
    },
  },
  {
    code: "COND011",
    name: "six rules in a condition",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "FAIL", rules: Array.from({ length: 6 }, (_, i) => alarmRule(`Alarm-${i}`)) }] };
      return true;
    },
  },
  {
    code: "COND012",
    name: "space in a rule name",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const s = c.int(1, p.stages.length - 1);
      return addBeforeEntryRule(p, s, alarmRule("my rule"));
    },
  },
  {
    code: "COND012",
    name: "duplicate rule names in a condition",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "FAIL", rules: [alarmRule("dup"), alarmRule("dup")] }] };
      return true;
    },
  },
  {
    code: "COND013",
    name: "rule category Action",
    gen: V2,
    severity: "error",
    apply(p, c) {
      const rule = alarmRule("Alarm");
      rule.ruleTypeId.category = "Action";
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), rule);
    },
  },
  {
    code: "COND013",
    name: "unknown rule provider",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { name: "Custom", ruleTypeId: { category: "Rule", owner: "AWS", provider: "SecurityHubCheck", version: "1" } });
    },
  },
  {
    code: "COND014",
    name: "rule configuration value over 10000 characters",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), lambdaRule("Gate", { FunctionName: "gate", UserParameters: "x".repeat(10_001) }));
    },
  },
  {
    code: "COND015",
    name: "VariableCheck without Operator",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), variableCheck("Check", { Variable: "#{codepipeline.PipelineExecutionId}", Value: "x" }));
    },
  },
  {
    code: "COND016",
    name: "VariableCheck operator EQUALS",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), variableCheck("Check", { Variable: "#{codepipeline.PipelineExecutionId}", Operator: "EQUALS", Value: "x" }));
    },
  },
  {
    code: "COND017",
    name: "five-field cron",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), {
        name: "Window",
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "DeploymentWindow", version: "1" },
        configuration: { Cron: "0 9-17 * * MON-FRI" },
      });
    },
  },
  {
    code: "COND018",
    name: "commands on a LambdaInvoke rule",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...lambdaRule("Gate"), commands: ["echo hi"] });
    },
  },
  {
    code: "COND019",
    name: "rule timeout of 2 minutes",
    gen: V2,
    severity: "error",
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...alarmRule("Alarm"), timeoutInMinutes: 2 });
    },
  },
  {
    code: "COND019",
    name: "rule roleArn that is not a role",
    gen: V2,
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...alarmRule("Alarm"), roleArn: "arn:aws:iam::123:role/x" });
    },
  },
  {
    code: "COND019",
    name: "rule region too short",
    gen: V2,
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { ...alarmRule("Alarm"), region: "eu" });
    },
  },
  {
    code: "COND013",
    name: "rule provider with a space",
    gen: V2,
    apply(p, c) {
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), { name: "Alarm", ruleTypeId: { category: "Rule", owner: "AWS", provider: "Cloud Watch", version: "1" }, configuration: { AlarmName: "a" } });
    },
  },
  {
    code: "COND013",
    name: "dotted rule version",
    gen: V2,
    apply(p, c) {
      const rule = alarmRule("Alarm");
      rule.ruleTypeId.version = "1.0";
      return addBeforeEntryRule(p, c.int(1, p.stages.length - 1), rule);
    },
  },
  {
    code: "COND020",
    name: "beforeEntry rule input produced in the same stage",
    gen: V2,
    severity: "warning",
    apply(p, c) {
      const made = [...producers(p)].filter(([, at]) => at.stage > 0);
      const hit = pick(c, made);
      if (!hit) return false;
      const [artifact, at] = hit;
      return addBeforeEntryRule(p, at.stage, {
        name: "BuildCheck",
        ruleTypeId: { category: "Rule", owner: "AWS", provider: "CodeBuild", version: "1" },
        configuration: { ProjectName: "check" },
        inputArtifacts: [{ name: artifact }],
      });
    },
  },
  {
    code: "COND021",
    name: "beforeEntry check on a namespace of the same stage",
    gen: { ...V2, namespaces: "force" },
    severity: "warning",
    apply(p, c) {
      const hit = namespaceWithKey(p, c, nonSource);
      if (!hit) return false;
      return addBeforeEntryRule(p, hit.at.stage, variableCheck("Check", { Variable: `#{${hit.ns}.${hit.key}}`, Operator: "EQ", Value: "x" }));
    },
  },
];
