/**
 * What people call each document form, for pickers and messages; and the file an export is
 * saved as. One list for every screen that names a form (checker, designer).
 */
import type { ExportForm, ImportForm } from "./types";

export const IMPORT_FORM_LABELS: Readonly<Record<ImportForm, string>> = {
  declaration: "Pipeline declaration",
  "get-pipeline": "get-pipeline output",
  "cli-input": "CLI input (--cli-input-json)",
  "cloudformation-template": "CloudFormation template",
  "cloudformation-resource": "CloudFormation resource",
  "cloudformation-snippet": "CloudFormation snippet",
};

export interface ExportFormLabel {
  readonly label: string;
  /** The name a download of this form gets, by what it is used for (`create-pipeline` for CLI input). */
  readonly baseName: string;
  readonly extension: "json" | "yaml";
  readonly mediaType: string;
}

export const EXPORT_FORM_LABELS: Readonly<Record<ExportForm, ExportFormLabel>> = {
  declaration: { label: "Declaration JSON", baseName: "pipeline", extension: "json", mediaType: "application/json" },
  "get-pipeline": { label: "get-pipeline output", baseName: "get-pipeline", extension: "json", mediaType: "application/json" },
  "cli-input": { label: "CLI input JSON", baseName: "create-pipeline", extension: "json", mediaType: "application/json" },
  "cloudformation-yaml": { label: "CloudFormation YAML", baseName: "pipeline", extension: "yaml", mediaType: "text/yaml" },
  "cloudformation-json": { label: "CloudFormation JSON", baseName: "pipeline", extension: "json", mediaType: "application/json" },
};
