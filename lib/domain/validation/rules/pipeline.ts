/** PIPE001–PIPE015: pipeline-level members, structure, pipeline type and account quotas. */
import { allowedInV1 } from "../../catalog/catalog";
import { LIMITS, PIPELINE_NAME, ROLE_ARN, satisfies } from "../../pipeline/patterns";
import { checkString } from "../checks";
import type { ValidationContext } from "../context";
import { arrayOf, describe, isInteger, isObject, isString, jsonType } from "../../json";
import type { ActionRef, PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Reporter, type Rule } from "../rule";
import { ENUMS } from "../../pipeline/model-tables.generated";
import { enumState } from "../enums";

const NAME_CHARS = "letters, digits and . @ - _ (no spaces)";
/** The service quotas on pipelines per region (1000 is adjustable, 300 polling is fixed). */
const PIPELINES_PER_REGION = 1000;
const POLLING_PIPELINES_PER_REGION = 300;

const pipelineName = defineRule({
  id: "PIPE001",
  title: "Pipeline name format",
  check(p, _c, report) {
    checkString(report, "name", p.root.name, PIPELINE_NAME, {
      required: true,
      label: "Pipeline name",
      allowed: NAME_CHARS,
    });
  },
});

const nameFreeOnCreate = defineRule({
  id: "PIPE002",
  title: "Pipeline name free on create",
  check(p, c, report) {
    const name = p.root.name;
    if (c.operation !== "create" || !Array.isArray(c.existingPipelineNames)) return;
    if (!satisfies(name, PIPELINE_NAME)) return; // PIPE001's
    if (c.existingPipelineNames.includes(name)) {
      report.error("name",
        `A pipeline named ${describe(name)} already exists in ${c.region ?? "this region"} ` +
          "(PipelineNameInUseException). Choose another name, or update the existing pipeline instead.");
      return;
    }
    // Unsure whether the service compares names case-insensitively: a case-only twin is at
    // best confusing and at worst rejected, so warn rather than block.
    const lower = name.toLowerCase();
    const twin = c.existingPipelineNames.find((n) => typeof n === "string" && n.toLowerCase() === lower);
    if (twin !== undefined) {
      report.warning("name",
        `A pipeline named ${describe(twin)} already exists; ${describe(name)} differs only in case, which is confusing and may be ` +
          "rejected as PipelineNameInUseException. Choose a clearly different name.");
    }
  },
});

const nameImmutable = defineRule({
  id: "PIPE003",
  title: "Name is immutable on update",
  check(p, c, report) {
    if (c.operation !== "update" || !isObject(c.deployed) || !isString(c.deployed.name)) return;
    const name = p.root.name;
    if (!satisfies(name, PIPELINE_NAME) || name === c.deployed.name) return;
    const old = describe(c.deployed.name);
    report.error("name",
      `UpdatePipeline identifies the pipeline by name: renaming ${old} to ${describe(name)} fails with ` +
        `PipelineNotFoundException. Keep the name ${old}, or create ${describe(name)} as a new pipeline and delete ${old}.`);
  },
});

const ROLE_EXAMPLE = "arn:aws:iam::123456789012:role/NAME";
const ARN_PARTS = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;

/** Why a string is not a role ARN, in words the user can act on. */
export function roleArnProblem(value: string): string {
  const m = ARN_PARTS.exec(value);
  if (!m) return `${describe(value)} is not an ARN; use the role's full ARN such as ${ROLE_EXAMPLE}.`;
  const [, partition, service, , account, resource] = m as unknown as [string, string, string, string, string, string];
  if (!/^aws(-[A-Za-z0-9_]+)*$/.test(partition)) return `${describe(value)} has an unknown partition "${partition}"; use aws, aws-cn or aws-us-gov.`;
  if (service !== "iam") return `${describe(value)} is a ${service || "non-IAM"} ARN; it must be an IAM role ARN such as ${ROLE_EXAMPLE}.`;
  if (!/^[0-9]{12}$/.test(account)) return `${describe(value)} has account "${account}"; the account ID must be exactly 12 digits.`;
  if (!resource.startsWith("role/")) {
    const kind = resource.split("/")[0] || "non-role";
    return `${describe(value)} is an IAM ${kind} ARN; CodePipeline needs an IAM role ARN such as ${ROLE_EXAMPLE}.`;
  }
  return `${describe(value)} must match ${ROLE_ARN.patternText}.`;
}

const roleArn = defineRule({
  id: "PIPE004",
  title: "Role ARN",
  check(p, _c, report) {
    const value = p.root.roleArn;
    if (value === undefined) {
      report.error("roleArn", `roleArn is required: the service role CodePipeline assumes, e.g. ${ROLE_EXAMPLE}.`);
    } else if (typeof value !== "string") {
      report.error("roleArn", `roleArn must be a string, not a ${jsonType(value)}.`);
    } else if (value.length > ROLE_ARN.max) {
      report.error("roleArn", `roleArn must be at most ${ROLE_ARN.max} characters; it has ${value.length}.`);
    } else if (value !== "" && !ROLE_ARN.pattern!.test(value)) {
      report.error("roleArn", `Pipeline roleArn: ${roleArnProblem(value)}`);
    }
  },
});

