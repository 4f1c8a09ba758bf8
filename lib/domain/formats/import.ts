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
import type { FormatWarning, ImportOptions, ImportResult } from "./types";

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importParsed(text, options);
  } catch (e) {
    // A last guard (e.g. a stack overflow on absurdly deep nesting): still an error, not a crash.
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: new FormatError("parse", `the document could not be read: ${reason}`, undefined, options.fileName) };
  }
}

function importParsed(text: string, { fileName }: ImportOptions): ImportResult {
  if (typeof text !== "string") return fail(new FormatError("parse", "the input is not text", undefined, fileName));
  const parsed = parseText(text, fileName);
  if (parsed instanceof FormatError) return fail(parsed);

  const detection = detectForm(parsed.value);
  if ("error" in detection) return fail(new FormatError("shape", detection.error, positionOf(parsed, detection.at), fileName));

  const warnings: FormatWarning[] = (parsed.yaml?.warnings ?? []).map(({ message, position }) => ({ code: "yaml", message, position }));
  const value = parsed.value as CfnObject;
  const { form } = detection;
  if (form === "cloudformation-template" || form === "cloudformation-resource") {
    const pipelines = importCloudFormation(value, form === "cloudformation-template" ? "template" : "resource", parsed, fileName);
    if (pipelines instanceof FormatError) return fail(pipelines);
    return { ok: true, form, syntax: parsed.syntax, pipelines, warnings };
  }
  return { ok: true, form, syntax: parsed.syntax, pipelines: [importApiDocument(value, form, parsed)], warnings };
}

function fail(error: FormatError): ImportResult {
  return { ok: false, error };
}

function positionOf(parsed: ParsedText, value: CfnValue | undefined): SourcePosition | undefined {
  return typeof value === "object" && value !== null ? parsed.yaml?.positions.get(value) : undefined;
}
