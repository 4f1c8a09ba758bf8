/**
 * A shared execution report, as frozen when it was shared: the execution's status and trigger,
 * its stages, source revisions, variables, and every action run in time order with errors. It
 * reads nothing from AWS, so it renders after the execution has left CodePipeline's history.
 */
import type { ReactNode } from "react";
import { ExecutionStatusBadge } from "@/app/pipelines/_components/execution-status-badge";
import { formatTime } from "@/app/pipelines/_components/format-time";
import { ACTION_EXECUTION_STATUSES, PIPELINE_EXECUTION_STATUSES, STAGE_EXECUTION_STATUSES, type ExecutionStatus } from "@/lib/domain/execution/status";
import type { ExecutionReport } from "@/lib/domain/share/execution-report";

const KNOWN: ReadonlySet<string> = new Set([...PIPELINE_EXECUTION_STATUSES, ...STAGE_EXECUTION_STATUSES, ...ACTION_EXECUTION_STATUSES]);

function status(value: string | undefined): ExecutionStatus | undefined {
  return value !== undefined && KNOWN.has(value) ? (value as ExecutionStatus) : undefined;
}

function duration(start: string | undefined, end: string | undefined): string {
  if (!start || !end) return "—";
  const ms = Date.parse(end) - Date.parse(start);
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

const CELL = "border-b border-slate-100 px-2 py-1 align-top dark:border-slate-800";
const HEAD = "border-b border-slate-300 px-2 py-1 text-left font-medium dark:border-slate-700";

export function ExecutionReportView({ report, createdAt }: { report: ExecutionReport; createdAt: number }) {
  const { execution } = report;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 text-sm" data-testid="execution-report">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="snapshot-title">
          {report.title}
        </h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Shared execution report · read-only · captured <time dateTime={new Date(createdAt).toISOString()}>{new Date(createdAt).toUTCString()}</time> · {report.region}
        </p>
      </header>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <Term label="Status">
          <ExecutionStatusBadge status={status(execution.status)} /> {execution.statusSummary && <span data-testid="report-status-summary">{execution.statusSummary}</span>}
        </Term>
        <Term label="Pipeline">
          {execution.pipelineName}
          {execution.pipelineVersion !== undefined && ` (version ${execution.pipelineVersion})`}
        </Term>
        <Term label="Execution">
          <code>{execution.executionId}</code>
          {execution.executionMode && ` · ${execution.executionMode}`}
          {execution.executionType && ` · ${execution.executionType}`}
          {execution.rollbackTargetExecutionId && ` · rolls back to ${execution.rollbackTargetExecutionId}`}
        </Term>
        {execution.trigger && (
          <Term label="Trigger">
            {execution.trigger.triggerType ?? "—"}
            {execution.trigger.triggerDetail && ` · ${execution.trigger.triggerDetail}`}
          </Term>
        )}
      </dl>
      {report.redacted.length > 0 && (
        <details data-testid="snapshot-redacted" className="text-amber-800 dark:text-amber-300">
          <summary>
            {report.redacted.length} secret field{report.redacted.length === 1 ? " was" : "s were"} replaced by **** before this report was stored
          </summary>
          <ul className="ml-4 list-disc font-mono text-xs">
            {report.redacted.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </details>
      )}
      {report.stages.length > 0 && (
        <Section title="Stages">
          <ul className="flex flex-wrap gap-2" data-testid="report-stages">
            {report.stages.map((stage) => (
              <li key={stage.stageName} className="flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 dark:border-slate-700">
                {stage.stageName} <ExecutionStatusBadge status={status(stage.status)} />
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Source revisions">
        {execution.artifactRevisions.length === 0 ? (
          <p className="text-slate-500">None recorded.</p>
        ) : (
          <Table head={["Artifact", "Revision", "Summary"]}>
            {execution.artifactRevisions.map((revision, i) => (
              <tr key={i}>
                <td className={CELL}>{revision.name ?? "—"}</td>
                <td className={`${CELL} font-mono text-xs`}>{revision.revisionUrl ? <a className="text-indigo-700 underline dark:text-indigo-300" href={revision.revisionUrl} rel="noreferrer">{revision.revisionId ?? revision.revisionUrl}</a> : (revision.revisionId ?? "—")}</td>
                <td className={CELL}>{revision.revisionSummary ?? "—"}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {execution.variables.length > 0 && (
        <Section title="Variables">
          <Table head={["Name", "Resolved value"]}>
            {execution.variables.map((variable) => (
              <tr key={variable.name}>
                <td className={`${CELL} font-mono text-xs`}>{variable.name}</td>
                <td className={`${CELL} font-mono text-xs`}>{variable.resolvedValue}</td>
              </tr>
            ))}
          </Table>
        </Section>
      )}
      <Section title={`Timeline (${report.actions.length} action run${report.actions.length === 1 ? "" : "s"})`}>
        {report.actions.length === 0 ? (
          <p className="text-slate-500">No action ran in this execution.</p>
        ) : (
          <Table head={["Started", "Stage", "Action", "Status", "Took", "Details"]}>
            {report.actions.map((run, i) => (
              <tr key={i} data-testid="report-action" data-action={run.actionName}>
                <td className={`${CELL} whitespace-nowrap`}>{run.startTime ? formatTime(run.startTime) : "—"}</td>
                <td className={CELL}>{run.stageName}</td>
                <td className={CELL}>
                  <div className="font-medium">{run.actionName}</div>
                  {run.actionType && <div className="text-xs text-slate-600 dark:text-slate-400">{run.actionType}</div>}
                </td>
                <td className={CELL}>
                  <ExecutionStatusBadge status={status(run.status)} />
                </td>
                <td className={`${CELL} whitespace-nowrap`}>{duration(run.startTime, run.lastUpdateTime)}</td>
                <td className={CELL}>
                  {run.error && (
                    <p className="text-red-700 dark:text-red-400" data-testid="report-error">
                      {run.error.code && <code className="mr-1">{run.error.code}</code>}
                      {run.error.message}
                    </p>
                  )}
                  {run.summary && <p>{run.summary}</p>}
                  {Object.keys(run.configuration).length > 0 && (
                    <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
                      {Object.entries(run.configuration)
                        .map(([key, value]) => `${key}=${value}`)
                        .join(" · ")}
                    </p>
                  )}
                  {Object.keys(run.outputVariables).length > 0 && (
                    <p className="font-mono text-xs">
                      {Object.entries(run.outputVariables)
                        .map(([key, value]) => `${key}=${value}`)
                        .join(" · ")}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </div>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Table({ head, children }: { head: readonly string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} className={HEAD} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
