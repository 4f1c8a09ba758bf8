/**
 * Templates: finding the pipeline resources in one, and writing one back with new Properties.
 * A template the pipeline came from is reproduced with only the pipeline resources' Properties
 * changed (for YAML by editing the parsed document, so comments survive); otherwise a minimal new
 * template is written.
 */
import { isMap, isScalar, Pair, type Document } from "yaml";
import { isObject, own, setOwn } from "../../json";
import type { Syntax, TemplateSource } from "../types";
import { isIntrinsic, ShortForm, toLongForms, type CfnObject, type CfnValue } from "./intrinsics";
import { RESOURCE_TYPE } from "./names";
import { createNode, newDocument, updateNode, YAML_STRINGIFY_OPTIONS } from "./yaml-nodes";

export const TEMPLATE_FORMAT_VERSION = "2010-09-09";

export interface PipelineResource {
  readonly logicalId: string;
  readonly resource: CfnObject;
}

/** Resources of type AWS::CodePipeline::Pipeline, in template order. */
export function findPipelineResources(template: CfnObject): PipelineResource[] {
  const resources = own(template, "Resources");
  if (!isObject(resources) || resources instanceof ShortForm) return [];
  return Object.entries(resources as CfnObject)
    .filter(([, r]) => isPipelineResource(r))
    .map(([logicalId, resource]) => ({ logicalId, resource: resource as CfnObject }));
}

export function isPipelineResource(value: CfnValue | undefined): boolean {
  return isObject(value) && !isIntrinsic(value) && (value as CfnObject)["Type"] === RESOURCE_TYPE;
}

/** A CloudFormation logical id (alphanumeric) for a pipeline name: `my-pipeline` → `MyPipeline`. */
export function logicalIdFor(name: unknown): string {
  const words = typeof name === "string" ? name.split(/[^A-Za-z0-9]+/).filter(Boolean) : [];
  const id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  // `Ref` and `Condition` alone would read as intrinsic functions in some tools; avoid them.
  if (!/^[A-Za-z]/.test(id) || id === "Ref" || id === "Condition") return `Pipeline${id}`.slice(0, 255);
  return id.slice(0, 255);
}

/** A new template (or lone resource) holding one pipeline. */
export function newTemplate(logicalId: string, properties: CfnObject, shape: "template" | "resource"): CfnObject {
  const resource: CfnObject = { Type: RESOURCE_TYPE, Properties: properties };
  if (shape === "resource") return resource;
  const resources: CfnObject = {};
  setOwn(resources, logicalId, resource);
  return { AWSTemplateFormatVersion: TEMPLATE_FORMAT_VERSION, Resources: resources };
}

/** The source template with the given resources' Properties replaced, as text. */
export function renderTemplate(
  source: TemplateSource,
  updates: ReadonlyMap<string, CfnObject>,
  syntax: Syntax,
  indent: string,
): string {
  if (syntax === "yaml" && source.yaml !== undefined) {
    const edited = editYaml(source.yaml, source.shape, updates);
    if (edited !== undefined) return edited;
  }
  return renderValue(withProperties(source.value, source.shape, updates), syntax, indent);
}

export function renderValue(value: CfnValue, syntax: Syntax, indent: string): string {
  if (syntax === "json") return `${JSON.stringify(toLongForms(value), null, indent)}\n`;
  return newDocument(value).toString(YAML_STRINGIFY_OPTIONS);
}

/** Edits a copy of the parsed YAML; undefined when the resource is not a plain mapping there. */
function editYaml(original: Document.Parsed, shape: "template" | "resource", updates: ReadonlyMap<string, CfnObject>): string | undefined {
  const doc = original.clone();
  for (const [logicalId, properties] of updates) {
    const resource = shape === "resource" ? doc.contents : doc.getIn(["Resources", logicalId], true);
    if (!isMap(resource)) return undefined;
    const pair = resource.items.find((p) => isScalar(p.key) && p.key.value === "Properties");
    if (pair === undefined) resource.items.push(new Pair(doc.createNode("Properties"), createNode(doc, properties)));
    else pair.value = updateNode(doc, pair.value, properties);
  }
  return doc.toString(YAML_STRINGIFY_OPTIONS);
}

function withProperties(template: CfnObject, shape: "template" | "resource", updates: ReadonlyMap<string, CfnObject>): CfnObject {
  if (shape === "resource") {
    const properties = updates.values().next().value;
    return properties === undefined ? template : replaceKey(template, "Properties", properties);
  }
  const resources = { ...(own(template, "Resources") as CfnObject) };
  for (const [logicalId, properties] of updates) {
    const resource = own(resources, logicalId);
    if (isObject(resource)) setOwn(resources, logicalId, replaceKey(resource as CfnObject, "Properties", properties));
  }
  return replaceKey(template, "Resources", resources);
}

/** A copy with `key` set, in place when present, else appended. */
function replaceKey(object: CfnObject, key: string, value: CfnValue): CfnObject {
  const out: CfnObject = {};
  for (const [k, v] of Object.entries(object)) setOwn(out, k, k === key ? value : v);
  if (!Object.hasOwn(object, key)) setOwn(out, key, value);
  return out;
}
