/**
 * The public types of import and export. See index.ts for the API around them.
 */
import type { Document } from "yaml";
import type { FormatError, SourcePosition } from "./errors";
import type { JsonMap, JsonValue } from "../json";
import type { CfnObject, CfnValue } from "./cloudformation/intrinsics";
import type { SourceDocument } from "./source-document";
import type { SourceText } from "./splice/splice-document";

export { EXPORT_FORMS, type ExportForm, type ImportForm, type Syntax } from "./forms";
import type { ImportForm, Syntax } from "./forms";

export type WarningCode =
  | "unresolved-reference" // a CloudFormation intrinsic kept as a placeholder string
  | "unknown-member" // a member the model does not define; kept as written
  | "cloudformation-only" // a CloudFormation property with no API equivalent; kept for CloudFormation export
  | "generated-name" // CloudFormation generates the pipeline name; the logical id stands in for it
  | "not-converted" // a value that could not be converted (e.g. artifactStores list with duplicate regions); kept as written
  | "yaml" // a warning of the YAML parser (e.g. an unknown tag, whose value is kept without the tag)
  | "dropped" // export: something the target form cannot hold
  | "note"; // export: advice (e.g. strip metadata before update-pipeline)

export interface FormatWarning {
  readonly code: WarningCode;
  readonly message: string;
  /** JSON pointer into the declaration (`/stages/0/actions/1/roleArn`), when it is about a field. */
  readonly path?: string;
  /** Position in the source text, when known (YAML sources). */
  readonly position?: SourcePosition;
}

/**
 * How a CloudFormation document holds its resources: a whole template (`Resources:`), one
 * resource on its own, or a snippet (logical ids → resources, without `Resources:`).
 */
export type CloudFormationShape = "template" | "resource" | "snippet";

/** The parsed template a CloudFormation import came from (shared by its pipelines). */
export interface TemplateSource {
  readonly shape: CloudFormationShape;
  readonly syntax: Syntax;
  /** The whole document as parsed (short forms as ShortForm, long forms as objects). */
  readonly value: CfnObject;
  /** The parsed YAML document, edited (on a copy) by YAML export to keep comments. */
  readonly yaml?: Document.Parsed;
  /** JSON indentation of the source. */
  readonly indent?: string;
  /** The text itself, which export edits in place (only what changed is rewritten). */
  readonly original: SourceText;
}

export interface CloudFormationSource {
  readonly logicalId: string;
  /** The template had no `Name` (CloudFormation generates one); the declaration uses the logical id. */
  readonly nameAbsent: boolean;
  /** The resource's Properties as written, to restore scalar types, key order and CFN-only keys. */
  readonly properties: CfnValue | undefined;
  readonly template: TemplateSource;
}

/** Everything export needs, besides the declaration, to reproduce the source document. */
export interface PipelineSource {
  readonly form: ImportForm | "new";
  readonly syntax: Syntax;
  /** Top-level keys of a get-pipeline / cli-input document in their order, and unknown ones' values. */
  readonly wrapper?: { readonly keys: readonly string[]; readonly extra: JsonMap };
  /** GetPipeline `metadata` as it came (epoch numbers from the API, ISO strings from the CLI). */
  metadata?: JsonValue;
  /** Tags in the API's shape ([{key, value}]): cli-input `tags`, or CloudFormation `Tags` converted. */
  tags?: JsonValue;
  readonly cloudFormation?: CloudFormationSource;
  /** JSON indentation of the source. */
  readonly indent?: string;
  /** API forms: the text itself, which export edits in place (only what changed is rewritten). */
  readonly original?: SourceText;
}

export interface ImportedPipeline {
  /** The resource logical id (CloudFormation) or the pipeline name. */
  readonly label: string;
  /**
   * The declaration, camelCase as the API has it, with the source's key order. Not validated:
   * anything the source held is here, unknown members included; CloudFormation intrinsics are
   * placeholder strings (see isUnresolvedReference). Edit it; export reads it.
   */
  declaration: JsonMap;
  readonly warnings: FormatWarning[];
  readonly source: PipelineSource;
  /**
   * The document it came from as plain JSON (keep it with a draft; exportInto writes the edited
   * declaration back into it). Absent for pipelines made with newPipeline.
   */
  readonly sourceDocument?: SourceDocument;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly form: ImportForm;
      readonly syntax: Syntax;
      readonly pipelines: ImportedPipeline[];
      /** Warnings about the document as a whole (parser warnings); pipeline ones are on each pipeline. */
      readonly warnings: FormatWarning[];
    }
  | { readonly ok: false; readonly error: FormatError };

export interface ImportOptions {
  /** For error messages (`file:line:col`) and to prefer JSON for `*.json`. */
  readonly fileName?: string;
  /**
   * false: leave out the warnings for unknown members inside the declaration. The validation
   * engine reports the same members (GEN005, with a hint where it has one), so a caller that
   * validates what it imports (checkText) does not walk the whole declaration twice.
   */
  readonly memberWarnings?: boolean;
}

export interface ExportOptions {
  /**
   * `source`: keep the key order the document was imported with (exact round trip; the default
   * when exporting to the form family it came from). `aws`: the service model's member order,
   * unknown members after the known ones (the default across families and for new pipelines).
   */
  readonly keyOrder?: "source" | "aws";
  /** JSON indentation; defaults to the source's, else two spaces. */
  readonly indent?: string;
  /** CloudFormation: a whole template, the resource alone, or a snippet; defaults to the source's shape. */
  readonly cloudFormationShape?: CloudFormationShape;
}

export interface ExportResult {
  readonly text: string;
  readonly warnings: FormatWarning[];
}
