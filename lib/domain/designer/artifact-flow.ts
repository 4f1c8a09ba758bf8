/**
 * The artifact flow of a design: which action consumes which other action's output. The canvas
 * overlay draws it; the inspector offers only artifacts that exist in time for an action.
 * "Runs earlier" is AWS's ordering (as the validator's `runsBefore`): an earlier stage, or the
 * same stage with a lower runOrder. Parallel actions (same runOrder) cannot feed each other.
 */
import type { DesignerDocument } from "./contract";
import { actionsOf, effectiveRunOrder, isJsonObject, listOf, locateAction, stagesOf } from "./document";

export interface ArtifactEdge {
  /** Stable id for the canvas: `artifact:<from>:<to>:<artifact>`. */
  readonly id: string;
  readonly fromActionId: string;
  readonly toActionId: string;
  readonly artifact: string;
  /** `late`: the producer does not run before the consumer (same group, later, or itself). */
  readonly status: "ok" | "late";
}

export interface DanglingInput {
  readonly actionId: string;
  readonly artifact: string;
  /** Index in the action's inputArtifacts. */
  readonly inputIndex: number;
}

export interface ArtifactFlow {
  readonly edges: readonly ArtifactEdge[];
  readonly dangling: readonly DanglingInput[];
}

interface Slot {
  readonly id: string;
  readonly stageIndex: number;
  readonly runOrder: number;
  readonly inputs: readonly (string | undefined)[];
  readonly outputs: readonly string[];
}

function names(value: unknown): (string | undefined)[] {
  return listOf(value).map((entry) => (isJsonObject(entry) && typeof entry.name === "string" ? entry.name : undefined));
}

function slots(doc: DesignerDocument): Slot[] {
  const out: Slot[] = [];
  stagesOf(doc.declaration).forEach((stage, stageIndex) => {
    actionsOf(stage).forEach((action, j) => {
      const raw = isJsonObject(action) ? action : {};
      out.push({
        id: doc.actionIds[stageIndex]?.[j] ?? "",
        stageIndex,
        runOrder: effectiveRunOrder(action),
        inputs: names(raw.inputArtifacts),
        outputs: names(raw.outputArtifacts).filter((n): n is string => n !== undefined),
      });
    });
  });
  return out;
}

function runsBefore(a: Slot, b: Slot): boolean {
  return a.stageIndex < b.stageIndex || (a.stageIndex === b.stageIndex && a.runOrder < b.runOrder);
}

/** Every producer → consumer edge, and every input no action produces. */
export function artifactFlow(doc: DesignerDocument): ArtifactFlow {
  const all = slots(doc);
  const producers = new Map<string, Slot[]>();
  for (const slot of all) {
    for (const name of slot.outputs) producers.set(name, [...(producers.get(name) ?? []), slot]);
  }
  const edges: ArtifactEdge[] = [];
  const dangling: DanglingInput[] = [];
  for (const consumer of all) {
    consumer.inputs.forEach((artifact, inputIndex) => {
      if (artifact === undefined) return;
      const from = producers.get(artifact);
      if (!from) {
        dangling.push({ actionId: consumer.id, artifact, inputIndex });
        return;
      }
      for (const producer of from) {
        edges.push({
          id: `artifact:${producer.id}:${consumer.id}:${artifact}`,
          fromActionId: producer.id,
          toActionId: consumer.id,
          artifact,
          status: runsBefore(producer, consumer) ? "ok" : "late",
        });
      }
    });
  }
  return { edges, dangling };
}

/** Artifact names produced by actions that run strictly before `actionId`, in document order. */
export function availableInputArtifacts(doc: DesignerDocument, actionId: string): string[] {
  const at = locateAction(doc, actionId);
  if (at === undefined) return [];
  const all = slots(doc);
  const self = all.find((s) => s.id === actionId);
  if (!self) return [];
  const result: string[] = [];
  for (const slot of all) {
    if (!runsBefore(slot, self)) continue;
    for (const name of slot.outputs) if (!result.includes(name)) result.push(name);
  }
  return result;
}
