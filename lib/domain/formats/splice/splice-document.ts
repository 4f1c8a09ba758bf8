/**
 * spliceDocument: the source text with its value replaced by an edited one, written by reprint.ts
 * so that only what changed differs. The result is checked by reading it back: if it does not
 * hold exactly the edited value (a construct the reprinter does not model), the caller gets
 * undefined and writes the document the ordinary way instead.
 */
import { parseDocument, type Document } from "yaml";
import { toLongForms, type CfnValue } from "../cloudformation/intrinsics";
import { nodeToValue, YAML_OPTIONS } from "../cloudformation/parse-yaml";
import type { Syntax } from "../forms";
import type { Located } from "./located";
import { locateJson } from "./locate-json";
import { locateYaml, type LocatedYaml } from "./locate-yaml";
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
    // Unchanged text needs no check; anything else must read back as exactly the edited value.
    // (JSON has no tags: a short form in the edited value reads back in its long form.)
    if (body === undefined || (body !== source.text && !sameValue(readBack(body, source), source.syntax === "json" ? toLongForms(next) : next))) {
      return undefined;
    }
  } catch {
    // A construct the locator does not read (it only sees text the parser accepted, so this is
    // rare), or a result that does not parse: the caller writes the document the ordinary way.
    return undefined;
  }
  return source.bom ? `\uFEFF${body}` : body;
}

/** Where each value is, read once per source (the designer exports the same source often). */
const locatedJson = new WeakMap<SourceText, Located>();
const locatedYaml = new WeakMap<SourceText, LocatedYaml | undefined>();

/** The value of a written text, parsed the way the source was; throws when it does not parse. */
function readBack(body: string, source: SourceText): CfnValue {
  if (source.syntax === "json") return JSON.parse(source.braceless === true ? `{${body}}` : body) as CfnValue;
  const doc = parseDocument(body, YAML_OPTIONS);
  if (doc.errors.length > 0) throw doc.errors[0]!;
  return nodeToValue(doc, doc.contents);
}

function spliceJson(source: SourceText, next: CfnValue): string | undefined {
  const text = source.braceless === true ? `{${source.text}}` : source.text;
  let root = locatedJson.get(source);
  if (root === undefined) {
    root = locateJson(text);
    locatedJson.set(source, root);
  }
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
  const out = reprint(text, root, next, renderer);
  if (out === undefined || source.braceless !== true) return out;
  return out.startsWith("{") && out.endsWith("}") ? out.slice(1, -1) : undefined;
}

function spliceYaml(source: SourceText, next: CfnValue): string | undefined {
  if (source.yaml === undefined) return undefined;
  if (!locatedYaml.has(source)) locatedYaml.set(source, locateYaml(source.yaml, source.text));
  const located = locatedYaml.get(source);
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
