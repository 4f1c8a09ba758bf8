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
  if (DECLARATION_MEMBERS.some(has)) return { form: "declaration" };
  if (CFN_PIPELINE_PROPERTIES.some(has)) {
    return {
      error: `this looks like the Properties of a CloudFormation pipeline; wrap it as {Type: ${RESOURCE_TYPE}, Properties: ...} or use the API declaration (camelCase). Expected ${ACCEPTED_FORMS}`,
    };
  }
  return { error: `not a pipeline document (top-level keys: ${Object.keys(doc).slice(0, 8).join(", ") || "none"}); expected ${ACCEPTED_FORMS}` };
}
