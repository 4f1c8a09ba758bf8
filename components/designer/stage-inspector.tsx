"use client";

import type { DesignerCommand } from "@/lib/domain/designer/contract";
import { ConditionEditor } from "./condition-editor";
import { Section, SelectField, TextField } from "./fields";
import { compact, list, obj, str, type Json } from "./json-read";

interface StageInspectorProps {
  readonly declaration: Json;
  readonly stageId: string;
  readonly stageIndex: number;
  readonly dispatch: (command: DesignerCommand) => void;
}

export function StageInspector({ declaration, stageId, stageIndex, dispatch }: StageInspectorProps) {
  const stage = obj(list(declaration.stages)[stageIndex]);
  const path = `stages[${stageIndex}]`;
  const onFailure = obj(stage.onFailure);
  const retry = obj(onFailure.retryConfiguration);
  const update = (patch: Json) => dispatch({ type: "updateStage", stageId, patch });
  const setOnFailure = (patch: Json) => update({ onFailure: compact({ ...onFailure, ...patch }) });

  return (
    <div className="flex flex-col gap-3" data-testid="stage-inspector">
      <TextField
        label="Stage name"
        path={`${path}.name`}
        value={str(stage.name)}
        required
        onChange={(name) => dispatch({ type: "renameStage", stageId, name })}
      />
      <p className="text-xs text-slate-500">
        The inbound transition is runtime state, not part of the declaration: enable or disable it from the pipeline&apos;s live view.
      </p>

      <Section title="On failure (V2)" path={`${path}.onFailure`}>
        <SelectField
          label="On failure result"
          path={`${path}.onFailure.result`}
          value={str(onFailure.result)}
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
        {str(onFailure.result) === "RETRY" && (
          <SelectField
            label="Retry mode"
            path={`${path}.onFailure.retryConfiguration.retryMode`}
            value={str(retry.retryMode)}
            options={["FAILED_ACTIONS", "ALL_ACTIONS"]}
            emptyLabel="(not set)"
            onChange={(mode) => setOnFailure({ retryConfiguration: compact({ ...retry, retryMode: mode === "" ? undefined : mode }) })}
          />
        )}
        <ConditionEditor
          declaration={declaration}
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
            declaration={declaration}
            stageIndex={stageIndex}
            block={block}
            value={obj(stage[block])}
            onChange={(value) => update({ [block]: compact(value) })}
          />
        ))}
      </Section>
    </div>
  );
}
