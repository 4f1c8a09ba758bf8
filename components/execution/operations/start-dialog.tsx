"use client";

import Link from "next/link";
import { useState } from "react";
import { startExecutionAction } from "@/app/pipelines/[name]/actions";
import { REVISION_TYPES } from "@/lib/domain/execution/operation-schemas";
import type { StartChoices } from "@/lib/domain/execution/start-choices";
import type { PipelineKey } from "@/lib/queries";
import { INPUT_CLASS, PrimaryButton, SubmitRow } from "./fields";
import { OperationDialog } from "./operation-dialog";
import { OperationOutcome } from "./operation-outcome";
import { useOperation } from "./use-operation";

type RevisionType = (typeof REVISION_TYPES)[number];

const REVISION_LABEL: Record<RevisionType, string> = {
  COMMIT_ID: "Commit id",
  IMAGE_DIGEST: "Image digest",
  S3_OBJECT_VERSION_ID: "S3 object version",
  S3_OBJECT_KEY: "S3 object key",
};

/** The override a source provider takes (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_SourceRevisionOverride.html). */
function defaultRevisionType(provider: string): RevisionType {
  if (provider === "ECR") return "IMAGE_DIGEST";
  if (provider === "S3") return "S3_OBJECT_VERSION_ID";
  return "COMMIT_ID";
}

/**
 * Release change: StartPipelineExecution with V2 variable overrides and source-revision
 * overrides. The client request token is made when the dialog opens, so a double click (or a
 * retried request) starts one execution.
 */
export function StartDialog({ pipeline, choices }: { pipeline: PipelineKey; choices: StartChoices }) {
  const { variables, sourceActions, v2 } = choices;
  const op = useOperation(pipeline, startExecutionAction);
  const [token, setToken] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [revisions, setRevisions] = useState<Record<string, { type: RevisionType; value: string }>>({});

  const open = () => {
    setToken(crypto.randomUUID());
    setValues(Object.fromEntries(variables.map((v) => [v.name, v.defaultValue ?? ""])));
    setRevisions(Object.fromEntries(sourceActions.map((a) => [a.name, { type: defaultRevisionType(a.provider), value: "" }])));
    op.reset();
  };

  const submit = () => {
    const overrides = variables.filter((v) => (values[v.name] ?? "") !== "" && values[v.name] !== v.defaultValue).map((v) => ({ name: v.name, value: values[v.name]! }));
    const sourceRevisions = Object.entries(revisions)
      .filter(([, r]) => r.value.trim() !== "")
      .map(([actionName, r]) => ({ actionName, revisionType: r.type, revisionValue: r.value.trim() }));
    op.mutate({
      pipelineName: pipeline.name,
      ...(pipeline.region && { region: pipeline.region }),
      clientRequestToken: token,
      ...(overrides.length > 0 && { variables: overrides }),
      ...(sourceRevisions.length > 0 && { sourceRevisions }),
    });
  };

  const result = op.data;
  return (
    <OperationDialog mutation="start" label="Release change" title={`Release change: ${pipeline.name}`} testId="start-dialog" onOpen={open}>
      {() => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p className="text-slate-600 dark:text-slate-400">Starts a new execution with the latest source revisions, or the ones given here.</p>
          {v2 && variables.length > 0 && (
            <fieldset className="mt-3">
              <legend className="font-medium">Pipeline variables</legend>
              {variables.map((v) => (
                <label key={v.name} className="mt-2 block">
                  <span className="font-mono text-xs">{v.name}</span>
                  {v.description && <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{v.description}</span>}
                  <input
                    className={INPUT_CLASS}
                    data-testid={`start-variable-${v.name}`}
                    value={values[v.name] ?? ""}
                    maxLength={1000}
                    onChange={(e) => setValues({ ...values, [v.name]: e.target.value })}
                  />
                </label>
              ))}
            </fieldset>
          )}
          {v2 && sourceActions.length > 0 && (
            <fieldset className="mt-3">
              <legend className="font-medium">Source revisions (optional)</legend>
              {sourceActions.map((a) => {
                const r = revisions[a.name] ?? { type: defaultRevisionType(a.provider), value: "" };
                return (
                  <div key={a.name} className="mt-2 grid grid-cols-[10rem_1fr] gap-2">
                    <label>
                      <span className="text-xs">{a.name}: kind</span>
                      <select className={INPUT_CLASS} value={r.type} data-testid={`start-revision-type-${a.name}`} onChange={(e) => setRevisions({ ...revisions, [a.name]: { ...r, type: e.target.value as RevisionType } })}>
                        {REVISION_TYPES.map((t) => (
                          <option key={t} value={t}>
                            {REVISION_LABEL[t]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      <span className="text-xs">{a.name}: revision (latest when empty)</span>
                      <input className={INPUT_CLASS} data-testid={`start-revision-${a.name}`} value={r.value} maxLength={1500} onChange={(e) => setRevisions({ ...revisions, [a.name]: { ...r, value: e.target.value } })} />
                    </label>
                  </div>
                );
              })}
            </fieldset>
          )}
          <SubmitRow>
            <PrimaryButton testId="start-submit" disabled={op.isPending || result?.status === "done"}>
              Release change
            </PrimaryButton>
          </SubmitRow>
          <OperationOutcome pending={op.isPending} pendingText="Starting an execution…" result={result} error={op.error} />
          {result?.status === "done" && result.executionId && (
            <p className="mt-2">
              <Link
                data-testid="started-execution-link"
                className="text-sky-800 underline dark:text-sky-300"
                href={`/pipelines/${encodeURIComponent(pipeline.name)}/executions/${result.executionId}${pipeline.region ? `?region=${encodeURIComponent(pipeline.region)}` : ""}`}
              >
                Open execution {result.executionId}
              </Link>
            </p>
          )}
        </form>
      )}
    </OperationDialog>
  );
}
