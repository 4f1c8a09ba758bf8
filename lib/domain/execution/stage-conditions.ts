/**
 * What a stage card shows of its conditions
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html): per kind
 * (before entry, on success, on failure) the declared result and each rule with its provider,
 * laid beside GetPipelineState's latest run of them (result and message per rule); the time left
 * while a CloudWatchAlarm rule watches its alarm, and whether the condition may be overridden.
 */
import { arrayOf, asObject, isObject, isString, own, type JsonObject } from "../json";
import type { OverridableConditionType } from "./run-details-view";
import type { ConditionExecutionStatus, RuleExecutionStatus } from "./status";
import type { ConditionKind, StageConditionStateView, Timestamp } from "./view-model";

export const CONDITION_KINDS: readonly ConditionKind[] = ["beforeEntry", "onSuccess", "onFailure"];

export const CONDITION_TITLES: Readonly<Record<ConditionKind, string>> = {
  beforeEntry: "Before entry",
  onSuccess: "On success",
  onFailure: "On failure",
};

/** OverrideStageCondition's conditionType: only entry and success conditions can be overridden (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_OverrideStageCondition.html). */
export const OVERRIDE_TYPES = { beforeEntry: "BEFORE_ENTRY", onSuccess: "ON_SUCCESS" } as const satisfies Partial<Record<ConditionKind, OverridableConditionType>>;

export interface RuleRow {
  readonly name: string;
  readonly provider?: string;
  readonly status?: RuleExecutionStatus;
  readonly summary?: string;
  readonly errorMessage?: string;
  readonly externalExecutionUrl?: string;
  /** Epoch ms when a CloudWatchAlarm rule stops watching its alarm and applies its result. */
  readonly monitoredUntil?: number;
}

export interface ConditionRow {
  /** The result the condition applies when a rule is not met (FAIL, SKIP, ROLLBACK, RETRY). */
  readonly result?: string;
  readonly status?: ConditionExecutionStatus;
  readonly summary?: string;
  readonly rules: readonly RuleRow[];
}

export interface ConditionGroup {
  readonly kind: ConditionKind;
  readonly status?: ConditionExecutionStatus;
  readonly summary?: string;
  readonly conditions: readonly ConditionRow[];
  /** The override OverrideStageCondition accepts for this kind, while the condition holds the stage. */
  readonly override?: OverridableConditionType;
}

const parseTime = (iso: Timestamp | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
};

/**
 * CloudWatchAlarm's WaitTime is in minutes (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html);
 * the watch starts when the rule's run does (its last status change while it is in progress).
 */
function monitoredUntil(provider: string | undefined, configuration: JsonObject, status: RuleExecutionStatus | undefined, since: Timestamp | undefined): number | undefined {
  if (provider !== "CloudWatchAlarm" || status !== "InProgress") return undefined;
  const wait = own(configuration, "WaitTime");
  const minutes = isString(wait) && /^\d+(\.\d+)?$/.test(wait.trim()) ? Number(wait) : undefined;
  const start = parseTime(since);
  return minutes === undefined || start === undefined ? undefined : start + minutes * 60_000;
}

/**
 * Condition states match the declaration's conditions by position (ConditionState names none)
 * and rules by name; a rule the state does not mention has not run.
 */
export function conditionGroups(declaredStage: JsonObject | undefined, states: Readonly<Partial<Record<ConditionKind, StageConditionStateView>>>): ConditionGroup[] {
  const groups: ConditionGroup[] = [];
  for (const kind of CONDITION_KINDS) {
    const declared = arrayOf(asObject(declaredStage && own(declaredStage, kind)).conditions).filter(isObject);
    const state = states[kind];
    if (declared.length === 0 && !state) continue;
    const count = Math.max(declared.length, state?.conditions.length ?? 0);
    const conditions: ConditionRow[] = [];
    for (let i = 0; i < count; i++) {
      const decl = declared[i];
      const live = state?.conditions[i];
      const liveRules = new Map((live?.rules ?? []).map((r) => [r.ruleName, r]));
      const declaredRules = arrayOf(decl?.rules).filter(isObject);
      const names = [...declaredRules.map((r) => (isString(r.name) ? r.name : "")), ...[...liveRules.keys()].filter((n) => !declaredRules.some((r) => r.name === n))];
      const rules = names.map((name): RuleRow => {
        const ruleDecl = declaredRules.find((r) => r.name === name);
        const provider = ruleDecl && isString(asObject(ruleDecl.ruleTypeId).provider) ? (asObject(ruleDecl.ruleTypeId).provider as string) : undefined;
        const run = liveRules.get(name);
        const until = monitoredUntil(provider, asObject(ruleDecl?.configuration), run?.status, run?.lastStatusChange);
        return {
          name,
          ...(provider !== undefined && { provider }),
          ...(run?.status !== undefined && { status: run.status }),
          ...(run?.summary !== undefined && { summary: run.summary }),
          ...(run?.errorDetails?.message !== undefined && { errorMessage: run.errorDetails.message }),
          ...(run?.externalExecutionUrl !== undefined && { externalExecutionUrl: run.externalExecutionUrl }),
          ...(until !== undefined && { monitoredUntil: until }),
        };
      });
      conditions.push({
        ...(isString(decl?.result) && { result: decl.result }),
        ...(live?.status !== undefined && { status: live.status }),
        ...(live?.summary !== undefined && { summary: live.summary }),
        rules,
      });
    }
    const override = kind === "onFailure" ? undefined : OVERRIDE_TYPES[kind];
    // Undocumented which states accept an override; chosen: offer it while the condition holds the
    // stage (in progress) or has failed it, and let CodePipeline refuse (ConditionNotOverridableException) otherwise.
    // A SKIP condition that was not met has already sent the execution past the stage: nothing holds it.
    const skipsOnly = conditions.length > 0 && conditions.every((c) => c.result === "SKIP");
    const holding = (state?.status === "InProgress" || state?.status === "Failed") && !skipsOnly;
    groups.push({
      kind,
      ...(state?.status !== undefined && { status: state.status }),
      ...(state?.summary !== undefined && { summary: state.summary }),
      conditions,
      ...(override !== undefined && holding && { override }),
    });
  }
  return groups;
}

/** The declared stage of that name in a declaration (the page's JSON). */
export function declaredStage(declaration: JsonObject, stageName: string): JsonObject | undefined {
  return arrayOf(declaration.stages).filter(isObject).find((s) => s.name === stageName);
}

/** "4 min 05 s" left, or "0 s" once the wait is over (the next poll brings the result). */
export function remaining(untilMs: number, now: number): string {
  const left = Math.max(0, Math.ceil((untilMs - now) / 1000));
  const minutes = Math.floor(left / 60);
  const seconds = left % 60;
  return minutes > 0 ? `${minutes} min ${String(seconds).padStart(2, "0")} s` : `${seconds} s`;
}
