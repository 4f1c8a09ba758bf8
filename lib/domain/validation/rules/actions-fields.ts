/**
 * ACT rules on the optional action members: region, roleArn, timeoutInMinutes, commands,
 * outputVariables, environmentVariables, and the Manual approval's configuration shape.
 */
import { CODEPIPELINE_REGIONS, partitionOf } from "../../catalog/regions";
import {
  COMMAND,
  ENV_VAR_NAME,
  ENV_VAR_VALUE,
  LIMITS,
  OUTPUT_VARIABLE,
  REGION,
  ROLE_ARN,
  TIMEOUT_IN_MINUTES,
} from "../../pipeline/patterns";
import { checkString } from "../checks";
import { describe, isObject, isString, jsonType } from "../../json";
import { joinPath } from "../path";
import type { ActionRef } from "../../pipeline/pipeline-index";
import { defineRule, type Reporter, type Rule } from "../rule";
import { ENUMS } from "../../pipeline/model-tables.generated";
import { actionLabel, capitalize, hasReference, isType, validTypeId } from "./actions-support";
import { enumState } from "../enums";

const isManual = (a: ActionRef) => isType(a, "Approval", "AWS", "Manual");
const isCommands = (a: ActionRef) => isType(a, "Compute", "AWS", "Commands");
const isEks = (a: ActionRef) => isType(a, "Deploy", "AWS", "EKS");

/** The region string passes ACT010 (length and a CodePipeline region). */
function knownRegion(region: string | undefined): region is string {
  return region !== undefined && CODEPIPELINE_REGIONS.has(region);
}

const crossRegionAllowed = defineRule({
  id: "ACT009",
  title: "No cross-region for Source / ThirdParty / Custom actions",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      // An unknown region is ACT010's; comparing it would only cascade.
      if (!action.isCrossRegion || !knownRegion(action.region)) continue;
      const t = action.type;
      let kind: string | undefined;
      if (t.category === "Source") kind = "Source actions";
      else if (t.owner === "ThirdParty") kind = "Third-party actions";
      else if (t.owner === "Custom") kind = "Custom actions";
      else if (action.provider?.crossRegionAllowed === false) kind = `${action.provider.provider} actions`;
      if (kind === undefined) continue;
      report.error(
        joinPath(action.path, "region"),
        `${kind} must run in the pipeline's region (${pipeline.region}); ${actionLabel(action)} sets region ${describe(action.region)}. Remove region, or create the pipeline in ${action.region}.`,
      );
    }
  },
});

const actionRegion = defineRule({
  id: "ACT010",
  title: "Action region format",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const value = action.raw.region;
      if (value === undefined) continue;
      const path = joinPath(action.path, "region");
      if (!checkString(report, path, value, REGION, { label: "Action region" })) continue;
      const region = value as string;
      if (!CODEPIPELINE_REGIONS.has(region)) {
        report.error(
          path,
          `The region ${describe(region)} is not a valid AWS Region for CodePipeline. Use a region code such as "us-east-1" where CodePipeline operates, or remove region.`,
        );
        continue;
      }
      // Inferred: artifacts cannot be replicated across partitions (separate accounts and endpoints).
      if (pipeline.region !== undefined && partitionOf(pipeline.region) !== partitionOf(region)) {
        report.error(
          path,
          `Region ${describe(region)} is in a different AWS partition than the pipeline's region ${pipeline.region}; cross-region actions must stay in the pipeline's partition.`,
        );
      }
    }
  },
});

const actionRole = defineRule({
  id: "ACT011",
  title: "Action role",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const value = action.raw.roleArn;
      if (value === undefined) continue;
      const path = joinPath(action.path, "roleArn");
      const owner = action.type.owner;
      if (isString(value) && value !== "" && (owner === "ThirdParty" || owner === "Custom")) {
        report.error(
          path,
          `Only AWS-owned actions can take a roleArn; ${actionLabel(action)} is owned by ${owner}, so CodePipeline rejects it. Remove roleArn (the pipeline's service role is used).`,
        );
        continue;
      }
      checkString(report, path, value, ROLE_ARN, {
        label: "Action roleArn",
        allowed: "an IAM role ARN of the form arn:aws:iam::123456789012:role/name",
      });
    }
  },
});

