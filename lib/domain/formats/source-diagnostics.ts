/**
 * The import findings of a draft as it would be exported now: the edited declaration converted
 * back into its source document's value and read the way the importer reads it (no text is
 * written or parsed, so this is cheap enough to run on every edit). A finding about something the
 * user has since removed or changed (a CloudFormation-only property inside a deleted stage, a
 * generated name the user replaced) is gone, and the others are located in the edited
 * declaration.
 */
import type { JsonMap } from "../json";
import type { Diagnostic } from "../validation/diagnostic";
import type { CfnObject } from "./cloudformation/intrinsics";
import { declarationToProperties } from "./cloudformation/from-declaration";
import { propertiesToDeclaration } from "./cloudformation/to-declaration";
import { apiDocument } from "./export-api";
import { importApiDocument } from "./import-api";
import { importDiagnostics } from "./import-diagnostics";
import { reimport } from "./reimport";
import { PIPELINE } from "./shapes";
import type { SourceDocument } from "./source-document";
import type { FormatWarning } from "./types";
import { unknownMemberWarnings } from "./unknown-members";

export function sourceDiagnostics(source: SourceDocument, declaration: JsonMap): Diagnostic[] {
  const found = reimport(source);
  if (!found.ok) return [];
  const { pipeline } = found;
  const cfn = pipeline.source.cloudFormation;
  let warnings: FormatWarning[];
  if (cfn !== undefined) {
    const properties = declarationToProperties(
      { declaration, tags: pipeline.source.tags, logicalId: cfn.logicalId, original: cfn.properties, nameAbsent: cfn.nameAbsent },
      [],
    );
    warnings = [];
    const converted = propertiesToDeclaration(properties, cfn.logicalId, { warnings });
    warnings.push(...unknownMemberWarnings(converted.declaration, PIPELINE));
  } else {
    const form = pipeline.source.form as "declaration" | "get-pipeline" | "cli-input";
    const value = apiDocument(pipeline, declaration, form, false, []) as CfnObject;
    warnings = importApiDocument(value, form, { syntax: pipeline.source.syntax, value, text: "", bom: false }).warnings;
  }
  return [...importDiagnostics(found.documentWarnings, declaration), ...importDiagnostics(warnings, declaration)];
}
