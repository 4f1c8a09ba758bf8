/**
 * Import a text in any form and validate every pipeline in it: the one entry point the CLI
 * and the in-browser checker share, so both report the same findings for the same file.
 */
import { importText, type FormatError, type FormatWarning, type ImportForm, type ImportedPipeline, type Syntax } from "../formats";
import type { ValidationContext } from "../validation/context";
import type { Diagnostic } from "../validation/diagnostic";
import { sortDiagnostics } from "../validation/diagnostic";
import { validate } from "../validation/validate";
import { pointerToPath } from "./pointer-to-path";

/**
 * Import findings that the validation engine cannot see (it only gets the declaration).
 * Unresolved references and unknown members are not here: the engine reports them (PW002, GEN005).
 */
const IMPORT_CODES: Partial<Record<FormatWarning["code"], string>> = {
  "cloudformation-only": "PW010",
  "generated-name": "PW011",
  "not-converted": "PW012",
  yaml: "PW013",
};

export interface CheckedPipeline {
  readonly label: string;
  readonly imported: ImportedPipeline;
  readonly diagnostics: readonly Diagnostic[];
}

export type CheckResult =
  | { readonly ok: true; readonly form: ImportForm; readonly syntax: Syntax; readonly pipelines: readonly CheckedPipeline[] }
  | { readonly ok: false; readonly error: FormatError };

export interface CheckOptions {
  readonly fileName?: string;
  readonly context?: ValidationContext;
}

export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const imported = importText(text, options.fileName === undefined ? {} : { fileName: options.fileName });
  if (!imported.ok) return imported;
  const documentFindings = imported.warnings.flatMap((w) => importDiagnostic(w, undefined));
  const pipelines = imported.pipelines.map((pipeline) => {
    const tags = pipeline.source.tags;
    const context: ValidationContext = { ...options.context, ...(tags === undefined ? {} : { tags }) };
    const diagnostics = [
      ...documentFindings,
      ...pipeline.warnings.flatMap((w) => importDiagnostic(w, pipeline.declaration)),
      ...validate(pipeline.declaration, context),
    ];
    return { label: pipeline.label, imported: pipeline, diagnostics: sortDiagnostics(diagnostics) };
  });
  return { ok: true, form: imported.form, syntax: imported.syntax, pipelines };
}

/** Members beside the declaration (e.g. an unknown key next to `pipeline`): the engine never sees them. */
const UNKNOWN_WRAPPER_MEMBER = "PW014";

function importDiagnostic(warning: FormatWarning, declaration: unknown): Diagnostic[] {
  const outsideDeclaration = warning.code === "unknown-member" && !(warning.path ?? "").startsWith("/");
  const code = outsideDeclaration ? UNKNOWN_WRAPPER_MEMBER : IMPORT_CODES[warning.code];
  if (code === undefined) return [];
  return [{ code, severity: "warning", path: pointerToPath(warning.path, declaration), message: warning.message }];
}
