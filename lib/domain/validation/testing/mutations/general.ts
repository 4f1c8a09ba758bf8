/** GEN001–GEN006: shape breakages any member can have. */
import { type Json, rulesOf, runOrderOf } from "../edits";
import { ACCOUNT, HOME_REGION } from "../generator-options";
import { alarmRule, isKey, pick, pickAction, stageWithout, V2, withKey } from "./helpers";
import type { Mutation } from "./mutation";

export const GENERAL_MUTATIONS: readonly Mutation[] = [
  {
    code: "GEN001",
    name: "boolean PollForSourceChanges",
    gen: withKey("Source/AWS/CodeCommit"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.configuration?.PollForSourceChanges === "false");
      if (!at) return false;
      at.action.configuration.PollForSourceChanges = false;
      return true;
    },
  },
  {
    code: "GEN001",
    name: "number in a rule configuration",
    gen: { ...V2, conditions: "force" },
    apply(p, c) {
      const candidates = rulesOf(p).filter(({ rule }) => ["AlarmName", "ProjectName", "FunctionName", "Cron", "Value"].some((k) => k in (rule.configuration ?? {})));
      const hit = pick(c, candidates);
      if (!hit) return false;
      const k = ["AlarmName", "ProjectName", "FunctionName", "Cron", "Value"].find((key) => key in hit.rule.configuration)!;
      hit.rule.configuration[k] = 42;
      return true;
    },
  },
  {
    code: "GEN002",
    name: "fractional runOrder in group 1",
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => runOrderOf(a.action) === 1 && a.stage > 0);
      if (!at) return false;
      at.action.runOrder = 1.5;
      return true;
    },
  },
  {
    code: "GEN002",
    name: "numeric-string runOrder",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.runOrder === 1);
      if (!at) return false;
      at.action.runOrder = "1";
      return true;
    },
  },
  {
    code: "GEN002",
    name: "fractional version",
    apply(p) {
      p.version = 1.5;
      return true;
    },
  },
  {
    code: "GEN002",
    name: "fractional approval timeout",
    gen: withKey("Approval/AWS/Manual"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"));
      if (!at) return false;
      at.action.timeoutInMinutes = 60.5;
      return true;
    },
  },
  {
    code: "GEN003",
    name: "empty environmentVariables on Commands",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Compute/AWS/Commands")(a) && a.action.environmentVariables === undefined);
      if (!at) return false;
      at.action.environmentVariables = [];
      return true;
    },
  },
  {
    code: "GEN003",
    name: "empty condition rules",
    gen: V2,
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined || p.executionMode === "PARALLEL") return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "FAIL", rules: [] }] };
      return true;
    },
  },
  {
    code: "GEN003",
    name: "empty push list next to a pull-request filter",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      const t = pick<Json>(c, (p.triggers ?? []).filter((x: Json) => x.gitConfiguration.push === undefined));
      if (!t) return false;
      t.gitConfiguration.push = [];
      return true;
    },
  },
  {
    code: "GEN004",
    name: "empty stage name",
    severity: "error",
    apply(p, c) {
      p.stages[c.int(1, p.stages.length - 1)].name = "";
      return true;
    },
  },
  {
    code: "GEN004",
    name: "empty required configuration value",
    gen: withKey("Build/AWS/CodeBuild"),
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.provider === "CodeBuild");
      if (!at) return false;
      at.action.configuration.ProjectName = "";
      return true;
    },
  },
  {
    code: "GEN004",
    name: "empty variable default",
    gen: { ...V2, variables: "force" },
    apply(p, c) {
      c.pick(p.variables as Json[]).defaultValue = "";
      return true;
    },
  },
  {
    code: "GEN005",
    name: "metadata inside the declaration",
    severity: "warning",
    apply(p) {
      p.metadata = { pipelineArn: `arn:aws:codepipeline:${HOME_REGION}:${ACCOUNT}:${p.name}` };
      return true;
    },
  },
  {
    code: "GEN005",
    name: "PascalCase RunOrder",
    apply(p, c) {
      const at = pickAction(p, c, () => true)!;
      at.action.RunOrder = 1;
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case executionMode",
    severity: "error",
    apply(p) {
      p.executionMode = { SUPERSEDED: "Superseded", QUEUED: "queued", PARALLEL: "Parallel" }[p.executionMode as string] ?? "superseded";
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case pipelineType v2",
    gen: V2,
    apply(p) {
      p.pipelineType = "v2";
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case action owner",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS" && !a.action.region && !a.action.roleArn);
      if (!at) return false;
      at.action.actionTypeId.owner = "aws";
      return true;
    },
  },
  {
    code: "GEN006",
    name: "wrong-case condition result",
    gen: V2,
    apply(p, c) {
      const s = stageWithout(p, c, "beforeEntry");
      if (s === undefined) return false;
      p.stages[s].beforeEntry = { conditions: [{ result: "fail", rules: [alarmRule("Alarm")] }] };
      return true;
    },
  },
];
