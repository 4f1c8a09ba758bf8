/** EXEC001–EXEC003: what pushing an update does to running executions and rollback targets. */
import type { ValidationContext } from "../context";
import { arrayOf, isInteger, isObject } from "../../json";
import type { PipelineIndex } from "../../pipeline/pipeline-index";
import { defineRule, type Rule } from "../rule";
import { ENUMS } from "../../pipeline/model-tables.generated";
import { enumState } from "../enums";

type Mode = (typeof ENUMS.ExecutionMode)[number];

/** A declaration's executionMode (SUPERSEDED when omitted), or undefined when invalid. */
function modeOf(declaration: unknown): Mode | undefined {
  const mode = isObject(declaration) ? (declaration.executionMode ?? "SUPERSEDED") : undefined;
  return enumState(mode, ENUMS.ExecutionMode) === "exact" ? (mode as Mode) : undefined;
}

/** [deployed, new] modes when an update changes the mode. */
function modeChange(p: PipelineIndex, c: ValidationContext): [Mode, Mode] | undefined {
  if (c.operation !== "update" || !isObject(c.deployed)) return undefined;
  const before = modeOf(c.deployed);
  const after = modeOf(p.root);
  return before !== undefined && after !== undefined && before !== after ? [before, after] : undefined;
}

const modeChangeCancels = defineRule({
  id: "EXEC001",
  title: "Mode change cancels executions",
  check(p, c, report) {
    const change = modeChange(p, c);
    // Known to be idle: nothing to cancel (the count comes from GetPipelineState just before the push).
    if (!change || c.activeExecutionCount === 0) return;
    const active = isInteger(c.activeExecutionCount) ? ` (${c.activeExecutionCount} active now)` : "";
    report.warning("executionMode",
      `Changing executionMode from ${change[0]} to ${change[1]} cancels active executions${active} once their in-progress ` +
        "actions finish, and cancels pending ones. Push when the pipeline is idle, or accept the cancellations.");
  },
});

const updateCancels = defineRule({
  id: "EXEC002",
  title: "Update cancels in-flight runs",
  check(p, c, report) {
    if (c.operation !== "update" || !isInteger(c.activeExecutionCount) || c.activeExecutionCount <= 0) return;
    if (modeChange(p, c)) return; // EXEC001 already warns about the same cancellations
    // Running executions belong to the deployed definition, so its mode decides.
    const mode = c.deployed !== undefined ? modeOf(c.deployed) : modeOf(p.root);
    if (mode !== "SUPERSEDED" && mode !== "QUEUED") return;
    const n = c.activeExecutionCount;
    report.warning("",
      `${n} execution${n === 1 ? " is" : "s are"} in progress or waiting; updating a ${mode} pipeline cancels ` +
        `${n === 1 ? "it" : "them"} (after in-progress actions finish). Wait for them to finish, or accept the cancellation.`);
  },
});

/** Path of the first ROLLBACK result in onFailure / onSuccess blocks, if any. */
function firstRollback(p: PipelineIndex): string | undefined {
  for (const stage of p.stages) {
    for (const block of ["onFailure", "onSuccess"] as const) {
      const value = stage.raw[block];
      if (!isObject(value)) continue;
      if (value.result === "ROLLBACK") return `${stage.path}.${block}.result`;
      const conditions = arrayOf(value.conditions);
      for (let i = 0; i < conditions.length; i++) {
        const condition = conditions[i];
        if (isObject(condition) && condition.result === "ROLLBACK") return `${stage.path}.${block}.conditions[${i}].result`;
      }
    }
  }
  return undefined;
}

const rollbackTargetsReset = defineRule({
  id: "EXEC003",
  title: "Rollback reachability",
  check(p, c, report) {
    if (c.operation !== "update") return;
    const path = firstRollback(p);
    if (path === undefined) return;
    report.warning(path,
      "This pipeline relies on rollback. Rollback (automatic or manual) only reaches executions started on the current " +
        "pipeline version, so after this update no earlier execution is a rollback target until one succeeds on the new version.");
  },
});

export const executionRules: readonly Rule[] = [modeChangeCancels, updateCancels, rollbackTargetsReset];
