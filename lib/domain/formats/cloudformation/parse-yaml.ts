/**
 * YAML text → template value, with CloudFormation short forms kept as `ShortForm` values. The
 * `yaml` library does all the parsing (custom tags in yaml-tags.ts); this file only walks the
 * resulting node tree, because the library's own `toJS` would drop the tags we need for export.
 * The parsed Document is kept too: exporting back to YAML edits it in place, which keeps the
 * comments and formatting of everything that did not change.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { FormatError, type SourcePosition } from "../errors";
import { setOwn } from "../../json";
import { ShortForm, type CfnObject, type CfnValue } from "./intrinsics";
import { CLOUDFORMATION_TAGS, isShortFormTag } from "./yaml-tags";

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly value: CfnValue;
  /** Where each object, list and short form started (for warnings). */
  readonly positions: WeakMap<object, SourcePosition>;
  /** The library's warnings (e.g. an unknown tag), positioned. */
  readonly warnings: { message: string; position: SourcePosition }[];
}

/** Options shared by parsing and by documents created for export. */
export const YAML_OPTIONS = { customTags: CLOUDFORMATION_TAGS, uniqueKeys: true, prettyErrors: false } as const;

/** Alias expansion budget: a few anchors must not expand into millions of nodes. */
const MAX_NODES = 1_000_000;

class TooManyNodes extends Error {}

export function parseYaml(text: string, fileName?: string): ParsedYaml | FormatError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const error = doc.errors[0];
  if (error !== undefined) return new FormatError("parse", firstLine(error.message), at(error.pos[0]), fileName);

  const positions = new WeakMap<object, SourcePosition>();
  let value: CfnValue;
  try {
    value = nodeToValue(doc, doc.contents, (node, v) => {
      if (node.range) positions.set(v, at(node.range[0]));
    });
  } catch (e) {
    if (e instanceof TooManyNodes) return new FormatError("parse", "the document expands to too many nodes (aliases?)", { line: 1, column: 1 }, fileName);
    throw e;
  }
  const warnings = doc.warnings.map((w) => ({ message: firstLine(w.message), position: at(w.pos[0]) }));
  return { doc, value, positions, warnings };
}

/**
 * The template value of a node: aliases resolved, short-form tags as `ShortForm`. `onValue` sees
 * each object/list/short form with the node it came from.
 */
export function nodeToValue(doc: Document, root: unknown, onValue?: (node: Node, value: object) => void): CfnValue {
  let budget = MAX_NODES;
  const walk = (node: unknown): CfnValue => {
    if (--budget < 0) throw new TooManyNodes();
    if (isAlias(node)) return walk(node.resolve(doc));
    let value: CfnValue;
    if (isScalar(node)) value = scalarValue(node.value);
    else if (isSeq(node)) value = node.items.map(walk);
    else if (isMap(node)) {
      const object: CfnObject = {};
      for (const pair of node.items) setOwn(object, keyString(walk(pair.key)), walk(pair.value));
      value = object;
    } else return null;
    if (isShortFormTag(node.tag)) value = new ShortForm(node.tag.slice(1), value);
    if (onValue && typeof value === "object" && value !== null) onValue(node, value);
    return value;
  };
  return walk(root);
}

/** A mapping key as a JS property name (the `yaml` library's own rule for non-string keys). */
export function keyString(key: CfnValue): string {
  if (typeof key === "string") return key;
  if (key === null) return "";
  return typeof key === "object" ? JSON.stringify(key) : String(key);
}

/** Scalars the core schema can produce; anything exotic becomes its string form. */
function scalarValue(value: unknown): CfnValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  return String(value);
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
