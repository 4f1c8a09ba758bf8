/**
 * One run of one action: how it starts (configuration resolved, outcome and due time decided,
 * external id known) and how it ends when its simulated time is up (summary, output artifacts
 * and variables, or error details). The runner decides *when*; this file decides *what*.
 */
import { HOME_REGION } from "../identity";
import { bucketFor, isApproval, isSourceAction, type ActionPlan, type PipelinePlan, type StagePlan } from "./pipeline-plan";
import type { PlanCache } from "./plans";
import type { ActionOutcome, ActionRecord, ExecutionRecord, S3Location } from "./records";
import { APPROVAL_TIMEOUT_MINUTES, UNRESOLVED_FAILURE_SECONDS, simulatedSeconds } from "./simulation/durations";
import { alnum, type Random } from "./simulation/random";
import { failure, startInfo, success, type Completion, type RunContext } from "./simulation/results";
import type { ExecutionStore } from "./store";
import { resolveConfiguration } from "./variables";

export interface ActionRunDeps {
  readonly store: ExecutionStore;
  readonly plans: PlanCache;
  readonly random: Random;
  newId(): string;
  /** Real milliseconds that simulated seconds take at the current time scale. */
  realMs(seconds: number): number;
}

export function startAction(
  deps: ActionRunDeps,
  execution: ExecutionRecord,
  plan: PipelinePlan,
  stagePlan: StagePlan,
  action: ActionPlan,
  attempt: number,
  now: number,
): ActionRecord {
  const region = action.region ?? HOME_REGION;
  const { resolved, unresolved } = resolveConfiguration(action.configuration, execution);
  const approval = isApproval(action);
  const failNext = deps.store.consumeFailNext(plan.name, stagePlan.name, action.name);
  let outcome: ActionOutcome = approval ? "approval" : "succeed";
  if (unresolved.length > 0) outcome = "unresolved";
  else if (failNext) outcome = "fail";

  const input: Record<string, unknown> = {
    actionTypeId: { ...action.actionTypeId },
    configuration: { ...action.configuration },
    resolvedConfiguration: resolved,
    ...(action.roleArn ? { roleArn: action.roleArn } : {}),
    region,
    inputArtifacts: action.inputArtifacts.map((name) => ({
      name,
      s3location: execution.artifacts[name] ?? artifactLocation(plan, action, name, deps.random),
    })),
    ...(action.namespace ? { namespace: action.namespace } : {}),
  };
  const start = startInfo(runContext(deps, execution, { input, stageName: stagePlan.name }, action));
  const token = outcome === "approval" ? deps.newId() : undefined;

  let seconds: number;
  if (outcome === "approval") seconds = (action.timeoutInMinutes ?? APPROVAL_TIMEOUT_MINUTES) * 60;
  else if (outcome === "unresolved") seconds = UNRESOLVED_FAILURE_SECONDS;
  else if (outcome === "fail" && approval) seconds = 5; // a forced failure is a quick rejection
  else seconds = simulatedSeconds(action.actionTypeId, deps.random) * (outcome === "fail" ? 0.6 : 1);

  return deps.store.insertAction({
    id: deps.newId(),
    executionId: execution.id,
    pipelineName: plan.name,
    pipelineVersion: plan.version,
    stageName: stagePlan.name,
    actionName: action.name,
    attempt,
    status: "InProgress",
    outcome,
    startMs: now,
    updatedMs: now,
    dueMs: now + deps.realMs(seconds),
    token,
    // For approvals the token doubles as the external execution id (how PARALLEL-mode
    // pipelines, which have no state board, expose it).
    externalId: token ?? start.externalId,
    externalUrl: start.externalUrl,
    errorDetails:
      outcome === "unresolved"
        ? {
            code: "JobFailed",
            message: `One or more variables could not be resolved in the action configuration: ${unresolved.join(", ")}`,
          }
        : undefined,
    input,
  });
}

/** Ends a run whose simulated time is up, as its outcome says. */
export function completeAction(deps: ActionRunDeps, action: ActionRecord, at: number): void {
  const execution = deps.store.getExecution(action.executionId);
  const plan = deps.plans.get(action.pipelineName, action.pipelineVersion);
  const actionPlan = plan?.stages.find((s) => s.name === action.stageName)?.actions.find((a) => a.name === action.actionName);
  if (!execution || !plan || !actionPlan) {
    closeAction(deps.store, action, "Abandoned", at);
    return;
  }
  if (action.outcome === "approval") {
    // Nobody answered within the approval's timeout.
    action.errorDetails = { code: "JobFailed", message: "The approval request expired: no response was received before the action timed out." };
    action.summary = "Approval timed out";
    closeAction(deps.store, action, "Failed", at);
    return;
  }
  if (action.outcome === "unresolved") {
    closeAction(deps.store, action, "Failed", at);
    return;
  }
  const ctx = runContext(deps, execution, action, actionPlan);
  const start = { externalId: action.externalId, externalUrl: action.externalUrl };
  const completion: Completion = action.outcome === "succeed" ? success(ctx, start) : failure(ctx, start);
  action.summary = completion.summary;
  action.externalId = completion.externalId ?? action.externalId;
  action.externalUrl = completion.externalUrl ?? action.externalUrl;
  action.errorDetails = completion.errorDetails;
  if (action.outcome !== "succeed") {
    action.output = { outputArtifacts: [], outputVariables: {} };
    closeAction(deps.store, action, "Failed", at);
    return;
  }
  const outputArtifacts = actionPlan.outputArtifacts.map((name) => {
    const s3location = artifactLocation(plan, actionPlan, name, deps.random);
    execution.artifacts[name] = s3location;
    return { name, s3location };
  });
  action.output = { outputArtifacts, outputVariables: completion.outputVariables };
  // Later actions of this execution resolve #{namespace.key} from here.
  if (actionPlan.namespace) execution.namespaces[actionPlan.namespace] = { ...completion.outputVariables };
  execution.updatedMs = at;
  deps.store.saveExecution(execution);
  closeAction(deps.store, action, "Succeeded", at);
}

/** Ends an in-progress run with a final status. */
export function closeAction(store: ExecutionStore, action: ActionRecord, status: ActionRecord["status"], at: number): void {
  action.status = status;
  action.updatedMs = at;
  action.dueMs = undefined;
  store.saveAction(action);
}

function runContext(
  deps: ActionRunDeps,
  execution: ExecutionRecord,
  run: Pick<ActionRecord, "input" | "stageName">,
  actionPlan: ActionPlan,
): RunContext {
  const resolved = run.input.resolvedConfiguration;
  return {
    pipelineName: execution.pipelineName,
    executionId: execution.id,
    stageName: run.stageName,
    action: actionPlan,
    configuration: (resolved && typeof resolved === "object" ? resolved : actionPlan.configuration) as Record<string, string>,
    region: actionPlan.region ?? HOME_REGION,
    revision: isSourceAction(actionPlan) ? execution.sourceRevisions.find((r) => r.actionName === actionPlan.name) : undefined,
    primaryRevisionId: execution.sourceRevisions[0]?.revisionId,
    random: deps.random,
  };
}

/** Where CodePipeline puts an artifact: `<pipeline (20)>/<artifact (10)>/<7 random>` in the store bucket. */
function artifactLocation(plan: PipelinePlan, action: ActionPlan, artifactName: string, random: Random): S3Location {
  return {
    bucket: bucketFor(plan, action.region ?? HOME_REGION),
    key: `${plan.name.slice(0, 20)}/${artifactName.slice(0, 10)}/${alnum(random, 7)}`,
  };
}
