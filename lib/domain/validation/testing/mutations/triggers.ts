/** TRIG: git triggers and their filters. */
import { clone, type Json } from "../edits";
import { branchCriteria, triggerOf, triggerSource, V1, V2 } from "./helpers";
import type { Mutation } from "./mutation";

export const TRIGGER_MUTATIONS: readonly Mutation[] = [
  {
    code: "TRIG001",
    name: "trigger in a V1 pipeline",
    gen: { ...V1, include: ["Source/AWS/CodeStarSourceConnection"] },
    severity: "error",
    apply(p) {
      const source = (p.stages[0].actions as Json[]).find((a) => a.actionTypeId.provider === "CodeStarSourceConnection");
      p.triggers = [
        { providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: source.name, push: [{ branches: { includes: [source.configuration.BranchName] } }] } },
      ];
      return true;
    },
  },
  {
    code: "TRIG002",
    name: "51 triggers",
    gen: { ...V2, triggers: "force" },
    // 51 triggers cannot point at 51 different connection sources (stage 0 holds at most 50 actions).
    also: ["TRIG006"],
    severity: "error",
    apply(p) {
      const t = p.triggers[0];
      p.triggers = Array.from({ length: 51 }, () => clone(t));
      return true;
    },
  },
  {
    code: "TRIG003",
    name: "provider Connection",
    gen: { ...V2, triggers: "force" },
    // The misspelt member is also an unknown member (GEN005): two facts, each with its own fix hint.
    also: ["GEN005"],
    severity: "error",
    apply(p, c) {
      const t = triggerOf(p, c)!;
      delete t.providerType;
      t.provider = "Connection";
      return true;
    },
  },
  {
    code: "TRIG003",
    name: "unknown providerType",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      triggerOf(p, c)!.providerType = "GitHub";
      return true;
    },
  },
  {
    code: "TRIG004",
    name: "trigger without gitConfiguration",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      delete triggerOf(p, c)!.gitConfiguration;
      return true;
    },
  },
  {
    code: "TRIG004",
    name: "sourceActionName breaking the action-name pattern",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      triggerOf(p, c)!.gitConfiguration.sourceActionName = "my source";
      return true;
    },
  },
  {
    code: "TRIG005",
    name: "trigger on a non-connection source",
    gen: { ...V2, triggers: "force", include: ["Source/AWS/S3"] },
    severity: "error",
    apply(p, c) {
      const s3 = (p.stages[0].actions as Json[]).find((a) => a.actionTypeId.provider === "S3");
      triggerOf(p, c)!.gitConfiguration.sourceActionName = s3.name;
      return true;
    },
  },
  {
    code: "TRIG006",
    name: "two triggers on one source",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      p.triggers.push(clone(triggerOf(p, c)!));
      return true;
    },
  },
  {
    code: "TRIG007",
    name: "four push filters",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      git.push = [...(git.push ?? [])];
      while (git.push.length < 4) git.push.push({ tags: { includes: [`v${git.push.length}*`] } });
      return true;
    },
  },
  {
    code: "TRIG008",
    name: "nine include patterns",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      while (criteria.includes.length < 9) criteria.includes.push(`team-${criteria.includes.length}/**`);
      return true;
    },
  },
  {
    code: "TRIG008",
    name: "pattern over 255 characters",
    gen: { ...V2, triggers: "force" },
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      if (criteria.includes.length >= 8) return false;
      criteria.includes.push(`x${"y".repeat(255)}`);
      return true;
    },
  },
  {
    code: "TRIG009",
    name: "pull-request event MERGED",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const t = triggerOf(p, c)!;
      const source = triggerSource(p, t);
      const git = t.gitConfiguration;
      git.pullRequest = [...(git.pullRequest ?? [])];
      if (git.pullRequest.length === 0) git.pullRequest.push({ branches: { includes: [source.configuration.BranchName] } });
      git.pullRequest[0].events = ["MERGED"];
      return true;
    },
  },
  {
    code: "TRIG009",
    name: "duplicate pull-request events",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const t = triggerOf(p, c)!;
      const source = triggerSource(p, t);
      const git = t.gitConfiguration;
      git.pullRequest = [...(git.pullRequest ?? [])];
      if (git.pullRequest.length === 0) git.pullRequest.push({ branches: { includes: [source.configuration.BranchName] } });
      git.pullRequest[0].events = ["OPEN", "OPEN"];
      return true;
    },
  },
  {
    code: "TRIG010",
    name: "empty push filter",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      if ((git.push ?? []).length >= 3) return false;
      git.push = [...(git.push ?? []), {}];
      return true;
    },
  },
  {
    code: "TRIG011",
    name: "filePaths on a tags-only push filter",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      if ((git.push ?? []).length >= 3) return false;
      git.push = [...(git.push ?? []), { tags: { includes: ["v*"] }, filePaths: { includes: ["src/**"] } }];
      return true;
    },
  },
  {
    code: "TRIG012",
    name: "pull-request filter without branches",
    gen: { ...V2, triggers: "force" },
    severity: "error",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      if ((git.pullRequest ?? []).length >= 3) return false;
      git.pullRequest = [...(git.pullRequest ?? []), { events: ["OPEN"] }];
      return true;
    },
  },
  {
    code: "TRIG013",
    name: "neither push nor pullRequest",
    gen: { ...V2, triggers: "force" },
    // With no filter, no branch include matches BranchName either (TRIG016).
    also: ["TRIG016"],
    severity: "warning",
    apply(p, c) {
      const git = triggerOf(p, c)!.gitConfiguration;
      delete git.push;
      delete git.pullRequest;
      return true;
    },
  },
  {
    code: "TRIG014",
    name: "nested brace group",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      if (criteria.includes.length >= 8) return false;
      criteria.includes.push("release/{a,{b,c}}");
      return true;
    },
  },
  {
    code: "TRIG015",
    name: "same pattern included and excluded",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const criteria = c.pick(branchCriteria(triggerOf(p, c)!));
      if (criteria.includes.length >= 8 || (criteria.excludes ?? []).length >= 8) return false;
      criteria.includes.push("feature/x");
      criteria.excludes = [...(criteria.excludes ?? []), "feature/x"];
      return true;
    },
  },
  {
    code: "TRIG016",
    name: "BranchName matched by no branch include",
    gen: { ...V2, triggers: "force" },
    severity: "warning",
    apply(p, c) {
      const source = triggerSource(p, triggerOf(p, c)!);
      source.configuration.BranchName = "zz-unmatched";
      return true;
    },
  },
];
