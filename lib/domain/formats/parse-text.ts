/**
 * Text → value, JSON or YAML, with parse errors positioned (line, column). JSON is tried first
 * when the text looks like JSON (or the file is *.json) because JSON.parse is exact about JSON;
 * everything else, and JSON-looking text that is really YAML flow style, goes to the YAML parser.
 */
import { LineCounter, parseDocument } from "yaml";
import { parseYaml, type ParsedYaml } from "./cloudformation/parse-yaml";
import type { CfnValue } from "./cloudformation/intrinsics";
import { FormatError, positionAt, type SourcePosition } from "./errors";
import type { SourceText } from "./splice/splice-document";
import type { Syntax } from "./types";

export interface ParsedText {
  readonly syntax: Syntax;
  readonly value: CfnValue;
  /** The text the value was read from: the input without a byte order mark. */
  readonly text: string;
  /** The input started with a byte order mark (export writes it back). */
  readonly bom: boolean;
  /**
   * JSON sources: the text is the members of an object without its braces, as the CloudFormation
   * resource reference prints a resource (`"AppPipeline": {...}`); `value` is that object.
   */
  readonly braceless?: boolean;
  /** YAML sources: the document, positions and parser warnings. */
  readonly yaml?: ParsedYaml;
  /** JSON sources: the indentation unit of the text (for export in the same style). */
  readonly indent?: string;
}

export function parseText(input: string, fileName?: string): ParsedText | FormatError {
  const bom = input.startsWith("\uFEFF");
  const text = bom ? input.slice(1) : input;
  const jsonFile = /\.json$/i.test(fileName ?? "");
  const base = { text, bom } as const;
  const braceless = bracelessJson(text);
  if (braceless !== undefined) return { syntax: "json", value: braceless, ...base, braceless: true, ...indentOf(text) };
  if (/^\s*[[{]/.test(text) || jsonFile) {
    try {
      return { syntax: "json", value: JSON.parse(text) as CfnValue, ...base, ...indentOf(text) };
    } catch (e) {
      const jsonError = jsonParseError(text, e, fileName);
      if (jsonFile) return jsonError;
      const yaml = parseYaml(text, fileName);
      return yaml instanceof FormatError ? jsonError : { syntax: "yaml", value: yaml.value, ...base, yaml };
    }
  }
  const yaml = parseYaml(text, fileName);
  return yaml instanceof FormatError ? yaml : { syntax: "yaml", value: yaml.value, ...base, yaml };
}

/**
 * The resource reference's JSON examples are object members without the enclosing braces
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codepipeline-pipeline.html#aws-resource-codepipeline-pipeline--examples),
 * and people paste exactly that. Such text starts with a quoted key and is JSON once wrapped.
 */
function bracelessJson(text: string): CfnValue | undefined {
  if (!/^\s*"/.test(text)) return undefined;
  try {
    const value = JSON.parse(`{${text}}`) as CfnValue;
    return value;
  } catch {
    return undefined;
  }
}

function indentOf(text: string): { indent?: string } {
  const indent = jsonIndent(text);
  return indent === undefined ? {} : { indent };
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

/** What export needs of the parsed text to write the same document back. */
export function sourceTextOf(parsed: ParsedText): SourceText {
  return {
    syntax: parsed.syntax,
    text: parsed.text,
    bom: parsed.bom,
    ...(parsed.braceless === true ? { braceless: true } : {}),
    ...(parsed.yaml === undefined ? {} : { yaml: parsed.yaml.doc }),
  };
}
