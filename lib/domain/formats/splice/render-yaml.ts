/**
 * New YAML text for values that did not exist, or changed shape, in the source: one-line values
 * where the old value sat on one line, and whole `key: value` / `- item` line groups in block
 * collections, indented like the document.
 */
import { Document, Pair, YAMLMap, YAMLSeq } from "yaml";
import { isObject } from "../../json";
import { ShortForm, type CfnValue } from "../cloudformation/intrinsics";
import { YAML_OPTIONS } from "../cloudformation/parse-yaml";
import { createNode, flowText, YAML_STRINGIFY_OPTIONS } from "../cloudformation/yaml-nodes";
import type { YamlStyle } from "./locate-yaml";

/** `value` on one line; undefined when it is a non-empty collection (block style reads better). */
export function yamlScalarText(value: CfnValue): string | undefined {
  const inner = value instanceof ShortForm ? value.value : value;
  if ((Array.isArray(inner) && inner.length > 0) || (isObject(inner) && Object.keys(inner).length > 0)) return undefined;
  return flowText(value);
}

/** `value` in flow style on one line, for a place that already holds a flow collection. */
export function yamlFlowText(value: CfnValue): string {
  return flowText(value);
}

/** `key: value` in flow style, for a new member of a flow mapping. */
export function yamlFlowMember(key: string, value: CfnValue): string {
  return flowText(Object.defineProperty({}, key, { value, enumerable: true })).replace(/^\{|\}$/g, "");
}

/** A block mapping entry `key: value` whose first line starts at `column` (already indented). */
export function yamlBlockEntry(key: string, value: CfnValue, column: number, style: YamlStyle, eol: string): string {
  const doc = new Document(null, YAML_OPTIONS);
  const map = new YAMLMap(doc.schema);
  map.items.push(new Pair(doc.createNode(key), createNode(doc, value)));
  doc.contents = map;
  return placed(doc, column, style, eol);
}

/** A block sequence item `- value` whose `-` is at `column` (already indented). */
export function yamlBlockItem(value: CfnValue, column: number, style: YamlStyle, eol: string): string {
  const doc = new Document(null, YAML_OPTIONS);
  const seq = new YAMLSeq(doc.schema);
  seq.items.push(createNode(doc, value));
  doc.contents = seq;
  return placed(doc, column, style, eol);
}

function placed(doc: Document, column: number, style: YamlStyle, eol: string): string {
  let text = doc.toString({ ...YAML_STRINGIFY_OPTIONS, indent: style.indent, indentSeq: style.indentSeq });
  if (text.endsWith("\n")) text = text.slice(0, -1);
  const pad = " ".repeat(column);
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : pad + line))
    .join(eol);
}
