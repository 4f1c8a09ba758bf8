/** Edits and contexts the mutation table shares: adding actions, stages and rules without breaking anything else. */
import type { ValidationContext } from "../../context";
import type { Chooser } from "../chooser";
import { type ActionAt, actionsOf, clone, cloneRefArtifacts, type Json, producers, providerKey, rulesOf, runOrderOf } from "../edits";
import { TEST_CONTEXT } from "../fixtures";
import { type GenOptions, HOME_REGION } from "../generator-options";
import { NotApplicable } from "./mutation";

export const V2: GenOptions = { pipelineType: "V2" };
export const V1: GenOptions = { pipelineType: "V1" };
export const NO_EXTRAS: GenOptions = { variables: "off", triggers: "off", conditions: "off" };
export const withKey = (key: string, more: GenOptions = {}): GenOptions => ({ ...more, include: [...(more.include ?? []), key] });

export function pick<T>(c: Chooser, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : c.pick(items);
}

export function pickAction(p: Json, c: Chooser, predicate: (at: ActionAt) => boolean): ActionAt | undefined {
  return pick(c, actionsOf(p).filter(predicate));
}

export const isKey = (key: string) => (at: ActionAt) => providerKey(at.action) === key;
export const nonSource = (at: ActionAt) => at.stage > 0;

export function uniqueIn(names: readonly string[], base: string): string {
  let name = base;
  for (let i = 2; names.includes(name); i++) name = `${base}-${i}`;
  return name;
}

/** Adds an action to a stage at `runOrder` ("end": after every group), keeping ACT008 quiet. */
export function addAction(p: Json, stageIndex: number, action: Json, runOrder: number | "end" = "end"): Json {
  const stage = p.stages[stageIndex];
  if (stage.actions.length >= 50) throw new NotApplicable("stage full (STG004)");
  const ro = runOrder === "end" ? Math.max(...stage.actions.map(runOrderOf)) + 1 : runOrder;
  if (ro !== 1) for (const a of stage.actions) if (a.runOrder === undefined) a.runOrder = 1;
  action.name = uniqueIn(stage.actions.map((a: Json) => a.name), action.name);
  action.runOrder = ro;
  stage.actions.push(action);
  return action;
}

export function addStage(p: Json, base: string, actions: Json[]): Json {
  const stage = { name: uniqueIn(p.stages.map((s: Json) => s.name), base), actions };
  p.stages.push(stage);
  return stage;
}

export const lastStage = (p: Json) => p.stages.length - 1;
/** Whether `n` more stages fit under the 50-stage quota (PIPE012). */
export const roomFor = (p: Json, n: number) => p.stages.length + n <= 50;

/** Whether every configuration value stays within the model maximum (CFG001 / COND014). */
export function valuesWithinLimits(p: Json): boolean {
  const within = (config: Json, max: number) => Object.values(config ?? {}).every((v) => typeof v !== "string" || v.length <= max);
  return actionsOf(p).every(({ action }) => within(action.configuration, 1000)) && rulesOf(p).every(({ rule }) => within(rule.configuration, 10_000));
}

export function manual(name = "Approve", configuration?: Record<string, string>): Json {
  return {
    name,
    actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" },
    ...(configuration ? { configuration } : {}),
  };
}

export function lambdaInvoke(name: string, inputs: string[] = [], outputs: string[] = [], extra: Json = {}): Json {
  return {
    name,
    actionTypeId: { category: "Invoke", owner: "AWS", provider: "Lambda", version: "1" },
    configuration: { FunctionName: "probe" },
    ...(outputs.length > 0 ? { outputArtifacts: outputs.map((n) => ({ name: n })) } : {}),
    ...(inputs.length > 0 ? { inputArtifacts: inputs.map((n) => ({ name: n })) } : {}),
    ...extra,
  };
}

export function codeBuildSink(name: string, input: string): Json {
  return {
    name,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    configuration: { ProjectName: "sink" },
    inputArtifacts: [{ name: input }],
  };
}

