/**
 * A shared execution report: a frozen copy of one execution as CodePipeline described it when it
 * was shared (GetPipelineExecution, its ListActionExecutions, and the stages' state when this
 * execution was their latest), so it renders after the execution has aged out of CodePipeline's
 * history ("limited to the most recent 12 months",
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListPipelineExecutions.html) and
 * without AWS access. The capture time is the snapshot's creation time.
 */
import { z } from "zod";
import type { ActionExecutionView, PipelineExecutionDetail, PipelineStateView } from "../execution/view-model";
import { SECRET_MASK, secretKeysOfAction } from "../catalog/secrets";
import { compact, setOwn } from "../json";
import { joinPath } from "../validation/path";
import { maskCopies, secretKeyNames } from "./redact";

export const EXECUTION_REPORT_FORMAT = 1;

const text = z.string().max(100_000);
const stringMap = z.record(z.string(), z.string());

const ActionRunSchema = z.strictObject({
  stageName: text,
  actionName: text,
  status: text.optional(),
  startTime: text.optional(),
  lastUpdateTime: text.optional(),
  actionType: text.optional(),
  summary: text.optional(),
  externalExecutionUrl: text.optional(),
  error: z.strictObject({ code: text.optional(), message: text.optional() }).optional(),
  configuration: stringMap,
  inputArtifacts: z.array(text),
  outputArtifacts: z.array(text),
  outputVariables: stringMap,
});

export const ExecutionReportSchema = z.strictObject({
  format: z.literal(EXECUTION_REPORT_FORMAT),
  title: text,
  region: text,
  execution: z.strictObject({
    pipelineName: text,
    pipelineVersion: z.number().optional(),
    executionId: text,
    status: text.optional(),
    statusSummary: text.optional(),
    executionMode: text.optional(),
    executionType: text.optional(),
    trigger: z.strictObject({ triggerType: text.optional(), triggerDetail: text.optional() }).optional(),
    rollbackTargetExecutionId: text.optional(),
    artifactRevisions: z.array(
      z.strictObject({
        name: text.optional(),
        revisionId: text.optional(),
        revisionChangeIdentifier: text.optional(),
        revisionSummary: text.optional(),
        created: text.optional(),
        revisionUrl: text.optional(),
      }),
    ),
    variables: z.array(z.strictObject({ name: text, resolvedValue: text })),
  }),
  /** Each stage's status in this execution, in pipeline order, where the state still showed it. */
  stages: z.array(z.strictObject({ stageName: text, status: text.optional() })),
  /** Every action run of the execution, oldest first: the timeline. */
  actions: z.array(ActionRunSchema),
  redacted: z.array(z.string()),
});

export type ExecutionReport = z.infer<typeof ExecutionReportSchema>;
export type ActionRun = z.infer<typeof ActionRunSchema>;

export interface ExecutionReportInput {
  readonly region: string;
  readonly execution: PipelineExecutionDetail;
  readonly actions: readonly ActionExecutionView[];
  readonly state?: PipelineStateView;
}

/** The report of an execution, secrets masked (configuration secret keys, and copies of their values anywhere). */
export function executionReport(input: ExecutionReportInput): ExecutionReport {
  const { execution } = input;
  const redacted: string[] = [];
  const secrets = new Set<string>();
  const ordered = [...input.actions].sort((a, b) => (a.startTime ?? "").localeCompare(b.startTime ?? ""));
  const actions = ordered.map((run, i) => {
    const configuration = maskConfiguration(run, `actions[${i}].configuration`, redacted, secrets);
    const a = run.input.actionTypeId;
    return drop({
      stageName: run.stageName,
      actionName: run.actionName,
      status: run.status,
      startTime: run.startTime,
      lastUpdateTime: run.lastUpdateTime,
      actionType: a ? `${a.owner} ${a.provider} v${a.version} (${a.category})` : undefined,
      summary: run.output.externalExecutionSummary,
      externalExecutionUrl: run.output.externalExecutionUrl,
      error: run.output.errorDetails ? drop({ code: run.output.errorDetails.code, message: run.output.errorDetails.message }) : undefined,
      configuration,
      inputArtifacts: [...run.input.inputArtifacts],
      outputArtifacts: [...run.output.outputArtifacts],
      outputVariables: { ...run.output.outputVariables },
    }) as ActionRun;
  });
  const stages = (input.state?.stages ?? [])
    .filter((s) => s.latestExecution?.executionId === execution.executionId)
    .map((s) => drop({ stageName: s.stageName, status: s.latestExecution?.status }) as { stageName: string; status?: string });
  const report: ExecutionReport = {
    format: EXECUTION_REPORT_FORMAT,
    title: `${execution.pipelineName} · execution ${execution.executionId}`,
    region: input.region,
    execution: drop({
      pipelineName: execution.pipelineName,
      pipelineVersion: execution.pipelineVersion,
      executionId: execution.executionId,
      status: execution.status,
      statusSummary: execution.statusSummary,
      executionMode: execution.executionMode,
      executionType: execution.executionType,
      trigger: execution.trigger ? drop({ ...execution.trigger }) : undefined,
      rollbackTargetExecutionId: execution.rollbackTargetExecutionId,
      artifactRevisions: execution.artifactRevisions.map((r) => drop({ ...r })),
      variables: execution.variables.map((v) => ({ name: v.name, resolvedValue: v.resolvedValue })),
    }) as ExecutionReport["execution"],
    stages,
    actions,
    redacted: [],
  };
  const masked = maskCopies(report, [...secrets], "");
  return { ...masked.value, redacted: [...new Set([...redacted, ...masked.redacted])] };
}

function maskConfiguration(run: ActionExecutionView, path: string, redacted: string[], secrets: Set<string>): Record<string, string> {
  const byProvider = new Set(secretKeysOfAction({ actionTypeId: run.input.actionTypeId }));
  const names = secretKeyNames();
  // The resolved configuration is what ran (variables substituted); shown instead of the raw one when present.
  const source = Object.keys(run.input.resolvedConfiguration).length > 0 ? run.input.resolvedConfiguration : run.input.configuration;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const secret = byProvider.has(key) || names.has(key.toLowerCase());
    setOwn(out, key, secret ? SECRET_MASK : value);
    if (!secret) continue;
    redacted.push(joinPath(path, key));
    if (value !== SECRET_MASK && value.length >= 6) secrets.add(value);
  }
  for (const [key, value] of Object.entries(run.input.configuration)) {
    if ((byProvider.has(key) || names.has(key.toLowerCase())) && value !== SECRET_MASK && value.length >= 6) secrets.add(value);
  }
  return out;
}

/** The object without its undefined members (the stored JSON has none; the schema reads it back the same). */
function drop<T extends Record<string, unknown>>(object: T): T {
  return (compact(object) ?? {}) as T;
}