/** Reports a present enum member that is neither valid, "" (GEN004's) nor a case variant (GEN006's). */
function checkEnum(report: Reporter, path: string, value: unknown, values: readonly string[]): void {
  if (value === undefined) return;
  const state = enumState(value, values);
  const allowed = values.map((v) => `"${v}"`).join(", ");
  if (state === "not-string") {
    report.error(path, `${path} must be one of ${allowed}, not a ${jsonType(value)}.`);
  } else if (state === "unknown") {
    report.error(path, `${path} ${describe(value)} is not valid; use one of ${allowed}.`);
  }
}

const pipelineTypeValue = defineRule({
  id: "PIPE005",
  title: "pipelineType value",
  check(p, _c, report) {
    checkEnum(report, "pipelineType", p.root.pipelineType, ENUMS.PipelineType);
  },
});

const pipelineTypeOmitted = defineRule({
  id: "PIPE006",
  title: "pipelineType omitted",
  check(p, _c, report) {
    if (p.root.pipelineType !== undefined) return;
    report.warning("pipelineType",
      "pipelineType is not set: since 2024-12-09 CodePipeline creates a V2 pipeline when it is omitted (V1 before). " +
        'Set "pipelineType": "V2" (or "V1") explicitly so the type does not depend on the date.');
  },
});

const executionModeValue = defineRule({
  id: "PIPE007",
  title: "executionMode value",
  check(p, _c, report) {
    checkEnum(report, "executionMode", p.root.executionMode, ENUMS.ExecutionMode);
  },
});

const executionModeNeedsV2 = defineRule({
  id: "PIPE008",
  title: "QUEUED/PARALLEL need V2",
  check(p, _c, report) {
    const mode = p.root.executionMode;
    if (!p.isExplicitV1 || (mode !== "QUEUED" && mode !== "PARALLEL")) return;
    report.error("executionMode",
      `executionMode "${mode}" requires a V2 pipeline. Set "pipelineType": "V2", or use "SUPERSEDED" in a V1 pipeline.`);
  },
});

/**
 * V2-only features in an explicit V1 pipeline. Split with the other families so that each
 * feature gets one diagnostic: triggers → TRIG001, pipeline variables → VAR001, stage
 * conditions (beforeEntry/onSuccess/onFailure, incl. RETRY/SKIP/rule types) → COND001,
 * QUEUED/PARALLEL → PIPE008. PIPE009 covers the rest: the Compute category and the V2-only
 * providers of providers.json (`pipelineTypes: ["V2"]`).
 */
const v2FeaturesInV1 = defineRule({
  id: "PIPE009",
  title: "V2-only features in a V1 pipeline",
  check(p, _c, report) {
    if (!p.isExplicitV1) return;
    for (const action of p.actions) {
      if (action.type.category === "Compute") {
        report.error(`${action.path}.actionTypeId.category`,
          `Action ${describe(action.name)} uses the Compute category, which only V2 pipelines support. ` +
            'Set "pipelineType": "V2" or replace the action (e.g. with a CodeBuild action).');
      } else if (action.provider && !action.provider.providerIsUserDefined && !allowedInV1(action.provider)) {
        report.error(`${action.path}.actionTypeId.provider`,
          `The ${action.provider.category} provider "${action.provider.provider}" of action ${describe(action.name)} ` +
            'is only available in V2 pipelines. Set "pipelineType": "V2" or choose another provider.');
      }
    }
  },
});

const version = defineRule({
  id: "PIPE010",
  title: "version",
  check(p, c, report) {
    const value = p.root.version;
    if (!isInteger(value)) return; // absent, or GEN002's
    if (value < 1) {
      report.error("version",
        `version must be 1 or more; got ${value}. Omit it on create, and send the value read from GetPipeline on update.`);
    } else if (c.operation === "create" && value !== 1) {
      report.warning("version",
        `A new pipeline starts at version 1, but the declaration carries ${value}; omit version (the service sets 1).`);
    } else if (c.operation === "update" && isObject(c.deployed) && isInteger(c.deployed.version) && value !== c.deployed.version) {
      // Whether UpdatePipeline rejects a stale version is undocumented: warn, never block.
      report.warning("version",
        `The deployed pipeline is at version ${c.deployed.version}, but the declaration carries ${value}; ` +
          "send back the version read from GetPipeline (someone may have updated the pipeline since you loaded it).");
    }
  },
});

