/**
 * Import a text in any form and validate every pipeline in it: the one entry point the CLI
 * and the in-browser checker share, so both report the same findings for the same file.
 */
// The modules themselves, not the formats index: it also loads export and the stored-document
// schema (zod), which checking never uses and the command line would parse at every start.
import type { FormatError } from "../formats/errors";
import { importText } from "../formats/import";
import { importDiagnostics } from "../formats/import-diagnostics";
import type { ImportForm, ImportedPipeline, Syntax } from "../formats/types";
import type { ValidationContext } from "../validation/context";
import type { Diagnostic } from "../validation/diagnostic";
import { sortDiagnostics } from "../validation/diagnostic";
import { validate } from "../validation/validate";

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
  // The engine reports unknown members inside the declaration (GEN005): the importer's own walk for
  // them would only be dropped by importDiagnostics.
  const imported = importText(text, { ...(options.fileName === undefined ? {} : { fileName: options.fileName }), memberWarnings: false });
  if (!imported.ok) return imported;
  const documentFindings = importDiagnostics(imported.warnings, undefined);
  const pipelines = imported.pipelines.map((pipeline) => {
    const tags = pipeline.source.tags;
    const context: ValidationContext = { ...options.context, ...(tags === undefined ? {} : { tags }) };
    const diagnostics = [
      ...documentFindings,
      ...importDiagnostics(pipeline.warnings, pipeline.declaration),
      ...validate(pipeline.declaration, context),
    ];
    return { label: pipeline.label, imported: pipeline, diagnostics: sortDiagnostics(diagnostics) };
  });
  return { ok: true, form: imported.form, syntax: imported.syntax, pipelines };
}
