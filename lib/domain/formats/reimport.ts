/**
 * A stored source document read again: its pipeline as the importers see it today. Results are
 * cached per source object, since the designer asks on every edit (export preview, problems).
 */
import { FormatError } from "./errors";
import { importText } from "./import";
import type { SourceDocument } from "./source-document";
import type { FormatWarning, ImportedPipeline } from "./types";

export type Reimported =
  | { readonly ok: true; readonly pipeline: ImportedPipeline; readonly documentWarnings: readonly FormatWarning[] }
  | { readonly ok: false; readonly error: FormatError };

const cache = new WeakMap<SourceDocument, Reimported>();

export function reimport(source: SourceDocument): Reimported {
  let found = cache.get(source);
  if (found === undefined) {
    found = read(source);
    cache.set(source, found);
  }
  return found;
}

function read(source: SourceDocument): Reimported {
  const result = importText(source.text, source.fileName === undefined ? {} : { fileName: source.fileName });
  if (!result.ok) return result;
  const fail = (message: string): Reimported => ({ ok: false, error: new FormatError("shape", message, undefined, source.fileName) });
  if (result.form !== source.form) return fail(`the stored source now reads as ${result.form}, not ${source.form}`);
  const pipeline =
    source.logicalId === undefined ? result.pipelines[0] : result.pipelines.find((p) => p.source.cloudFormation?.logicalId === source.logicalId);
  if (pipeline === undefined) return fail(`the stored source has no pipeline ${source.logicalId ?? ""}`.trim());
  return { ok: true, pipeline, documentWarnings: result.warnings };
}
