/**
 * From a diagnostic path (`stages[1].actions[0].configuration.ProjectName`) to the element it
 * points into, using the ids kept beside the declaration. The problems panel uses it to select
 * the element; the inspector uses the element paths to scope diagnostics to its fields.
 */
import type { DesignerDocument, Selection } from "@/lib/domain/designer/contract";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import { locateAction, locateStage } from "@/lib/domain/designer/document";
import { targetOfPath } from "@/lib/domain/designer/issues";
import { arrayOf, asObject, asString } from "@/lib/domain/json";

const ELEMENT = /^stages\[(\d+)\](?:\.actions\[(\d+)\])?/;

/** The element a diagnostic path points into; the pipeline when no stage/action id matches. */
export function selectionFromPath(document: DesignerDocument, path: string): Selection {
  // One mapping for badges, the problems panel and the inspector: the domain's.
  return targetOfPath(document, path).selection;
}

/** The diagnostic path of a selected element: `""`, `stages[i]` or `stages[i].actions[j]`. */
export function pathOfSelection(document: DesignerDocument, selection: Selection): string | undefined {
  if (selection.kind === "pipeline") return "";
  if (selection.kind === "stage") {
    const i = locateStage(document, selection.stageId);
    return i === undefined ? undefined : `stages[${i}]`;
  }
  const at = locateAction(document, selection.actionId);
  return at && `stages[${at.stageIndex}].actions[${at.actionIndex}]`;
}

/** The entry's name, or undefined when it has none (or an empty one). */
function nameAt(value: unknown): string | undefined {
  return asString(asObject(value).name) || undefined;
}

/** A human name for the element a path points into: `Build / Compile`, `Build`, or the pipeline's name. */
export function elementLabel(document: DesignerDocument, path: string): string {
  const declaration = document.declaration;
  const m = ELEMENT.exec(path);
  if (!m) return nameAt(declaration) ?? "Pipeline";
  const stageIndex = Number(m[1]);
  const stage = arrayOf(declaration.stages)[stageIndex];
  const stageName = nameAt(stage) ?? `Stage ${stageIndex + 1}`;
  if (m[2] === undefined) return stageName;
  const actionIndex = Number(m[2]);
  return `${stageName} / ${nameAt(arrayOf(asObject(stage).actions)[actionIndex]) ?? `Action ${actionIndex + 1}`}`;
}

/**
 * True when a diagnostic at `path` belongs to the field at `fieldPath`: the same path or one
 * inside it (`inputArtifacts[0]` owns `inputArtifacts[0].name`).
 */
export function pathWithin(path: string, fieldPath: string): boolean {
  if (fieldPath === "") return true;
  return path === fieldPath || path.startsWith(`${fieldPath}.`) || path.startsWith(`${fieldPath}[`);
}

/**
 * Diagnostics whose fix is one control, wherever the rule reports them: STORE001 is about two
 * members at once (neither set, at the root; both set, at `artifactStores`), and the inspector's
 * "Artifact storage" choice decides it either way.
 */
const DECIDING_FIELDS: Readonly<Record<string, string>> = {
  STORE001: "artifactStoreMode",
};

/** The path of the field a diagnostic leads to when clicked: its code's deciding field, or its own path. */
export function focusPathOf(diagnostic: Pick<Diagnostic, "code" | "path">): string {
  return DECIDING_FIELDS[diagnostic.code] ?? diagnostic.path;
}

/**
 * Of the field paths rendered by the inspector, the one that shows `path`: the field of that
 * very path; else the first field inside it (a path naming a whole element, list or map, such as
 * `variables[0]` or `…configuration`); else the longest field that contains it (`…inputArtifacts[0]`
 * for `…inputArtifacts[0].name`). Undefined when none matches, and for the empty path, which
 * names the pipeline rather than one of its fields.
 */
export function closestFieldPath(fieldPaths: Iterable<string>, path: string): string | undefined {
  if (path === "") return undefined;
  let container: string | undefined;
  let firstInside: string | undefined;
  for (const p of fieldPaths) {
    if (p === "") continue;
    if (p === path) return p;
    if (pathWithin(path, p)) {
      if (container === undefined || p.length > container.length) container = p;
    } else if (firstInside === undefined && pathWithin(p, path)) {
      firstInside = p;
    }
  }
  return firstInside ?? container;
}
