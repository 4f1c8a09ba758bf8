/**
 * What the engine reads from a stored declaration: stages, runOrder groups, actions and the
 * pipeline-level settings that drive executions. The shell validated the declaration, so the
 * reading here is lenient (missing members take AWS's defaults).
 */
import type { JsonObject, StoredPipeline } from "../contract";
import { effectiveRunOrder, groupByRunOrder } from "@/lib/domain/pipeline/pipeline-index";
import { HOME_REGION } from "../identity";
import type { ExecutionMode } from "./records";

export interface ActionTypeIdPlan {
  readonly category: string;
  readonly owner: string;
  readonly provider: string;
  readonly version: string;
}

export interface ActionPlan {
  readonly name: string;
  readonly runOrder: number;
  readonly actionTypeId: ActionTypeIdPlan;
  readonly configuration: Readonly<Record<string, string>>;
  readonly inputArtifacts: readonly string[];
  readonly outputArtifacts: readonly string[];
  readonly outputVariables: readonly string[];
  readonly namespace?: string;
  readonly region?: string;
  readonly roleArn?: string;
  readonly timeoutInMinutes?: number;
}

export interface RulePlan {
  readonly name: string;
  readonly ruleTypeId: ActionTypeIdPlan;
  readonly configuration: Readonly<Record<string, string>>;
  readonly commands: readonly string[];
  readonly inputArtifacts: readonly string[];
  readonly region?: string;
  readonly roleArn?: string;
}

/** One stage condition: its result and its rules (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Condition.html). */
export interface ConditionPlan {
  readonly result?: string;
  readonly rules: readonly RulePlan[];
}

/** `onFailure`: a result (ROLLBACK, RETRY) with an optional condition and retry mode. */
export interface FailurePlan {
  readonly result?: string;
  readonly retryMode?: "FAILED_ACTIONS" | "ALL_ACTIONS";
  readonly condition?: ConditionPlan;
}

export interface StagePlan {
  readonly name: string;
  readonly index: number;
  readonly actions: readonly ActionPlan[];
  /** Distinct runOrder values, ascending: the stage's action groups. */
  readonly groups: readonly number[];
  readonly beforeEntry?: ConditionPlan;
  readonly onSuccess?: ConditionPlan;
  readonly onFailure?: FailurePlan;
}

export interface VariablePlan {
  readonly name: string;
  readonly defaultValue?: string;
}

export interface PipelinePlan {
  readonly name: string;
  readonly version: number;
  readonly pipelineType: "V1" | "V2";
  readonly executionMode: ExecutionMode;
  readonly stages: readonly StagePlan[];
  readonly variables: readonly VariablePlan[];
  readonly roleArn?: string;
  /** Artifact bucket per region (`artifactStore` serves the pipeline's own region). */
  readonly buckets: Readonly<Record<string, string>>;
}

/**
 * The plan of a stored pipeline of `region` (the region whose emulator keeps it). An action or rule
 * without a region of its own runs in the pipeline's region
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html),
 * so its console and revision links name that region.
 */
export function planOf(stored: StoredPipeline, region: string = HOME_REGION): PipelinePlan {
  const d = stored.declaration;
  const stages = array(d.stages).map((s, index) => stagePlan(obj(s), index, region));
  const buckets: Record<string, string> = {};
  const single = obj(d.artifactStore);
  if (typeof single.location === "string") buckets[region] = single.location;
  for (const [region, store] of Object.entries(obj(d.artifactStores))) {
    const location = obj(store).location;
    if (typeof location === "string") buckets[region] = location;
  }
  return {
    name: stored.name,
    version: stored.version,
    // Omitted means V2: AWS has created V2 pipelines by default since December 2024.
    pipelineType: d.pipelineType === "V1" ? "V1" : "V2",
    executionMode: mode(d.executionMode),
    stages,
    variables: array(d.variables).map((v) => {
      const o = obj(v);
      return { name: String(o.name), defaultValue: typeof o.defaultValue === "string" ? o.defaultValue : undefined };
    }),
    roleArn: typeof d.roleArn === "string" ? d.roleArn : undefined,
    buckets,
  };
}

