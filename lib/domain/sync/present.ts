/**
 * Changes in words, for the "Review & push" panel and the merge dialog. Secret configuration values
 * are never rendered: they show as `****` whatever the document holds (the live side already
 * holds the mask; a draft may hold a real token the user typed).
 */
import { hasOwn, isObject } from "../json";
import { SECRET_MASK } from "../catalog/secrets";
import type { Change, FieldChange, GroupPlace } from "./changes";

export interface ChangeView {
  /** One line: "Build / Compile: configuration.ProjectName changed". */
  readonly title: string;
  /** A second line when there is more to say (where a moved action went). */
  readonly detail?: string;
  /** Old and new values as text, secrets masked; absent when the change has no value. */
  readonly before?: string;
  readonly after?: string;
  /** The path to select and focus in the `after` document (the draft), else in `before`. */
  readonly path?: string;
  /** Same behaviour in CodePipeline: the panel may fold these away. */
  readonly cosmetic: boolean;
}

const NOT_SET = "(not set)";

export function describeChange(change: Change): ChangeView {
  const path = change.afterPath ?? change.beforePath;
  const base = { cosmetic: "cosmetic" in change && change.cosmetic === true, ...(path !== undefined && { path }) };
  switch (change.kind) {
    case "field":
      return { ...base, ...describeField(change) };
    case "stage-added":
      return { ...base, title: `Stage ${quote(change.name)} added` };
    case "stage-removed":
      return { ...base, title: `Stage ${quote(change.name)} removed` };
    case "stage-moved":
      return { ...base, title: `Stage ${quote(change.name)} moved`, detail: `from position ${change.from + 1} to ${change.to + 1}` };
    case "stage-renamed":
      return { ...base, title: `Stage ${quote(change.from)} renamed to ${quote(change.to)}`, before: render(change.from), after: render(change.to) };
    case "action-added":
      return { ...base, title: `Action ${quote(change.name)} added to ${stage(change.place)}`, detail: where(change.place) };
    case "action-removed":
      return { ...base, title: `Action ${quote(change.name)} removed from ${stage(change.place)}` };
    case "action-moved": {
      const across = change.from.stageName !== change.to.stageName;
      return {
        ...base,
        title: across
          ? `Action ${quote(change.name)} moved from ${stage(change.from)} to ${stage(change.to)}`
          : `Action ${quote(change.name)} moved within ${stage(change.to)}`,
        detail: `${where(change.from)} → ${where(change.to)}`,
      };
    }
    case "action-renamed":
      return {
        ...base,
        title: `Action ${quote(change.from)} renamed to ${quote(change.to)} in stage ${quote(change.stageName)}`,
        before: render(change.from),
        after: render(change.to),
      };
    case "actions-reordered":
      return { ...base, title: "Actions listed in another order (same groups, same behaviour)" };
  }
}

function describeField(change: FieldChange): { title: string; before?: string; after?: string; detail?: string } {
  const field = change.path.length === 0 ? "the whole document" : change.path.join(".");
  const owner = change.target.kind === "pipeline" ? "Pipeline" : (change.element ?? "");
  const verb = change.before === undefined ? "added" : change.after === undefined ? "removed" : "changed";
  const items = change.items?.map((i) => `${i.key} ${i.change}`).join(", ");
  return {
    title: `${owner}: ${field} ${verb}`,
    ...(change.before !== undefined && { before: renderField(change.before, change) }),
    ...(change.after !== undefined && { after: renderField(change.after, change) }),
    ...(items && { detail: items }),
  };
}

function renderField(value: unknown, change: FieldChange): string {
  if (change.secret) return SECRET_MASK;
  if (change.maskKeys && isObject(value)) {
    const masked: Record<string, unknown> = { ...value };
    for (const key of change.maskKeys) if (hasOwn(masked, key)) masked[key] = SECRET_MASK;
    return render(masked);
  }
  return render(value);
}

/** A value as text: strings as they are, anything else as compact JSON, long text cut. */
export function render(value: unknown): string {
  if (value === undefined) return NOT_SET;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

function quote(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : render(value);
}

function stage(place: GroupPlace): string {
  return place.stageName === undefined ? "an unnamed stage" : `stage "${place.stageName}"`;
}

/** "group 2 of 3, in parallel with Test" / "group 1 of 2, on its own". */
function where(place: GroupPlace): string {
  const mates = place.parallelWith.length === 0 ? "on its own" : `in parallel with ${place.parallelWith.join(", ")}`;
  return `group ${place.group} of ${place.groups}, ${mates}`;
}
