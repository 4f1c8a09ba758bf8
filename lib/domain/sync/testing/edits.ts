/**
 * Random designer edits for the sync property tests (test-only): abstract choices, resolved
 * against the document they apply to, run through the designer's own `applyCommand`. An edit
 * sequence can be confined to some stages and some pipeline members, so that two sequences from
 * one base touch disjoint parts of it (the three-way merge must keep both).
 */
import fc from "fast-check";
import { ACTION_PROVIDERS } from "../../catalog/catalog";
import { applyCommandStrict } from "../../designer/commands";
import type { DesignerCommand, DesignerDocument, DropTarget, JsonObject } from "../../designer/contract";
import { actionById } from "../../designer/document";

export interface EditScope {
  /** Stage ids the edits may touch; undefined: any stage, and stages may be added, removed, moved. */
  readonly stageIds?: readonly string[];
  /** Top-level pipeline members the edits may change. */
  readonly pipelineMembers?: readonly PipelineMember[];
}

export type PipelineMember = "roleArn" | "executionMode" | "variables" | "artifactStore";

const providerArb = fc.nat(ACTION_PROVIDERS.length - 1);
const targetArb = fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: -1, max: 5 }));
const textArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/);

const abstractEdit = fc.oneof(
  fc.record({ t: fc.constant("renameStage" as const), s: fc.nat(), name: textArb }),
  fc.record({ t: fc.constant("updateStage" as const), s: fc.nat(), result: fc.constantFrom("ROLLBACK", "FAIL", undefined) }),
  fc.record({ t: fc.constant("addAction" as const), p: providerArb, target: targetArb }),
  fc.record({ t: fc.constant("moveAction" as const), a: fc.nat(), target: targetArb }),
  fc.record({ t: fc.constantFrom("removeAction" as const, "duplicateAction" as const), a: fc.nat() }),
  fc.record({ t: fc.constant("renameAction" as const), a: fc.nat(), name: textArb }),
  fc.record({ t: fc.constant("configure" as const), a: fc.nat(), key: fc.constantFrom("ProjectName", "BranchName", "Extra", "OAuthToken"), value: fc.option(textArb) }),
  fc.record({ t: fc.constant("setField" as const), a: fc.nat(), field: fc.constantFrom("region", "namespace", "roleArn", "timeoutInMinutes"), value: fc.option(textArb) }),
  fc.record({ t: fc.constant("pipeline" as const), member: fc.constantFrom<PipelineMember>("roleArn", "executionMode", "variables", "artifactStore"), value: textArb }),
  fc.record({ t: fc.constant("addStage" as const), i: fc.integer({ min: -1, max: 6 }), name: textArb }),
  fc.record({ t: fc.constantFrom("removeStage" as const, "duplicateStage" as const), s: fc.nat() }),
  fc.record({ t: fc.constant("moveStage" as const), s: fc.nat(), i: fc.integer({ min: -1, max: 6 }) }),
);

export type AbstractEdit = typeof abstractEdit extends fc.Arbitrary<infer T> ? T : never;

export const editsArb = (maxLength = 12): fc.Arbitrary<AbstractEdit[]> => fc.array(abstractEdit, { maxLength });

const STAGE_STRUCTURE = new Set(["addStage", "removeStage", "duplicateStage", "moveStage"]);

/** The commands of a sequence resolved one after the other, and the document they lead to. */
export function runEdits(start: DesignerDocument, edits: readonly AbstractEdit[], scope: EditScope = {}): DesignerDocument {
  let doc = start;
  for (const edit of edits) {
    const command = resolveEdit(doc, edit, scope);
    if (command) doc = applyCommandStrict(doc, command).document;
  }
  return doc;
}

function resolveEdit(doc: DesignerDocument, e: AbstractEdit, scope: EditScope): DesignerCommand | undefined {
  const stageIds = scope.stageIds ? doc.stageIds.filter((id) => scope.stageIds!.includes(id)) : doc.stageIds;
  const actionIds = doc.stageIds.flatMap((id, i) => (stageIds.includes(id) ? doc.actionIds[i]! : []));
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
  const target = ([s, join, k]: [number, boolean, number]): DropTarget | undefined => {
    const stageId = pick(stageIds, s);
    if (stageId === undefined) return undefined;
    return join ? { stageId, kind: "join", group: Math.max(0, k) } : { stageId, kind: "insert", position: k };
  };
  if (scope.stageIds && STAGE_STRUCTURE.has(e.t)) return undefined;
  switch (e.t) {
    case "renameStage": {
      const stageId = pick(stageIds, e.s);
      return stageId === undefined ? undefined : { type: "renameStage", stageId, name: `${e.name}-${stageId}` };
    }
    case "updateStage": {
      const stageId = pick(stageIds, e.s);
      return stageId === undefined ? undefined : { type: "updateStage", stageId, patch: { onFailure: e.result === undefined ? undefined : { result: e.result } } };
    }
    case "addAction": {
      const p = ACTION_PROVIDERS[e.p]!;
      const to = target(e.target);
      return to === undefined ? undefined : { type: "addAction", actionType: { category: p.category, owner: p.owner, provider: p.provider, version: p.version }, target: to };
    }
    case "moveAction": {
      const actionId = pick(actionIds, e.a);
      const to = target(e.target);
      return actionId === undefined || to === undefined ? undefined : { type: "moveAction", actionId, target: to };
    }
    case "removeAction":
    case "duplicateAction": {
      const actionId = pick(actionIds, e.a);
      return actionId === undefined ? undefined : { type: e.t, actionId };
    }
    case "renameAction": {
      const actionId = pick(actionIds, e.a);
      return actionId === undefined ? undefined : { type: "renameAction", actionId, name: `${e.name}-${actionId}` };
    }
    case "configure": {
      const actionId = pick(actionIds, e.a);
      if (!actionId) return undefined;
      const action = actionById(doc, actionId);
      const configuration = { ...((action?.configuration as JsonObject | undefined) ?? {}) };
      if (e.value === null) delete configuration[e.key];
      else configuration[e.key] = e.value;
      return { type: "updateAction", actionId, patch: { configuration } };
    }
    case "setField": {
      const actionId = pick(actionIds, e.a);
      if (!actionId) return undefined;
      const value = e.value === null ? undefined : e.field === "timeoutInMinutes" ? 5 + e.value.length : e.value;
      return { type: "updateAction", actionId, patch: { [e.field]: value } };
    }
    case "pipeline": {
      if (scope.pipelineMembers && !scope.pipelineMembers.includes(e.member)) return undefined;
      const patch: JsonObject =
        e.member === "roleArn"
          ? { roleArn: `arn:aws:iam::123456789012:role/${e.value}` }
          : e.member === "executionMode"
            ? { executionMode: ["QUEUED", "SUPERSEDED", "PARALLEL"][e.value.length % 3] }
            : e.member === "variables"
              ? { variables: [{ name: e.value, defaultValue: "x" }] }
              : { artifactStore: { type: "S3", location: `bucket-${e.value.toLowerCase()}` } };
      return { type: "updatePipeline", patch };
    }
    case "addStage":
      return { type: "addStage", index: e.i, name: e.name };
    case "removeStage":
    case "duplicateStage": {
      const stageId = pick(stageIds, e.s);
      return stageId === undefined ? undefined : { type: e.t, stageId };
    }
    case "moveStage": {
      const stageId = pick(stageIds, e.s);
      return stageId === undefined ? undefined : { type: "moveStage", stageId, toIndex: e.i };
    }
  }
}
