/**
 * The document a pipeline was imported from, as plain JSON: what a draft keeps (in localStorage
 * today, a database later) so that export can write the edited declaration back into the same
 * document. It holds the text as given, not a parse of it: the parse is redone when needed, so a
 * stored source never goes stale when the importers improve.
 */
import { z } from "zod";
import type { ImportForm } from "./forms";
import { SOURCE_DOCUMENT_VERSION, type SourceDocument } from "./source-document-shape";

export { SOURCE_DOCUMENT_VERSION, type SourceDocument } from "./source-document-shape";

const FORMS = [
  "declaration",
  "get-pipeline",
  "cli-input",
  "cloudformation-template",
  "cloudformation-resource",
  "cloudformation-snippet",
] as const satisfies readonly ImportForm[];

export const sourceDocumentSchema = z.object({
  version: z.literal(SOURCE_DOCUMENT_VERSION),
  form: z.enum(FORMS),
  syntax: z.enum(["json", "yaml"]),
  text: z.string(),
  fileName: z.string().optional(),
  logicalId: z.string().optional(),
});

/**
 * A stored source document, validated (it crosses a storage boundary); undefined when the value
 * is not one. Reading it does not re-import it: exportInto reports a text that no longer imports.
 */
export function readSourceDocument(value: unknown): SourceDocument | undefined {
  const parsed = sourceDocumentSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { fileName, logicalId, ...rest } = parsed.data;
  return { ...rest, ...(fileName === undefined ? {} : { fileName }), ...(logicalId === undefined ? {} : { logicalId }) };
}
