/**
 * COND012–COND021: the rules inside stage conditions — name, type, configuration, commands,
 * limits, input artifacts and variable references.
 */
import { RULE_PROVIDERS } from "../../catalog/catalog";
import { ENUMS } from "../../pipeline/model-tables.generated";
import {
  ARTIFACT_NAME,
  COMMAND,
  CONFIG_KEY,
  LIMITS,
  PROVIDER,
  REGION,
  ROLE_ARN,
  RULE_CONFIG_VALUE,
  RULE_NAME,
  satisfies,
  TIMEOUT_IN_MINUTES,
  TYPE_VERSION,
} from "../../pipeline/patterns";
import { checkString } from "../checks";
import { arrayOf, describe, hasOwn, isInteger, isObject, isString, jsonType } from "../../json";
import { joinPath } from "../path";
import { defineRule, type Reporter, type Rule } from "../rule";
import { checkReference, ruleScope, scanReferences } from "../variable-references";
import { conditionIndex, type RuleRef } from "./condition-index";
import { enumState } from "../enums";

const KNOWN_RULE_PROVIDERS = RULE_PROVIDERS.map((p) => p.provider).join(", ");

function ruleLabel(rule: RuleRef): string {
  const name = rule.raw?.name;
  return isString(name) && name !== "" ? `Rule "${name}"` : `Rule ${rule.index}`;
}

/** A one-value enum member: the exact value passes, wrong case is GEN006's, empty is GEN004's. */
function checkFixed(report: Reporter, path: string, value: unknown, values: readonly string[], label: string): void {
  const expected = values[0];
  if (typeof value !== "string") {
    report.error(path, `${label} must be the string "${expected}", not ${jsonType(value)}.`);
  } else if (enumState(value, values) === "unknown") {
    report.error(path, `${label} must be "${expected}"; ${describe(value)} is not valid.`);
  }
}

const ruleName = defineRule({
  id: "COND012",
  title: "Rule name",
  check(pipeline, _context, report) {
    let seen: Set<string> | undefined;
    let current: unknown;
    for (const rule of conditionIndex(pipeline).rules) {
      if (rule.raw === undefined) continue;
      if (rule.condition !== current) {
        current = rule.condition;
        seen?.clear();
      }
      const path = `${rule.path}.name`;
      const name = rule.raw.name;
      if (!checkString(report, path, name, RULE_NAME, { required: true, label: "Rule name", allowed: "letters, digits and . @ - _" })) continue;
      seen ??= new Set();
      if (seen.has(name as string)) {
        // Uniqueness is inferred (rule executions are listed by name): a warning.
        report.warning(path, `Rule name "${name}" is used twice in this condition; give each rule a distinct name so its executions can be told apart.`);
      } else {
        seen.add(name as string);
      }
    }
  },
});

const ruleTypeId = defineRule({
  id: "COND013",
  title: "Rule type id",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      if (rule.raw === undefined) continue;
      const typeId = rule.raw.ruleTypeId;
      const path = `${rule.path}.ruleTypeId`;
      if (!isObject(typeId)) {
        report.error(
          path,
          typeId === undefined
            ? `${ruleLabel(rule)} needs a ruleTypeId, e.g. {"category": "Rule", "owner": "AWS", "provider": "VariableCheck", "version": "1"}.`
            : `ruleTypeId must be an object, not ${jsonType(typeId)}.`,
        );
        continue;
      }
      if (typeId.category === undefined) report.error(`${path}.category`, `ruleTypeId.category is required and must be "Rule".`);
      else checkFixed(report, `${path}.category`, typeId.category, ENUMS.RuleCategory, "ruleTypeId.category");
      if (typeId.owner !== undefined) checkFixed(report, `${path}.owner`, typeId.owner, ENUMS.RuleOwner, "ruleTypeId.owner");
      const providerOk = checkString(report, `${path}.provider`, typeId.provider, PROVIDER, {
        required: true,
        label: "Rule provider",
        allowed: "letters, digits, - and _",
      });
      if (providerOk && rule.entry === undefined) {
        report.warning(
          `${path}.provider`,
          `Unknown rule provider "${typeId.provider}"; known rule types are ${KNOWN_RULE_PROVIDERS} (check ListRuleTypes for the region).`,
        );
      }
      checkString(report, `${path}.version`, typeId.version, TYPE_VERSION, {
        label: "Rule type version",
        allowed: "letters, digits, - and _",
      });
    }
  },
});