/** A Manual approval at the very end whose CustomData carries `text` (references). */
export function addReference(p: Json, text: string): void {
  addAction(p, lastStage(p), manual("RefSink", { CustomData: text }));
}

/** An artifact any provider may consume (not a clone ref). */
export function plainArtifact(p: Json, c: Chooser): string | undefined {
  const clones = cloneRefArtifacts(p);
  return pick(c, [...producers(p).keys()].filter((n) => !clones.has(n)));
}

export function alarmRule(name: string): Json {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "errors" } };
}

export function lambdaRule(name: string, configuration: Json = { FunctionName: "gate" }): Json {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider: "LambdaInvoke", version: "1" }, configuration };
}

export function variableCheck(name: string, configuration: Json): Json {
  return { name, ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" }, configuration };
}

/** Adds a rule to a stage's beforeEntry condition (creating a FAIL condition when absent). */
export function addBeforeEntryRule(p: Json, stageIndex: number, rule: Json): boolean {
  const stage = p.stages[stageIndex];
  if (!stage.beforeEntry) {
    stage.beforeEntry = { conditions: [{ result: "FAIL", rules: [rule] }] };
    return true;
  }
  const condition = stage.beforeEntry.conditions[0];
  // A SKIP condition takes LambdaInvoke / VariableCheck rules only (COND007).
  if (condition.rules.length >= 5 || (condition.result === "SKIP" && !["LambdaInvoke", "VariableCheck"].includes(rule.ruleTypeId?.provider))) return false;
  condition.rules.push(rule);
  return true;
}

/** A stage index ≥ 1 without the given block. */
export function stageWithout(p: Json, c: Chooser, block: string): number | undefined {
  return pick(
    c,
    p.stages.map((_: Json, i: number) => i).filter((i: number) => i > 0 && p.stages[i][block] === undefined),
  );
}

export function stores(p: Json): Json[] {
  return p.artifactStore ? [p.artifactStore] : Object.values(p.artifactStores ?? {});
}

export function homeStore(p: Json): Json {
  return p.artifactStore ?? p.artifactStores[HOME_REGION];
}

export function triggerOf(p: Json, c: Chooser): Json | undefined {
  return pick(c, p.triggers ?? []);
}

/** The source action a trigger points at. */
export function triggerSource(p: Json, trigger: Json): Json {
  return p.stages[0].actions.find((a: Json) => a.name === trigger.gitConfiguration.sourceActionName);
}

export function branchCriteria(trigger: Json): Json[] {
  const git = trigger.gitConfiguration;
  return [...(git.push ?? []), ...(git.pullRequest ?? [])].filter((f: Json) => f.branches).map((f: Json) => f.branches);
}

/** A namespace and a key its provider really emits. */
export function namespaceWithKey(p: Json, c: Chooser, predicate: (at: ActionAt) => boolean = () => true): { at: ActionAt; ns: string; key: string } | undefined {
  const owners = actionsOf(p).filter((at) => at.action.namespace !== undefined && predicate(at));
  const at = pick(c, owners);
  if (!at) return undefined;
  const m = new RegExp(`#\\{${escapeRegExp(at.action.namespace)}\\.([A-Za-z0-9@\\-_]+)\\}`).exec(JSON.stringify(p));
  if (!m) return undefined;
  return { at, ns: at.action.namespace, key: m[1]! };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const update = (original: Json, extra: Partial<ValidationContext> = {}): ValidationContext => ({
  ...TEST_CONTEXT,
  operation: "update",
  deployed: clone(original),
  ...extra,
});

export const create = (extra: Partial<ValidationContext> = {}): ValidationContext => ({ ...TEST_CONTEXT, operation: "create", ...extra });

/** On create CodeCommit raises ACT018 (closed to new customers): keep it out of create cases. */
export const NO_CODECOMMIT: GenOptions = { exclude: ["Source/AWS/CodeCommit"] };
