/**
 * Text → value, JSON or YAML, with parse errors positioned (line, column). JSON is tried first
 * when the text looks like JSON (or the file is *.json) because JSON.parse is exact about JSON;
 * everything else, and JSON-looking text that is really YAML flow style, goes to the YAML parser.
 */
import { LineCounter, parseDocument } from "yaml";
import { parseYaml, type ParsedYaml } from "./cloudformation/parse-yaml";
import type { CfnValue } from "./cloudformation/intrinsics";
import { FormatError, positionAt, type SourcePosition } from "./errors";
import type { Syntax } from "./types";

export interface ParsedText {
  readonly syntax: Syntax;
  readonly value: CfnValue;
  /** YAML sources: the document, positions and parser warnings. */
  readonly yaml?: ParsedYaml;
  /** JSON sources: the indentation unit of the text (for export in the same style). */
  readonly indent?: string;
}

export function parseText(input: string, fileName?: string): ParsedText | FormatError {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const looksJson = /^\s*[[{]/.test(text) || /\.json$/i.test(fileName ?? "");
  if (looksJson) {
    try {
      return { syntax: "json", value: JSON.parse(text) as CfnValue, indent: jsonIndent(text) };
    } catch (e) {
      const jsonError = jsonParseError(text, e, fileName);
      if (/\.json$/i.test(fileName ?? "")) return jsonError;
      const yaml = parseYaml(text, fileName);
      return yaml instanceof FormatError ? jsonError : { syntax: "yaml", value: yaml.value, yaml };
    }
  }
  const yaml = parseYaml(text, fileName);
  return yaml instanceof FormatError ? yaml : { syntax: "yaml", value: yaml.value, yaml };
}

/** The indentation of the first indented line: "  ", "    ", "\t". */
function jsonIndent(text: string): string | undefined {
  return /\n([ \t]+)\S/.exec(text)?.[1];
}

/**
 * A positioned error for text JSON.parse rejected. V8 gives an offset for most errors ("... in
 * JSON at position 42") but not all ("Unexpected token 'x', ... is not valid JSON"); then the YAML
 * parser, reading the same text with the JSON schema, usually finds the same spot.
 */
function jsonParseError(text: string, error: unknown, fileName?: string): FormatError {
  const raw = error instanceof Error ? error.message : String(error);
  const offset = /at position (\d+)/.exec(raw)?.[1];
  let message = raw
    .replace(/, "[\s\S]*" is not valid JSON$/, "")
    .replace(/ in JSON at position \d+.*$/, "")
    .replace(/^Unexpected token '\n'/, "Unexpected line break");
  let position: SourcePosition | undefined;
  if (offset !== undefined) position = positionAt(text, Number(offset));
  else if (/Unexpected end/.test(raw)) position = positionAt(text, text.length);
  else {
    const lineCounter = new LineCounter();
    const first = parseDocument(text, { schema: "json", lineCounter, prettyErrors: false }).errors[0];
    if (first !== undefined) {
      const { line, col } = lineCounter.linePos(first.pos[0]);
      position = { line, column: col };
      message = `${message} (${first.message.split("\n")[0]})`;
    }
  }
  return new FormatError("parse", `invalid JSON: ${message}`, position, fileName);
}
