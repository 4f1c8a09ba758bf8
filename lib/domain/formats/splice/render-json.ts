/**
 * New JSON text for values that did not exist, or changed, in the source: pretty-printed with the
 * document's indentation unit and continued at the indentation of the line it starts on, or
 * compact when the document is.
 */
import { toLongForms, type CfnValue } from "../cloudformation/intrinsics";

/**
 * `value` as JSON. `lineIndent` is the indentation of the line the value starts on; `unit` the
 * document's indentation unit, undefined for compact (single-line) documents.
 */
export function jsonText(value: CfnValue, lineIndent: string, unit: string | undefined, eol: string): string {
  // JSON has no tags: a short form someone typed into a JSON template is written in long form.
  const long = toLongForms(value);
  if (unit === undefined) return JSON.stringify(long);
  return JSON.stringify(long, null, unit)
    .split("\n")
    .map((line, i) => (i === 0 ? line : lineIndent + line))
    .join(eol);
}
