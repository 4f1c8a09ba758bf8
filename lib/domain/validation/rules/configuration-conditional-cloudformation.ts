/** CFG005 sub-rules for CloudFormation, StackSet and StackInstances actions. */
import { CONFIG_VALUE, ROLE_ARN } from "../../pipeline/patterns";
import { describe, isObject } from "../../json";
import { hasReference } from "./actions-support";
import {
  has,
  inputList,
  keyPath,
  literal,
  parseJson,
  requireKey,
  text,
  type CheckContext,
  type ConditionalCheck,
  type ProviderTuple,
  type Subject,
} from "./configuration-conditional-support";

const CLOUDFORMATION: ProviderTuple = ["action", "Deploy", "AWS", "CloudFormation"];
const STACK_SET: ProviderTuple = ["action", "Deploy", "AWS", "CloudFormationStackSet"];
const STACK_INSTANCES: ProviderTuple = ["action", "Deploy", "AWS", "CloudFormationStackInstances"];

/** ActionMode → keys it needs (user guide, CloudFormation action reference). */
const MODE_KEYS: ReadonlyMap<string, readonly string[]> = new Map([
  ["CREATE_UPDATE", ["TemplatePath", "RoleArn"]],
  ["REPLACE_ON_FAILURE", ["TemplatePath", "RoleArn"]],
  ["DELETE_ONLY", ["RoleArn"]],
  ["CHANGE_SET_REPLACE", ["ChangeSetName", "TemplatePath", "RoleArn"]],
  ["CHANGE_SET_EXECUTE", ["ChangeSetName"]],
]);

/** Keys whose value is always `ArtifactName::path`. */
const ARTIFACT_PATH_KEYS: Readonly<Record<string, readonly string[]>> = {
  CloudFormation: ["TemplatePath", "TemplateConfiguration"],
  CloudFormationStackSet: ["TemplatePath"],
  CloudFormationStackInstances: [],
};
/** Keys that may take the `ArtifactName::file` form among others (inline lists, JSON). */
const OPTIONAL_ARTIFACT_KEYS: Readonly<Record<string, readonly string[]>> = {
  CloudFormation: [],
  CloudFormationStackSet: ["Parameters", "DeploymentTargets"],
  CloudFormationStackInstances: ["ParameterOverrides", "DeploymentTargets"],
};
const ARTIFACT_FORM = /^([A-Za-z0-9_-]+)::\S/;

function checkArtifactPath(ctx: CheckContext, s: Subject, key: string, always: boolean): void {
  const value = text(s, key);
  if (value === undefined) return;
  const separator = value.indexOf("::");
  // TemplatePath is an error in cfn-lint (E3703) and always fails at run time; the others warn.
  const severity = key === "TemplatePath" ? "error" : "warning";
  if (separator === -1) {
    if (!always || hasReference(value)) return;
    ctx.report.report(
      severity,
      keyPath(s, key),
      `${key} ${describe(value)} must name the input artifact and the file as ArtifactName::path, e.g. ${describe(`${s.inputNames[0] ?? "BuildOutput"}::${value}`)}.`,
    );
    return;
  }
  if (!always && !ARTIFACT_FORM.test(value)) return;
  const artifact = value.slice(0, separator);
  if (hasReference(artifact) || s.inputNames.includes(artifact)) return;
  ctx.report.report(
    severity,
    keyPath(s, key),
    `${key} reads from artifact ${describe(artifact)}, which is not an input artifact of ${s.label} (inputs: ${inputList(s)}). Add ${describe(artifact)} to inputArtifacts or fix the prefix.`,
  );
}

const STACK_SET_REGIONS_PAIR = ["DeploymentTargets", "Regions"] as const;

