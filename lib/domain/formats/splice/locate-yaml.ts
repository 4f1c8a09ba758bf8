/**
 * A located tree for a parsed YAML document (the `yaml` library's nodes carry their ranges), plus
 * the indentation style of the document, which new entries follow. Anything this walk does not
 * model (complex keys, tagged collections, aliases) is a leaf: rewritten whole if it changes.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { setOwn } from "../../json";
import type { CfnObject } from "../cloudformation/intrinsics";
import { keyString, nodeToValue } from "../cloudformation/parse-yaml";
import { isShortFormTag } from "../cloudformation/yaml-tags";
import { columnOf, type Located, type LocatedEntry, type LocatedItem } from "./located";

export interface YamlStyle {
  /** Spaces per nesting level of block mappings. */
  readonly indent: number;
  /** Block sequences under a mapping key are indented (`key:\n  - a`) rather than flush (`key:\n- a`). */
  readonly indentSeq: boolean;
}

export interface LocatedYaml {
  readonly root: Located;
  readonly style: YamlStyle;
}

export function locateYaml(doc: Document.Parsed, text: string): LocatedYaml | undefined {
  const root = doc.contents;
  if (root === null || root === undefined) return undefined;
  const indents = new Map<number, number>();
  const seqIndents = { indented: 0, flush: 0 };
  const count = (delta: number) => indents.set(delta, (indents.get(delta) ?? 0) + 1);

  const lineEnd = (offset: number): number => {
    let end = text.indexOf("\n", offset);
    if (end < 0) end = text.length;
    if (end > offset && text[end - 1] === "\r") end--;
    return end;
  };

  /** Where a node's text starts: before its tag and anchor, which the library's range leaves out. */
  const startOf = (node: Node): number => {
    let start = node.range![0];
    if (node.tag === undefined && node.anchor === undefined) return start;
    for (let k = 0; k < 2; k++) {
      let j = start;
      while (j > 0 && /\s/.test(text[j - 1]!)) j--;
      let t = j;
      while (t > 0 && !/[\s,[\]{}]/.test(text[t - 1]!)) t--;
      const token = text.slice(t, j);
      if (token.startsWith("!") || token.startsWith("&")) start = t;
      else break;
    }
    return start;
  };

  const leaf = (node: Node): Located => {
    const start = startOf(node);
    const value = nodeToValue(doc, node);
    if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) {
      let end = node.range![1];
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { kind: "leaf", start, end: lineEnd(end), value, multiline: true };
    }
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const inner = walk(untagged(node));
      return { kind: "leaf", start, end: inner.end, value, multiline: true };
    }
    return { kind: "leaf", start, end: node.range![1], value, multiline: false };
  };

  /** The same collection without its tag and anchor, to find where its content ends. */
  const untagged = (node: YAMLMap | YAMLSeq): Node => {
    const copy = node.clone() as YAMLMap | YAMLSeq;
    delete copy.tag;
    delete copy.anchor;
    return copy;
  };

  const isEmpty = (node: unknown): boolean =>
    node === null || (isScalar(node) && node.value === null && node.range![0] === node.range![1] && node.tag === undefined);

  const emptyAt = (offset: number): Located => ({ kind: "leaf", start: offset, end: offset, value: null, multiline: false });

  const map = (node: YAMLMap): Located => {
    const entries: LocatedEntry[] = [];
    const value: CfnObject = {};
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return leaf(node);
      const key = keyString(nodeToValue(doc, pair.key));
      const start = startOf(pair.key);
      const keyEnd = pair.key.range[1];
      const colon = text.indexOf(":", keyEnd);
      if (colon < 0 || text.slice(keyEnd, colon).trim() !== "") return leaf(node);
      let entry: LocatedEntry;
      if (isEmpty(pair.value)) {
        entry = { key, start, keyEnd, end: colon + 1, value: emptyAt(colon + 1), empty: true };
      } else {
        const v = walk(pair.value as Node);
        entry = { key, start, keyEnd, end: v.end, value: v, empty: false };
        if (!node.flow && (isMap(pair.value) || isSeq(pair.value)) && !(pair.value as YAMLMap).flow && pair.value.tag === undefined) {
          const delta = columnOf(text, v.start) - columnOf(text, start);
          if (isMap(pair.value)) count(delta);
          else if (delta > 0) seqIndents.indented++;
          else seqIndents.flush++;
        }
      }
      setOwn(value, key, entry.value.value);
      entries.push(entry);
    }
    if (entries.length === 0) return leaf(node);
    const start = entries[0]!.start;
    const end = node.flow ? node.range![1] : lineEnd(entries[entries.length - 1]!.end);
    return { kind: "map", start: node.flow ? node.range![0] : start, end, value, block: !node.flow, entries };
  };

  const seq = (node: YAMLSeq): Located => {
    const items: LocatedItem[] = [];
    for (const item of node.items) {
      const empty = isEmpty(item);
      const v = empty ? undefined : walk(item as Node);
      let start: number;
      if (node.flow) {
        if (v === undefined) return leaf(node);
        start = v.start;
      } else {
        // The `-` indicator is before the item's range: skip back over the space or line break.
        let dash = v === undefined ? (item as Scalar | null)?.range?.[0] ?? -1 : v.start;
        while (dash > 0 && /\s/.test(text[dash - 1]!)) dash--;
        dash--;
        if (dash < 0 || text[dash] !== "-") return leaf(node);
        start = dash;
      }
      const located = v ?? emptyAt(start + 1);
      items.push({ start, end: v === undefined ? start + 1 : v.end, value: located, empty });
    }
    if (items.length === 0) return leaf(node);
    const value = items.map((item) => item.value.value);
    if (node.flow) return { kind: "seq", start: node.range![0], end: node.range![1], value, block: false, items };
    return { kind: "seq", start: items[0]!.start, end: lineEnd(items[items.length - 1]!.end), value, block: true, items };
  };

  const walk = (node: Node): Located => {
    if (isAlias(node) || node.range === undefined || node.range === null) return leaf(node);
    if (isShortFormTag(node.tag) || node.anchor !== undefined || (node.tag !== undefined && !isScalar(node))) return leaf(node);
    if (isMap(node)) return map(node);
    if (isSeq(node)) return seq(node);
    return leaf(node);
  };

  const located = walk(root as Node);
  let indent = 2;
  let best = 0;
  for (const [delta, n] of indents) {
    if (delta > 0 && n > best) {
      best = n;
      indent = delta;
    }
  }
  return { root: located, style: { indent, indentSeq: seqIndents.indented >= seqIndents.flush } };
}
