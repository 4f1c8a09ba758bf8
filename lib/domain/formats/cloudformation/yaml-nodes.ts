/**
 * Template values → `yaml` nodes, for writing YAML. `updateNode` edits an existing node tree in
 * place and keeps every node whose value did not change, so comments, anchors, quoting and
 * block styles of a user's template survive an import/export cycle.
 */
import { Document, isAlias, isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node } from "yaml";
import { isObject } from "../../json";
import { cfnEqual, longFormKey, ShortForm, type CfnValue } from "./intrinsics";
import { keyString, nodeToValue, YAML_OPTIONS } from "./parse-yaml";
import { isShortFormTag } from "./yaml-tags";

/**
 * How exported YAML is written: never fold long lines (a folded ARN is hard to read), and flow
 * collections as templates usually write them (`{Name: X}`, `[a, b]`).
 */
export const YAML_STRINGIFY_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

export function createNode(doc: Document, value: CfnValue): Node {
  if (value instanceof ShortForm) {
    const inner = createNode(doc, value.value);
    if (inner.tag === undefined) {
      inner.tag = `!${value.fn}`;
      return inner;
    }
    // A node carries one tag: `!Base64 !Sub x` cannot be written, so use the long form here.
    const map = new YAMLMap(doc.schema);
    map.items.push(new Pair(doc.createNode(longFormKey(value.fn)), inner));
    return map;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq(doc.schema);
    for (const item of value) seq.items.push(createNode(doc, item));
    return seq;
  }
  if (isObject(value)) {
    const map = new YAMLMap(doc.schema);
    for (const [k, v] of Object.entries(value)) map.items.push(new Pair(doc.createNode(k), createNode(doc, v)));
    return map;
  }
  return quoteIfAmbiguous(new Scalar(value));
}

/**
 * Strings that YAML 1.1 readers (PyYAML, so cfn-lint and the AWS CLI) would take for a boolean,
 * a date or a number are quoted, though YAML 1.2 would read them back as strings anyway:
 * `AWSTemplateFormatVersion: "2010-09-09"`, `Value: "yes"`.
 */
const YAML11_NON_STRING =
  /^(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-7_]+|[-+]?0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+).*)?)$/;

function quoteIfAmbiguous(scalar: Scalar): Scalar {
  if (typeof scalar.value === "string" && YAML11_NON_STRING.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
  else delete scalar.type;
  return scalar;
}

/** One line, flow style, no folding, no block scalars: `!Join ["", [a, !Ref B]]`. */
const ONE_LINE = { lineWidth: 0, blockQuote: false, flowCollectionPadding: false } as const;

/**
 * `value` written on one line, collections in flow style. A string with a line break comes out
 * double-quoted with `\n` escapes (block scalars are off), so the result never spans lines.
 */
export function flowText(value: CfnValue): string {
  const doc = newDocument(value);
  visit(doc, {
    Map: (_, node) => void (node.flow = true),
    Seq: (_, node) => void (node.flow = true),
  });
  const text = doc.toString(ONE_LINE);
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}

/** A new document holding `value`. */
export function newDocument(value: CfnValue): Document {
  const doc = new Document(null, YAML_OPTIONS);
  doc.contents = createNode(doc, value);
  return doc;
}

/**
 * The node to put where `existing` was so that it holds `value`: `existing` itself (edited in
 * place) when possible, else a new node.
 */
export function updateNode(doc: Document, existing: unknown, value: CfnValue): Node {
  if (isAlias(existing)) {
    return cfnEqual(nodeToValue(doc, existing), value) ? existing : createNode(doc, value);
  }
  if (!isScalar(existing) && !isSeq(existing) && !isMap(existing)) return createNode(doc, value);
  if (value instanceof ShortForm) {
    if (existing.tag !== `!${value.fn}`) return createNode(doc, value);
    return updateContent(doc, existing, value.value) ?? createNode(doc, value);
  }
  if (isShortFormTag(existing.tag)) return createNode(doc, value);
  return updateContent(doc, existing, value) ?? createNode(doc, value);
}

/** Edits an untagged-or-kept-tag node's content; undefined when the node kind does not fit. */
function updateContent(doc: Document, node: Node, value: CfnValue): Node | undefined {
  if (isScalar(node)) {
    if (value instanceof ShortForm || Array.isArray(value) || isObject(value)) return undefined;
    if (cfnEqual(nodeToValue(doc, untagged(node)), value)) return node;
    // `!!str 5` must not keep its tag for a new value; short-form tags were matched by the caller.
    if (node.tag !== undefined && !isShortFormTag(node.tag)) return undefined;
    node.value = value;
    // A changed scalar's old style (block, quoted) may not fit the new value.
    return quoteIfAmbiguous(node);
  }
  if (isSeq(node)) {
    if (!Array.isArray(value)) return undefined;
    const olds = [...node.items];
    const used = new Set<number>();
    node.items = value.map((item, i) => {
      const match = matchItem(doc, olds, used, item, i);
      return match === undefined ? createNode(doc, item) : updateNode(doc, olds[match], item);
    });
    return node;
  }
  if (isMap(node)) {
    if (!isObject(value) || value instanceof ShortForm) return undefined;
    const pairs = new Map<string, Pair>();
    for (const pair of node.items) pairs.set(keyString(nodeToValue(doc, pair.key)), pair);
    node.items = Object.entries(value).map(([k, v]) => {
      const pair = pairs.get(k);
      if (pair === undefined) return new Pair(doc.createNode(k), createNode(doc, v));
      pair.value = updateNode(doc, pair.value, v);
      return pair;
    });
    return node;
  }
  return undefined;
}

/** The node's value as if it had no short-form tag (the caller already matched the tag). */
function untagged(node: Scalar): Scalar {
  const copy = node.clone() as Scalar;
  delete copy.tag;
  return copy;
}

/**
 * Which old list item a new item updates: the one with the same `Name` (stages, actions, rules,
 * variables keep their comments when reordered), else the one at the same index.
 */
function matchItem(doc: Document, olds: unknown[], used: Set<number>, item: CfnValue, index: number): number | undefined {
  const name = isObject(item) && !(item instanceof ShortForm) ? item["Name"] : undefined;
  if (typeof name === "string") {
    const found = olds.findIndex((old, i) => !used.has(i) && isMap(old) && old.get("Name") === name);
    if (found >= 0) {
      used.add(found);
      return found;
    }
  }
  if (index < olds.length && !used.has(index)) {
    used.add(index);
    return index;
  }
  return undefined;
}
