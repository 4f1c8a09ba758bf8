/** VAR: pipeline variables, namespaces and #{…} references. */
import { actionsOf, clone, type Json, producers, renameNamespace, runOrderOf } from "../edits";
import { ACCOUNT } from "../generator-options";
import { addAction, addReference, isKey, lambdaInvoke, lastStage, manual, namespaceWithKey, nonSource, pick, pickAction, V1, V2, valuesWithinLimits, withKey } from "./helpers";
import type { Mutation } from "./mutation";

export const VARIABLE_MUTATIONS: readonly Mutation[] = [
  {
    code: "VAR001",
    name: "pipeline variables in V1",
    gen: V1,
    // Declared and (necessarily) unreferenced: VAR018 is a separate, true finding.
    also: ["VAR018"],
    severity: "error",
    apply(p) {
      p.variables = [{ name: "env", defaultValue: "prod" }];
      return true;
    },
  },
  {
    code: "VAR002",
    name: "51 pipeline variables (all referenced)",
    gen: { ...V2, variables: "off" },
    severity: "error",
    apply(p) {
      p.variables = Array.from({ length: 51 }, (_, i) => ({ name: `v${i}`, defaultValue: "x" }));
      for (let i = 0; i < 51; i += 17) {
        addReference(p, Array.from({ length: 17 }, (_, k) => `#{variables.v${i + k}}`).join(" "));
      }
      return true;
    },
  },
  {
    code: "VAR003",
    name: "duplicate pipeline variable",
    gen: { ...V2, variables: "force" },
    severity: "error",
    apply(p, c) {
      p.variables.push(clone(c.pick(p.variables as Json[])));
      return true;
    },
  },
  {
    code: "VAR003",
    name: "dot in a pipeline variable name",
    gen: { ...V2, variables: "force" },
    apply(p) {
      p.variables.push({ name: "env.name", defaultValue: "x" });
      return true;
    },
  },
  {
    code: "VAR004",
    name: "variable description over 200 characters",
    gen: { ...V2, variables: "force" },
    severity: "error",
    apply(p, c) {
      c.pick(p.variables as Json[]).description = "d".repeat(201);
      return true;
    },
  },
  {
    code: "VAR004",
    name: "variable default over 1000 characters",
    gen: { ...V2, variables: "force" },
    apply(p, c) {
      c.pick(p.variables as Json[]).defaultValue = "d".repeat(1001);
      return true;
    },
  },
  {
    code: "VAR005",
    name: "reference without a namespace",
    severity: "error",
    apply(p) {
      addReference(p, "#{CommitId}");
      return true;
    },
  },
  {
    code: "VAR005",
    name: "reference with two periods",
    apply(p) {
      addReference(p, "#{Source.Variables.CommitId}");
      return true;
    },
  },
  {
    code: "VAR006",
    name: "unknown namespace",
    severity: "error",
    apply(p) {
      addReference(p, "#{NoSuchNamespace.CommitId}");
      return true;
    },
  },
  {
    code: "VAR007",
    name: "namespace of an action in the same runOrder group",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const hit = namespaceWithKey(p, c, nonSource);
      if (!hit) return false;
      addAction(p, hit.at.stage, manual("SameGroup", { CustomData: `#{${hit.ns}.${hit.key}}` }), runOrderOf(hit.at.action));
      return true;
    },
  },
  {
    code: "VAR008",
    name: "undeclared pipeline variable",
    gen: V2,
    severity: "error",
    apply(p) {
      addReference(p, "#{variables.undeclared_variable}");
      return true;
    },
  },
  {
    code: "VAR009",
    name: "undocumented codepipeline key",
    severity: "warning",
    apply(p) {
      addReference(p, "#{codepipeline.PipelineName}");
      return true;
    },
  },
  {
    code: "VAR010",
    name: "key a source does not emit",
    gen: { namespaces: "force" },
    severity: "warning",
    apply(p, c) {
      const source = pick(c, (p.stages[0].actions as Json[]).filter((a) => a.namespace !== undefined));
      if (!source) return false;
      addReference(p, `#{${source.namespace}.NoSuchKey}`);
      return true;
    },
  },
  {
    code: "VAR011",
    name: "namespace over 100 characters (renamed everywhere)",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const owner = c.pick(actionsOf(p).filter((a) => a.action.namespace !== undefined));
      renameNamespace(p, owner.action.namespace, "N".repeat(101));
      return valuesWithinLimits(p); // longer references must not push a value past 1000 (CFG001)
    },
  },
  {
    code: "VAR012",
    name: "namespace declared twice in one group",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const owner = pickAction(p, c, (a) => a.stage > 0 && a.action.namespace !== undefined);
      if (!owner) return false;
      addAction(p, owner.stage, lambdaInvoke("Twin", [], [], { namespace: owner.action.namespace }), runOrderOf(owner.action));
      return true;
    },
  },
  {
    code: "VAR013",
    name: "namespace equal to an artifact name (renamed everywhere)",
    gen: { namespaces: "force" },
    severity: "error",
    apply(p, c) {
      const owner = c.pick(actionsOf(p).filter((a) => a.action.namespace !== undefined));
      renameNamespace(p, owner.action.namespace, c.pick([...producers(p).keys()]));
      return valuesWithinLimits(p);
    },
  },
  {
    code: "VAR014",
    name: "namespace codepipeline",
    // The new namespace has no reference of its own: VAR018 may also say so.
    also: ["VAR018"],
    severity: "error",
    apply(p) {
      addAction(p, lastStage(p), lambdaInvoke("Reserved", [], [], { namespace: "codepipeline" }));
      return true;
    },
  },
  {
    code: "VAR015",
    name: "namespace on a Manual approval",
    gen: withKey("Approval/AWS/Manual"),
    // Nothing can reference a namespace that emits nothing: VAR018 may also say so.
    also: ["VAR018"],
    severity: "warning",
    apply(p, c) {
      pickAction(p, c, isKey("Approval/AWS/Manual"))!.action.namespace = "ApprovalVars";
      return true;
    },
  },
  {
    code: "VAR016",
    name: "reference in an action roleArn",
    severity: "warning",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS");
      if (!at) return false;
      at.action.roleArn = `arn:aws:iam::${ACCOUNT}:role/#{codepipeline.PipelineExecutionId}`;
      return true;
    },
  },
  {
    code: "VAR017",
    name: "variable without a default",
    gen: { ...V2, variables: "force" },
    severity: "warning",
    apply(p, c) {
      // Only automatic starts (triggers, change detection) need the default.
      const automatic =
        (p.triggers ?? []).length > 0 ||
        (p.stages[0].actions as Json[]).some((a) => !(a.actionTypeId.provider === "CodeStarSourceConnection" && a.configuration.DetectChanges === "false"));
      if (!automatic) return false;
      delete c.pick(p.variables as Json[]).defaultValue;
      return true;
    },
  },
  {
    code: "VAR018",
    name: "unreferenced pipeline variable",
    gen: V2,
    severity: "warning",
    apply(p) {
      p.variables = [...(p.variables ?? []), { name: "never_used", defaultValue: "x" }];
      return true;
    },
  },
  {
    code: "VAR018",
    name: "unreferenced namespace",
    apply(p, c) {
      const at = pickAction(p, c, (a) => a.action.namespace === undefined && a.stage === 0);
      if (!at) return false;
      at.action.namespace = "NeverReferenced";
      return true;
    },
  },
];
