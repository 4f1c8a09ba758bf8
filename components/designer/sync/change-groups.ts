/**
 * The semantic diff as the "Review & push" panel lists it: one group per stage (pipeline-level
 * settings first), each change in words with its old → new values (secrets masked by
 * describeChange). Cosmetic changes (defaults written out, run orders renumbered) behave the same
 * in CodePipeline: they are counted, not listed.
 */
import type { Change, SyncDiff } from "@/lib/domain/sync/changes";
import { describeChange, type ChangeView } from "@/lib/domain/sync/present";

export interface ChangeGroup {
  /** "Pipeline" or the stage's name. */
  readonly title: string;
  readonly changes: readonly ChangeView[];
}

export interface GroupedChanges {
  readonly groups: readonly ChangeGroup[];
  /** Changes with no effect in CodePipeline, left out of `groups`. */
  readonly cosmetic: number;
}

export const PIPELINE_GROUP = "Pipeline";

export function groupChanges(diff: SyncDiff): GroupedChanges {
  const groups = new Map<string, ChangeView[]>();
  let cosmetic = 0;
  for (const change of diff.changes) {
    const view = describeChange(change);
    if (view.cosmetic) {
      cosmetic++;
      continue;
    }
    const title = groupOf(change);
    const list = groups.get(title);
    if (list) list.push(view);
    else groups.set(title, [view]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === PIPELINE_GROUP ? -1 : b === PIPELINE_GROUP ? 1 : 0));
  return { groups: ordered.map(([title, changes]) => ({ title, changes })), cosmetic };
}

/** The stage a change belongs to, by the name people see (the new one when it changed). */
function groupOf(change: Change): string {
  switch (change.kind) {
    case "field":
      return change.target.kind === "pipeline" ? PIPELINE_GROUP : stageLabel(change.element?.split(" / ")[0]);
    case "stage-added":
    case "stage-removed":
    case "stage-moved":
      return stageLabel(change.name);
    case "stage-renamed":
      return stageLabel(change.to);
    case "action-added":
    case "action-removed":
      return stageLabel(change.place.stageName);
    case "action-moved":
      return stageLabel(change.to.stageName);
    case "action-renamed":
      return stageLabel(change.stageName);
    case "actions-reordered":
      return PIPELINE_GROUP;
  }
}

function stageLabel(name: unknown): string {
  return typeof name === "string" && name !== "" ? `Stage "${name}"` : "Unnamed stage";
}
