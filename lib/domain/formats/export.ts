/**
 * exportPipeline: an imported (or new) pipeline → text in any export form.
 */
import { exportCloudFormation } from "./cloudformation/export-template";
import { apiDocument } from "./export-api";
import type { JsonMap } from "../json";
import { orderKeys } from "./key-order";
import { PIPELINE } from "./shapes";
import { spliceDocument } from "./splice/splice-document";
import type { ExportForm, ExportOptions, ExportResult, FormatWarning, ImportedPipeline, ImportForm } from "./types";

export function exportPipeline(pipeline: ImportedPipeline, form: ExportForm, options: ExportOptions = {}): ExportResult {
  const warnings: FormatWarning[] = [];
  const awsOrder = useAwsOrder(pipeline, form, options);
  const declaration = awsOrder ? (orderKeys(pipeline.declaration, PIPELINE) as JsonMap) : pipeline.declaration;
  if (form === "cloudformation-yaml" || form === "cloudformation-json") {
    const text = exportCloudFormation([{ pipeline, declaration }], form === "cloudformation-yaml" ? "yaml" : "json", options, warnings);
    return { text, warnings };
  }
  const document = apiDocument(pipeline, declaration, form, awsOrder, warnings);
  const { original } = pipeline.source;
  // The same JSON document it came from: write into its text, so unchanged parts keep their bytes.
  if (pipeline.source.form === form && original?.syntax === "json" && !awsOrder && options.indent === undefined) {
    const spliced = spliceDocument(original, document);
    if (spliced !== undefined) return { text: spliced, warnings };
  }
  const indent = options.indent ?? (pipeline.source.syntax === "json" ? pipeline.source.indent : undefined) ?? "  ";
  return { text: `${JSON.stringify(document, null, indent)}\n`, warnings };
}

/**
 * All pipelines of one template written back into it (or several pipelines into one new
 * template). Export of a single pipeline of a multi-pipeline template leaves the others as they
 * were in the source, so this is only needed when several were edited.
 */
export function exportTemplate(
  pipelines: readonly ImportedPipeline[],
  syntax: "yaml" | "json",
  options: ExportOptions = {},
): ExportResult {
  const warnings: FormatWarning[] = [];
  const form: ExportForm = syntax === "yaml" ? "cloudformation-yaml" : "cloudformation-json";
  const items = pipelines.map((pipeline) => ({
    pipeline,
    declaration: useAwsOrder(pipeline, form, options) ? (orderKeys(pipeline.declaration, PIPELINE) as JsonMap) : pipeline.declaration,
  }));
  return { text: exportCloudFormation(items, syntax, options, warnings), warnings };
}

/** Source order within a family of forms (exact round trip); AWS order across families. */
function useAwsOrder(pipeline: ImportedPipeline, form: ExportForm, options: ExportOptions): boolean {
  if (options.keyOrder !== undefined) return options.keyOrder === "aws";
  return family(pipeline.source.form) !== family(form);
}

function family(form: ImportForm | ExportForm | "new"): "api" | "cloudformation" | "new" {
  if (form === "new") return "new";
  return form.startsWith("cloudformation") ? "cloudformation" : "api";
}
