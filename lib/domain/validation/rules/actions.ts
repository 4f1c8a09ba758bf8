/**
 * ACT rules on the action's own shape: name, uniqueness, actionTypeId, runOrder.
 * Catalog-driven rules live in actions-catalog.ts, member rules in actions-fields.ts.
 */
import { ACTION_NAME, PROVIDER, RUN_ORDER, TYPE_VERSION, satisfies } from "../../pipeline/patterns";
import { checkString } from "../checks";
import { describe, isObject, isString, jsonType } from "../../json";
import { joinPath } from "../path";
import { defineRule, type Reporter, type Rule } from "../rule";
import { actionCatalogRules } from "./actions-catalog";
import { actionFieldRules } from "./actions-fields";
import { ENUMS } from "../../pipeline/model-tables.generated";
import { actionLabel, capitalize } from "./actions-support";
import { enumState } from "../enums";

const NAME_ALLOWED = "letters, digits and . @ - _ (no spaces)";
const TYPE_ALLOWED = "letters, digits, - and _";

const actionName = defineRule({
  id: "ACT001",
  title: "Action name format",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (!action.isObject) {
        const entry = rawEntry(pipeline.stages[action.stageIndex]?.raw, action.actionIndex);
        report.error(
          action.path,
          `Each entry of actions must be an action object with a name and an actionTypeId, not a ${jsonType(entry)}.`,
        );
        continue;
      }
      if (satisfies(action.raw.name, ACTION_NAME)) continue;
      checkString(report, joinPath(action.path, "name"), action.raw.name, ACTION_NAME, {
        required: true,
        label: "Action name",
        allowed: NAME_ALLOWED,
      });
    }
  },
});

function rawEntry(stage: Record<string, unknown> | undefined, index: number): unknown {
  const list = stage?.actions;
  return Array.isArray(list) ? list[index] : undefined;
}

const uniqueActionNames = defineRule({
  id: "ACT002",
  title: "Action names unique within a stage",
  check(pipeline, _context, report) {
    for (const stage of pipeline.stages) {
      if (stage.actions.length < 2) continue;
      const seen = new Set<string>();
      for (const action of stage.actions) {
        const name = action.name;
        if (name === undefined) continue;
        if (!seen.has(name)) {
          seen.add(name);
          continue;
        }
        // Names that break the pattern are ACT001's; comparing them would only cascade.
        if (satisfies(name, ACTION_NAME)) {
          report.error(
            joinPath(action.path, "name"),
            `Action name ${describe(name)} is used more than once in stage ${describe(stage.name ?? `#${stage.index + 1}`)}; action names must be unique within a stage. Rename this action.`,
          );
        }
      }
    }
  },
});

const actionTypeIdFields = defineRule({
  id: "ACT003",
  title: "actionTypeId fields",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      if (!action.isObject) continue;
      const typeId = action.raw.actionTypeId;
      // Fast path: a catalog hit with a well-formed version is fine.
      if (action.provider !== undefined && !action.provider.providerIsUserDefined && satisfies(action.type.version, TYPE_VERSION)) continue;
      const path = joinPath(action.path, "actionTypeId");
      if (typeId === undefined) {
        report.error(path, `actionTypeId is required: give the action a category, owner, provider and version, e.g. {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}.`);
        continue;
      }
      if (!isObject(typeId)) {
        report.error(path, `actionTypeId must be an object with category, owner, provider and version, not a ${jsonType(typeId)}.`);
        continue;
      }
      checkEnum(report, joinPath(path, "category"), typeId.category, ENUMS.ActionCategory, "Action category");
      checkEnum(report, joinPath(path, "owner"), typeId.owner, ENUMS.ActionOwner, "Action owner");
      checkString(report, joinPath(path, "provider"), typeId.provider, PROVIDER, {
        required: true,
        label: "Action provider",
        allowed: TYPE_ALLOWED,
      });
      checkString(report, joinPath(path, "version"), typeId.version, TYPE_VERSION, {
        required: true,
        label: "Action type version",
        allowed: `${TYPE_ALLOWED} (no dots; AWS providers use "1")`,
      });
    }
  },
});

function checkEnum(report: Reporter, path: string, value: unknown, allowed: readonly string[], label: string): void {
  if (value === undefined) {
    report.error(path, `${label} is required; use one of ${allowed.join(", ")}.`);
    return;
  }
  if (!isString(value)) {
    report.error(path, `${label} must be a string (one of ${allowed.join(", ")}), not a ${jsonType(value)}.`);
    return;
  }
  // "" is GEN004's, a wrong-case value GEN006's.
  if (enumState(value, allowed) !== "unknown") return;
  report.error(path, `${label} ${describe(value)} is not valid; use one of ${allowed.join(", ")}.`);
}

const runOrderRange = defineRule({
  id: "ACT007",
  title: "runOrder range",
  check(pipeline, _context, report) {
    for (const action of pipeline.actions) {
      const runOrder = action.raw.runOrder;
      // Non-integers are GEN002's.
      if (typeof runOrder !== "number" || !Number.isInteger(runOrder)) continue;
      if (runOrder < RUN_ORDER.min || runOrder > RUN_ORDER.max) {
        report.error(
          joinPath(action.path, "runOrder"),
          `runOrder ${runOrder} is out of range; it must be a whole number from ${RUN_ORDER.min} to ${RUN_ORDER.max} (omit it for 1).`,
        );
      }
    }
  },
});

const implicitRunOrder = defineRule({
  id: "ACT008",
  title: "Implicit runOrder",
  check(pipeline, _context, report) {
    for (const stage of pipeline.stages) {
      let sequenced = false;
      for (const action of stage.actions) {
        if (action.runOrderDeclared && action.runOrder > 1) sequenced = true;
      }
      if (!sequenced) continue;
      for (const action of stage.actions) {
        if (!action.isObject || action.runOrderDeclared) continue;
        report.warning(
          joinPath(action.path, "runOrder"),
          `${capitalize(actionLabel(action))} has no runOrder, so it runs in the first group (runOrder 1) while other actions of the stage are ordered explicitly. Set runOrder to say when it should run.`,
        );
      }
    }
  },
});

const actionCoreRules: readonly Rule[] = [actionName, uniqueActionNames, actionTypeIdFields, runOrderRange, implicitRunOrder];

export const actionsRules: readonly Rule[] = [...actionCoreRules, ...actionCatalogRules, ...actionFieldRules];
