/**
 * Templates: where the pipeline resources are in a template or snippet, and the logical id a new
 * one gets. Writing templates is render-template.ts.
 */
import { isObject, own } from "../../json";
import { isIntrinsic, ShortForm, type CfnObject, type CfnValue } from "./intrinsics";
import { RESOURCE_TYPE } from "./names";

export const TEMPLATE_FORMAT_VERSION = "2010-09-09";

export interface PipelineResource {
  readonly logicalId: string;
  readonly resource: CfnObject;
}

/** Resources of type AWS::CodePipeline::Pipeline, in template order. */
export function findPipelineResources(template: CfnObject): PipelineResource[] {
  const resources = own(template, "Resources");
  if (!isObject(resources) || resources instanceof ShortForm) return [];
  return findSnippetPipelines(resources as CfnObject);
}

/** The pipeline resources of a map of logical ids to resources (a snippet, or a template's Resources). */
export function findSnippetPipelines(resources: CfnObject): PipelineResource[] {
  return Object.entries(resources)
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