export function executionModeOf(declaration: JsonObject): ExecutionMode {
  return mode(declaration.executionMode);
}

export function bucketFor(plan: PipelinePlan, region: string): string {
  return plan.buckets[region] ?? plan.buckets[HOME_REGION] ?? Object.values(plan.buckets)[0] ?? `codepipeline-${region}`;
}

export function stageByName(plan: PipelinePlan, stageName: string): StagePlan | undefined {
  return plan.stages.find((s) => s.name === stageName);
}

export function actionsInGroup(stage: StagePlan, runOrder: number): ActionPlan[] {
  return stage.actions.filter((a) => a.runOrder === runOrder);
}

export function isSourceAction(action: ActionPlan): boolean {
  return action.actionTypeId.category === "Source";
}

export function isApproval(action: ActionPlan): boolean {
  return action.actionTypeId.category === "Approval" && action.actionTypeId.provider === "Manual";
}

function stagePlan(s: JsonObject, index: number, region: string): StagePlan {
  const actions = array(s.actions).map((a) => actionPlan(obj(a), region));
  const groups = groupByRunOrder(actions.map((a) => a.runOrder)).map((g) => g.runOrder);
  const failure = obj(s.onFailure);
  const retryMode = obj(failure.retryConfiguration).retryMode;
  return {
    name: String(s.name),
    index,
    actions,
    groups,
    beforeEntry: conditionOf(obj(s.beforeEntry), region),
    onSuccess: conditionOf(obj(s.onSuccess), region),
    onFailure:
      s.onFailure === undefined
        ? undefined
        : {
            result: typeof failure.result === "string" ? failure.result : undefined,
            retryMode: retryMode === "ALL_ACTIONS" || retryMode === "FAILED_ACTIONS" ? retryMode : undefined,
            condition: conditionOf(failure, region),
          },
  };
}

/** The block's one condition (the model allows exactly one), or undefined when it has none. */
function conditionOf(block: JsonObject, region: string): ConditionPlan | undefined {
  const condition = array(block.conditions).map(obj)[0];
  if (!condition) return undefined;
  return {
    result: typeof condition.result === "string" ? condition.result : undefined,
    rules: array(condition.rules).map((r) => rulePlan(obj(r), region)),
  };
}

function rulePlan(r: JsonObject, region: string): RulePlan {
  const type = obj(r.ruleTypeId);
  const configuration: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(r.configuration))) configuration[k] = String(v);
  return {
    name: String(r.name),
    ruleTypeId: {
      category: String(type.category ?? "Rule"),
      owner: String(type.owner ?? "AWS"),
      provider: String(type.provider),
      version: String(type.version ?? "1"),
    },
    configuration,
    commands: array(r.commands).map(String),
    inputArtifacts: array(r.inputArtifacts).map((x) => String(obj(x).name)),
    region: typeof r.region === "string" ? r.region : region,
    roleArn: typeof r.roleArn === "string" ? r.roleArn : undefined,
  };
}

function actionPlan(a: JsonObject, region: string): ActionPlan {
  const type = obj(a.actionTypeId);
  const configuration: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(a.configuration))) configuration[k] = String(v);
  return {
    name: String(a.name),
    runOrder: effectiveRunOrder(a),
    actionTypeId: {
      category: String(type.category),
      owner: String(type.owner),
      provider: String(type.provider),
      version: String(type.version ?? "1"),
    },
    configuration,
    inputArtifacts: array(a.inputArtifacts).map((x) => String(obj(x).name)),
    outputArtifacts: array(a.outputArtifacts).map((x) => String(obj(x).name)),
    outputVariables: array(a.outputVariables).map(String),
    namespace: typeof a.namespace === "string" ? a.namespace : undefined,
    region: typeof a.region === "string" ? a.region : region,
    roleArn: typeof a.roleArn === "string" ? a.roleArn : undefined,
    timeoutInMinutes: typeof a.timeoutInMinutes === "number" ? a.timeoutInMinutes : undefined,
  };
}

function mode(value: unknown): ExecutionMode {
  return value === "QUEUED" || value === "PARALLEL" ? value : "SUPERSEDED";
}

function obj(value: unknown): JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {};
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
