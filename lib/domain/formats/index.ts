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
 *       "cloudformation-snippet"   logical ids → resources without `Resources:`, as the resource
 *                                  reference prints its examples (YAML, JSON, or JSON members
 *                                  without the braces: `"AppPipeline": {...}`); one pipeline each
 *     → { ok: true, form, syntax, pipelines: ImportedPipeline[], warnings }
 *     | { ok: false, error: FormatError }   (never throws; error.toString() is `file:line:col: message`)
 *     Each ImportedPipeline has `declaration` (camelCase, source key order, NOT validated — run the
 *     validation engine on it), `label` (logical id or name), `warnings` (unresolved intrinsics,
 *     unknown members, CloudFormation-only properties...), `source` (tags, metadata, the parsed
 *     template...: what export uses in this session) and `sourceDocument` (below).
 *
 * Keeping the source with a draft (the designer)
 *   sourceDocument: SourceDocument — plain JSON {version: 1, form, syntax, text, fileName?,
 *     logicalId?}: store it beside the declaration (localStorage, a database). readSourceDocument
 *     (unknown) validates a stored one (zod: sourceDocumentSchema); SOURCE_DOCUMENT_VERSION is
 *     bumped, with a migration, if the shape ever changes.
 *   exportInto(source, declaration): { ok, text, warnings } | { ok: false, error }
 *     Writes the edited declaration back into the source document: same logical id, the same
 *     properties present or absent (no Name where there was none while the name is the logical
 *     id), CloudFormation-only properties, Tags, other resources, Parameters, Conditions, Outputs,
 *     intrinsics, metadata, tags and unknown members kept; key order, scalar style, comments and
 *     blank lines kept. Only what changed is rewritten: a text diff shows the edit alone, and an
 *     unedited declaration gives the source text back byte for byte.
 *   sourceExportForm(source): the ExportForm exportInto writes (the dialog's "same as source").
 *   exportAs(source | undefined, declaration, form, options?): { text, warnings } in any form:
 *     exportInto for the source's own form, a conversion from the source otherwise (tags,
 *     CloudFormation-only properties... go where the target can hold them), a new pipeline
 *     without a source.
 *   exportLosses(source, form): string[] — what `form` cannot carry from the source (e.g.
 *     DisableInboundStageTransitions in get-pipeline output, metadata in --cli-input-json, YAML
 *     comments in JSON), as sentences to show before the user copies the text. [] for the
 *     source's own form.
 *   sourceDiagnostics(source, declaration): Diagnostic[] — the importer's findings (PW010
 *     CloudFormation-only property, PW011 generated name, PW012 value kept as written, PW013
 *     YAML parser warning, PW014 unknown member beside the declaration) for the draft as it
 *     would be exported now, located in the edited declaration with the validation engine's
 *     path syntax (`stages[1].actions[0]…`), for the problems panel.
 *   importDiagnostics(warnings, declaration): the same mapping for warnings at hand (checkText
 *     uses it on a fresh import).
 *
 * Export
 *   exportPipeline(pipeline, form, options?): { text, warnings }
 *     form (the CLI's --to): "declaration" | "get-pipeline" | "cli-input" | "cloudformation-yaml" | "cloudformation-json"
 *     options.keyOrder: "source" (default within a family: API forms / CloudFormation) | "aws"
 *     (members.ts order, unknown members last; default across families and for new pipelines).
 *     options.cloudFormationShape: "template" | "resource" | "snippet" (default: the source's).
 *   exportTemplate(pipelines, "yaml" | "json", options?): several pipelines of one template at once.
 *   newPipeline(declaration, { tags? }): a designed pipeline to export.
 *
 * Round trip (fixtures.test.ts, export-into.test.ts, formats.property.test.ts): exported to the
 * form and syntax it came from (CloudFormation, or a JSON API document) with no indent override,
 * a document is its source text with only the changed values rewritten (splice/); unedited, it is
 * the source byte for byte. If the text holds a construct the reprinter does not model, the
 * document is written the older way: equal data, key order, scalar types, intrinsics in their
 * short/long form, unknown members, top-level extras, metadata as it came, CloudFormation-only
 * properties and an absent Name; a YAML template keeps comments, anchors and styles of unchanged
 * nodes. Limits (each tested or documented where it arises):
 *   - Across forms the text is written new; API forms are written as JSON (except exportInto,
 *     which writes a YAML API document back as YAML); YAML short forms in an API document become
 *     placeholders.
 *   - JSON templates have no tags: short forms are written as long forms (`!GetAtt A.B` →
 *     `{"Fn::GetAtt": ["A", "B"]}`).
 *   - `version` and GetPipeline `metadata` have no CloudFormation property: left out, with a warning.
 *   - Through CloudFormation, numeric strings in integer members become numbers and numbers or
 *     booleans in string members become strings (CloudFormation's own conversion); an object whose
 *     only key is Ref / Condition / Fn::* is an intrinsic there.
 *   - GetPipeline output without `metadata` cannot be told from update-pipeline input (cli-input).
 *   - Integer-like keys ("10") are ordered first by JavaScript objects.
 *   - An ArtifactStores list that is not one {Region, ArtifactStore} per distinct region stays a
 *     list in the declaration (the validator reports it).
 *
 * CloudFormation intrinsics become placeholder strings in the declaration — see
 * isUnresolvedReference / UNRESOLVED_REFERENCE_PREFIX (lib/domain/pipeline/unresolved-reference.ts).
 */
export { importText } from "./import";
export { exportPipeline, exportTemplate } from "./export";
export { exportAs, exportInto, sourceExportForm, type ExportIntoResult } from "./export-into";
export { exportLosses } from "./losses";
export { importDiagnostics, IMPORT_DIAGNOSTIC_CODES, UNKNOWN_WRAPPER_MEMBER } from "./import-diagnostics";
export { sourceDiagnostics } from "./source-diagnostics";
export { readSourceDocument, SOURCE_DOCUMENT_VERSION, sourceDocumentSchema, type SourceDocument } from "./source-document";
export { pointerToPath } from "./pointer-to-path";
export { newPipeline } from "./new-pipeline";
export { EXPORT_FORM_LABELS, IMPORT_FORM_LABELS, type ExportFormLabel } from "./labels";
export { FormatError, ACCEPTED_FORMS, type FormatErrorKind, type SourcePosition } from "./errors";
export {
  EXPORT_FORMS,
  type CloudFormationShape,
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
export type { JsonMap, JsonValue } from "../json";
export {
  isUnresolvedReference,
  UNRESOLVED_REFERENCE_PREFIX,
  UNRESOLVED_REFERENCE_SUFFIX,
} from "../pipeline/unresolved-reference";
