/**
 * What an export form cannot carry from a source document, as sentences the export dialog shows
 * before the user copies the text. Exporting into the source's own form loses nothing (exportInto
 * writes the document back); every other form is a conversion, and these are its losses.
 */
import { visit, type Document } from "yaml";
import { isObject } from "../json";
import { ShortForm, type CfnObject, type CfnValue } from "./cloudformation/intrinsics";
import { CLOUDFORMATION_ONLY, TAGS_PROPERTY } from "./cloudformation/names";
import { sourceExportForm } from "./export-into";
import { reimport } from "./reimport";
import type { SourceDocument } from "./source-document";
import type { ExportForm, ImportedPipeline } from "./types";

/** Resource attributes (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-product-attribute-reference.html). */
const RESOURCE_ATTRIBUTES = ["Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy", "Metadata"];

const FORM_NAMES: Record<ExportForm, string> = {
  declaration: "the pipeline declaration",
  "get-pipeline": "get-pipeline output",
  "cli-input": "--cli-input-json input",
  "cloudformation-yaml": "a CloudFormation YAML template",
  "cloudformation-json": "a CloudFormation JSON template",
};

export function exportLosses(source: SourceDocument, to: ExportForm): string[] {
  if (to === sourceExportForm(source)) return [];
  const found = reimport(source);
  if (!found.ok) return [];
  const { pipeline } = found;
  const target = FORM_NAMES[to];
  const toTemplate = to.startsWith("cloudformation-");
  const notes: string[] = [];
  const cfn = pipeline.source.cloudFormation;

  if (cfn !== undefined && !toTemplate) notes.push(...templateLosses(pipeline, target, to));
  if (cfn === undefined) notes.push(...apiLosses(pipeline, target, to));
  // Any other form is written new (only the source's own form is edited in place).
  if (source.syntax === "yaml" && hasComments(cfn?.template.yaml ?? pipeline.source.original?.yaml)) {
    notes.push(`The YAML comments are not kept: ${target} is written new.`);
  }
  if (cfn !== undefined && to === "cloudformation-json" && containsShortForm(cfn.template.value)) {
    notes.push("Short-form intrinsic functions (!Ref, !Sub, !GetAtt, …) are written in their long form ({\"Ref\": …}, {\"Fn::Sub\": …}): JSON has no tags.");
  }
  return notes;
}

/** A pipeline from a template, exported as an API document. */
function templateLosses(pipeline: ImportedPipeline, target: string, to: ExportForm): string[] {
  const cfn = pipeline.source.cloudFormation!;
  const notes: string[] = [];
  const properties = isObject(cfn.properties) ? (cfn.properties as CfnObject) : {};
  for (const key of CLOUDFORMATION_ONLY) {
    if (Object.hasOwn(properties, key)) notes.push(`${key} is a CloudFormation property with no place in ${target}; it is left out.`);
  }
  if (Object.hasOwn(properties, TAGS_PROPERTY)) {
    notes.push(
      to === "cli-input"
        ? "Tags are written as create-pipeline's tags (update-pipeline does not accept them: use tag-resource)."
        : `Tags are left out: ${target} has no tags.`,
    );
  }
  const nested = pipeline.warnings.filter((w) => w.code === "cloudformation-only" && w.path !== undefined && w.path.split("/").length > 2);
  if (nested.length > 0) notes.push(`${nested.length} template-only propert${nested.length === 1 ? "y" : "ies"} inside the stages ${nested.length === 1 ? "is" : "are"} left out.`);
  if (cfn.nameAbsent) {
    notes.push(`The template sets no Name (CloudFormation generates one); the name is written as "${String(pipeline.declaration["name"])}".`);
  }
  const references = pipeline.warnings.filter((w) => w.code === "unresolved-reference").length;
  if (references > 0) {
    notes.push(
      `${references} intrinsic function${references === 1 ? " is" : "s are"} written as placeholder text (\${!Ref …}): CloudFormation resolves them on deploy, CodePipeline would store the text as it is.`,
    );
  }
  const resource = cfn.template.shape === "resource" ? cfn.template.value : resourceOf(cfn.template.value, cfn.template.shape, cfn.logicalId);
  const attributes = RESOURCE_ATTRIBUTES.filter((a) => resource !== undefined && Object.hasOwn(resource, a));
  if (attributes.length > 0) notes.push(`The resource's ${attributes.join(", ")} ${attributes.length === 1 ? "is" : "are"} left out.`);
  const rest = templateRest(cfn.template.value, cfn.template.shape, cfn.logicalId);
  if (rest.length > 0) notes.push(`The rest of the template (${rest.join(", ")}) is left out.`);
  if (to === "get-pipeline") notes.push("There is no metadata (pipeline ARN, dates): CodePipeline adds it when it stores the pipeline.");
  return notes;
}

/** A pipeline from an API document, exported as another one or as a template. */
function apiLosses(pipeline: ImportedPipeline, target: string, to: ExportForm): string[] {
  const { source, declaration } = pipeline;
  const notes: string[] = [];
  if (source.metadata !== undefined && to !== "get-pipeline") notes.push(`The metadata (pipeline ARN, dates) is left out: ${target} has none.`);
  if (source.tags !== undefined && to !== "cli-input") {
    if (to.startsWith("cloudformation-")) notes.push("The tags are written as the template's Tags.");
    else notes.push(`The tags are left out: ${target} has none.`);
  }
  if (declaration["version"] !== undefined && to.startsWith("cloudformation-")) {
    notes.push("version is left out: CodePipeline assigns it, and a template has no Version property.");
  }
  const extra = Object.keys(source.wrapper?.extra ?? {});
  if (extra.length > 0) notes.push(`${extra.join(", ")} beside the pipeline ${extra.length === 1 ? "is" : "are"} left out.`);
  return notes;
}

function resourceOf(value: CfnObject, shape: "template" | "snippet", logicalId: string): CfnObject | undefined {
  const resources = shape === "snippet" ? value : value["Resources"];
  const resource = isObject(resources) ? (resources as CfnObject)[logicalId] : undefined;
  return isObject(resource) ? (resource as CfnObject) : undefined;
}

/** What a template holds besides the pipeline resource: other resources and top-level sections. */
function templateRest(value: CfnObject, shape: "template" | "resource" | "snippet", logicalId: string): string[] {
  if (shape === "resource") return [];
  const resources = shape === "snippet" ? value : value["Resources"];
  const others = isObject(resources) ? Object.keys(resources).filter((id) => id !== logicalId).length : 0;
  const sections = shape === "template" ? Object.keys(value).filter((k) => k !== "Resources" && k !== "AWSTemplateFormatVersion") : [];
  return [...(others > 0 ? [`${others} other resource${others === 1 ? "" : "s"}`] : []), ...sections];
}

function containsShortForm(value: CfnValue): boolean {
  if (value instanceof ShortForm) return true;
  if (Array.isArray(value)) return value.some(containsShortForm);
  if (isObject(value)) return Object.values(value).some((v) => containsShortForm(v as CfnValue));
  return false;
}

function hasComments(doc: Document | undefined): boolean {
  if (doc === undefined) return false;
  if (doc.commentBefore || doc.comment) return true;
  let found = false;
  visit(doc, (_, node) => {
    const n = node as { commentBefore?: string | null; comment?: string | null };
    if (n.commentBefore || n.comment) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}
