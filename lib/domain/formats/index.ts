/**
 * Pipeline documents in every form a user has, in and out.
 *
 * Import
 *   importText(text, { fileName? }): ImportResult
 *     Detects JSON or YAML and the form (ImportForm):
 *       "declaration"              the bare PipelineDeclaration
 *       "get-pipeline"             `aws codepipeline get-pipeline` output {pipeline, metadata}
 *       "cli-input"                create-pipeline --cli-input-json input {pipeline, tags?}
 *       "cloudformation-template"  a template with ≥1 AWS::CodePipeline::Pipeline (one pipeline each)
 *       "cloudformation-resource"  one {Type: AWS::CodePipeline::Pipeline, Properties} on its own
 *     → { ok: true, form, syntax, pipelines: ImportedPipeline[], warnings }
 *     | { ok: false, error: FormatError }   (never throws; error.toString() is `file:line:col: message`)
 *     Each ImportedPipeline has `declaration` (camelCase, source key order, NOT validated — run the
 *     validation engine on it), `label` (logical id or name), `warnings` (unresolved intrinsics,
 *     unknown members, CloudFormation-only properties...) and `source` (tags, metadata, the
 *     template...), which export uses to reproduce the document.
 *
 * Export
 *   exportPipeline(pipeline, form, options?): { text, warnings }
 *     form (the CLI's --to): "declaration" | "get-pipeline" | "cli-input" | "cloudformation-yaml" | "cloudformation-json"
 *     options.keyOrder: "source" (default within a family: API forms / CloudFormation) | "aws"
 *     (members.ts order, unknown members last; default across families and for new pipelines).
 *     options.cloudFormationShape: "template" | "resource" (default: the source's).
 *   exportTemplate(pipelines, "yaml" | "json", options?): several pipelines of one template at once.
 *   newPipeline(declaration, { tags? }): a designed pipeline to export.
 *
 * Round trip: import then export to the same form gives an equal document (same data, key order,
 * scalar types, intrinsics in their short/long form; YAML comments and the rest of a template
 * are kept). Limits are listed in README-level detail in the report and in the tests
 * (formats.roundtrip.test.ts).
 *
 * CloudFormation intrinsics become placeholder strings in the declaration — see
 * isUnresolvedReference / UNRESOLVED_REFERENCE_PREFIX (lib/domain/pipeline/unresolved-reference.ts).
 */
export { importText } from "./import";
export { exportPipeline, exportTemplate } from "./export";
export { newPipeline } from "./new-pipeline";
export { FormatError, ACCEPTED_FORMS, type FormatErrorKind, type SourcePosition } from "./errors";
export {
  EXPORT_FORMS,
  type ExportForm,
  type ExportOptions,
  type ExportResult,
  type FormatWarning,
  type ImportForm,
  type ImportOptions,
  type ImportResult,
  type ImportedPipeline,
  type PipelineSource,
  type Syntax,
  type WarningCode,
} from "./types";
export type { JsonObject, JsonValue } from "./json";
export {
  isUnresolvedReference,
  UNRESOLVED_REFERENCE_PREFIX,
  UNRESOLVED_REFERENCE_SUFFIX,
} from "../pipeline/unresolved-reference";
