/**
 * ListDeployActionExecutionTargets: the per-target progress of a Lambda or EC2 deploy action run
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListDeployActionExecutionTargets.html).
 * The emulator deploys nothing, so targets and their events are derived from the run itself:
 * how far its simulated time has gone decides which steps are done. Undocumented; chosen:
 * - Lambda (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-LambdaDeploy.html):
 *   one target, the function (alias), with one event per traffic-shifting step of its
 *   `DeployStrategy` (AllAtOnce: one shift to 100%; Canary<P>Percent<M>Minutes: P%, a wait, 100%;
 *   Linear<P>PercentEvery<M>Minute(s): P% more per step).
 * - EC2 (https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-EC2Deploy.html):
 *   three simulated instances, deployed `MaxBatch` at a time, each with the script phases it runs.
 * - any other action: no targets.
 */
import type { JsonObject } from "../../contract";
import { ServiceError } from "../../errors";
import type { EngineContext } from "../context";
import { pageOf, pageRequest } from "../paging";
import type { ActionRecord } from "../records";
import { compact, optionalArray, optionalString, requiredString, seconds } from "../wire";

interface Step {
  readonly name: string;
  readonly message: string;
}

interface Target {
  readonly seq: number;
  readonly body: JsonObject;
  readonly status: string;
}

const INSTANCES = 3;

export function listDeployActionExecutionTargets(ctx: EngineContext, input: JsonObject): JsonObject {
  const actionExecutionId = requiredString(input, "actionExecutionId");
  const pipelineName = optionalString(input, "pipelineName");
  const run = ctx.store.getAction(actionExecutionId);
  if (!run || (pipelineName !== undefined && run.pipelineName !== pipelineName)) {
    throw new ServiceError("ActionExecutionNotFoundException", `Action execution ${actionExecutionId} does not exist${pipelineName ? ` in pipeline ${pipelineName}` : ""}.`);
  }
  const wanted = optionalArray(input, "filters")
    .filter((f) => f.name === "TARGET_STATUS")
    .flatMap((f) => (Array.isArray(f.values) ? f.values.map(String) : []));
  const scope = `targets:${actionExecutionId}`;
  const page = pageRequest(input, scope);
  const targets = targetsOf(run, ctx.now())
    .filter((t) => wanted.length === 0 || wanted.includes(t.status))
    .filter((t) => page.beforeSeq === undefined || t.seq < page.beforeSeq);
  const { items, nextToken } = pageOf(targets, page.limit, scope);
  return { targets: items.map((t) => t.body), ...(nextToken ? { nextToken } : {}) };
}

function targetsOf(run: ActionRecord, now: number): Target[] {
  const type = run.input.actionTypeId as { category?: string; provider?: string } | undefined;
  const config = (run.input.resolvedConfiguration ?? {}) as Record<string, string>;
  if (type?.category !== "Deploy") return [];
  const end = run.status === "InProgress" ? (run.dueMs ?? now) : run.updatedMs;
  const span = Math.max(1, end - run.startMs);
  if (type.provider === "Lambda") {
    const target = config.FunctionAlias ? `${config.FunctionName}:${config.FunctionAlias}` : (config.FunctionName ?? "function");
    return [target1(run, now, run.startMs, span, target, "LambdaFunction", lambdaSteps(config.DeployStrategy), 1)];
  }
  if (type.provider === "EC2") {
    const batch = Math.max(1, Math.min(INSTANCES, batchSize(config.MaxBatch)));
    const batches = Math.ceil(INSTANCES / batch);
    const steps = ec2Steps(config);
    return Array.from({ length: INSTANCES }, (_, i) => {
      const b = Math.floor(i / batch);
      const from = run.startMs + (span * b) / batches;
      return target1(run, now, from, span / batches, instanceId(run.id, i), config.InstanceType === "SSM_MANAGED_NODE" ? "SSM_MANAGED_NODE" : "EC2", steps, INSTANCES - i);
    });
  }
  return [];
}

