"use client";

import { availableInputArtifacts } from "@/lib/domain/designer/artifact-flow";
import type { DesignerCommand, DesignerDocument } from "@/lib/domain/designer/contract";
import { arrayOf, asString, type JsonObject } from "@/lib/domain/json";
import { artifactNames, type ActionRef, type PipelineIndex } from "@/lib/domain/pipeline/pipeline-index";
import { actionNamespaces } from "./action-scope";
import { ArtifactInputs, ArtifactOutputs } from "./artifact-lists";
import { ConfigForm } from "./config-form";
import { emptyToUndefined, FieldFrame, INPUT_CLASS, numberOrUndefined, numberText, RegionField, Section, TextField, useInputTone } from "./fields";
import { JsonField } from "./json-field";

interface ActionInspectorProps {
  readonly document: DesignerDocument;
  /** The document's read model (the inspector reads it once per document). */
  readonly index: PipelineIndex;
  readonly action: ActionRef;
  readonly dispatch: (command: DesignerCommand) => void;
}

export function ActionInspector({ document, index, action: ref, dispatch }: ActionInspectorProps) {
  const { raw: action, path, id: actionId } = ref;
  const category = ref.type.category ?? "";
  const provider = ref.type.provider ?? "";
  const entry = ref.provider;
  const available = availableInputArtifacts(document, actionId);
  const namespaces = actionNamespaces(index, ref.stageIndex, ref.actionIndex);
  const update = (patch: JsonObject) => dispatch({ type: "updateAction", actionId, patch });
  // A member that is present always gets its field, even where it does not belong, so that the
  // problem it causes can be fixed here.
  const hasTimeout = (category === "Approval" && provider === "Manual") || action.timeoutInMinutes !== undefined;
  const hasCommands =
    (category === "Compute" && provider === "Commands") ||
    action.commands !== undefined ||
    action.outputVariables !== undefined ||
    action.environmentVariables !== undefined;
  const typePath = `${path}.actionTypeId`;

  return (
    <div className="flex flex-col gap-3" data-testid="action-inspector">
      <TextField
        label="Action name"
        path={`${path}.name`}
        value={ref.name ?? ""}
        required
        onChange={(name) => dispatch({ type: "renameAction", actionId, name })}
      />
      <ActionType path={typePath} text={`${category} · ${ref.type.owner ?? ""} · ${provider} · version ${ref.type.version ?? ""}`} deprecated={entry?.status === "deprecated"} />

      <Section title="Configuration" path={`${path}.configuration`}>
        <ConfigForm
          entry={entry}
          configuration={ref.configuration ?? {}}
          path={`${path}.configuration`}
          namespaces={namespaces}
          onChange={(configuration) => update({ configuration })}
        />
      </Section>

      {hasCommands && <CommandsFields path={path} action={action} update={update} />}

      <Section title="Artifacts">
        <ArtifactInputs
          path={`${path}.inputArtifacts`}
          names={artifactNames(ref.inputs)}
          available={available}
          onChange={(inputArtifacts) => update({ inputArtifacts })}
        />
        <ArtifactOutputs
          path={`${path}.outputArtifacts`}
          names={artifactNames(ref.outputs)}
          actionName={ref.name ?? ""}
          onChange={(outputArtifacts) => update({ outputArtifacts })}
        />
      </Section>

      <Section title="Settings">
        <TextField
          label="Run order"
          type="number"
          path={`${path}.runOrder`}
          value={numberText(action.runOrder)}
          placeholder="1"
          hint="Actions of a stage with the same run order run in parallel; lower numbers run first."
          onChange={(v) => update({ runOrder: numberOrUndefined(v) })}
        />
        <TextField
          label="Namespace"
          path={`${path}.namespace`}
          value={ref.namespace ?? ""}
          hint="Makes the action's output variables available as #{Namespace.Key} to later actions."
          onChange={(v) => update({ namespace: emptyToUndefined(v) })}
        />
        <RegionField
          label="Region"
          path={`${path}.region`}
          value={asString(action.region)}
          emptyLabel="(pipeline region)"
          hint={
            entry?.crossRegionAllowed === false
              ? `${provider} actions cannot run in another region than the pipeline's.`
              : "Cross-region actions need an artifact store in their region."
          }
          onChange={(v) => update({ region: emptyToUndefined(v) })}
        />
        <TextField
          label="Role ARN"
          path={`${path}.roleArn`}
          value={asString(action.roleArn)}
          placeholder="arn:aws:iam::123456789012:role/…"
          onChange={(v) => update({ roleArn: emptyToUndefined(v) })}
        />
        {hasTimeout && (
          <TextField
            label="Timeout (minutes)"
            type="number"
            path={`${path}.timeoutInMinutes`}
            value={numberText(action.timeoutInMinutes)}
            hint="Manual approvals time out after 7 days (10080 minutes) by default."
            onChange={(v) => update({ timeoutInMinutes: numberOrUndefined(v) })}
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

function CommandsFields({ path, action, update }: { path: string; action: JsonObject; update: (patch: JsonObject) => void }) {
  const commands = arrayOf(action.commands).map(asString);
  const outputVariables = arrayOf(action.outputVariables).map(asString);
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
      <JsonField
        label="Environment variables"
        path={`${path}.environmentVariables`}
        value={action.environmentVariables}
        hint='A JSON list of {"name", "value", "type"}: type PLAINTEXT or SECRETS_MANAGER.'
        onChange={(environmentVariables) => update({ environmentVariables })}
      />
    </Section>
  );
}
