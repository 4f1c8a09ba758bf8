/**
 * CloudFormation intrinsics imported as unresolved references (see
 * pipeline/unresolved-reference.ts) are unknown until CloudFormation deploys the template.
 * Rules check raw values, so instead of teaching every rule about them the engine drops
 * findings whose path runs through a reference, and PW002 reports each reference once.
 */
import { isUnresolvedReference } from "../pipeline/unresolved-reference";
import type { Diagnostic } from "./diagnostic";
import { isObject } from "../json";
import { formatPath, parsePath, type PathSegment } from "./path";
import { defineRule } from "./rule";

export const UNRESOLVED_REFERENCE = "PW002";

/** True when the path (or any value or key along it) is an unresolved reference. */
export function pathTouchesReference(root: unknown, path: string): boolean {
  let current: unknown = root;
  for (const key of parsePath(path)) {
    if (isUnresolvedReference(current)) return true;
    if (typeof key === "string" && isUnresolvedReference(key)) return true;
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isObject(current) && typeof key === "string") current = current[key];
    else return false;
  }
  return isUnresolvedReference(current);
}

export function dropFindingsOnReferences(root: unknown, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === UNRESOLVED_REFERENCE || !pathTouchesReference(root, d.path));
}

const MAX_DEPTH = 64;

export const unresolvedReferenceRule = defineRule({
  id: UNRESOLVED_REFERENCE,
  title: "Unresolved CloudFormation references are checked only once deployed",
  check(pipeline, _context, report) {
    // Walks every value; the path is a segment stack formatted only on a hit, so a clean
    // declaration builds no strings.
    const segments: PathSegment[] = [];
    const hit = (value: string) =>
      report.warning(
        formatPath(segments),
        `${value.slice(2, -1)} is a CloudFormation reference: its value is only known when the stack deploys, so Pipewright cannot check it here. Replace it with the literal value to have it checked.`,
      );
    const visit = (value: unknown, depth: number): void => {
      if (typeof value === "string") {
        if (value.charCodeAt(0) === 36 /* $ */ && isUnresolvedReference(value)) hit(value);
        return;
      }
      if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          segments.push(i);
          visit(value[i], depth + 1);
          segments.pop();
        }
        return;
      }
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        segments.push(key);
        if (key.charCodeAt(0) === 36 && isUnresolvedReference(key)) hit(key);
        visit((value as Record<string, unknown>)[key], depth + 1);
        segments.pop();
      }
    };
    visit(pipeline.root, 0);
  },
});
