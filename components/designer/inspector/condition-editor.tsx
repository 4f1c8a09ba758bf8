"use client";

import { findRuleProvider, RULE_PROVIDERS } from "@/lib/domain/catalog/catalog";
import { arrayOf, asObject, asString, compact, type JsonObject } from "@/lib/domain/json";
import type { PipelineIndex } from "@/lib/domain/pipeline/pipeline-index";
import type { ConditionBlock } from "@/lib/domain/validation/variable-references";
import { ruleNamespaces } from "./action-scope";
import { ConfigForm } from "./config-form";
import { FieldDiagnostics } from "./field-diagnostics";
import { SelectField, SmallButton, TextField } from "./fields";

const RULE_NAMES = [...new Set(RULE_PROVIDERS.map((r) => r.provider))].sort();
const BLOCK_LABEL: Record<ConditionBlock, string> = {
  beforeEntry: "Before entry",
  onSuccess: "On success",
  onFailure: "On failure",
};
/** Results a condition may have in each block (CodePipeline user guide, "stage conditions"). */
const RESULTS: Record<ConditionBlock, readonly string[]> = {
  beforeEntry: ["FAIL", "SKIP"],
  onSuccess: ["ROLLBACK", "FAIL"],
  onFailure: ["ROLLBACK", "FAIL", "RETRY"],
};

interface ConditionEditorProps {
  /** The document's read model (for the namespaces a rule may reference). */
  readonly index: PipelineIndex;
  readonly stageIndex: number;
  readonly block: ConditionBlock;
  /** The block object (`stage.beforeEntry`); other members of it are kept. */
  readonly value: JsonObject;
  readonly onChange: (block: JsonObject) => void;
}

/** The single condition of a stage block: its result and its rules. */
export function ConditionEditor({ index, stageIndex, block, value, onChange }: ConditionEditorProps) {
  const namespaces = ruleNamespaces(index, stageIndex, block);
  const conditions = arrayOf(value.conditions);
  const condition = asObject(conditions[0]);
  const rules = arrayOf(condition.rules).map(asObject);
  const path = `stages[${stageIndex}].${block}.conditions[0]`;
  const label = BLOCK_LABEL[block];

  const setCondition = (next: JsonObject | undefined) =>
    onChange({ ...value, conditions: next === undefined ? undefined : [next, ...conditions.slice(1)] });
  const setRules = (next: JsonObject[]) => setCondition(compact({ ...condition, rules: next.length === 0 ? undefined : next }));
  const setRule = (k: number, rule: JsonObject) => setRules(rules.map((r, j) => (j === k ? rule : r)));

  const listPath = `stages[${stageIndex}].${block}.conditions`;
  if (conditions.length === 0) {
    return (
      <div data-path={listPath} tabIndex={-1}>
        <SmallButton
          label={`Add ${label.toLowerCase()} condition`}
          onClick={() => setCondition({ result: RESULTS[block][0], rules: [newRule(1)] })}
        >
          + {label} condition
        </SmallButton>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-2 dark:border-slate-800" data-path={listPath} tabIndex={-1}>
      <div className="flex items-center gap-2">
        <span className="text-xs font-medium">{label} condition</span>
        <span className="ml-auto">
          <SmallButton tone="danger" label={`Remove ${label.toLowerCase()} condition`} onClick={() => setCondition(undefined)}>
            Remove
          </SmallButton>
        </span>
      </div>
      <FieldDiagnostics path={path} exact />
      <SelectField
        label={`${label} result`}
        path={`${path}.result`}
        value={asString(condition.result)}
        options={RESULTS[block]}
        emptyLabel="(not set)"
        onChange={(result) => setCondition(compact({ ...condition, result: result === "" ? undefined : result }) ?? {})}
      />
      {rules.map((rule, k) => {
        const rulePath = `${path}.rules[${k}]`;
        const typeId = asObject(rule.ruleTypeId);
        const provider = asString(typeId.provider);
        const prefix = `${label} rule ${k + 1} `;
        return (
          <div key={k} className="flex flex-col gap-2 border-l-2 border-slate-200 pl-2 dark:border-slate-700" data-path={rulePath} tabIndex={-1}>
            <div className="flex items-center gap-2">
              <span className="text-xs font-medium">Rule {k + 1}</span>
              <span className="ml-auto">
                <SmallButton tone="danger" label={`Remove ${label.toLowerCase()} rule ${k + 1}`} onClick={() => setRules(rules.filter((_, j) => j !== k))}>
                  Remove
                </SmallButton>
              </span>
            </div>
            <FieldDiagnostics path={rulePath} exact />
            <TextField label={`${prefix}name`} path={`${rulePath}.name`} value={asString(rule.name)} required onChange={(name) => setRule(k, { ...rule, name })} />
            <SelectField
              label={`${prefix}provider`}
              path={`${rulePath}.ruleTypeId`}
              value={provider}
              options={RULE_NAMES}
              required
              onChange={(p) => setRule(k, compact({ ...rule, ruleTypeId: { ...typeId, category: "Rule", owner: "AWS", provider: p, version: asString(typeId.version) || "1" }, configuration: undefined }) ?? {})}
            />
            <ConfigForm
              entry={findRuleProvider(provider)}
              configuration={asObject(rule.configuration)}
              path={`${rulePath}.configuration`}
              namespaces={namespaces}
              labelPrefix={prefix}
              onChange={(configuration) => setRule(k, compact({ ...rule, configuration }) ?? {})}
            />
          </div>
        );
      })}
      <div>
        <SmallButton label={`Add ${label.toLowerCase()} rule`} onClick={() => setRules([...rules, newRule(rules.length + 1)])}>
          + Rule
        </SmallButton>
      </div>
    </div>
  );
}

function newRule(n: number): JsonObject {
  return { name: `Rule${n}`, ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" } };
}
