"use client";

import { OverrideDialog } from "@/components/execution/operations/override-dialog";
import { CONDITION_TITLES, conditionGroups, OVERRIDE_TYPES, remaining } from "@/lib/domain/execution/stage-conditions";
import type { ConditionKind, StageConditionStateView } from "@/lib/domain/execution/view-model";
import type { JsonObject } from "@/lib/domain/json";
import type { PipelineKey } from "@/lib/queries";
import { Countdown } from "./clock";
import { StatusMark } from "./status-mark";

/**
 * A stage's conditions on its card: per kind its result and each rule's result and message, the
 * time left while a CloudWatch alarm is watched, and Override for operators while a condition
 * holds the stage (stage-conditions.ts).
 */
export function StageConditions({ pipeline, stageName, executionId, declared, conditions }: {
  pipeline: PipelineKey;
  stageName: string;
  /** The execution the condition states belong to (the stage's latest). */
  executionId: string | undefined;
  /** The declared stage (its beforeEntry, onSuccess and onFailure). */
  declared: JsonObject | undefined;
  conditions: Readonly<Partial<Record<ConditionKind, StageConditionStateView>>>;
}) {
  const groups = conditionGroups(declared, conditions);
  if (groups.length === 0) return null;
  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-2 text-xs dark:border-slate-800" data-testid="stage-conditions">
      {groups.map((group) => (
        <section key={group.kind} data-testid="condition-group" data-kind={group.kind} data-status={group.status ?? "none"} aria-label={`${CONDITION_TITLES[group.kind]} conditions`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h4 className="font-medium">{CONDITION_TITLES[group.kind]}</h4>
            <StatusMark status={group.status} idle="Not evaluated" />
          </div>
          {group.summary && <p className="break-words text-slate-700 dark:text-slate-300">{group.summary}</p>}
          <ul className="mt-1 space-y-1">
            {group.conditions.flatMap((condition, ci) =>
              condition.rules.map((rule) => (
                <li key={`${ci} ${rule.name}`} data-testid="condition-rule" data-rule={rule.name} data-status={rule.status ?? "none"} className="min-w-0">
                  <span className="font-medium">{rule.name}</span>
                  {rule.provider && <span className="text-slate-600 dark:text-slate-400"> ({rule.provider})</span>}
                  {condition.result && <span className="text-slate-600 dark:text-slate-400"> → {condition.result}</span>}
                  {": "}
                  <StatusMark status={rule.status} idle="Not run" />
                  {rule.monitoredUntil !== undefined && (
                    <span data-testid="alarm-countdown" className="ml-1">
                      watching the alarm, <Countdown until={rule.monitoredUntil} format={remaining} /> left
                    </span>
                  )}
                  {(rule.summary ?? rule.errorMessage) && <span className="block break-words text-slate-700 dark:text-slate-300">{rule.summary ?? rule.errorMessage}</span>}
                  {rule.externalExecutionUrl && (
                    <a href={rule.externalExecutionUrl} target="_blank" rel="noreferrer noopener" className="text-indigo-700 underline dark:text-indigo-300">
                      Details
                    </a>
                  )}
                </li>
              )),
            )}
          </ul>
          {group.kind !== "onFailure" && executionId && (
            // Mounted while the execution is the stage's latest, offered only while the condition holds the
            // stage: the poll that shows the override took effect must not take its outcome from under the operator.
            <div className="mt-1 empty:hidden">
              <OverrideDialog
                key={executionId}
                pipeline={pipeline}
                stageName={stageName}
                executionId={executionId}
                conditionType={OVERRIDE_TYPES[group.kind]}
                available={group.override !== undefined}
              />
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
