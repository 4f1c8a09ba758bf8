/**
 * The import findings of a draft as it would be exported now: the edited declaration written back
 * into its source document and read again. A finding about something the user has since removed
 * or changed (a CloudFormation-only property inside a deleted stage, a generated name the user
 * replaced) is gone, and the others are located in the edited declaration.
 */
import type { JsonMap } from "../json";
import type { Diagnostic } from "../validation/diagnostic";
import { exportInto } from "./export-into";
import { importDiagnostics } from "./import-diagnostics";
import { importText } from "./import";
import type { SourceDocument } from "./source-document";

export function sourceDiagnostics(source: SourceDocument, declaration: JsonMap): Diagnostic[] {
  const exported = exportInto(source, declaration);
  if (!exported.ok) return [];
  const back = importText(exported.text, source.fileName === undefined ? {} : { fileName: source.fileName });
  if (!back.ok) return [];
  const pipeline =
    source.logicalId === undefined ? back.pipelines[0] : back.pipelines.find((p) => p.source.cloudFormation?.logicalId === source.logicalId);
  if (pipeline === undefined) return [];
  return [...importDiagnostics(back.warnings, declaration), ...importDiagnostics(pipeline.warnings, declaration)];
}
