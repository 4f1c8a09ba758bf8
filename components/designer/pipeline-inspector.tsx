"use client";

import type { DesignerCommand } from "@/lib/domain/designer/contract";
import { ArtifactStoreFields } from "./artifact-store-fields";
import { Section, SelectField, TextField } from "./fields";
import { orUndefined, str, type Json } from "./json-read";
import { TriggersEditor } from "./triggers-editor";
import { VariablesEditor } from "./variables-editor";

interface PipelineInspectorProps {
  readonly declaration: Json;
  readonly dispatch: (command: DesignerCommand) => void;
}

export function PipelineInspector({ declaration, dispatch }: PipelineInspectorProps) {
  const update = (patch: Json) => dispatch({ type: "updatePipeline", patch });
  return (
    <div className="flex flex-col gap-3" data-testid="pipeline-inspector">
      <TextField label="Pipeline name" path="name" value={str(declaration.name)} required onChange={(name) => update({ name })} />
      <TextField
        label="Service role ARN"
        path="roleArn"
        value={str(declaration.roleArn)}
        required
        placeholder="arn:aws:iam::123456789012:role/…"
        onChange={(roleArn) => update({ roleArn })}
      />
      <SelectField
        label="Pipeline type"
        path="pipelineType"
        value={str(declaration.pipelineType)}
        options={["V1", "V2"]}
        emptyLabel="(not set: AWS creates V2)"
        hint="V2 bills per action-execution minute; V1 per active pipeline per month."
        onChange={(v) => update({ pipelineType: orUndefined(v) })}
      />
      <SelectField
        label="Execution mode"
        path="executionMode"
        value={str(declaration.executionMode)}
        options={["SUPERSEDED", "QUEUED", "PARALLEL"]}
        emptyLabel="(not set: SUPERSEDED)"
        hint="QUEUED and PARALLEL need a V2 pipeline."
        onChange={(v) => update({ executionMode: orUndefined(v) })}
      />

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
