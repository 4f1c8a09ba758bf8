"use client";

import type { DesignerCommand, Selection } from "@/lib/domain/designer/contract";
import { asString, type JsonObject } from "@/lib/domain/json";
import type { PipelineIndex } from "@/lib/domain/pipeline/pipeline-index";
import { ArtifactStoreFields } from "./artifact-store-fields";
import { emptyToUndefined, Section, SelectField, TextField } from "./fields";
import { StagesField } from "./stages-field";
import { TriggersEditor } from "./triggers-editor";
import { VariablesEditor } from "./variables-editor";

interface PipelineInspectorProps {
  readonly declaration: JsonObject;
  /** The document's read model (the inspector reads it once per document). */
  readonly index: PipelineIndex;
  readonly dispatch: (command: DesignerCommand) => void;
  readonly select: (selection: Selection) => void;
}

export function PipelineInspector({ declaration, index, dispatch, select }: PipelineInspectorProps) {
  const update = (patch: JsonObject) => dispatch({ type: "updatePipeline", patch });
  return (
    <div className="flex flex-col gap-3" data-testid="pipeline-inspector">
      <TextField label="Pipeline name" path="name" value={asString(declaration.name)} required onChange={(name) => update({ name })} />
      <TextField
        label="Service role ARN"
        path="roleArn"
        value={asString(declaration.roleArn)}
        required
        placeholder="arn:aws:iam::123456789012:role/…"
        onChange={(roleArn) => update({ roleArn })}
      />
      <SelectField
        label="Pipeline type"
        path="pipelineType"
        value={asString(declaration.pipelineType)}
        options={["V1", "V2"]}
        emptyLabel="(not set: AWS creates V2)"
        hint="V2 bills per action-execution minute; V1 per active pipeline per month."
        onChange={(v) => update({ pipelineType: emptyToUndefined(v) })}
      />
      <SelectField
        label="Execution mode"
        path="executionMode"
        value={asString(declaration.executionMode)}
        options={["SUPERSEDED", "QUEUED", "PARALLEL"]}
        emptyLabel="(not set: SUPERSEDED)"
        hint="QUEUED and PARALLEL need a V2 pipeline."
        onChange={(v) => update({ executionMode: emptyToUndefined(v) })}
      />

      <Section title="Stages">
        <StagesField index={index} dispatch={dispatch} select={select} />
      </Section>

      <Section title="Artifact store">
        <ArtifactStoreFields declaration={declaration} update={update} />
      </Section>

      <Section title="Variables (V2)">
        <VariablesEditor value={declaration.variables} onChange={(variables) => update({ variables })} />
      </Section>

      <Section title="Triggers (V2)">
        <TriggersEditor declaration={declaration} onChange={(triggers) => update({ triggers })} />
      </Section>
    </div>
  );
}
