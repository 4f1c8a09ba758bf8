/**
 * CFG005 — conditional configuration requirements, one code per sub-case (CFG005a–s).
 * The sub-rules are table rows in configuration-conditional-<family>.ts; this rule sends every
 * action (and every stage-condition rule, for CodeBuild rules) to the rows of its catalog entry
 * in a single pass. Adding a sub-case = adding a row to a family table.
 */
import { findActionProvider, findRuleProvider, type ProviderEntry } from "../../catalog/catalog";
import { arrayOf, describe, isObject, isString, type JsonObject } from "../../json";
import type { ActionRef } from "../../pipeline/pipeline-index";
import { defineRule, type Rule } from "../rule";
import { actionLabel, forEachConditionRule } from "./actions-support";
import { buildChecks } from "./configuration-conditional-build";
import { cloudFormationChecks } from "./configuration-conditional-cloudformation";
import { deployChecks } from "./configuration-conditional-deploy";
import { invokeChecks } from "./configuration-conditional-invoke";
import type { CheckContext, ConditionalCheck, Subject } from "./configuration-conditional-support";

export const CONDITIONAL_CHECKS: readonly ConditionalCheck[] = [
  ...buildChecks,
  ...cloudFormationChecks,
  ...deployChecks,
  ...invokeChecks,
];

/** Catalog entry → its sub-rules. */
const CHECKS_BY_ENTRY = new Map<ProviderEntry, ConditionalCheck[]>();
let ruleChecksExist = false;
for (const check of CONDITIONAL_CHECKS) {
  for (const [kind, category, owner, provider] of check.providers) {
    const entry = kind === "rule" ? findRuleProvider(provider) : findActionProvider(category, owner, provider);
    if (!entry) throw new Error(`CFG005 table names an unknown provider ${category}/${owner}/${provider}`);
    if (kind === "rule") ruleChecksExist = true;
    const list = CHECKS_BY_ENTRY.get(entry);
    if (list) list.push(check);
    else CHECKS_BY_ENTRY.set(entry, [check]);
  }
}

const EMPTY: JsonObject = {};

/** An action as a CFG005 subject; label and input names are computed only when a check asks. */
class ActionSubject implements Subject {
  readonly kind = "action";
  readonly path: string;
  readonly config: JsonObject;
  readonly inputCount: number;
  private names: readonly string[] | undefined;
  constructor(
    readonly action: ActionRef,
    readonly entry: ProviderEntry,
  ) {
    this.path = action.path;
    this.config = action.configuration ?? EMPTY;
    this.inputCount = action.inputs.length;
  }
  get label(): string {
    return actionLabel(this.action);
  }
  get inputNames(): readonly string[] {
    if (this.names === undefined) {
      const names: string[] = [];
      for (const input of this.action.inputs) if (input.name !== undefined) names.push(input.name);
      this.names = names;
    }
    return this.names;
  }
}

const conditionalRequirements = defineRule({
  id: "CFG005",
  title: "Conditional requirements",
  codes: [...new Set(CONDITIONAL_CHECKS.map((c) => c.code))].sort(),
  check(pipeline, _context, report) {
    // Each sub-rule reports under its own code.
    const contexts = new Map<ConditionalCheck, CheckContext>();
    const run = (check: ConditionalCheck, subject: Subject) => {
      let ctx = contexts.get(check);
      if (ctx === undefined) contexts.set(check, (ctx = { pipeline, report: report.as(check.code) }));
      check.check(subject, ctx);
    };
    for (const action of pipeline.actions) {
      const entry = action.provider;
      const checks = entry && CHECKS_BY_ENTRY.get(entry);
      // A configuration that is not an object is CFG001's.
      if (!checks || (action.raw.configuration !== undefined && !action.configuration)) continue;
      const subject = new ActionSubject(action, entry!);
      for (const check of checks) run(check, subject);
    }
    if (!ruleChecksExist) return;
    for (const stage of pipeline.stages) {
      forEachConditionRule(stage, (rule, path) => {
        const typeId = rule.ruleTypeId;
        if (!isObject(typeId) || typeId.category !== "Rule" || !isString(typeId.provider)) return;
        const entry = findRuleProvider(typeId.provider);
        const checks = entry && CHECKS_BY_ENTRY.get(entry);
        if (!checks || (rule.configuration !== undefined && !isObject(rule.configuration))) return;
        const inputs = arrayOf(rule.inputArtifacts);
        const inputNames: string[] = [];
        for (const input of inputs) if (isObject(input) && isString(input.name)) inputNames.push(input.name);
        const subject: Subject = {
          kind: "rule",
          path,
          label: `rule ${isString(rule.name) ? describe(rule.name) : "(unnamed)"} in stage ${describe(stage.name ?? `#${stage.index + 1}`)}`,
          entry: entry!,
          config: isObject(rule.configuration) ? rule.configuration : EMPTY,
          inputNames,
          inputCount: inputs.length,
        };
        for (const check of checks) run(check, subject);
      });
    }
  },
});

export const configurationConditionalRules: readonly Rule[] = [conditionalRequirements];
