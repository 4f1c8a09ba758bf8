/**
 * OPS001–OPS007: checks on the inputs of the execution-view operations (DisableStageTransition,
 * PutApprovalResult, StartPipelineExecution, StopPipelineExecution, RetryStageExecution,
 * RollbackStage, OverrideStageCondition), run before the call is sent.
 *
 * Why it exists: the live execution view lets an on-call engineer start, stop, retry, approve or
 * reject, disable or enable a transition, and roll back. Each of those is a form in the browser
 * and a server action (zod → gateway → map) on the server, and both must refuse the same inputs
 * with the same words, before CodePipeline answers a bare ValidationException mid-incident. These
 * functions are that one description of AWS's input constraints (lengths, patterns, which stage
 * or execution may be named), from the API reference pages, e.g.
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_DisableStageTransition.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PutApprovalResult.html,
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html.
 *
 * What will call it: the execution view's operation forms (showing the diagnostics at their
 * fields, and `sanitizeTransitionReason` telling the user what the reason becomes) and its server
 * actions (refusing what the form let through), one `validate…` per operation. Until that view
 * lands, only the tests beside this file call it.
 *
 * Pure and total: inputs are untrusted (`unknown`), nothing throws, no SDK imports. Paths are
 * relative to the operation input (`reason`, `variables[2].value`); "" means the call as a whole.
 * Unlike the declaration rules there is no GEN family here: each code owns every problem of its
 * operation, empty strings included.
 */
import { StageRetryModeSchema } from "../pipeline/declaration";
import { checkString } from "../validation/checks";
import type { Diagnostic } from "../validation/diagnostic";
import { caseVariantOf } from "../validation/enums";
import { createReporter, type Reporter } from "../validation/rule";
import { arrayOf, describe, isObject, isString, jsonType, type JsonObject } from "../json";
import {
  APPROVAL_SUMMARY,
  CLIENT_REQUEST_TOKEN,
  DISABLE_TRANSITION_REASON,
  LIMITS,
  REVISION_VALUE,
  STOP_REASON,
  VARIABLE_DEFAULT,
  VARIABLE_NAME,
} from "../pipeline/patterns";

/** Checks an enum input member: required, exact (with a "did you mean" for wrong case). */
function checkChoice(report: Reporter, path: string, value: unknown, values: readonly string[], label: string): value is string {
  const allowed = values.map((v) => `"${v}"`).join(" or ");
  if (value === undefined) {
    report.error(path, `${label} is required: ${allowed}.`);
    return false;
  }
  if (typeof value === "string" && values.includes(value)) return true;
  const variant = caseVariantOf(value, values);
  report.error(path,
    variant !== undefined
      ? `${label} ${describe(value)} has the wrong case (values are case-sensitive); did you mean "${variant}"?`
      : `${label} must be ${allowed}; got ${typeof value === "string" ? describe(value) : `a ${jsonType(value)}`}.`);
  return false;
}

