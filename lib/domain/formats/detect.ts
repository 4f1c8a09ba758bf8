/**
 * Which form a parsed document is. Only the top level decides; what is inside is the validator's
 * business (a declaration with no stages is still a declaration).
 */
import { intrinsicName, isIntrinsic, ShortForm, type CfnObject, type CfnValue } from "./cloudformation/intrinsics";
import { RESOURCE_TYPE } from "./cloudformation/names";
import { ACCEPTED_FORMS } from "./errors";
import { describeType, isObject } from "../json";
import { MEMBERS } from "../pipeline/members";
import type { ImportForm } from "./types";

export type Detection = { readonly form: ImportForm } | { readonly error: string; readonly at?: CfnValue };

const DECLARATION_MEMBERS: readonly string[] = MEMBERS.PipelineDeclaration;
const CFN_PIPELINE_PROPERTIES = ["Stages", "RoleArn", "ArtifactStore", "ArtifactStores"];

export function detectForm(value: CfnValue): Detection {
  if (value === null) return { error: `the document is empty; expected ${ACCEPTED_FORMS}` };
  if (!isObject(value) || isIntrinsic(value)) {
    const what = isIntrinsic(value) ? `the intrinsic function ${intrinsicName(value)}` : describeType(value);
    return { error: `the document is ${what}, not an object; expected ${ACCEPTED_FORMS}` };
  }
  const doc = value as CfnObject;
  const has = (key: string) => Object.hasOwn(doc, key);

  if (has("Resources") || has("AWSTemplateFormatVersion")) {
    const resources = doc["Resources"];
    // Resources cannot be an intrinsic; a resource named `Ref` is just a resource.
    if (!isObject(resources) || resources instanceof ShortForm) {
      return { error: "a CloudFormation template needs a Resources object", at: resources ?? doc };
    }
    return { form: "cloudformation-template" };
  }
  if ((has("Type") && has("Properties")) || doc["Type"] === RESOURCE_TYPE) {
    if (doc["Type"] === RESOURCE_TYPE) return { form: "cloudformation-resource" };
    return { error: `the resource's Type is ${JSON.stringify(doc["Type"])}, not ${RESOURCE_TYPE}`, at: doc };
  }
  if (has("pipeline")) {
    const pipeline = doc["pipeline"];
    if (!isObject(pipeline) || isIntrinsic(pipeline)) {
      return { error: `"pipeline" is ${describeType(pipeline)}; it must be the pipeline declaration object`, at: pipeline ?? doc };
    }
    return { form: has("metadata") ? "get-pipeline" : "cli-input" };
  }
  const snippet = detectSnippet(doc);
  if (snippet !== undefined) return snippet;
  if (DECLARATION_MEMBERS.some(has)) return { form: "declaration" };
  if (CFN_PIPELINE_PROPERTIES.some(has)) {
    return {
      error: `this looks like the Properties of a CloudFormation pipeline; wrap it as {Type: ${RESOURCE_TYPE}, Properties: ...} or use the API declaration (camelCase). Expected ${ACCEPTED_FORMS}`,
    };
  }
  return { error: `not a pipeline document (top-level keys: ${Object.keys(doc).slice(0, 8).join(", ") || "none"}); expected ${ACCEPTED_FORMS}` };
}

/**
 * A snippet as the resource reference prints its examples: logical ids mapped to resources
 * (`AppPipeline: {Type: AWS::CodePipeline::Pipeline, Properties: ...}`), without `Resources:`.
 * Every member must look like a resource (an object with a string Type), so that a declaration
 * or any other document is never taken for one.
 */
function detectSnippet(doc: CfnObject): Detection | undefined {
  const members = Object.values(doc);
  const isResource = (v: CfnValue) => isObject(v) && !isIntrinsic(v) && typeof (v as CfnObject)["Type"] === "string";
  if (members.length === 0 || !members.every(isResource)) return undefined;
  if (members.some((v) => (v as CfnObject)["Type"] === RESOURCE_TYPE)) return { form: "cloudformation-snippet" };
  const types = [...new Set(members.map((v) => (v as CfnObject)["Type"] as string))].slice(0, 6).join(", ");
  return { error: `this CloudFormation snippet has no ${RESOURCE_TYPE} resource (its resource types are ${types})`, at: doc };
}
