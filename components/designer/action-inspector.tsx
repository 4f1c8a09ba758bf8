"use client";

import { useMemo } from "react";
import { findActionProvider } from "@/lib/domain/catalog/catalog";
import { SORTED_REGIONS as REGIONS } from "@/lib/domain/catalog/regions";
import { availableInputArtifacts } from "@/lib/domain/designer/artifact-flow";
import type { DesignerCommand, DesignerDocument } from "@/lib/domain/designer/contract";
import { actionNamespaces, indexOf } from "./action-scope";
import { ArtifactInputs, ArtifactOutputs } from "./artifact-lists";
import { ConfigForm } from "./config-form";
import { FieldDiagnostics } from "./field-diagnostics";
import { FieldFrame, INPUT_CLASS, Section, SelectField, TextField, useInputTone } from "./fields";
import { list, obj, orUndefined, str, type Json } from "./json-read";


interface ActionInspectorProps {
  readonly document: DesignerDocument;
  readonly actionId: string;
  readonly stageIndex: number;
  readonly actionIndex: number;
  readonly dispatch: (command: DesignerCommand) => void;
}

export function ActionInspector({ document, actionId, stageIndex, actionIndex, dispatch }: ActionInspectorProps) {
  const declaration = document.declaration;
  const stage = obj(list(declaration.stages)[stageIndex]);
  const action = obj(list(stage.actions)[actionIndex]);
  const type = obj(action.actionTypeId);
  const category = str(type.category);
  const entry = findActionProvider(category, str(type.owner), str(type.provider));
  const path = `stages[${stageIndex}].actions[${actionIndex}]`;
  const index = useMemo(() => indexOf(declaration), [declaration]);
  const available = availableInputArtifacts(document, actionId);
  const namespaces = actionNamespaces(index, stageIndex, actionIndex);
  const update = (patch: Json) => dispatch({ type: "updateAction", actionId, patch });
  const isManualApproval = category === "Approval" && str(type.provider) === "Manual";
  const isCommands = category === "Compute" && str(type.provider) === "Commands";
  const typePath = `${path}.actionTypeId`;

  return (
    <div className="flex flex-col gap-3" data-testid="action-inspector">
      <TextField
        label="Action name"
        path={`${path}.name`}
        value={str(action.name)}
        required
        onChange={(name) => dispatch({ type: "renameAction", actionId, name })}
      />
      <ActionType path={typePath} text={`${category} · ${str(type.owner)} · ${str(type.provider)} · version ${str(type.version)}`} deprecated={entry?.status === "deprecated"} />

      <Section title="Configuration" path={`${path}.configuration`}>
        <ConfigForm
          entry={entry}
          configuration={obj(action.configuration)}
          path={`${path}.configuration`}
          namespaces={namespaces}
          onChange={(configuration) => update({ configuration })}
        />
      </Section>

      {isCommands && <CommandsFields path={path} action={action} update={update} />}

      <Section title="Artifacts">
        <ArtifactInputs
          path={`${path}.inputArtifacts`}
          names={list(action.inputArtifacts).map((a) => str(obj(a).name))}
          available={available}
          onChange={(inputArtifacts) => update({ inputArtifacts })}
        />
        <ArtifactOutputs
          path={`${path}.outputArtifacts`}
          names={list(action.outputArtifacts).map((a) => str(obj(a).name))}
          actionName={str(action.name)}
          onChange={(outputArtifacts) => update({ outputArtifacts })}
        />
      </Section>

      <Section title="Settings">
        <TextField
          label="Namespace"
          path={`${path}.namespace`}
          value={str(action.namespace)}
          hint="Makes the action's output variables available as #{Namespace.Key} to later actions."
          onChange={(v) => update({ namespace: orUndefined(v) })}
        />
        <SelectField
          label="Region"
          path={`${path}.region`}
          value={str(action.region)}
          options={REGIONS}
          emptyLabel="(pipeline region)"
          hint={
            entry?.crossRegionAllowed === false
              ? `${str(type.provider)} actions cannot run in another region than the pipeline's.`
              : "Cross-region actions need an artifact store in their region."
          }
          onChange={(v) => update({ region: orUndefined(v) })}
        />
        <TextField
          label="Role ARN"
          path={`${path}.roleArn`}
          value={str(action.roleArn)}
          placeholder="arn:aws:iam::123456789012:role/…"
          onChange={(v) => update({ roleArn: orUndefined(v) })}
        />
        {isManualApproval && (
          <TextField
            label="Timeout (minutes)"
            type="number"
            path={`${path}.timeoutInMinutes`}
            value={str(action.timeoutInMinutes)}
            hint="Manual approvals time out after 7 days (10080 minutes) by default."
            onChange={(v) => update({ timeoutInMinutes: v === "" ? undefined : Number(v) })}
          />
        )}
      </Section>
    </div>
  );
}

function ActionType({ path, text, deprecated }: { path: string; text: string; deprecated: boolean }) {
  const tone = useInputTone(path);
  return (
    <FieldFrame label="Provider" path={path}>
      {(id) => (
        <output
          id={id}
          data-path={path}
          tabIndex={-1}
          className={`${INPUT_CLASS}${tone} block bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300`}
        >
          {text}
          {deprecated && <span className="ml-2 text-xs text-amber-700">deprecated</span>}
        </output>
      )}
    </FieldFrame>
  );
}

function CommandsFields({ path, action, update }: { path: string; action: Json; update: (patch: Json) => void }) {
  const commands = list(action.commands).map(str);
  const outputVariables = list(action.outputVariables).map(str);
  const tone = useInputTone(`${path}.commands`);
  const lines = (text: string) => {
    const items = text.split("\n");
    // Keep a trailing empty line while typing; drop it only when the list is empty.
    return items.length === 1 && items[0] === "" ? undefined : items;
  };
  return (
    <Section title="Commands">
      <FieldFrame label="Commands" path={`${path}.commands`} hint="One shell command per line.">
        {(id) => (
          <textarea
            id={id}
            data-path={`${path}.commands`}
            rows={5}
            spellCheck={false}
            className={`${INPUT_CLASS}${tone} font-mono text-xs`}
            value={commands.join("\n")}
            onChange={(e) => update({ commands: lines(e.target.value) })}
          />
        )}
      </FieldFrame>
      <TextField
        label="Output variables"
        path={`${path}.outputVariables`}
        value={outputVariables.join(",")}
        hint="Environment variables to export, separated by commas."
        onChange={(v) => update({ outputVariables: v === "" ? undefined : v.split(",").map((s) => s.trim()) })}
      />
      <FieldDiagnostics path={`${path}.environmentVariables`} />
    </Section>
  );
}
