/**
 * CloudFormation export: Properties from the declaration, placed in the template the pipeline
 * came from (only its Properties change) or in a new minimal template.
 */
import { isObject, own, setOwn, type JsonMap } from "../../json";
import type { CloudFormationShape, ExportOptions, FormatWarning, ImportedPipeline, Syntax, TemplateSource } from "../types";
import type { CfnObject } from "./intrinsics";
import { declarationToProperties } from "./from-declaration";
import { RESOURCE_TYPE } from "./names";
import { renderTemplate, renderValue } from "./render-template";
import { logicalIdFor, TEMPLATE_FORMAT_VERSION } from "./template";

export interface CloudFormationItem {
  readonly pipeline: ImportedPipeline;
  /** The declaration to write (already in the export's key order). */
  readonly declaration: JsonMap;
}

export function exportCloudFormation(
  items: readonly CloudFormationItem[],
  syntax: Syntax,
  options: ExportOptions,
  warnings: FormatWarning[],
): string {
  const template = items[0]?.pipeline.source.cloudFormation?.template;
  const sameTemplate = template !== undefined && items.every((i) => i.pipeline.source.cloudFormation?.template === template);
  const shape: CloudFormationShape = options.cloudFormationShape ?? (sameTemplate ? template.shape : "template");
  const indent = options.indent ?? (template?.syntax === "json" ? template.indent : undefined) ?? "  ";

  const usedIds = new Set<string>();
  const resources = items.map(({ pipeline, declaration }) => {
    const cfn = pipeline.source.cloudFormation;
    // A lone resource has no logical id of its own: name it after the pipeline in a template.
    const logicalId = cfn !== undefined && cfn.template.shape !== "resource" ? cfn.logicalId : uniqueId(logicalIdFor(declaration["name"]), usedIds);
    usedIds.add(logicalId);
    if (pipeline.source.metadata !== undefined) {
      warnings.push({ code: "dropped", message: `${pipeline.label}: GetPipeline metadata has no place in a template and is left out` });
    }
    const properties = declarationToProperties(
      {
        declaration,
        tags: pipeline.source.tags,
        logicalId: cfn?.logicalId ?? logicalId,
        ...(cfn === undefined ? {} : { original: cfn.properties, nameAbsent: cfn.nameAbsent }),
      },
      warnings,
    );
    return { logicalId, sourceId: cfn?.logicalId, properties };
  });

  if (sameTemplate && shape === template.shape) {
    const keepText = options.indent === undefined;
    return renderTemplate(template, new Map(resources.map((r) => [r.sourceId!, r.properties])), syntax, indent, keepText);
  }
  if (shape === "resource") {
    if (resources.length !== 1) throw new RangeError("a lone resource holds exactly one pipeline");
    const r = resources[0]!;
    return renderValue(resourceWith(sourceResource(template, r.sourceId), r.properties), syntax, indent);
  }
  const all: CfnObject = {};
  // A snippet's other resources go with it into a template; a template's stay in the template.
  if (sameTemplate && template.shape === "snippet" && shape === "template") {
    for (const [logicalId, resource] of Object.entries(template.value)) setOwn(all, logicalId, resource);
  }
  for (const r of resources) setOwn(all, r.logicalId, resourceWith(sameTemplate ? sourceResource(template, r.sourceId) : undefined, r.properties));
  if (shape === "snippet") return renderValue(all, syntax, indent);
  return renderValue({ AWSTemplateFormatVersion: TEMPLATE_FORMAT_VERSION, Resources: all }, syntax, indent);
}

/** The resource as the source had it (with DependsOn, Condition, ...), when there is one. */
function sourceResource(template: TemplateSource | undefined, logicalId: string | undefined): CfnObject | undefined {
  if (template === undefined) return undefined;
  if (template.shape === "resource") return template.value;
  const resources = template.shape === "snippet" ? template.value : own(template.value, "Resources");
  const resource = isObject(resources) && logicalId !== undefined ? own(resources as CfnObject, logicalId) : undefined;
  return isObject(resource) ? (resource as CfnObject) : undefined;
}

function resourceWith(resource: CfnObject | undefined, properties: CfnObject): CfnObject {
  const out: CfnObject = {};
  for (const [k, v] of Object.entries(resource ?? { Type: RESOURCE_TYPE })) setOwn(out, k, k === "Properties" ? properties : v);
  if (!Object.hasOwn(out, "Properties")) setOwn(out, "Properties", properties);
  return out;
}

function uniqueId(id: string, used: ReadonlySet<string>): string {
  if (!used.has(id)) return id;
  let n = 2;
  while (used.has(`${id}${n}`)) n++;
  return `${id}${n}`;
}
