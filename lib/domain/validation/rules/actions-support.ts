/** Small helpers shared by the ACT/ART/CFG rule files (no rules here). */
import { ENUMS } from "../../pipeline/model-tables.generated";
import { PROVIDER } from "../../pipeline/patterns";
import { arrayOf, describe, isObject, type JsonObject } from "../../json";
import type { ActionRef, StageRef } from "../../pipeline/pipeline-index";
import { enumState } from "../enums";


/** Label used in messages: `action "Build" in stage "Build"`. */
export function actionLabel(action: ActionRef): string {
  const name = action.name !== undefined && action.name !== "" ? describe(action.name) : `#${action.actionIndex + 1}`;
  const stage =
    action.stage.name !== undefined && action.stage.name !== "" ? describe(action.stage.name) : `#${action.stage.index + 1}`;
  return `action ${name} in stage ${stage}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** category, owner and provider pass ACT003, so later rules do not cascade on a broken tuple. */
export function validTypeId(action: ActionRef): boolean {
  // A catalog hit matched category, owner and provider exactly, so the tuple is well-formed.
  if (action.provider !== undefined && !action.provider.providerIsUserDefined) return true;
  const t = action.type;
  return (
    enumState(t.category, ENUMS.ActionCategory) === "exact" &&
    enumState(t.owner, ENUMS.ActionOwner) === "exact" &&
    t.provider !== undefined &&
    t.provider.length <= PROVIDER.max &&
    PROVIDER.pattern!.test(t.provider)
  );
}

export function isType(action: ActionRef, category: string, owner: string, provider: string): boolean {
  const t = action.type;
  return t.category === category && t.owner === owner && t.provider === provider;
}

/** A value that holds a variable reference resolves at run time; value checks skip it (VAR owns the syntax). */
export function hasReference(value: string): boolean {
  return value.includes("#{");
}

const CONDITION_BLOCKS = ["beforeEntry", "onSuccess", "onFailure"] as const;

/** Calls `visit` for every stage-condition rule object of the stage, with its path. */
export function forEachConditionRule(stage: StageRef, visit: (rule: JsonObject, path: string) => void): void {
  for (const block of CONDITION_BLOCKS) {
    const value = stage.raw[block];
    if (!isObject(value)) continue;
    const conditions = arrayOf(value.conditions);
    for (let c = 0; c < conditions.length; c++) {
      const condition = conditions[c];
      if (!isObject(condition)) continue;
      const rules = arrayOf(condition.rules);
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r];
        if (isObject(rule)) visit(rule, `${stage.path}.${block}.conditions[${c}].rules[${r}]`);
      }
    }
  }
}