export const cloudFormationChecks: readonly ConditionalCheck[] = [
  {
    code: "CFG005d",
    title: "CloudFormation keys per ActionMode",
    providers: [CLOUDFORMATION],
    check(s, ctx) {
      const mode = literal(s, "ActionMode");
      const keys = mode === undefined ? undefined : MODE_KEYS.get(mode);
      if (!keys) return; // unknown modes are CFG004's
      for (const key of keys) requireKey(ctx, s, key, `ActionMode ${mode} needs ${key}.`);
    },
  },
  {
    code: "CFG005e",
    title: "CloudFormation artifact paths name an input artifact",
    providers: [CLOUDFORMATION, STACK_SET, STACK_INSTANCES],
    check(s, ctx) {
      for (const key of ARTIFACT_PATH_KEYS[s.entry.provider] ?? []) checkArtifactPath(ctx, s, key, true);
      for (const key of OPTIONAL_ARTIFACT_KEYS[s.entry.provider] ?? []) checkArtifactPath(ctx, s, key, false);
    },
  },
  {
    code: "CFG005f",
    title: "CloudFormation RoleArn is a role ARN",
    providers: [CLOUDFORMATION],
    check(s, { report }) {
      const value = literal(s, "RoleArn");
      if (value === undefined || (value.length <= ROLE_ARN.max && ROLE_ARN.pattern!.test(value))) return;
      report.warning(
        keyPath(s, "RoleArn"),
        `RoleArn ${describe(value)} is not an IAM role ARN; CloudFormation needs the full ARN of the role it assumes, e.g. arn:aws:iam::123456789012:role/cfn-deploy.`,
      );
    },
  },
  {
    code: "CFG005i",
    title: "StackSet targets and permission model",
    providers: [STACK_SET, STACK_INSTANCES],
    check(s, ctx) {
      const { report } = ctx;
      const [targets, regions] = STACK_SET_REGIONS_PAIR;
      if (has(s, targets) !== has(s, regions)) {
        const [present, missing] = has(s, targets) ? [targets, regions] : [regions, targets];
        requireKey(ctx, s, missing, `${present} and ${missing} go together: ${present} is set but ${missing} is not.`);
      }
      if (s.entry.provider !== "CloudFormationStackSet") return;
      const auto = literal(s, "OrganizationsAutoDeployment");
      // "Disabled" is the default and turns the feature off, so it cannot conflict with targets.
      const autoOn = auto !== undefined && auto !== "Disabled";
      if (autoOn && (has(s, targets) || has(s, regions))) {
        report.warning(
          keyPath(s, "OrganizationsAutoDeployment"),
          `With OrganizationsAutoDeployment ${describe(auto)}, do not specify DeploymentTargets and Regions on ${s.label}; remove them or disable auto-deployment.`,
        );
      }
      const model = has(s, "PermissionModel") ? literal(s, "PermissionModel") : "SELF_MANAGED";
      if (model === "SERVICE_MANAGED") {
        for (const key of ["AdministrationRoleArn", "ExecutionRoleName"]) {
          if (!has(s, key)) continue;
          report.warning(keyPath(s, key), `${key} applies only to the SELF_MANAGED permission model; with SERVICE_MANAGED remove it from ${s.label}.`);
        }
      } else if (model === "SELF_MANAGED" && autoOn) {
        report.warning(
          keyPath(s, "OrganizationsAutoDeployment"),
          `OrganizationsAutoDeployment applies only to the SERVICE_MANAGED permission model; set PermissionModel to "SERVICE_MANAGED" on ${s.label} or remove OrganizationsAutoDeployment.`,
        );
      }
    },
  },
  {
    code: "CFG005p",
    title: "CloudFormation ParameterOverrides is a JSON object",
    providers: [CLOUDFORMATION],
    check(s, { report }) {
      const value = text(s, "ParameterOverrides");
      if (value === undefined) return;
      const parsed = parseJson(value);
      let problem: string | undefined;
      // Over 1000 characters is CFG001's error; the 1 KB quota matters for multi-byte text.
      if (!parsed.ok) problem = `is not valid JSON (${parsed.error})`;
      else if (!isObject(parsed.value)) problem = "must be a JSON object of parameter names to values";
      else if (value.length > 341 && value.length <= CONFIG_VALUE.max && new TextEncoder().encode(value).length > 1024) problem = "exceeds the 1 KB quota for parameter overrides";
      if (problem === undefined) return;
      report.warning(
        keyPath(s, "ParameterOverrides"),
        `ParameterOverrides of ${s.label} ${problem}. Write e.g. {"Stage": "prod"}; use TemplateConfiguration for larger parameter sets.`,
      );
    },
  },
];