const ruleConfigurationLimits = defineRule({
  id: "COND014",
  title: "Rule configuration limits",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      const value = rule.raw?.configuration;
      if (value === undefined) continue;
      const path = `${rule.path}.configuration`;
      if (!isObject(value)) {
        report.error(path, `Rule configuration must be an object of string values, not ${jsonType(value)}.`);
        continue;
      }
      let count = 0;
      for (const key in value) {
        count++;
        const v = value[key];
        if (key.length > CONFIG_KEY.max) {
          report.error(joinPath(path, key), `Configuration key ${describe(key)} is ${key.length} characters long; keys are at most ${CONFIG_KEY.max}.`);
        }
        if (typeof v === "string" && v.length > RULE_CONFIG_VALUE.max) {
          report.error(joinPath(path, key), `Rule configuration value of ${key} is ${v.length} characters long; the limit is ${RULE_CONFIG_VALUE.max}.`);
        }
      }
      if (count > LIMITS.ruleConfigurationEntries) {
        report.error(path, `A rule configuration holds at most ${LIMITS.ruleConfigurationEntries} entries; found ${count}.`);
      }
    }
  },
});

const ruleRequiredKeys = defineRule({
  id: "COND015",
  title: "Rule required keys",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      if (rule.entry === undefined || rule.raw === undefined) continue;
      const config = rule.raw.configuration;
      if (config !== undefined && rule.configuration === undefined) continue; // COND014: wrong type
      for (const key of rule.entry.configuration) {
        if (!key.required || (config !== undefined && hasOwn(rule.configuration!, key.key))) continue;
        report.error(
          `${rule.path}.configuration`,
          `${ruleLabel(rule)} (${rule.provider}) requires configuration key ${key.key}: ${key.description}`,
        );
      }
    }
  },
});

const WAIT_TIME = /^\d+$/;
const ALARM_STATES = "AlarmStates";

/** A Java regex as the JavaScript engine will accept it, close enough to tell "does not compile". */
function compilesAsJavaRegex(source: string): boolean {
  const js = source
    .replace(/\(\?[a-zA-Z]+\)/g, "") // inline flags (?i)
    .replace(/\(\?>/g, "(?:") // atomic groups
    .replace(/([*+?}])\+/g, "$1"); // possessive quantifiers
  try {
    new RegExp(js);
    return true;
  } catch {
    return false;
  }
}

const ruleAllowedValues = defineRule({
  id: "COND016",
  title: "Rule allowed values",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      const config = rule.configuration;
      if (rule.entry === undefined || config === undefined) continue;
      for (const spec of rule.entry.configuration) {
        const value = config[spec.key];
        if (!isString(value) || value === "" || value.includes("#{")) continue; // resolved at run time
        const path = joinPath(`${rule.path}.configuration`, spec.key);
        if (spec.allowedValues) {
          const values = spec.key === ALARM_STATES ? value.split(",").map((s) => s.trim()) : [value];
          const bad = values.filter((v) => !spec.allowedValues!.includes(v));
          if (bad.length > 0) {
            report.warning(path, `${spec.key} ${describe(bad.join(","))} is not valid for ${rule.provider}; use ${spec.allowedValues.join(", ")}${spec.key === ALARM_STATES ? " (comma-separated)" : ""}.`);
          }
        }
        if (spec.key === "WaitTime" && !WAIT_TIME.test(value)) {
          report.warning(path, `WaitTime ${describe(value)} must be a whole number of minutes, e.g. "15".`);
        }
      }
      if (rule.provider === "VariableCheck" && config.Operator === "MATCHES") {
        const pattern = config.Value;
        if (isString(pattern) && pattern !== "" && !pattern.includes("#{") && !compilesAsJavaRegex(pattern)) {
          report.warning(joinPath(`${rule.path}.configuration`, "Value"), `With Operator MATCHES, Value is a (Java) regular expression, and ${describe(pattern)} does not compile. Fix the expression or use EQ / CONTAINS.`);
        }
      }
    }
  },
});

