/**
 * Writing a template back with new Properties. A template the pipeline came from is reproduced
 * with only the pipeline resources' Properties changed: its text is edited where the values
 * changed (splice/), so everything else keeps its bytes; when that is not possible a YAML
 * template is edited as a parsed document (comments survive) and a JSON one re-serialised.
 */
import { isMap, isScalar, Pair, type Document } from "yaml";
import { isObject, own, setOwn } from "../../json";
import { spliceDocument } from "../splice/splice-document";
import type { CloudFormationShape, Syntax, TemplateSource } from "../types";
import { toLongForms, type CfnObject, type CfnValue } from "./intrinsics";
import { createNode, newDocument, updateNode, YAML_STRINGIFY_OPTIONS } from "./yaml-nodes";

/**
 * The source template with the given resources' Properties replaced, as text. `keepText`: write
 * into the source text (same syntax, the source's own indentation).
 */
export function renderTemplate(
  source: TemplateSource,
  updates: ReadonlyMap<string, CfnObject>,
  syntax: Syntax,
  indent: string,
  keepText: boolean,
): string {
  const value = withProperties(source.value, source.shape, updates);
  if (keepText && syntax === source.syntax) {
    const spliced = spliceDocument(source.original, value);
    if (spliced !== undefined) return spliced;
  }
  if (syntax === "yaml" && source.yaml !== undefined) {
    const edited = editYaml(source.yaml, source.shape, updates);
    if (edited !== undefined) return edited;
  }
  return renderValue(value, syntax, indent);
}

export function renderValue(value: CfnValue, syntax: Syntax, indent: string): string {
  if (syntax === "json") return `${JSON.stringify(toLongForms(value), null, indent)}\n`;
  return newDocument(value).toString(YAML_STRINGIFY_OPTIONS);
}

/** Edits a copy of the parsed YAML; undefined when the resource is not a plain mapping there. */
function editYaml(original: Document.Parsed, shape: CloudFormationShape, updates: ReadonlyMap<string, CfnObject>): string | undefined {
  const doc = original.clone();
  for (const [logicalId, properties] of updates) {
    const resource = shape === "resource" ? doc.contents : doc.getIn(shape === "snippet" ? [logicalId] : ["Resources", logicalId], true);
    if (!isMap(resource)) return undefined;
    const pair = resource.items.find((p) => isScalar(p.key) && p.key.value === "Properties");
    if (pair === undefined) resource.items.push(new Pair(doc.createNode("Properties"), createNode(doc, properties)));
    else pair.value = updateNode(doc, pair.value, properties);
  }
  return doc.toString(YAML_STRINGIFY_OPTIONS);
}

function withProperties(template: CfnObject, shape: CloudFormationShape, updates: ReadonlyMap<string, CfnObject>): CfnObject {
  if (shape === "resource") {
    const properties = updates.values().next().value;
    return properties === undefined ? template : replaceKey(template, "Properties", properties);
  }
  const updated = (resources: CfnObject): CfnObject => {
    const out = { ...resources };
    for (const [logicalId, properties] of updates) {
      const resource = own(out, logicalId);
      if (isObject(resource)) setOwn(out, logicalId, replaceKey(resource as CfnObject, "Properties", properties));
    }
    return out;
  };
  if (shape === "snippet") return updated(template);
  return replaceKey(template, "Resources", updated(own(template, "Resources") as CfnObject));
}

/** A copy with `key` set, in place when present, else appended. */
function replaceKey(object: CfnObject, key: string, value: CfnValue): CfnObject {
  const out: CfnObject = {};
  for (const [k, v] of Object.entries(object)) setOwn(out, k, k === key ? value : v);
  if (!Object.hasOwn(object, key)) setOwn(out, key, value);
  return out;
}
