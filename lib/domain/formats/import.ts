/**
 * importText: any accepted text → the detected form and its pipelines. Never throws: every
 * failure is a FormatError (parse or shape) with a line and column.
 */
import { importCloudFormation } from "./cloudformation/import-template";
import type { CfnObject, CfnValue } from "./cloudformation/intrinsics";
import { detectForm } from "./detect";
import { FormatError, type SourcePosition } from "./errors";
import { importApiDocument } from "./import-api";
import { parseText, type ParsedText } from "./parse-text";
import { SOURCE_DOCUMENT_VERSION, type SourceDocument } from "./source-document-shape";
import type { FormatWarning, ImportedPipeline, ImportForm, ImportOptions, ImportResult } from "./types";

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importParsed(text, options);
  } catch (e) {
    // A last guard (e.g. a stack overflow on absurdly deep nesting): still an error, not a crash.
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: new FormatError("parse", `the document could not be read: ${reason}`, undefined, options.fileName) };
  }
}

function importParsed(text: string, { fileName, memberWarnings = true }: ImportOptions): ImportResult {
  if (typeof text !== "string") return fail(new FormatError("parse", "the input is not text", undefined, fileName));
  const parsed = parseText(text, fileName);
  if (parsed instanceof FormatError) return fail(parsed);

  const detection = detectForm(parsed.value);
  if ("error" in detection) return fail(new FormatError("shape", detection.error, positionOf(parsed, detection.at), fileName));

  const warnings: FormatWarning[] = (parsed.yaml?.warnings ?? []).map(({ message, position }) => ({ code: "yaml", message, position }));
  const value = parsed.value as CfnObject;
  const { form } = detection;
  const withDocument = (p: ImportedPipeline): ImportedPipeline => ({ ...p, sourceDocument: sourceDocument(text, form, parsed, fileName, p) });
  if (form === "cloudformation-template" || form === "cloudformation-resource" || form === "cloudformation-snippet") {
    const pipelines = importCloudFormation(value, CLOUDFORMATION_SHAPES[form], parsed, fileName, memberWarnings);
    if (pipelines instanceof FormatError) return fail(pipelines);
    return { ok: true, form, syntax: parsed.syntax, pipelines: pipelines.map(withDocument), warnings };
  }
  return { ok: true, form, syntax: parsed.syntax, pipelines: [withDocument(importApiDocument(value, form, parsed, memberWarnings))], warnings };
}

const CLOUDFORMATION_SHAPES = {
  "cloudformation-template": "template",
  "cloudformation-resource": "resource",
  "cloudformation-snippet": "snippet",
} as const;

function sourceDocument(text: string, form: ImportForm, parsed: ParsedText, fileName: string | undefined, p: ImportedPipeline): SourceDocument {
  const cfn = p.source.cloudFormation;
  const logicalId = cfn !== undefined && cfn.template.shape !== "resource" ? cfn.logicalId : undefined;
  return {
    version: SOURCE_DOCUMENT_VERSION,
    form,
    syntax: parsed.syntax,
    text,
    ...(fileName === undefined ? {} : { fileName }),
    ...(logicalId === undefined ? {} : { logicalId }),
  };
}

function fail(error: FormatError): ImportResult {
  return { ok: false, error };
}

function positionOf(parsed: ParsedText, value: CfnValue | undefined): SourcePosition | undefined {
  return typeof value === "object" && value !== null ? parsed.yaml?.positions.get(value) : undefined;
}