const CRON_FIELDS = [
  { name: "seconds", chars: /^\*$/ },
  { name: "minutes", chars: /^[0-9,\-*/]+$/ },
  { name: "hours", chars: /^[0-9,\-*/]+$/ },
  { name: "day-of-month", chars: /^[0-9,\-*?/LW]+$/ },
  { name: "month", chars: /^[0-9A-Za-z,\-*/]+$/ },
  { name: "day-of-week", chars: /^[0-9A-Za-z,\-*?/L#]+$/ },
  { name: "year", chars: /^[0-9,\-*/]+$/ },
] as const;
const TIME_ZONE = /^(?:UTC(?:[+-](?:[01]\d|2[0-3]):[0-5]\d)?|[A-Z]{3,5}|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

const deploymentWindowCron = defineRule({
  id: "COND017",
  title: "DeploymentWindow cron shape",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      const config = rule.configuration;
      if (rule.provider !== "DeploymentWindow" || config === undefined) continue;
      const base = `${rule.path}.configuration`;
      const cron = config.Cron;
      // The current rule reference says the seconds field takes only "*" (an older copy: 0-59).
      if (isString(cron) && cron !== "" && !cron.includes("#{")) {
        const fields = cron.trim().split(/\s+/);
        if (fields.length < 6 || fields.length > 7) {
          report.warning(`${base}.Cron`, `Cron ${describe(cron)} has ${fields.length} fields; DeploymentWindow needs 6 (seconds minutes hours day-of-month month day-of-week) plus an optional year, with seconds "*", e.g. "* 0 9-17 ? * MON-FRI".`);
        } else {
          const bad = fields.findIndex((f, i) => !CRON_FIELDS[i]!.chars.test(f));
          if (bad !== -1) {
            const field = CRON_FIELDS[bad]!.name;
            report.warning(`${base}.Cron`, bad === 0
              ? `Cron ${describe(cron)}: the seconds field must be "*"; found ${describe(fields[0])}.`
              : `Cron ${describe(cron)}: the ${field} field ${describe(fields[bad])} contains characters that field does not allow.`);
          }
        }
      }
      const zone = config.TimeZone;
      if (isString(zone) && zone !== "" && !zone.includes("#{") && !TIME_ZONE.test(zone)) {
        report.warning(`${base}.TimeZone`, `TimeZone ${describe(zone)} is not a Region/City name (America/New_York), UTC[+-HH:MM] or a 3-5 letter abbreviation.`);
      }
    }
  },
});

const ruleCommands = defineRule({
  id: "COND018",
  title: "Rule commands",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      if (rule.raw === undefined) continue;
      const commands = rule.raw.commands;
      const path = `${rule.path}.commands`;
      const isCommands = rule.provider === "Commands";
      if (commands === undefined) {
        // COND015 and COND018 both mention it; reported here so that commands live in one rule.
        if (isCommands) report.error(rule.path, `${ruleLabel(rule)} is a Commands rule and needs "commands": 1 to ${LIMITS.commands} single-line shell commands.`);
        continue;
      }
      if (rule.entry !== undefined && !isCommands) {
        report.error(path, `Only the Commands rule accepts "commands"; remove it from this ${rule.provider} rule.`);
        continue;
      }
      if (!Array.isArray(commands)) {
        report.error(path, `commands must be a list of strings, not ${jsonType(commands)}.`);
        continue;
      }
      if (commands.length > LIMITS.commands) {
        report.error(path, `A rule holds at most ${LIMITS.commands} commands; found ${commands.length}. Move the steps into a script.`);
      }
      commands.forEach((command, i) => {
        const itemPath = `${path}[${i}]`;
        if (!checkString(report, itemPath, command, COMMAND, { label: "Command" })) return;
        if ((command as string).includes("\n") || (command as string).includes("\r")) {
          report.error(itemPath, `Each command must be a single line; split ${describe(command)} into one entry per line.`);
        }
      });
    }
  },
});

