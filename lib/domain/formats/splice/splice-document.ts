/**
 * spliceDocument: the source text with its value replaced by an edited one, written by reprint.ts
 * so that only what changed differs. The result is checked by reading it back: if it does not
 * hold exactly the edited value (a construct the reprinter does not model), the caller gets
 * undefined and writes the document the ordinary way instead.
 */
import type { Document } from "yaml";
import { toLongForms, type CfnValue } from "../cloudformation/intrinsics";
import { FormatError } from "../errors";
import { parseText } from "../parse-text";
import type { Syntax } from "../types";
import { locateJson } from "./locate-json";
import { locateYaml } from "./locate-yaml";
import { jsonText } from "./render-json";
import { yamlBlockEntry, yamlBlockItem, yamlFlowMember, yamlFlowText, yamlScalarText } from "./render-yaml";
import { reprint, sameValue, type Renderer } from "./reprint";

/** The text a document was imported from, as the importers read it. */
export interface SourceText {
  readonly syntax: Syntax;
  /** The text without a byte order mark. */
  readonly text: string;
  readonly bom: boolean;
  /** JSON object members without the braces (the resource reference's examples). */
  readonly braceless?: boolean;
  /** YAML: the parsed document (read only here). */
  readonly yaml?: Document.Parsed;
}

export function spliceDocument(source: SourceText, next: CfnValue): string | undefined {
  let body: string | undefined;
  try {
    body = source.syntax === "json" ? spliceJson(source, next) : spliceYaml(source, next);
  } catch {
    // A construct the locator does not read (it only sees text the parser accepted, so this is
    // rare): the caller writes the document the ordinary way.
    return undefined;
  }
  if (body === undefined) return undefined;
  const back = parseText(body);
  // JSON has no tags: a short form in the edited value reads back in its long form.
  const expected = source.syntax === "json" ? toLongForms(next) : next;
  if (back instanceof FormatError || !sameValue(back.value, expected)) return undefined;
  return source.bom ? `\uFEFF${body}` : body;
}

function spliceJson(source: SourceText, next: CfnValue): string | undefined {
  const text = source.braceless === true ? `{${source.text}}` : source.text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? (text.includes("\n") ? "  " : undefined);
  const renderer: Renderer = {
    eol,
    flowSeparator: unit === undefined ? "," : ", ",
    inline: (value, _old, indent) => jsonText(value, indent, unit, eol),
    member: (key, value, keySeparator, indent) => `${JSON.stringify(key)}${keySeparator ?? (unit === undefined ? ":" : ": ")}${jsonText(value, indent, unit, eol)}`,
    element: (value, indent) => jsonText(value, indent, unit, eol),
    blockEntry: () => {
      throw new TypeError("JSON has no block collections");
    },
    blockItem: () => {
      throw new TypeError("JSON has no block collections");
    },
  };
  const out = reprint(text, locateJson(text), next, renderer);
  if (out === undefined || source.braceless !== true) return out;
  return out.startsWith("{") && out.endsWith("}") ? out.slice(1, -1) : undefined;
}

function spliceYaml(source: SourceText, next: CfnValue): string | undefined {
  if (source.yaml === undefined) return undefined;
  const located = locateYaml(source.yaml, source.text);
  if (located === undefined) return undefined;
  const { style } = located;
  const eol = source.text.includes("\r\n") ? "\r\n" : "\n";
  const renderer: Renderer = {
    eol,
    flowSeparator: ", ",
    inline: (value, old, _indent, inFlow) => {
      if (inFlow) return yamlFlowText(value);
      if (old.kind === "leaf" ? old.multiline : old.block) return undefined;
      return old.kind === "leaf" ? yamlScalarText(value) : yamlFlowText(value);
    },
    member: (key, value) => yamlFlowMember(key, value),
    element: (value) => yamlFlowText(value),
    blockEntry: (key, value, column) => yamlBlockEntry(key, value, column, style, eol),
    blockItem: (value, column) => yamlBlockItem(value, column, style, eol),
  };
  return reprint(source.text, located.root, next, renderer);
}
