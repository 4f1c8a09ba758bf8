/**
 * The artifact flow of a design: which action consumes which other action's output. The canvas
 * overlay draws it; the inspector offers only artifacts that exist in time for an action.
 * "Runs earlier" is AWS's ordering (as the validator's `runsBefore`): an earlier stage, or the
 * same stage with a lower runOrder. Parallel actions (same runOrder) cannot feed each other.
 */
import type { DesignerDocument } from "./contract";
import { actionWithId, runsBefore } from "../pipeline/pipeline-index";
import { readDocument } from "./document";

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

/** Every producer → consumer edge, and every input no action produces. */
export function artifactFlow(doc: DesignerDocument): ArtifactFlow {
  const index = readDocument(doc);
  const edges: ArtifactEdge[] = [];
  const dangling: DanglingInput[] = [];
  for (const consumer of index.actions) {
    for (const input of consumer.inputs) {
      const artifact = input.name;
      if (artifact === undefined) continue;
      const from = index.producers.get(artifact);
      if (!from) {
        dangling.push({ actionId: consumer.id, artifact, inputIndex: input.index });
        continue;
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
    }
  }
  return { edges, dangling };
}

/** Artifact names produced by actions that run strictly before `actionId`, in document order. */
export function availableInputArtifacts(doc: DesignerDocument, actionId: string): string[] {
  const index = readDocument(doc);
  const self = actionWithId(index, actionId);
  if (!self) return [];
  const result: string[] = [];
  for (const action of index.actions) {
    if (!runsBefore(action, self)) continue;
    for (const output of action.outputs) if (output.name !== undefined && !result.includes(output.name)) result.push(output.name);
  }
  return result;
}
