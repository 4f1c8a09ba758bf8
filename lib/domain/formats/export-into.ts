/**
 * Export of an edited declaration into the document it came from (a SourceDocument), and into
 * any other form. Written back into its source, the document keeps everything the declaration
 * does not hold (the logical id, an absent Name, CloudFormation-only properties, Tags, the other
 * resources, Parameters, Conditions, Outputs, intrinsic functions, metadata, tags, unknown
 * members) and its text: key order, quoting, flow or block style, comments and blank lines. Only
 * what the edit changed is rewritten, so a text diff shows the edit and nothing else, and an
 * unedited declaration gives the source back byte for byte.
 */
import { renderValue } from "./cloudformation/render-template";
import type { FormatError } from "./errors";
import { apiDocument } from "./export-api";
import { exportPipeline } from "./export";
import type { JsonMap } from "../json";
import { newPipeline } from "./new-pipeline";
import { reimport } from "./reimport";
import type { SourceDocument } from "./source-document";
import { spliceDocument } from "./splice/splice-document";
import type { ExportForm, ExportOptions, ExportResult, FormatWarning } from "./types";

export type ExportIntoResult =
  | { readonly ok: true; readonly text: string; readonly warnings: FormatWarning[] }
  | { readonly ok: false; readonly error: FormatError };

/** The export form that writes back into `source` (CloudFormation in its own syntax). */
export function sourceExportForm(source: SourceDocument): ExportForm {
  if (source.form.startsWith("cloudformation-")) return source.syntax === "yaml" ? "cloudformation-yaml" : "cloudformation-json";
  return source.form as Exclude<typeof source.form, `cloudformation-${string}`>;
}

/**
 * `declaration` written into the document `source` holds. Fails (with the reason) only when the
 * stored text no longer imports as it did.
 */
export function exportInto(source: SourceDocument, declaration: JsonMap): ExportIntoResult {
  const found = reimport(source);
  if (!found.ok) return found;
  const pipeline = { ...found.pipeline, declaration };
  if (pipeline.source.cloudFormation !== undefined) {
    const { text, warnings } = exportPipeline(pipeline, sourceExportForm(source), { keyOrder: "source" });
    return { ok: true, text, warnings };
  }
  const warnings: FormatWarning[] = [];
  const form = source.form as "declaration" | "get-pipeline" | "cli-input";
  const document = apiDocument(pipeline, declaration, form, false, warnings);
  const { original, indent } = pipeline.source;
  const spliced = original === undefined ? undefined : spliceDocument(original, document);
  const text = spliced ?? (source.syntax === "json" ? `${JSON.stringify(document, null, indent ?? "  ")}\n` : renderValue(document, "yaml", "  "));
  return { ok: true, text, warnings };
}

/**
 * `declaration` in any export form: written into the source document when `form` is its own
 * (exportInto), else converted from it (so CloudFormation-only properties, tags and metadata go
 * wherever the target form can carry them; exportLosses says what it cannot). Without a source,
 * or when the stored source no longer imports, the declaration is exported as a new pipeline.
 */
export function exportAs(source: SourceDocument | undefined, declaration: JsonMap, form: ExportForm, options: ExportOptions = {}): ExportResult {
  if (source !== undefined) {
    const into = form === sourceExportForm(source) && Object.keys(options).length === 0 ? exportInto(source, declaration) : undefined;
    if (into?.ok === true) return { text: into.text, warnings: into.warnings };
    const found = reimport(source);
    if (found.ok) return exportPipeline({ ...found.pipeline, declaration }, form, options);
  }
  return exportPipeline(newPipeline(declaration), form, options);
}
