/**
 * COND001–COND011: stage condition blocks (beforeEntry / onSuccess / onFailure), their results,
 * automatic retry and rule counts. Rules inside conditions are in conditions-rules.ts.
 */
import { ENUMS } from "../../pipeline/model-tables.generated";
import { describe, isObject, jsonType } from "../../json";
import { defineRule, type Reporter, type Rule } from "../rule";
import type { ConditionBlock } from "../variable-references";
import { conditionIndex, type BlockRef } from "./condition-index";
import { conditionRuleRules } from "./conditions-rules";
import { enumState } from "../enums";


/** Results the user guide allows inside each block's condition (onFailure RETRY is COND006's). */
const CONDITION_RESULTS: Readonly<Record<ConditionBlock, readonly string[]>> = {
  beforeEntry: ["FAIL", "SKIP"],
  onSuccess: ["ROLLBACK", "FAIL"],
  onFailure: ["ROLLBACK"],
};
const ON_FAILURE_RESULTS = ["ROLLBACK", "RETRY"];
const MAX_RULES = 5;

function stageLabel(block: BlockRef): string {
  return block.stage.name !== undefined ? `Stage "${block.stage.name}"` : `Stage ${block.stage.index}`;
}

function list(values: readonly string[]): string {
  return values.join(" or ");
}

const conditionsNeedV2 = defineRule({
  id: "COND001",
  title: "Stage conditions need a V2 pipeline",
  check(pipeline, _context, report) {
    if (!pipeline.isExplicitV1) return;
    for (const block of conditionIndex(pipeline).blocks) {
      report.error(
        block.path,
        `${stageLabel(block)} has ${block.kind}, but stage conditions need a V2 pipeline. Set "pipelineType": "V2" or remove ${block.kind}.`,
      );
    }
  },
});

const oneConditionPerBlock = defineRule({
  id: "COND002",
  title: "One condition per block",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.raw === undefined) {
        report.error(block.path, `${block.kind} must be an object with a "conditions" list, not ${jsonType(block.value)}.`);
        continue;
      }
      const conditions = block.raw.conditions;
      const path = `${block.path}.conditions`;
      if (conditions === undefined) {
        if (block.kind !== "onFailure") {
          report.error(block.path, `${block.kind} requires "conditions" with exactly one condition. Add {"conditions": [{"result": ..., "rules": [...]}]}.`);
        }
        continue;
      }
      if (!Array.isArray(conditions)) {
        report.error(path, `${block.kind}.conditions must be a list holding exactly one condition, not ${jsonType(conditions)}.`);
        continue;
      }
      if (conditions.length > 1) {
        report.error(path, `${block.kind} allows exactly one condition; found ${conditions.length}. Merge their rules into one condition (up to ${MAX_RULES} rules).`);
      }
      for (const condition of block.conditions) {
        if (condition.raw === undefined) {
          report.error(condition.path, `A condition must be an object with "result" and "rules", not ${jsonType(conditions[condition.index])}.`);
        }
      }
    }
  },
});

function checkResult(
  report: Reporter,
  path: string,
  value: unknown,
  allowed: readonly string[],
  where: string,
): void {
  const state = enumState(value, ENUMS.Result);
  if (state === "not-string") {
    report.error(path, `The result of ${where} must be a string (${list(allowed)}), not ${jsonType(value)}.`);
  } else if (state === "unknown") {
    report.error(path, `${describe(value)} is not a result; ${where} allows ${list(allowed)}.`);
  } else if (state === "exact" && !allowed.includes(value as string)) {
    report.error(path, `${where} cannot use result ${value}; use ${list(allowed)}.`);
  }
}

