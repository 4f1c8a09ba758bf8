/**
 * The designer document: a declaration plus ids parallel to its stages and actions
 * (see contract.ts). Ids are `s<n>` for stages and `a<n>` for actions. They are derived from
 * the document itself (the next id is one past the highest in use), so every function here is
 * pure and deterministic: the same declaration always gets the same ids.
 */
import type { DesignerDocument, JsonObject } from "./contract";
import { arrayOf, asObject, isObject } from "../json";
import { buildIndex, type PipelineIndex } from "../pipeline/pipeline-index";

export type IdKind = "stage" | "action";

const PREFIX: Record<IdKind, string> = { stage: "s", action: "a" };

/**
 * The document read through the pipeline read model, with the document's ids on every stage and
 * action: stages → runOrder groups → actions. Commands, the canvas, the inspector and artifact
 * flow all read a design this way.
 */
export function readDocument(doc: DesignerDocument): PipelineIndex {
  // Documents are never mutated (every command returns a new one), so one reading per document
  // serves every reader of it: a command, the projection and the inspector of one edit share it.
  let index = readings.get(doc);
  if (index === undefined) {
    index = buildIndex(doc.declaration, { ids: doc });
    readings.set(doc, index);
  }
  return index;
}

const readings = new WeakMap<DesignerDocument, PipelineIndex>();

/** Hands out fresh ids for one document: each call returns an id not used before. */
export type IdAllocator = (kind: IdKind) => string;

/**
 * An allocator continuing after the highest numeric id in `doc` (or starting at `seed`).
 * Several ids created by one command come from one allocator so they never collide.
 */
export function idAllocator(doc?: DesignerDocument, seed = 1): IdAllocator {
  const next: Record<IdKind, number> = { stage: seed, action: seed };
  if (doc) {
    for (const id of doc.stageIds) next.stage = Math.max(next.stage, numberOf(id, "s") + 1);
    for (const ids of doc.actionIds) {
      for (const id of ids) next.action = Math.max(next.action, numberOf(id, "a") + 1);
    }
  }
  return (kind) => `${PREFIX[kind]}${next[kind]++}`;
}

function numberOf(id: string, prefix: string): number {
  if (!id.startsWith(prefix)) return 0;
  const n = Number(id.slice(prefix.length));
  return Number.isSafeInteger(n) ? n : 0;
}

/** A fresh id of the given kind for `doc` (one past the highest in use). */
export function newId(doc: DesignerDocument, kind: IdKind): string {
  return idAllocator(doc)(kind);
}

/**
 * Wraps a declaration in a document, assigning ids in document order (`s1`, `s2`…, `a1`, `a2`…).
 * Pass an allocator to continue numbering after an existing document (replaceDeclaration does,
 * so old selections never point at a new element by accident).
 */
export function documentFromDeclaration(declaration: JsonObject, allocate: IdAllocator = idAllocator()): DesignerDocument {
  const stages = arrayOf(declaration.stages);
  const stageIds = stages.map(() => allocate("stage"));
  const actionIds = stages.map((stage) => arrayOf(asObject(stage).actions).map(() => allocate("action")));
  return { declaration, stageIds, actionIds };
}

/** The default artifact bucket of a blank design: a placeholder the user replaces. */
export const PLACEHOLDER_BUCKET = "my-pipeline-artifacts";

/**
 * What a user gets when starting blank: a V2 pipeline with a Source and a Build stage (the two
 * stages AWS requires at least), an artifact store, and an empty role ARN. The empty role and
 * the empty stages are left for validation to flag: the problems panel then reads as the
 * to-do list of a new design ("choose a role", "add a source action"…).
 */
export function emptyDesign(name = "my-pipeline"): DesignerDocument {
  return documentFromDeclaration(blankDeclaration(name));
}

export function blankDeclaration(name = "my-pipeline"): JsonObject {
  return {
    name,
    roleArn: "",
    artifactStore: { type: "S3", location: PLACEHOLDER_BUCKET },
    stages: [
      { name: "Source", actions: [] },
      { name: "Build", actions: [] },
    ],
    version: 1,
    pipelineType: "V2",
    executionMode: "QUEUED",
  };
}

/** The index of a stage id, or undefined. */
export function locateStage(doc: DesignerDocument, stageId: string): number | undefined {
  const i = doc.stageIds.indexOf(stageId);
  return i < 0 ? undefined : i;
}

/** The stage and action indices of an action id, or undefined. */
export function locateAction(
  doc: DesignerDocument,
  actionId: string,
): { readonly stageIndex: number; readonly actionIndex: number } | undefined {
  for (let stageIndex = 0; stageIndex < doc.actionIds.length; stageIndex++) {
    const actionIndex = doc.actionIds[stageIndex]!.indexOf(actionId);
    if (actionIndex >= 0) return { stageIndex, actionIndex };
  }
  return undefined;
}

/** The stage id holding an action, or undefined. */
export function stageOfAction(doc: DesignerDocument, actionId: string): string | undefined {
  const at = locateAction(doc, actionId);
  return at === undefined ? undefined : doc.stageIds[at.stageIndex];
}

/** The declaration of a stage by id (undefined when missing or not an object). */
export function stageById(doc: DesignerDocument, stageId: string): JsonObject | undefined {
  const i = locateStage(doc, stageId);
  if (i === undefined) return undefined;
  const stage = arrayOf(doc.declaration.stages)[i];
  return isObject(stage) ? stage : undefined;
}

/** The declaration of an action by id (undefined when missing or not an object). */
export function actionById(doc: DesignerDocument, actionId: string): JsonObject | undefined {
  const at = locateAction(doc, actionId);
  if (at === undefined) return undefined;
  const action = arrayOf(asObject(arrayOf(doc.declaration.stages)[at.stageIndex]).actions)[at.actionIndex];
  return isObject(action) ? action : undefined;
}
