/**
 * The shape of a stored source document (source-document.ts validates one read back with zod):
 * apart, so that importing — the command line's whole path — does not load zod.
 */
import type { ImportForm, Syntax } from "./forms";

/** Bump when the shape changes, and add a named migration from the previous version. */
export const SOURCE_DOCUMENT_VERSION = 1;

export interface SourceDocument {
  readonly version: typeof SOURCE_DOCUMENT_VERSION;
  /** The form the text was detected as. */
  readonly form: ImportForm;
  readonly syntax: Syntax;
  /** The document exactly as imported (byte order mark included). */
  readonly text: string;
  /** The file it was read from, if any (`*.json` decides the syntax of ambiguous text). */
  readonly fileName?: string;
  /** CloudFormation templates and snippets: the pipeline resource's logical id in the text. */
  readonly logicalId?: string;
}
