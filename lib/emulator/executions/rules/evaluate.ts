/**
 * The rule evaluator: how long each rule provider takes and what it decides, from the rule's
 * resolved configuration, the simulated clock, the simulated CloudWatch alarms and failures
 * injected by the control API. Rule reference:
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference.html
 */
import type { ErrorDetails } from "../records";
import type { RulePlan } from "../pipeline-plan";
import { parseWindowCron } from "./window-cron";
import { zonedTime } from "./zoned-time";

export interface RuleVerdict {
  readonly status: "Succeeded" | "Failed";
  readonly summary: string;
  readonly errorDetails?: ErrorDetails;
}

export interface RuleEnvironment {
  /** When the rule decides (epoch ms of the simulated clock). */
  readonly now: number;
  /** The state of a simulated CloudWatch alarm (`/_emulator/alarm-state`), undefined when it does not exist. */
  alarmState(alarmName: string): string | undefined;
}

/** Simulated seconds an evaluation takes (undocumented; chosen: plausible run times per provider). */
const EVALUATION_SECONDS: Readonly<Record<string, number>> = {
  VariableCheck: 2,
  DeploymentWindow: 2,
  CloudWatchAlarm: 5,
  LambdaInvoke: 10,
  Commands: 40,
  CodeBuild: 90,
};

/** Rules whose verdict comes from code the emulator does not run: they pass unless told to fail. */
export const INJECTABLE_PROVIDERS: readonly string[] = ["LambdaInvoke", "Commands", "CodeBuild"];

/** Alarm states a CloudWatchAlarm rule fails on when `AlarmStates` is not given (undocumented; chosen: ALARM). */
const DEFAULT_ALARM_STATES = ["ALARM"];

/**
 * Simulated seconds until the rule decides. A CloudWatchAlarm rule waits `WaitTime` minutes
 * "to allow for a state change before running the rule result"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html).
 */
export function evaluationSeconds(rule: RulePlan, resolved: Readonly<Record<string, string>>): number {
  const base = EVALUATION_SECONDS[rule.ruleTypeId.provider] ?? 5;
  if (rule.ruleTypeId.provider !== "CloudWatchAlarm") return base;
  const wait = Number(resolved.WaitTime ?? "0");
  return Number.isFinite(wait) && wait > 0 ? wait * 60 : base;
}

/** What the rule decides once its evaluation time is up. */
export function evaluateRule(
  rule: RulePlan,
  resolved: Readonly<Record<string, string>>,
  unresolved: readonly string[],
  env: RuleEnvironment,
  forcedFailure: boolean,
): RuleVerdict {
  if (unresolved.length > 0) {
    return failed(`One or more variables could not be resolved in the rule configuration: ${unresolved.join(", ")}`);
  }
  switch (rule.ruleTypeId.provider) {
    case "VariableCheck":
      return variableCheck(resolved);
    case "DeploymentWindow":
      return deploymentWindow(resolved, env.now);
    case "CloudWatchAlarm":
      return cloudWatchAlarm(resolved, env);
    default:
      if (!INJECTABLE_PROVIDERS.includes(rule.ruleTypeId.provider)) {
        return failed(`Rule provider ${rule.ruleTypeId.provider} is not supported.`);
      }
      return forcedFailure
        ? failed(`${rule.ruleTypeId.provider} rule ${rule.name} reported a failure.`)
        : { status: "Succeeded", summary: `${rule.ruleTypeId.provider} rule ${rule.name} succeeded.` };
  }
}

/**
 * VariableCheck: EQ, NE, CONTAINS (substring) and MATCHES (a regular expression, Java syntax:
 * the whole value must match) compare the resolved variable with `Value`
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-VariableCheck.html).
 */
export function variableCheck(config: Readonly<Record<string, string>>): RuleVerdict {
  const variable = config.Variable ?? "";
  const expected = config.Value ?? "";
  const operator = config.Operator ?? "";
  let met: boolean;
  switch (operator) {
    case "EQ":
      met = variable === expected;
      break;
    case "NE":
      met = variable !== expected;
      break;
    case "CONTAINS":
      met = variable.includes(expected);
      break;
    case "MATCHES": {
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${expected})$`, "u");
      } catch {
        return failed(`The MATCHES value '${expected}' is not a valid regular expression.`);
      }
      met = pattern.test(variable);
      break;
    }
    default:
      return failed(`Unknown VariableCheck operator '${operator}'; use EQ, NE, CONTAINS or MATCHES.`);
  }
  const text = `'${variable}' ${operator} '${expected}'`;
  return met ? { status: "Succeeded", summary: `Variable check passed: ${text}.` } : failed(`Variable check failed: ${text} is false.`);
}

/** DeploymentWindow: passes while the simulated clock is inside the window (minute resolution). */
export function deploymentWindow(config: Readonly<Record<string, string>>, now: number): RuleVerdict {
  const cron = parseWindowCron(config.Cron ?? "");
  if (!cron.ok) return failed(cron.error);
  const zone = config.TimeZone ?? "UTC";
  const time = zonedTime(now, zone);
  if (!time) return failed(`Unknown time zone '${zone}'.`);
  const stamp = `${time.year}-${pad(time.month)}-${pad(time.day)} ${pad(time.hour)}:${pad(time.minute)} ${zone}`;
  return cron.matches(time)
    ? { status: "Succeeded", summary: `${stamp} is inside the deployment window '${config.Cron}'.` }
    : failed(`${stamp} is outside the deployment window '${config.Cron}'.`);
}

/** CloudWatchAlarm: fails when the alarm is in one of the monitored `AlarmStates` once the wait is over. */
export function cloudWatchAlarm(config: Readonly<Record<string, string>>, env: RuleEnvironment): RuleVerdict {
  const name = config.AlarmName ?? "";
  const state = env.alarmState(name);
  if (state === undefined) return failed(`CloudWatch alarm ${name} does not exist.`);
  const monitored = config.AlarmStates ? config.AlarmStates.split(",").map((s) => s.trim()).filter(Boolean) : DEFAULT_ALARM_STATES;
  return monitored.includes(state)
    ? failed(`CloudWatch alarm ${name} is in state ${state}.`)
    : { status: "Succeeded", summary: `CloudWatch alarm ${name} is in state ${state}.` };
}

function failed(message: string): RuleVerdict {
  return { status: "Failed", summary: message, errorDetails: { code: "JobFailed", message } };
}

const pad = (n: number) => String(n).padStart(2, "0");
