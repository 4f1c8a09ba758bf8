/**
 * The importer's findings as diagnostics: the validation engine's shape and path syntax, so the
 * CLI, the checker and the designer's problems panel list and locate them like every other
 * problem. Only findings the engine cannot make itself are here: unresolved references and
 * unknown members are in the declaration, and the engine reports them (PW002, GEN005).
 */
import type { JsonMap } from "../json";
import type { Diagnostic } from "../validation/diagnostic";
import { pointerToPath } from "./pointer-to-path";
import type { FormatWarning, WarningCode } from "./types";

/** Stable codes of import findings; never reused. */
export const IMPORT_DIAGNOSTIC_CODES: Partial<Record<WarningCode, string>> = {
  "cloudformation-only": "PW010", // a CloudFormation property the declaration cannot hold
  "generated-name": "PW011", // no Name in the template: CloudFormation generates one
  "not-converted": "PW012", // a value kept as written because it cannot be converted
  yaml: "PW013", // a warning of the YAML parser
};

/** A member beside the declaration (an unknown key next to `pipeline`): the engine never sees it. */
export const UNKNOWN_WRAPPER_MEMBER = "PW014";

/**
 * Diagnostics for import warnings, located in `declaration` (the pipeline they were found in, or
 * an edit of it: a path stops at the deepest member the declaration still has).
 */
export function importDiagnostics(warnings: readonly FormatWarning[], declaration: JsonMap | unknown): Diagnostic[] {
  return warnings.flatMap((warning): Diagnostic[] => {
    const outsideDeclaration = warning.code === "unknown-member" && !(warning.path ?? "").startsWith("/");
    const code = outsideDeclaration ? UNKNOWN_WRAPPER_MEMBER : IMPORT_DIAGNOSTIC_CODES[warning.code];
    if (code === undefined) return [];
    return [{ code, severity: "warning", path: pointerToPath(warning.path, declaration), message: warning.message }];
  });
}