function inputObject(report: Reporter, input: unknown): JsonObject | undefined {
  if (isObject(input)) return input;
  report.error("", `The operation input must be an object, not a ${jsonType(input)}.`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// OPS001 — DisableStageTransition reason.

const REASON_CHAR = /[a-zA-Z0-9!@ ().*?-]/;

export function validateDisableTransitionReason(reason: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS001");
  if (reason === "") {
    report.error("reason", "A reason is required to disable a transition (1 to 300 characters).");
    return out;
  }
  if (typeof reason === "string" && reason.length <= DISABLE_TRANSITION_REASON.max && !DISABLE_TRANSITION_REASON.pattern!.test(reason)) {
    const bad = [...new Set([...reason].filter((ch) => !REASON_CHAR.test(ch)))];
    const shown = bad.slice(0, 8).map((ch) => (ch === "\n" ? "line break" : JSON.stringify(ch))).join(", ");
    report.error("reason",
      `The reason contains characters CodePipeline rejects (${shown}); only letters, digits, spaces and ! @ ( ) . * ? - are allowed. ` +
        `For example: ${JSON.stringify(sanitizeTransitionReason(reason))}.`);
    return out;
  }
  checkString(report, "reason", reason, DISABLE_TRANSITION_REASON, { label: "The reason", required: true, ownsEmpty: true });
  return out;
}

const REPLACE: Record<string, string> = {
  ",": " - ", ";": " - ", ":": " - ",
  _: "-", "/": "-", "\\": "-", "|": "-", "~": "-", "=": "-", "+": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-",
  "[": "(", "{": "(", "<": "(", "]": ")", "}": ")", ">": ")",
  "&": " and ", "%": " percent",
};

/**
 * Turns free text into a valid DisableStageTransition reason: accents stripped, punctuation
 * mapped to the allowed set (`,` `:` → " - ", `_` `/` → "-", brackets → parentheses), anything
 * else dropped, whitespace collapsed, cut to 300 characters. Never returns an invalid reason.
 */
export function sanitizeTransitionReason(text: string): string {
  const source = typeof text === "string" ? text : String(text ?? "");
  let out = "";
  for (const ch of source.normalize("NFKD")) {
    if (/\s/.test(ch)) out += " ";
    else if (REASON_CHAR.test(ch)) out += ch;
    else out += REPLACE[ch] ?? "";
  }
  out = out.replace(/ {2,}/g, " ").trim().slice(0, DISABLE_TRANSITION_REASON.max).trim();
  return out === "" ? "Transition disabled" : out;
}

// ---------------------------------------------------------------------------------------------
// OPS002 — PutApprovalResult.

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Input: `{result: {summary, status}, token}` (the names come from the execution view). */
export function validateApprovalResult(input: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS002");
  const o = inputObject(report, input);
  if (!o) return out;
  if (!isObject(o.result)) {
    report.error("result",
      o.result === undefined ? 'result is required: {"status": "Approved" | "Rejected", "summary": "..."}.' : `result must be an object, not a ${jsonType(o.result)}.`);
  } else {
    checkString(report, "result.summary", o.result.summary, APPROVAL_SUMMARY, { label: "The approval summary", required: true, ownsEmpty: true });
    checkChoice(report, "result.status", o.result.status, ["Approved", "Rejected"], "The approval status");
  }
  const token = o.token;
  if (token === undefined || token === "") {
    report.error("token",
      "The approval token is required: take it from GetPipelineState (actionStates[].latestExecution.token), or in PARALLEL mode from ListActionExecutions (externalExecutionId).");
  } else if (!isString(token) || !UUID.test(token)) {
    report.error("token", `The approval token must be a UUID as returned by GetPipelineState; got ${describe(token)}.`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OPS003 — StartPipelineExecution.

const REVISION_TYPES = ["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"] as const;

interface SourceActionInfo {
  readonly provider: string | undefined;
  readonly owner: string | undefined;
  readonly configuration: JsonObject | undefined;
}

/** Revision types a source provider accepts (undefined: unknown provider, do not check). */
function revisionTypesFor(action: SourceActionInfo): readonly string[] | undefined {
  if (action.owner === "AWS" && action.provider === "S3") return ["S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"];
  if (action.owner === "AWS" && action.provider === "ECR") return ["IMAGE_DIGEST"];
  if (action.provider === "CodeCommit" || action.provider === "CodeStarSourceConnection" || action.provider === "GitHub") return ["COMMIT_ID"];
  return undefined;
}

function sourceActions(declaration: JsonObject): Map<string, SourceActionInfo> {
  const map = new Map<string, SourceActionInfo>();
  const first = arrayOf(declaration.stages)[0];
  if (!isObject(first)) return map;
  for (const action of arrayOf(first.actions)) {
    if (!isObject(action) || !isString(action.name)) continue;
    const t = isObject(action.actionTypeId) ? action.actionTypeId : {};
    map.set(action.name, {
      provider: isString(t.provider) ? t.provider : undefined,
      owner: isString(t.owner) ? t.owner : undefined,
      configuration: isObject(action.configuration) ? action.configuration : undefined,
    });
  }
  return map;
}

/**
 * Input: `{variables?, clientRequestToken?, sourceRevisions?}`. `declaration` is the pipeline
 * being started (for declared variables and source actions); pass undefined when unknown.
 */
export function validateStartExecution(input: unknown, declaration: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS003");
  const o = inputObject(report, input);
  if (!o) return out;
  const decl = isObject(declaration) ? declaration : undefined;
  checkStartVariables(report, o.variables, decl);
  checkString(report, "clientRequestToken", o.clientRequestToken, CLIENT_REQUEST_TOKEN, {
    label: "clientRequestToken",
    allowed: "letters, digits and -",
    ownsEmpty: true,
  });
  checkSourceRevisions(report, o.sourceRevisions, decl);
  return out;
}

function checkStartVariables(report: Reporter, variables: unknown, decl: JsonObject | undefined): void {
  // Declared variables: name → has a default.
  const declared = new Map<string, boolean>();
  if (decl) {
    for (const v of arrayOf(decl.variables)) {
      if (isObject(v) && isString(v.name)) declared.set(v.name, isString(v.defaultValue) && v.defaultValue !== "");
    }
  }
  const supplied = new Set<string>();
  if (variables !== undefined) {
    if (!Array.isArray(variables)) {
      report.error("variables", `variables must be a list of {name, value}, not a ${jsonType(variables)}.`);
    } else if (variables.length === 0) {
      report.error("variables", "variables is an empty list; omit it instead of sending [] (the API requires 1 to 50 items).");
    } else if (variables.length > LIMITS.startVariables) {
      report.error("variables", `At most ${LIMITS.startVariables} variables can be passed; there are ${variables.length}.`);
    }
    arrayOf(variables).forEach((v: unknown, i) => {
      const at = `variables[${i}]`;
      if (!isObject(v)) {
        report.error(at, `Each variable must be an object {name, value}, not a ${jsonType(v)}.`);
        return;
      }
      if (checkString(report, `${at}.name`, v.name, VARIABLE_NAME, { label: "Variable name", required: true, allowed: "letters, digits, @, - and _", ownsEmpty: true })) {
        if (supplied.has(v.name)) {
          report.error(`${at}.name`, `Variable ${describe(v.name)} is passed twice; pass each variable once.`);
        } else if (decl && !declared.has(v.name)) {
          const names = [...declared.keys()];
          report.error(`${at}.name`,
            `Pipeline variable ${describe(v.name)} is not declared in the pipeline` +
              (names.length > 0 ? `; declared: ${names.join(", ")}.` : "; the pipeline declares no variables."));
        }
        supplied.add(v.name);
      }
      checkString(report, `${at}.value`, v.value, VARIABLE_DEFAULT, { label: "Variable value", required: true, ownsEmpty: true });
    });
  }
  // Inferred: a variable without a default cannot resolve unless the start supplies it.
  for (const [name, hasDefault] of declared) {
    if (!hasDefault && !supplied.has(name)) {
      report.warning("variables",
        `Pipeline variable ${describe(name)} has no default value; supply a value for it, or actions referencing #{variables.${name}} fail.`);
    }
  }
}

function checkSourceRevisions(report: Reporter, revisions: unknown, decl: JsonObject | undefined): void {
  if (revisions === undefined) return;
  if (!Array.isArray(revisions)) {
    report.error("sourceRevisions", `sourceRevisions must be a list, not a ${jsonType(revisions)}.`);
    return;
  }
  if (revisions.length > LIMITS.sourceRevisions) {
    report.error("sourceRevisions", `At most ${LIMITS.sourceRevisions} source revisions can be passed; there are ${revisions.length}.`);
  }
  if (decl && decl.pipelineType === "V1" && revisions.length > 0) {
    report.warning("sourceRevisions", "Source revision overrides are a V2 feature; this pipeline is V1.");
  }
  const sources = decl ? sourceActions(decl) : undefined;
  const seen = new Map<string, string[]>();
  revisions.forEach((r: unknown, i) => {
    const at = `sourceRevisions[${i}]`;
    if (!isObject(r)) {
      report.error(at, `Each source revision must be an object {actionName, revisionType, revisionValue}, not a ${jsonType(r)}.`);
      return;
    }
    const typeOk = checkChoice(report, `${at}.revisionType`, r.revisionType, REVISION_TYPES, "revisionType");
    checkString(report, `${at}.revisionValue`, r.revisionValue, REVISION_VALUE, { label: "revisionValue", required: true, ownsEmpty: true });
    const name = r.actionName;
    if (!isString(name) || name === "") {
      report.error(`${at}.actionName`, "actionName is required: the name of a source action of the pipeline.");
      return;
    }
    const source = sources?.get(name);
    if (sources && !source) {
      const names = [...sources.keys()];
      report.error(`${at}.actionName`,
        `${describe(name)} is not a source action of this pipeline` + (names.length > 0 ? `; source actions: ${names.join(", ")}.` : "."));
      return;
    }
    if (!typeOk) return;
    const type = r.revisionType as string;
    const types = seen.get(name) ?? [];
    // S3 accepts S3_OBJECT_KEY together with S3_OBJECT_VERSION_ID; anything else twice is a conflict.
    if (types.length > 0 && (types.includes(type) || !(types.every((t) => t.startsWith("S3_")) && type.startsWith("S3_")))) {
      report.warning(at, `Action ${describe(name)} already has a ${types.join(", ")} override; pass one override per source action.`);
    }
    seen.set(name, [...types, type]);
    if (!source) return;
    const allowed = revisionTypesFor(source);
    if (allowed && !allowed.includes(type)) {
      report.warning(`${at}.revisionType`,
        `A ${source.provider} source takes ${allowed.join(" or ")} overrides, not ${type}.`);
    } else if (type === "S3_OBJECT_KEY" && source.configuration?.AllowOverrideForS3ObjectKey !== "true") {
      report.warning(`${at}.revisionType`,
        `S3_OBJECT_KEY overrides require "AllowOverrideForS3ObjectKey": "true" on the S3 source action ${describe(name)}; set it, or override S3_OBJECT_VERSION_ID instead.`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// OPS004 — StopPipelineExecution.

export interface StopContext {
  /** A stop already requested for this execution, if any. */
  readonly previousStop?: { readonly abandon: boolean };
}

/** Input: `{reason?, abandon?}`. */
export function validateStopExecution(input: unknown, context: StopContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS004");
  const o = inputObject(report, input);
  if (!o) return out;
  checkString(report, "reason", o.reason, STOP_REASON, { label: "The stop reason", ownsEmpty: true });
  if (o.abandon !== undefined && typeof o.abandon !== "boolean") {
    report.error("abandon", `abandon must be true or false, not a ${jsonType(o.abandon)}.`);
  }
  const previous = context.previousStop;
  if (previous) {
    if (previous.abandon) {
      report.warning("",
        "This execution was already stopped with abandon; another stop fails with DuplicatedStopRequestException.");
    } else if (o.abandon !== true) {
      report.warning("abandon",
        'A "stop and wait" is already in progress; a second one fails with DuplicatedStopRequestException. Send abandon: true to stop immediately.');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OPS005 — RetryStageExecution.

export interface RetryContext {
  /** StageExecutionStatus of the stage in the execution to retry (GetPipelineState). */
  readonly stageStatus?: string;
  /** Whether the execution is the pipeline's latest one. */
  readonly isLatestExecution?: boolean;
}

/** Input: `{retryMode}` (stage and execution identify the target and come from the view). */
export function validateRetryStage(input: unknown, context: RetryContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS005");
  const o = inputObject(report, input);
  if (!o) return out;
  checkChoice(report, "retryMode", o.retryMode, StageRetryModeSchema.options, "retryMode");
  const status = context.stageStatus;
  if (status === "Skipped") {
    report.warning("stageName", "A skipped stage cannot be retried (StageNotRetryableException).");
  } else if (status !== undefined && status !== "Failed" && status !== "Stopped") {
    report.warning("stageName",
      `Only a failed or stopped stage can be retried; this stage is ${status} (StageNotRetryableException).`);
  }
  if (context.isLatestExecution === false) {
    report.warning("pipelineExecutionId",
      "Only the latest execution can be retried (NotLatestPipelineExecutionException); start a new execution instead.");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OPS006 — RollbackStage.

export interface RollbackContext {
  /** The deployed declaration: stage position and executionMode. */
  readonly declaration?: unknown;
  /** The pipeline's current version (GetPipeline metadata / GetPipelineState pipelineVersion). */
  readonly currentPipelineVersion?: number;
  /** What is known of the target execution. */
  readonly target?: {
    /** Status of the stage in the target execution. */
    readonly stageStatus?: string;
    readonly pipelineVersion?: number;
    /** ExecutionType: STANDARD | ROLLBACK. */
    readonly executionType?: string;
  };
}

/** Input: `{stageName, targetPipelineExecutionId}`. */
export function validateRollbackStage(input: unknown, context: RollbackContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS006");
  const o = inputObject(report, input);
  if (!o) return out;
  if (!isString(o.targetPipelineExecutionId) || o.targetPipelineExecutionId === "") {
    report.error("targetPipelineExecutionId", "targetPipelineExecutionId is required: the execution to roll the stage back to.");
  }
  const decl = isObject(context.declaration) ? context.declaration : undefined;
  if (decl && isString(o.stageName)) {
    const index = arrayOf(decl.stages).findIndex((s) => isObject(s) && s.name === o.stageName);
    if (index === 0) {
      report.warning("stageName", "The first (source) stage cannot be rolled back (UnableToRollbackStageException).");
    } else if (index < 0) {
      report.warning("stageName", `The pipeline has no stage ${describe(o.stageName)} (StageNotFoundException).`);
    }
  }
  if (decl?.executionMode === "PARALLEL") {
    report.warning("", "Stages of a PARALLEL pipeline cannot be rolled back (UnableToRollbackStageException).");
  }
  // Whether V1 pipelines support RollbackStage is an open question (spec §8.4): not checked.
  const target = context.target;
  if (target) {
    if (target.stageStatus !== undefined && target.stageStatus !== "Succeeded") {
      report.warning("targetPipelineExecutionId",
        `The target execution did not succeed in this stage (${target.stageStatus}); roll back to an execution that succeeded in it.`);
    }
    if (target.pipelineVersion !== undefined && context.currentPipelineVersion !== undefined && target.pipelineVersion !== context.currentPipelineVersion) {
      report.warning("targetPipelineExecutionId",
        `The target execution ran on pipeline version ${target.pipelineVersion}, but the pipeline is now at version ${context.currentPipelineVersion}; ` +
          "only executions of the current version can be rollback targets (PipelineExecutionOutdatedException).");
    }
    if (target.executionType === "ROLLBACK") {
      report.warning("targetPipelineExecutionId",
        "The target is itself a rollback execution; choose a STANDARD execution that succeeded in this stage.");
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OPS007 — OverrideStageCondition.

export interface OverrideContext {
  /** Result of the condition being overridden (ROLLBACK | FAIL | RETRY | SKIP). */
  readonly conditionResult?: string;
}

/** Input: `{conditionType}`. */
export function validateOverrideCondition(input: unknown, context: OverrideContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = createReporter(out, "OPS007");
  const o = inputObject(report, input);
  if (!o) return out;
  if (o.conditionType === "ON_FAILURE") {
    report.error("conditionType", 'onFailure conditions cannot be overridden; conditionType must be "BEFORE_ENTRY" or "ON_SUCCESS".');
  } else {
    checkChoice(report, "conditionType", o.conditionType, ["BEFORE_ENTRY", "ON_SUCCESS"], "conditionType");
  }
  if (context.conditionResult === "SKIP") {
    report.warning("conditionType", "A condition whose result is SKIP cannot be overridden (ConditionNotOverridableException).");
  }
  return out;
}
