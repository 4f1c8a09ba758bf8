/**
 * The importer's findings of an imported draft, off the main thread: reading a whole template
 * back after each edit takes long enough (hundreds of milliseconds for a large YAML template) to
 * make typing stutter. The source arrives once; each later message is a declaration to check.
 */
import { sourceDiagnostics, type JsonMap, type SourceDocument } from "@/lib/domain/formats";
import type { FindingsRequest } from "./source-findings-protocol";

// A dedicated worker's global scope; typed here because the project's lib is the DOM's.
const scope = self as unknown as { onmessage: ((e: MessageEvent<FindingsRequest>) => void) | null; postMessage(message: unknown): void };

// Kept as one object so the formats layer's per-source cache of its parse is reused across edits.
let source: SourceDocument | undefined;

scope.onmessage = (e) => {
  const request = e.data;
  if (request.kind === "source") source = request.source;
  else scope.postMessage({ id: request.id, findings: source === undefined ? [] : sourceDiagnostics(source, request.declaration as JsonMap) });
};