const minStages = defineRule({
  id: "PIPE011",
  title: "At least two stages",
  check(p, _c, report) {
    const stages = p.root.stages;
    if (stages === undefined) {
      report.error("stages", "stages is required: a pipeline needs at least two stages (a source stage and one more).");
    } else if (!Array.isArray(stages)) {
      report.error("stages", `stages must be a list of stages, not a ${jsonType(stages)}.`);
    } else if (stages.length < LIMITS.stagesMin) {
      report.error("stages",
        `A pipeline needs at least ${LIMITS.stagesMin} stages; this one has ${stages.length}. Add a stage after the source stage (e.g. Build or Deploy).`);
    }
  },
});

const maxStages = defineRule({
  id: "PIPE012",
  title: "At most 50 stages",
  check(p, _c, report) {
    if (p.stages.length > LIMITS.stagesMax) {
      report.error("stages",
        `A pipeline can have at most ${LIMITS.stagesMax} stages; this one has ${p.stages.length}. Merge stages or split the pipeline.`);
    }
  },
});

const maxActions = defineRule({
  id: "PIPE013",
  title: "At most 500 actions per pipeline",
  check(p, _c, report) {
    if (p.actions.length > LIMITS.actionsPerPipeline) {
      report.error("stages",
        `A pipeline can have at most ${LIMITS.actionsPerPipeline} actions; this one has ${p.actions.length}. Split it into several pipelines.`);
    }
  },
});

const nonSourceAction = defineRule({
  id: "PIPE014",
  title: "At least one non-source action",
  check(p, _c, report) {
    if (p.actions.length === 0) return; // STG003 / PIPE011 report the empty pipeline
    for (const action of p.actions) if (action.type.category !== "Source") return;
    report.error("stages",
      "Every action of this pipeline is a Source action; a pipeline needs at least one non-source action (Build, Test, Deploy, ...) after the source stage.");
  },
});

/** S3, CodeCommit and GitHub (v1) sources poll when PollForSourceChanges is omitted or "true". */
function pollsForChanges(category: unknown, owner: unknown, provider: unknown, configuration: unknown): boolean {
  if (category !== "Source") return false;
  const polls = (owner === "AWS" && (provider === "S3" || provider === "CodeCommit")) || (owner === "ThirdParty" && provider === "GitHub");
  if (!polls) return false;
  const flag = isObject(configuration) ? configuration.PollForSourceChanges : undefined;
  return flag === undefined || flag === "true";
}

function firstPollingAction(p: PipelineIndex): ActionRef | undefined {
  return p.actions.find((a) => pollsForChanges(a.type.category, a.type.owner, a.type.provider, a.configuration));
}

function deployedPolls(deployed: unknown): boolean {
  if (!isObject(deployed)) return false;
  for (const stage of arrayOf(deployed.stages)) {
    if (!isObject(stage)) continue;
    for (const action of arrayOf(stage.actions)) {
      if (!isObject(action) || !isObject(action.actionTypeId)) continue;
      const t = action.actionTypeId;
      if (pollsForChanges(t.category, t.owner, t.provider, action.configuration)) return true;
    }
  }
  return false;
}

const accountQuota = defineRule({
  id: "PIPE015",
  title: "Account pipeline quota",
  check(p, c: ValidationContext, report) {
    const where = c.region ?? "this region";
    if (c.operation === "create" && isInteger(c.pipelineCount) && c.pipelineCount >= PIPELINES_PER_REGION) {
      report.warning("",
        `${where} already holds ${c.pipelineCount} pipelines (quota ${PIPELINES_PER_REGION} per account and region, adjustable); ` +
          "CreatePipeline will fail with LimitExceededException. Delete unused pipelines or request a quota increase.");
    }
    if (!isInteger(c.pollingPipelineCount) || c.pollingPipelineCount < POLLING_PIPELINES_PER_REGION) return;
    // On update the quota only matters when the update turns polling on.
    const adds = c.operation === "create" || (c.operation === "update" && c.deployed !== undefined && !deployedPolls(c.deployed));
    if (!adds) return;
    const polling = firstPollingAction(p);
    if (!polling) return;
    report.warning(polling.path,
      `Source action ${describe(polling.name)} polls for changes (PollForSourceChanges omitted or "true"), and ${where} already has ` +
        `${c.pollingPipelineCount} polling pipelines (fixed quota ${POLLING_PIPELINES_PER_REGION}); the push will fail with ` +
        'LimitExceededException. Set "PollForSourceChanges": "false" and start the pipeline with an EventBridge rule or webhook.');
  },
});

export const pipelineRules: readonly Rule[] = [
  pipelineName,
  nameFreeOnCreate,
  nameImmutable,
  roleArn,
  pipelineTypeValue,
  pipelineTypeOmitted,
  executionModeValue,
  executionModeNeedsV2,
  v2FeaturesInV1,
  version,
  minStages,
  maxStages,
  maxActions,
  nonSourceAction,
  accountQuota,
];
