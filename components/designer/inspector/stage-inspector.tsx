"use client";

import type { DesignerCommand, Selection } from "@/lib/domain/designer/contract";
import { asObject, asString, compact, type JsonObject } from "@/lib/domain/json";
import type { PipelineIndex, StageRef } from "@/lib/domain/pipeline/pipeline-index";
import { ConditionEditor } from "./condition-editor";
import { Section, SelectField, TextField } from "./fields";
import { StageActionsField } from "./stage-actions-field";

interface StageInspectorProps {
  /** The document's read model (the inspector reads it once per document). */
  readonly index: PipelineIndex;
  readonly stage: StageRef;
  readonly dispatch: (command: DesignerCommand) => void;
  readonly select: (selection: Selection) => void;
}

export function StageInspector({ index, stage: ref, dispatch, select }: StageInspectorProps) {
  const { raw: stage, path, id: stageId, index: stageIndex } = ref;
  const onFailure = asObject(stage.onFailure);
  const retry = asObject(onFailure.retryConfiguration);
  const update = (patch: JsonObject) => dispatch({ type: "updateStage", stageId, patch });
  const setOnFailure = (patch: JsonObject) => update({ onFailure: compact({ ...onFailure, ...patch }) });

  return (
    <div className="flex flex-col gap-3" data-testid="stage-inspector">
      <TextField
        label="Stage name"
        path={`${path}.name`}
        value={ref.name ?? ""}
        required
        onChange={(name) => dispatch({ type: "renameStage", stageId, name })}
      />
      <p className="text-xs text-slate-500">
        The inbound transition is runtime state, not part of the declaration: enable or disable it from the pipeline&apos;s live view.
      </p>

      <Section title="Actions">
        <StageActionsField stage={ref} dispatch={dispatch} select={select} />
      </Section>

      <Section title="On failure (V2)" path={`${path}.onFailure`}>
        <SelectField
          label="On failure result"
          path={`${path}.onFailure.result`}
          value={asString(onFailure.result)}
          options={["ROLLBACK", "RETRY", "FAIL"]}
          emptyLabel="(default: fail)"
          onChange={(result) =>
            setOnFailure({
              result: result === "" ? undefined : result,
              // A retry configuration only makes sense with RETRY; keep the declaration clean.
              retryConfiguration: result === "RETRY" ? compact(retry) ?? { retryMode: "FAILED_ACTIONS" } : undefined,
            })
          }
        />
        {asString(onFailure.result) === "RETRY" && (
          <SelectField
            label="Retry mode"
            path={`${path}.onFailure.retryConfiguration.retryMode`}
            value={asString(retry.retryMode)}
            options={["FAILED_ACTIONS", "ALL_ACTIONS"]}
            emptyLabel="(not set)"
            onChange={(mode) => setOnFailure({ retryConfiguration: compact({ ...retry, retryMode: mode === "" ? undefined : mode }) })}
          />
        )}
        <ConditionEditor
          index={index}
          stageIndex={stageIndex}
          block="onFailure"
          value={onFailure}
          onChange={(block) => update({ onFailure: compact(block) })}
        />
      </Section>

      <Section title="Conditions (V2)">
        {(["beforeEntry", "onSuccess"] as const).map((block) => (
          <ConditionEditor
            key={block}
            index={index}
            stageIndex={stageIndex}
            block={block}
            value={asObject(stage[block])}
            onChange={(value) => update({ [block]: compact(value) })}
          />
        ))}
      </Section>
    </div>
  );
}
