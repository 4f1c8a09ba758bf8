/**
 * Diagnostics mapped onto designer elements, for node badges, the problems panel and the
 * inspector. A diagnostic path such as `stages[1].actions[0].configuration.ProjectName` belongs
 * to the action with id `actionIds[1][0]`; `stages[1].name` to the stage; anything else (or an
 * index the document does not have) to the pipeline.
 */
import type { Diagnostic } from "../validation/diagnostic";
import { sortDiagnostics } from "../validation/diagnostic";
import type { DesignerDocument, ElementIssues, IssuesByElement, Selection } from "./contract";

const ELEMENT_PATH = /^stages\[(\d+)\](?:\.actions\[(\d+)\])?(.*)$/;

export interface PathTarget {
  /** The element the path points into. */
  readonly selection: Selection;
  /**
   * The member path inside that element: `configuration.ProjectName`, `inputArtifacts[0].name`,
   * `name`; the empty string for the element itself. For the pipeline, the whole path.
   */
  readonly field: string;
}

/** The element a diagnostic path points into, and the field inside it. */
export function targetOfPath(doc: DesignerDocument, path: string): PathTarget {
  const m = ELEMENT_PATH.exec(path);
  if (m) {
    const stageIndex = Number(m[1]);
    const stageId = doc.stageIds[stageIndex];
    if (stageId !== undefined) {
      if (m[2] !== undefined) {
        const actionId = doc.actionIds[stageIndex]?.[Number(m[2])];
        if (actionId !== undefined) return { selection: { kind: "action", actionId }, field: member(m[3]!) };
        // An action index the document lacks: the stage's action list is the nearest element.
        return { selection: { kind: "stage", stageId }, field: "actions" };
      }
      return { selection: { kind: "stage", stageId }, field: member(m[3]!) };
    }
  }
  return { selection: { kind: "pipeline" }, field: path };
}

/** The member path inside the action or stage a diagnostic path points into (see PathTarget.field). */
export function fieldOfPath(path: string): string {
  const m = ELEMENT_PATH.exec(path);
  return m ? member(m[3]!) : path;
}

function member(rest: string): string {
  return rest.startsWith(".") ? rest.slice(1) : rest;
}

interface MutableIssues {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

const emptyIssues = (): MutableIssues => ({ errors: [], warnings: [] });

/** Groups diagnostics by element; within each element errors come first, then document order. */
export function groupIssues(doc: DesignerDocument, diagnostics: readonly Diagnostic[]): IssuesByElement {
  const pipeline = emptyIssues();
  const stages = new Map<string, MutableIssues>();
  const actions = new Map<string, MutableIssues>();
  for (const d of sortDiagnostics(diagnostics)) {
    const { selection } = targetOfPath(doc, d.path);
    let bucket = pipeline;
    if (selection.kind === "stage") bucket = getOrCreate(stages, selection.stageId);
    else if (selection.kind === "action") bucket = getOrCreate(actions, selection.actionId);
    (d.severity === "error" ? bucket.errors : bucket.warnings).push(d);
  }
  return { pipeline, stages, actions };
}

function getOrCreate(map: Map<string, MutableIssues>, key: string): MutableIssues {
  let v = map.get(key);
  if (!v) {
    v = emptyIssues();
    map.set(key, v);
  }
  return v;
}

const NO_ISSUES: ElementIssues = { errors: [], warnings: [] };

/** The issues of the selected element (never undefined, for simple rendering). */
export function issuesOf(issues: IssuesByElement, selection: Selection): ElementIssues {
  if (selection.kind === "stage") return issues.stages.get(selection.stageId) ?? NO_ISSUES;
  if (selection.kind === "action") return issues.actions.get(selection.actionId) ?? NO_ISSUES;
  return issues.pipeline;
}

/** Issues inside a stage, including its actions' (for a collapsed stage's badge). */
export function stageIssueCounts(
  doc: DesignerDocument,
  issues: IssuesByElement,
  stageId: string,
): { readonly errors: number; readonly warnings: number } {
  const i = doc.stageIds.indexOf(stageId);
  const own = issues.stages.get(stageId) ?? NO_ISSUES;
  let errors = own.errors.length;
  let warnings = own.warnings.length;
  for (const actionId of doc.actionIds[i] ?? []) {
    const a = issues.actions.get(actionId);
    if (a) {
      errors += a.errors.length;
      warnings += a.warnings.length;
    }
  }
  return { errors, warnings };
}