const actionTimeout = defineRule({
  id: "ACT012",
  title: "timeoutInMinutes",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const value = action.raw.timeoutInMinutes;
      // Non-integers are GEN002's.
      if (typeof value !== "number" || !Number.isInteger(value)) continue;
      const path = joinPath(action.path, "timeoutInMinutes");
      if (!isManual(action) && validTypeId(action)) {
        report.error(
          path,
          `timeoutInMinutes is available only to the Manual approval action type; ${actionLabel(action)} is ${action.type.provider}. Remove it (the provider's default timeout applies).`,
        );
        continue;
      }
      if (value < TIMEOUT_IN_MINUTES.min || value > TIMEOUT_IN_MINUTES.max) {
        report.error(
          path,
          `timeoutInMinutes ${value} is out of range; use ${TIMEOUT_IN_MINUTES.min} to ${TIMEOUT_IN_MINUTES.max} minutes (default 7 days = 10080).`,
        );
      }
    }
  },
});

/** Present and not `[]` (an empty list is GEN003's; removing it fixes both). */
function presentList(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

const commandsOnlyOnCompute = defineRule({
  id: "ACT013",
  title: "commands only on Compute actions",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (!presentList(action.raw.commands) || !validTypeId(action) || action.type.category === "Compute") continue;
      report.error(
        joinPath(action.path, "commands"),
        `The following action cannot contain a commands field: ${action.name ?? "(unnamed)"}. To use the commands field, use a compute action (category Compute, provider Commands); for CodeBuild put the commands in the buildspec.`,
      );
    }
  },
});

const LINE_BREAK = /[\r\n]/;

const computeNeedsCommands = defineRule({
  id: "ACT014",
  title: "Commands action needs commands",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (action.type.category !== "Compute") continue;
      const value = action.raw.commands;
      const path = joinPath(action.path, "commands");
      if (value === undefined) {
        report.error(path, `${capitalize(actionLabel(action))} is a Commands action and needs commands: a list of 1 to ${LIMITS.commands} single-line shell commands.`);
        continue;
      }
      if (!Array.isArray(value)) {
        report.error(path, `commands must be a list of strings, not a ${jsonType(value)}.`);
        continue;
      }
      if (value.length > LIMITS.commands) {
        report.error(path, `commands has ${value.length} entries; at most ${LIMITS.commands} are allowed. Move the rest into a script in the input artifact.`);
      }
      value.forEach((command, i) => {
        const itemPath = joinPath(path, i);
        if (!checkString(report, itemPath, command, COMMAND, { label: "Command" })) return;
        if (LINE_BREAK.test(command as string)) {
          report.error(itemPath, `Command ${describe(command)} spans several lines; each command must be a single line. Split it into separate entries.`);
        }
      });
    }
  },
});

const outputVariables = defineRule({
  id: "ACT015",
  title: "outputVariables",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const value = action.raw.outputVariables;
      if (!presentList(value)) continue;
      const path = joinPath(action.path, "outputVariables");
      if (!Array.isArray(value)) {
        report.error(path, `outputVariables must be a list of environment variable names, not a ${jsonType(value)}.`);
        continue;
      }
      if (value.length > LIMITS.outputVariables) {
        report.error(path, `outputVariables has ${value.length} entries; at most ${LIMITS.outputVariables} are allowed.`);
      }
      value.forEach((name, i) => {
        checkString(report, joinPath(path, i), name, OUTPUT_VARIABLE, { label: "Output variable name" });
      });
      if (validTypeId(action) && action.type.category !== "Compute") {
        report.warning(
          path,
          `outputVariables is used only by Compute (Commands) actions; on ${actionLabel(action)} it has no effect. Remove it (${action.type.provider} exports its own variables through the action's namespace).`,
        );
      }
    }
  },
});