const ruleTimeoutRoleRegion = defineRule({
  id: "COND019",
  title: "Rule timeout / role / region",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      if (rule.raw === undefined) continue;
      const { timeoutInMinutes, roleArn, region } = rule.raw;
      // Non-integers are GEN002's.
      if (isInteger(timeoutInMinutes) && (timeoutInMinutes < TIMEOUT_IN_MINUTES.min || timeoutInMinutes > TIMEOUT_IN_MINUTES.max)) {
        report.error(`${rule.path}.timeoutInMinutes`, `Rule timeoutInMinutes must be ${TIMEOUT_IN_MINUTES.min} to ${TIMEOUT_IN_MINUTES.max}; found ${timeoutInMinutes}.`);
      }
      checkString(report, `${rule.path}.roleArn`, roleArn, ROLE_ARN, {
        label: "Rule roleArn",
        allowed: "an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)",
      });
      checkString(report, `${rule.path}.region`, region, REGION, { label: "Rule region" });
    }
  },
});

const ruleInputsExistEarlier = defineRule({
  id: "COND020",
  title: "Rule input artifacts exist earlier",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      const inputs = rule.raw?.inputArtifacts;
      if (!Array.isArray(inputs)) continue; // list and name shapes are ART001's, as for actions
      const block = rule.condition.block;
      const stageIndex = block.stage.index;
      inputs.forEach((input, i) => {
        const name = isObject(input) ? input.name : undefined;
        if (!satisfies(name, ARTIFACT_NAME)) return;
        const path = `${rule.path}.inputArtifacts[${i}].name`;
        const producers = pipeline.producers.get(name);
        if (producers === undefined) {
          report.warning(path, `No action produces artifact "${name}". Use the output artifact name of an earlier action.`);
          return;
        }
        // beforeEntry runs before the stage's actions; onSuccess/onFailure after them.
        const ready = producers.some((p) => p.stageIndex < stageIndex || (block.kind !== "beforeEntry" && p.stageIndex === stageIndex));
        if (!ready) {
          report.warning(
            path,
            block.kind === "beforeEntry"
              ? `Artifact "${name}" is produced in this stage or later, so it does not exist yet when the beforeEntry condition is evaluated. Use an artifact from an earlier stage.`
              : `Artifact "${name}" is produced in a later stage, so it does not exist when this ${block.kind} condition is evaluated.`,
          );
        }
      });
    }
  },
});

const ruleReferences = defineRule({
  id: "COND021",
  title: "Rule variable references",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      if (rule.raw === undefined) continue;
      const config = rule.configuration;
      const commands = rule.raw.commands;
      if (config === undefined && commands === undefined) continue;
      const scope = ruleScope(rule.condition.block.stage.index, rule.condition.block.kind);
      const checkText = (text: unknown, path: () => string) => {
        if (!isString(text) || !text.includes("#{")) return;
        for (const ref of scanReferences(text)) {
          const finding = checkReference(pipeline, ref, scope);
          // Rule references are checked as warnings: their resolution is inferred, not observed.
          if (finding) report.warning(path(), `${finding.message}${finding.code === "VAR007" && rule.condition.block.kind === "beforeEntry" ? " (In a beforeEntry condition, the stage's own actions have not run yet.)" : ""}`);
        }
      };
      if (config !== undefined) {
        for (const key in config) checkText(config[key], () => joinPath(`${rule.path}.configuration`, key));
      }
      arrayOf(commands).forEach((command, i) => checkText(command, () => `${rule.path}.commands[${i}]`));
    }
  },
});

export const conditionRuleRules: readonly Rule[] = [
  ruleName,
  ruleTypeId,
  ruleConfigurationLimits,
  ruleRequiredKeys,
  ruleAllowedValues,
  deploymentWindowCron,
  ruleCommands,
  ruleTimeoutRoleRegion,
  ruleInputsExistEarlier,
  ruleReferences,
];
