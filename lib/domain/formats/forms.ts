/**
 * The document forms import reads and export writes, and their syntaxes: the vocabulary every
 * other formats module (the source document, the splicer) shares, kept apart so they need not
 * import the public types that refer back to them.
 */
/** What a text held. */
export type ImportForm =
  | "declaration" // the bare PipelineDeclaration
  | "get-pipeline" // `aws codepipeline get-pipeline` output: {pipeline, metadata}
  | "cli-input" // create-pipeline (or update-pipeline) --cli-input-json: {pipeline, tags?}
  | "cloudformation-template" // a template with one or more AWS::CodePipeline::Pipeline resources
  | "cloudformation-resource" // one {Type: AWS::CodePipeline::Pipeline, Properties} on its own
  | "cloudformation-snippet"; // logical ids → resources, as the resource reference prints them: {MyPipeline: {Type, Properties}}

/** What export writes (the CLI's `--to`). */
export type ExportForm = "declaration" | "get-pipeline" | "cli-input" | "cloudformation-yaml" | "cloudformation-json";
export const EXPORT_FORMS: readonly ExportForm[] = ["declaration", "get-pipeline", "cli-input", "cloudformation-yaml", "cloudformation-json"];

export type Syntax = "json" | "yaml";