/** One target whose steps share [from, from + span) evenly; a failed run fails the step it was in. */
function target1(run: ActionRecord, now: number, from: number, span: number, targetId: string, targetType: string, steps: readonly Step[], seq: number): Target {
  const at = run.status === "InProgress" ? now : run.updatedMs;
  const each = span / steps.length;
  let status = "Pending";
  const events = steps.flatMap((step, i) => {
    const start = from + each * i;
    const stop = start + each;
    if (at < start) return [];
    const done = at >= stop;
    let eventStatus = done ? "Succeeded" : "InProgress";
    if (!done && run.status === "Failed") eventStatus = "Failed";
    if (!done && run.status === "Abandoned") eventStatus = "Abandoned";
    status = eventStatus === "Succeeded" && i === steps.length - 1 ? "Succeeded" : eventStatus === "Succeeded" ? "InProgress" : eventStatus;
    return [compact({ name: step.name, status: eventStatus, startTime: seconds(start), endTime: done ? seconds(stop) : undefined, context: { message: step.message } })];
  });
  if (run.status === "Failed" && status !== "Failed" && status !== "Succeeded") status = "Failed";
  return {
    seq,
    status,
    body: compact({
      targetId,
      targetType,
      status,
      startTime: at >= from ? seconds(from) : undefined,
      endTime: status === "Succeeded" || status === "Failed" ? seconds(Math.min(at, from + span)) : undefined,
      events,
    }),
  };
}

/** The traffic-shifting steps of a Lambda `DeployStrategy`. */
export function lambdaSteps(strategy: string | undefined): Step[] {
  const canary = /^Canary(\d+)Percent(\d+)Minutes?$/.exec(strategy ?? "");
  if (canary) {
    return [
      { name: "TrafficShift", message: `Shifted ${canary[1]}% of traffic to the new version.` },
      { name: "Bake", message: `Waited ${canary[2]} minutes.` },
      { name: "TrafficShift", message: "Shifted 100% of traffic to the new version." },
    ];
  }
  const linear = /^Linear(\d+)PercentEvery(\d+)Minutes?$/.exec(strategy ?? "");
  if (linear) {
    const step = Math.max(1, Math.min(100, Number(linear[1])));
    const out: Step[] = [];
    for (let shifted = step; ; shifted = Math.min(100, shifted + step)) {
      out.push({ name: "TrafficShift", message: `Shifted ${shifted}% of traffic to the new version.` });
      if (shifted >= 100) break;
      out.push({ name: "Bake", message: `Waited ${linear[2]} minute${linear[2] === "1" ? "" : "s"}.` });
    }
    return out;
  }
  return [{ name: "TrafficShift", message: "Shifted 100% of traffic to the new version." }];
}

function ec2Steps(config: Readonly<Record<string, string>>): Step[] {
  return [
    { name: "DownloadBundle", message: "Downloaded the deployment bundle." },
    ...(config.PreScript ? [{ name: "PreScript", message: `Ran ${config.PreScript}.` }] : []),
    { name: "Deploy", message: config.DeploySpec ? `Applied ${config.DeploySpec}.` : `Deployed to ${config.TargetDirectory ?? "the target directory"}.` },
    ...(config.PostScript ? [{ name: "PostScript", message: `Ran ${config.PostScript}.` }] : []),
  ];
}

/** `MaxBatch`: a count, or a percentage of the fleet ("50%"). */
function batchSize(maxBatch: string | undefined): number {
  if (!maxBatch) return 1;
  const percent = /^(\d+)%$/.exec(maxBatch);
  if (percent) return Math.ceil((INSTANCES * Number(percent[1])) / 100);
  const n = Number(maxBatch);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** A stable, plausible instance id per run and index. */
function instanceId(runId: string, index: number): string {
  const hex = runId.replace(/[^0-9a-f]/g, "");
  return `i-0${(hex.slice(index * 5, index * 5 + 16) + hex).slice(0, 16)}`;
}