const allowedResults = defineRule({
  id: "COND003",
  title: "Allowed results per block",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.raw === undefined) continue;
      if (block.kind === "onFailure" && block.raw.result !== undefined) {
        checkResult(report, `${block.path}.result`, block.raw.result, ON_FAILURE_RESULTS, "onFailure");
      }
      const allowed = CONDITION_RESULTS[block.kind];
      for (const condition of block.conditions) {
        if (condition.raw === undefined) continue;
        const result = condition.raw.result;
        if (result === undefined) {
          // The model makes it optional, but a beforeEntry/onSuccess condition without a
          // result does nothing (onFailure takes its result from the block: COND004).
          if (block.kind !== "onFailure") {
            report.warning(condition.path, `This ${block.kind} condition has no result, so it has no effect. Add "result": ${list(allowed.map((a) => `"${a}"`))}.`);
          }
          continue;
        }
        if (block.kind === "onFailure" && result === "RETRY") continue; // COND006
        checkResult(report, `${condition.path}.result`, result, allowed, `a ${block.kind} condition`);
      }
    }
  },
});

const onFailureResult = defineRule({
  id: "COND004",
  title: "onFailure needs a result",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.kind !== "onFailure" || block.raw === undefined || block.raw.result !== undefined) continue;
      report.warning(
        block.path,
        `onFailure has no "result", so it has no effect. Add "result": "ROLLBACK" (roll back the stage) or "RETRY" (automatic retry, with retryConfiguration).`,
      );
    }
  },
});

const retryShape = defineRule({
  id: "COND005",
  title: "Automatic retry shape",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.kind !== "onFailure" || block.raw === undefined) continue;
      const { result, retryConfiguration } = block.raw;
      const path = `${block.path}.retryConfiguration`;
      if (retryConfiguration === undefined) {
        if (result === "RETRY") {
          report.warning(block.path, `onFailure result RETRY should carry "retryConfiguration": {"retryMode": "FAILED_ACTIONS"} (or "ALL_ACTIONS").`);
        }
        continue;
      }
      if (!isObject(retryConfiguration)) {
        report.error(path, `retryConfiguration must be an object like {"retryMode": "FAILED_ACTIONS"}, not ${jsonType(retryConfiguration)}.`);
        continue;
      }
      const mode = retryConfiguration.retryMode;
      const state = enumState(mode, ENUMS.StageRetryMode);
      if (mode === undefined) {
        if (result === "RETRY") {
          report.warning(path, `retryConfiguration has no retryMode. Add "retryMode": "FAILED_ACTIONS" (retry failed actions) or "ALL_ACTIONS".`);
        }
      } else if (state === "not-string" || state === "unknown") {
        report.error(`${path}.retryMode`, `retryMode ${describe(mode)} is invalid; use FAILED_ACTIONS or ALL_ACTIONS.`);
      }
      if (enumState(result, ENUMS.Result) === "exact" && result !== "RETRY") {
        report.warning(path, `retryConfiguration only applies to onFailure result RETRY; with result ${result} it is ignored. Remove it or set "result": "RETRY".`);
      }
    }
  },
});

const noRetryWithConditions = defineRule({
  id: "COND006",
  title: "No automatic retry with onFailure conditions",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.kind !== "onFailure" || block.raw === undefined) continue;
      const conditions = block.raw.conditions;
      if (block.raw.result === "RETRY") {
        if (Array.isArray(conditions) && conditions.length > 0) {
          report.error(
            `${block.path}.conditions`,
            `You cannot use automatic stage retry with onFailure conditions. Remove "conditions", or use "result": "ROLLBACK".`,
          );
        }
        continue;
      }
      // A RETRY inside an onFailure condition is automatic retry driven by a condition: the same
      // combination the user guide forbids (its onFailure conditions list ROLLBACK only).
      for (const condition of block.conditions) {
        if (condition.raw?.result === "RETRY") {
          report.error(
            `${condition.path}.result`,
            `An onFailure condition cannot use result RETRY: you cannot use automatic stage retry with onFailure conditions. Use "ROLLBACK" here, or drop the conditions and set onFailure "result": "RETRY".`,
          );
        }
      }
    }
  },
});

