/** ACT: action names, types, regions, roles and members. */
import { actionsOf, type Json, runOrderOf } from "../edits";
import { ACCOUNT, HOME_REGION } from "../generator-options";
import { addAction, addStage, codeBuildSink, isKey, lastStage, nonSource, pick, pickAction, plainArtifact, roomFor, update, V2, withKey } from "./helpers";
import type { Mutation } from "./mutation";

export const ACTION_MUTATIONS: readonly Mutation[] = [
  {
    code: "ACT001",
    name: "ampersand in an action name",
    severity: "error",
    apply(p, c) {
      pickAction(p, c, nonSource)!.action.name = "Build & Test";
      return true;
    },
  },
  {
    code: "ACT002",
    name: "duplicate action names in a stage",
    severity: "error",
    apply(p, c) {
      const stage = pick(c, p.stages.filter((s: Json, i: number) => i > 0 && s.actions.length > 1)) as Json;
      if (!stage) return false;
      const [a, b] = c.some(stage.actions as Json[], 2, 2);
      b.name = a.name;
      return true;
    },
  },
  {
    code: "ACT003",
    name: "dotted version",
    severity: "error",
    apply(p, c) {
      pickAction(p, c, () => true)!.action.actionTypeId.version = "1.0.0";
      return true;
    },
  },
  {
    code: "ACT003",
    name: "space in the provider",
    apply(p, c) {
      pickAction(p, c, nonSource)!.action.actionTypeId.provider = "Amazon ECR";
      return true;
    },
  },
  {
    code: "ACT003",
    name: "missing category",
    apply(p, c) {
      delete pickAction(p, c, nonSource)!.action.actionTypeId.category;
      return true;
    },
  },
  {
    code: "ACT004",
    name: "CodeBuild in the Deploy category",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Build/AWS/CodeBuild"));
      if (!at) return false;
      at.action.actionTypeId.category = "Deploy";
      return true;
    },
  },
  {
    code: "ACT004",
    name: "custom action type (unverified)",
    severity: "warning",
    apply(p, c) {
      const artifact = plainArtifact(p, c)!;
      addAction(p, lastStage(p), {
        name: "Jenkins",
        actionTypeId: { category: "Build", owner: "Custom", provider: "MyJenkins", version: "1" },
        configuration: { ProjectName: "job" },
        inputArtifacts: [{ name: artifact }],
      });
      return true;
    },
  },
  {
    code: "ACT005",
    name: "CodeBuild version 2",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Build/AWS/CodeBuild"));
      if (!at) return false;
      at.action.actionTypeId.version = "2";
      return true;
    },
  },
  {
    code: "ACT006",
    name: "connection source in ap-east-1",
    gen: { include: ["Source/AWS/CodeStarSourceConnection"], crossRegion: "off" },
    context: () => ({ region: "ap-east-1" }),
    severity: "warning",
    apply(p) {
      if (!p.artifactStore) {
        delete p.artifactStores;
        p.artifactStore = { type: "S3", location: "codepipeline-ap-east-1-store" };
      }
      // Explicit us-east-1 regions would now be cross-region (ACT009 for sources).
      for (const { action } of actionsOf(p)) delete action.region;
      return true;
    },
  },
  {
    code: "ACT006",
    name: "Device Farm outside us-west-2",
    gen: withKey("Test/AWS/DeviceFarm"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Test/AWS/DeviceFarm"))!;
      at.action.region = "eu-west-1";
      p.artifactStores["eu-west-1"] ??= { type: "S3", location: "codepipeline-eu-west-1-df" };
      if (!actionsOf(p).some((a) => a.action.region === "us-west-2")) delete p.artifactStores["us-west-2"];
      return true;
    },
  },
  {
    code: "ACT007",
    name: "runOrder 0 in the first group",
    severity: "error",
    apply(p, c) {
      const s = c.int(1, p.stages.length - 1);
      const first = Math.min(...p.stages[s].actions.map(runOrderOf));
      const action = c.pick((p.stages[s].actions as Json[]).filter((a) => runOrderOf(a) === first));
      action.runOrder = 0;
      return true;
    },
  },
  {
    code: "ACT007",
    name: "runOrder 1000 in the last group",
    apply(p, c) {
      const s = c.int(1, p.stages.length - 1);
      const last = Math.max(...p.stages[s].actions.map(runOrderOf));
      for (const a of p.stages[s].actions) if (a.runOrder === undefined) a.runOrder = 1;
      c.pick((p.stages[s].actions as Json[]).filter((a) => runOrderOf(a) === last)).runOrder = 1000;
      return true;
    },
  },
  {
    code: "ACT008",
    name: "implicit runOrder next to later groups",
    severity: "warning",
    apply(p, c) {
      const stages = (p.stages as Json[]).filter((s) => new Set(s.actions.map(runOrderOf)).size > 1);
      const stage = pick(c, stages);
      if (!stage) return false;
      const first = Math.min(...stage.actions.map(runOrderOf));
      const action = c.pick((stage.actions as Json[]).filter((a) => runOrderOf(a) === first));
      delete action.runOrder;
      return true;
    },
  },
  {
    code: "ACT009",
    name: "cross-region source action",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p, c) {
      const region = c.pick(Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      c.pick(p.stages[0].actions as Json[]).region = region;
      return true;
    },
  },
  {
    code: "ACT009",
    name: "cross-region ThirdParty action",
    gen: { crossRegion: "force", include: ["Deploy/ThirdParty/AlexaSkillsKit"] },
    apply(p, c) {
      const region = c.pick(Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      pickAction(p, c, isKey("Deploy/ThirdParty/AlexaSkillsKit"))!.action.region = region;
      return true;
    },
  },
  {
    code: "ACT010",
    name: "region too short",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p, c) {
      // An action without a region, so no store becomes unused (STORE010).
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS" && a.action.region === undefined);
      if (!at) return false;
      at.action.region = "eu";
      return true;
    },
  },
  {
    code: "ACT011",
    name: "malformed action role",
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.actionTypeId.owner === "AWS")!;
      at.action.roleArn = "arn:aws:iam::123:role/x";
      return true;
    },
  },
  {
    code: "ACT011",
    name: "role on a ThirdParty action",
    gen: withKey("Deploy/ThirdParty/AlexaSkillsKit"),
    apply(p, c) {
      pickAction(p, c, isKey("Deploy/ThirdParty/AlexaSkillsKit"))!.action.roleArn = `arn:aws:iam::${ACCOUNT}:role/x`;
      return true;
    },
  },
  {
    code: "ACT012",
    name: "approval timeout of 1 minute",
    gen: withKey("Approval/AWS/Manual"),
    severity: "error",
    apply(p, c) {
      pickAction(p, c, isKey("Approval/AWS/Manual"))!.action.timeoutInMinutes = 1;
      return true;
    },
  },
  {
    code: "ACT012",
    name: "timeout on a CodeBuild action",
    gen: withKey("Build/AWS/CodeBuild"),
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.timeoutInMinutes = 60;
      return true;
    },
  },
  {
    code: "ACT013",
    name: "commands on a CodeBuild action",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "error",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.commands = ["make"];
      return true;
    },
  },
  {
    code: "ACT014",
    name: "multi-line command",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      at.action.commands[0] = `set -e\n${at.action.commands[0]}`;
      return true;
    },
  },
  {
    code: "ACT014",
    name: "Commands action without commands",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Compute/AWS/Commands")(a) && !JSON.stringify(a.action.commands).includes("#{"));
      if (!at) return false;
      delete at.action.commands;
      return true;
    },
  },
  {
    code: "ACT014",
    name: "command over 1000 characters",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      pickAction(p, c, isKey("Compute/AWS/Commands"))!.action.commands.push("x".repeat(1001));
      return true;
    },
  },
  {
    code: "ACT015",
    name: "output variable name over 128 characters",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      if ((at.action.outputVariables ?? []).length >= 15) return false;
      at.action.outputVariables = [...(at.action.outputVariables ?? []), "V".repeat(129)];
      return true;
    },
  },
  {
    code: "ART006",
    name: "Compute output file pattern over 128 characters",
    gen: withKey("Compute/AWS/Commands", V2),
    apply(p, c) {
      const at = pickAction(p, c, (a) => isKey("Compute/AWS/Commands")(a) && (a.action.outputArtifacts ?? []).length > 0);
      if (!at) return false;
      const out = at.action.outputArtifacts[0];
      if ((out.files ?? []).length >= 10) return false;
      out.files = [...(out.files ?? []), `${"d".repeat(127)}/*`]; // 129 characters
      return true;
    },
  },
  {
    code: "ACT015",
    name: "outputVariables on CodeBuild",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.outputVariables = ["VERSION"];
      return true;
    },
  },
  {
    code: "ACT015",
    name: "16 outputVariables",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      const existing: string[] = at.action.outputVariables ?? [];
      const extra = Array.from({ length: 16 - existing.length }, (_, i) => `EXTRA_${i}`);
      at.action.outputVariables = [...existing, ...extra];
      return true;
    },
  },
  {
    code: "ACT016",
    name: "hyphen in an environment variable name",
    gen: withKey("Compute/AWS/Commands", V2),
    severity: "error",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Compute/AWS/Commands"))!;
      at.action.environmentVariables = [...(at.action.environmentVariables ?? []), { name: "MY-VAR", value: "x" }];
      return true;
    },
  },
  {
    code: "ACT016",
    name: "environmentVariables on CodeBuild",
    gen: withKey("Build/AWS/CodeBuild"),
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Build/AWS/CodeBuild"))!.action.environmentVariables = [{ name: "STAGE", value: "prod" }];
      return true;
    },
  },
  {
    code: "ACT016",
    name: "SECRETS_MANAGER on EKS",
    gen: withKey("Deploy/AWS/EKS", V2),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Deploy/AWS/EKS"))!;
      at.action.environmentVariables = [...(at.action.environmentVariables ?? []), { name: "TOKEN", value: "prod/token", type: "SECRETS_MANAGER" }];
      return true;
    },
  },
  {
    code: "ACT017",
    name: "approval notification that is not an SNS ARN",
    gen: withKey("Approval/AWS/Manual"),
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"))!;
      at.action.configuration = { ...(at.action.configuration ?? {}), NotificationArn: "my-topic" };
      return true;
    },
  },
  {
    code: "ACT017",
    name: "approval link that is not a URL",
    gen: withKey("Approval/AWS/Manual"),
    apply(p, c) {
      const at = pickAction(p, c, isKey("Approval/AWS/Manual"))!;
      at.action.configuration = { ...(at.action.configuration ?? {}), ExternalEntityLink: "see the wiki" };
      return true;
    },
  },
  {
    code: "ACT018",
    name: "Snyk action",
    severity: "error",
    apply(p, c) {
      if (!roomFor(p, 1)) return false;
      const input = plainArtifact(p, c)!;
      addStage(p, "Scan", [
        { name: "Snyk", actionTypeId: { category: "Invoke", owner: "ThirdParty", provider: "Snyk", version: "1" }, inputArtifacts: [{ name: input }], outputArtifacts: [{ name: "SnykOutput" }] },
      ]);
      addAction(p, lastStage(p), codeBuildSink("Sink", "SnykOutput"));
      return true;
    },
  },
  {
    code: "ACT018",
    name: "OpsWorks action",
    severity: "warning",
    apply(p, c) {
      if (!roomFor(p, 1)) return false;
      const input = plainArtifact(p, c)!;
      addStage(p, "Legacy", [
        { name: "OpsWorks", actionTypeId: { category: "Deploy", owner: "AWS", provider: "OpsWorks", version: "1" }, configuration: { Stack: "stack", App: "app" }, inputArtifacts: [{ name: input }] },
      ]);
      return true;
    },
  },
  {
    code: "ACT018",
    name: "GitHub v1 source",
    severity: "warning",
    apply(p) {
      addAction(p, 0, {
        name: "GitHubV1",
        actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
        configuration: { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: "ghp_example", PollForSourceChanges: "false" },
        outputArtifacts: [{ name: "GitHubOutput" }],
      }, 1);
      addAction(p, lastStage(p), codeBuildSink("Sink", "GitHubOutput"));
      return true;
    },
  },
  {
    code: "ACT019",
    name: "masked secret on a new action",
    gen: { conditions: "off" },
    context: (original) => update(original),
    severity: "error",
    apply(p, c) {
      if (!roomFor(p, 1)) return false;
      const input = plainArtifact(p, c)!;
      addStage(p, "Skill", [
        {
          name: "Alexa",
          actionTypeId: { category: "Deploy", owner: "ThirdParty", provider: "AlexaSkillsKit", version: "1" },
          configuration: { ClientId: "client", ClientSecret: "****", RefreshToken: "token", SkillId: "amzn1.ask.skill.1" },
          inputArtifacts: [{ name: input }],
        },
      ]);
      return true;
    },
  },
];
