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
 * Round trip (fixtures.test.ts, formats.property.test.ts): import then export to the same form gives
 * an equal document — same data, key order, scalar types (`PollForSourceChanges: false`, `Version: 1`
 * stay as written), intrinsics in their short/long form, unknown members (reported as warnings),
 * top-level extras, metadata as it came (epoch numbers or ISO strings), CloudFormation-only
 * properties and an absent Name. A YAML template is edited in place: the rest of the template and
 * the comments, anchors and styles of unchanged nodes survive, and edited list items are matched by
 * Name. Limits (each tested or documented where it arises):
 *   - Text is re-serialised: equal data, not equal bytes (JSON keeps the source's indent unit).
 *   - API forms are written as JSON; YAML short forms in an API document become placeholders.
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
export { newPipeline } from "./new-pipeline";
export { EXPORT_FORM_LABELS, IMPORT_FORM_LABELS, type ExportFormLabel } from "./labels";
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
export type { JsonMap, JsonValue } from "../json";
export {
  isUnresolvedReference,
  UNRESOLVED_REFERENCE_PREFIX,
  UNRESOLVED_REFERENCE_SUFFIX,
} from "../pipeline/unresolved-reference";
