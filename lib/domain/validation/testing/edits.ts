/**
 * Structural helpers the mutation tests use on generated pipelines: artifact and namespace renames
 * that keep every consumer and reference consistent, and ordering on the raw JSON.
 */
import { ARTIFACT_REFERENCING_KEYS } from "./catalogue";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated JSON is edited freely
export type Json = any;

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export interface ActionAt {
  readonly stage: number;
  readonly index: number;
  readonly action: Json;
}

export function actionsOf(p: Json): ActionAt[] {
  const out: ActionAt[] = [];
  (p.stages as Json[]).forEach((stage, s) => (stage.actions as Json[]).forEach((action, i) => out.push({ stage: s, index: i, action })));
  return out;
}

export function providerKey(action: Json): string {
  const t = action.actionTypeId ?? {};
  return `${t.category}/${t.owner}/${t.provider}`;
}

export function runOrderOf(action: Json): number {
  return Number.isInteger(action.runOrder) ? action.runOrder : 1;
}

/** Earlier(A, B) on raw JSON. */
export function runsBeforeAt(a: ActionAt, b: ActionAt): boolean {
  return a.stage < b.stage || (a.stage === b.stage && runOrderOf(a.action) < runOrderOf(b.action));
}

/** Every rule of every condition, with its stage. */
export function rulesOf(p: Json): Array<{ stage: number; block: string; rule: Json }> {
  const out: Array<{ stage: number; block: string; rule: Json }> = [];
  (p.stages as Json[]).forEach((stage, s) => {
    for (const block of ["beforeEntry", "onSuccess", "onFailure"]) {
      for (const cond of stage[block]?.conditions ?? []) for (const rule of cond.rules ?? []) out.push({ stage: s, block, rule });
    }
  });
  return out;
}

/** Renames an artifact everywhere: outputs, action and rule inputs, artifact-naming configuration. */
export function renameArtifact(p: Json, from: string, to: string): void {
  const fix = (config: Json) => {
    if (!config) return;
    for (const k of Object.keys(config)) {
      if (!ARTIFACT_REFERENCING_KEYS.has(k) || typeof config[k] !== "string") continue;
      if (config[k] === from) config[k] = to;
      else if (config[k].startsWith(`${from}::`)) config[k] = `${to}${config[k].slice(from.length)}`;
    }
  };
  for (const { action } of actionsOf(p)) {
    for (const a of [...(action.inputArtifacts ?? []), ...(action.outputArtifacts ?? [])]) if (a.name === from) a.name = to;
    fix(action.configuration);
  }
  for (const { rule } of rulesOf(p)) {
    for (const a of rule.inputArtifacts ?? []) if (a.name === from) a.name = to;
    fix(rule.configuration);
  }
}

/** Replaces `#{from.` by `#{to.` in every string of the declaration and renames the namespace. */
export function renameNamespace(p: Json, from: string, to: string): void {
  for (const { action } of actionsOf(p)) if (action.namespace === from) action.namespace = to;
  replaceInStrings(p, `#{${from}.`, `#{${to}.`);
}

export function replaceInStrings(root: Json, from: string, to: string): void {
  for (const { parent, key: k } of locations(root)) {
    if (typeof parent[k] === "string" && parent[k].includes(from)) parent[k] = parent[k].split(from).join(to);
  }
}

/** Every string in the declaration that contains `text`. */
export function containsText(root: Json, text: string): boolean {
  return locations(root).some(({ parent, key: k }) => typeof parent[k] === "string" && parent[k].includes(text));
}

/** Output artifact name → producing action. */
export function producers(p: Json): Map<string, ActionAt> {
  const map = new Map<string, ActionAt>();
  for (const at of actionsOf(p)) for (const o of at.action.outputArtifacts ?? []) map.set(o.name, at);
  return map;
}

/** Artifacts whose producer is a source with OutputArtifactFormat CODEBUILD_CLONE_REF. */
export function cloneRefArtifacts(p: Json): Set<string> {
  const out = new Set<string>();
  for (const { action } of actionsOf(p)) {
    if (action.configuration?.OutputArtifactFormat === "CODEBUILD_CLONE_REF") for (const o of action.outputArtifacts ?? []) out.add(o.name);
  }
  return out;
}

/** Deep-freezes a JSON tree (iteratively, so deep garbage does not overflow the stack). */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return value;
}

/** Every container/key pair in a JSON tree. */
export function locations(root: unknown): Array<{ parent: Json; key: string | number }> {
  const out: Array<{ parent: Json; key: string | number }> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((child, i) => (out.push({ parent: v, key: i }), visit(child)));
    else if (v !== null && typeof v === "object") {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k });
        visit((v as Record<string, unknown>)[k]);
      }
    }
  };
  visit(root);
  return out;
}