const environmentVariables = defineRule({
  id: "ACT016",
  title: "environmentVariables",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const value = action.raw.environmentVariables;
      if (!presentList(value)) continue;
      const path = joinPath(action.path, "environmentVariables");
      if (!Array.isArray(value)) {
        report.error(path, `environmentVariables must be a list of {name, value, type} objects, not a ${jsonType(value)}.`);
        continue;
      }
      if (value.length > LIMITS.environmentVariables) {
        report.error(path, `environmentVariables has ${value.length} entries; at most ${LIMITS.environmentVariables} are allowed.`);
      }
      const placed = !validTypeId(action) || isCommands(action) || isEks(action);
      if (!placed) {
        const hint = action.type.provider === "CodeBuild" ? " For CodeBuild use the EnvironmentVariables configuration key." : "";
        report.warning(path, `environmentVariables is documented only for Commands and EKS actions; on ${actionLabel(action)} it is not used.${hint}`);
      }
      value.forEach((entry, i) => checkEnvironmentVariable(report, action, joinPath(path, i), entry, placed));
    }
  },
});

function checkEnvironmentVariable(report: Reporter, action: ActionRef, path: string, entry: unknown, placed: boolean): void {
  if (!isObject(entry)) {
    report.error(path, `Each environment variable must be an object {name, value, type}, not a ${jsonType(entry)}.`);
    return;
  }
  checkString(report, joinPath(path, "name"), entry.name, ENV_VAR_NAME, {
    required: true,
    label: "Environment variable name",
    allowed: "letters, digits and _",
  });
  checkString(report, joinPath(path, "value"), entry.value, ENV_VAR_VALUE, {
    required: true,
    label: "Environment variable value",
  });
  const type = entry.type;
  if (type === undefined) return;
  const typePath = joinPath(path, "type");
  if (!isString(type)) {
    report.error(typePath, `Environment variable type must be PLAINTEXT or SECRETS_MANAGER, not a ${jsonType(type)}.`);
  } else if (enumState(type, ENUMS.EnvironmentVariableType) === "unknown") {
    report.error(typePath, `Environment variable type ${describe(type)} is not valid; use PLAINTEXT or SECRETS_MANAGER.`);
  } else if (type === "SECRETS_MANAGER" && placed && !isCommands(action) && validTypeId(action)) {
    report.warning(typePath, `SECRETS_MANAGER environment variables are documented only for Commands actions; on ${actionLabel(action)} use PLAINTEXT.`);
  }
}

const SNS_TOPIC_ARN = /^arn:aws(?:-[a-z]+)*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/;
const URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

const manualApprovalShape = defineRule({
  id: "ACT017",
  title: "Manual approval shape",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      // Artifacts on approvals are ART003's errors; this rule only checks the value shapes.
      if (!isManual(action) || !action.configuration) continue;
      const config = action.configuration;
      const path = joinPath(action.path, "configuration");
      const topic = config.NotificationArn;
      if (isString(topic) && topic !== "" && !hasReference(topic) && !SNS_TOPIC_ARN.test(topic)) {
        report.warning(
          joinPath(path, "NotificationArn"),
          `NotificationArn ${describe(topic)} is not an SNS topic ARN; use arn:aws:sns:<region>:<account>:<topic>.`,
        );
      }
      const link = config.ExternalEntityLink;
      if (isString(link) && link !== "" && !hasReference(link) && !URL.test(link)) {
        report.warning(
          joinPath(path, "ExternalEntityLink"),
          `ExternalEntityLink ${describe(link)} is not a URL; use a full http:// or https:// address for the approver to review.`,
        );
      }
    }
  },
});

export const actionFieldRules: readonly Rule[] = [crossRegionAllowed, actionRegion, actionRole, actionTimeout, commandsOnlyOnCompute, computeNeedsCommands, outputVariables, environmentVariables, manualApprovalShape];