const skipRuleTypes = defineRule({
  id: "COND007",
  title: "SKIP only with LambdaInvoke / VariableCheck",
  check(pipeline, _context, report) {
    for (const rule of conditionIndex(pipeline).rules) {
      const condition = rule.condition;
      if (condition.block.kind !== "beforeEntry" || condition.raw?.result !== "SKIP") continue;
      // Unknown providers get COND013's warning instead.
      if (rule.entry === undefined || rule.entry.allowedInSkip) continue;
      report.error(
        `${rule.path}.ruleTypeId.provider`,
        `A beforeEntry condition with result SKIP may only contain LambdaInvoke or VariableCheck rules, not ${rule.provider}. Use result FAIL, or move this rule to another condition.`,
      );
    }
  },
});

/** Paths of ROLLBACK results of a block: the onFailure result (else its condition's), onSuccess conditions. */
function rollbackPaths(block: BlockRef): string[] {
  const paths: string[] = [];
  if (block.raw === undefined || block.kind === "beforeEntry") return paths; // beforeEntry ROLLBACK: COND003
  if (block.kind === "onFailure" && block.raw.result === "ROLLBACK") {
    paths.push(`${block.path}.result`);
    return paths;
  }
  for (const condition of block.conditions) {
    if (condition.raw?.result === "ROLLBACK") paths.push(`${condition.path}.result`);
  }
  return paths;
}

const noRollbackInParallel = defineRule({
  id: "COND008",
  title: "No rollback in PARALLEL mode",
  check(pipeline, _context, report) {
    if (pipeline.root.executionMode !== "PARALLEL") return;
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.stage.index === 0) continue; // COND009
      for (const path of rollbackPaths(block)) {
        report.error(
          path,
          `${stageLabel(block)}: ROLLBACK results are not allowed when executionMode is PARALLEL. Use another result, or switch executionMode to QUEUED or SUPERSEDED.`,
        );
      }
    }
  },
});

const noSourceRollback = defineRule({
  id: "COND009",
  title: "No rollback of the source stage",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.stage.index !== 0) continue;
      for (const path of rollbackPaths(block)) {
        report.error(
          path,
          `${stageLabel(block)} is the source stage, which cannot be rolled back. Remove the ROLLBACK result; put rollback conditions on a later stage.`,
        );
      }
    }
  },
});

const sourceStageConditions = defineRule({
  id: "COND010",
  title: "Conditions on the source stage",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      if (block.stage.index !== 0 || rollbackPaths(block).length > 0) continue; // COND009 said it
      report.warning(
        block.path,
        `${stageLabel(block)} is the source stage; ${block.kind} conditions on it are undocumented and may be ignored or rejected. Move the condition to a later stage.`,
      );
    }
  },
});

const rulesPerCondition = defineRule({
  id: "COND011",
  title: "Rules per condition",
  check(pipeline, _context, report) {
    for (const block of conditionIndex(pipeline).blocks) {
      for (const condition of block.conditions) {
        if (condition.raw === undefined) continue;
        const rules = condition.raw.rules;
        if (rules === undefined) {
          // The model makes rules optional, but a condition without rules checks nothing.
          report.warning(condition.path, `This condition has no rules, so it checks nothing. Add 1 to ${MAX_RULES} rules or remove the condition.`);
          continue;
        }
        if (!Array.isArray(rules)) {
          report.error(`${condition.path}.rules`, `rules must be a list of 1 to ${MAX_RULES} rules, not ${jsonType(rules)}.`);
          continue;
        }
        if (rules.length > MAX_RULES) {
          report.error(`${condition.path}.rules`, `A condition holds at most ${MAX_RULES} rules; found ${rules.length}. Remove some or move them to another stage's condition.`);
        }
        for (const rule of condition.rules) {
          if (rule.raw === undefined) {
            report.error(rule.path, `A rule must be an object with "name" and "ruleTypeId", not ${jsonType(rules[rule.index])}.`);
          }
        }
      }
    }
  },
});

export const conditionsRules: readonly Rule[] = [
  conditionsNeedV2,
  oneConditionPerBlock,
  allowedResults,
  onFailureResult,
  retryShape,
  noRetryWithConditions,
  skipRuleTypes,
  noRollbackInParallel,
  noSourceRollback,
  sourceStageConditions,
  rulesPerCondition,
  ...conditionRuleRules,
];
