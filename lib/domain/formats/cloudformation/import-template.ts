/**
 * Importer for CloudFormation: a template with AWS::CodePipeline::Pipeline resources (one
 * imported pipeline each) or a single such resource. Each pipeline keeps a reference to the
 * parsed template so that export can write the same template back.
 */
import { FormatError, type SourcePosition } from "../errors";
import { isObject } from "../../json";
import { sourceTextOf, type ParsedText } from "../parse-text";
import { PIPELINE } from "../shapes";
import type { CloudFormationShape, FormatWarning, ImportedPipeline, ImportForm, TemplateSource } from "../types";
import { unknownMemberWarnings } from "../unknown-members";
import { labelOf } from "../import-api";
import { isIntrinsic, type CfnObject, type CfnValue } from "./intrinsics";
import { RESOURCE_TYPE } from "./names";
import { findPipelineResources, findSnippetPipelines } from "./template";
import { propertiesToDeclaration } from "./to-declaration";

/** The logical id a lone resource gets when it must be placed in a template. */
export const LONE_RESOURCE_ID = "Pipeline";

const FORMS: Record<CloudFormationShape, ImportForm> = {
  template: "cloudformation-template",
  resource: "cloudformation-resource",
  snippet: "cloudformation-snippet",
};

export function importCloudFormation(
  value: CfnObject,
  shape: CloudFormationShape,
  parsed: ParsedText,
  fileName?: string,
  /** See ImportOptions. */
  memberWarnings = true,
): ImportedPipeline[] | FormatError {
  const template: TemplateSource = {
    shape,
    syntax: parsed.syntax,
    value,
    ...(parsed.yaml === undefined ? {} : { yaml: parsed.yaml.doc }),
    ...(parsed.indent === undefined ? {} : { indent: parsed.indent }),
    original: sourceTextOf(parsed),
  };
  const positionOf = (v: CfnValue | undefined): SourcePosition | undefined =>
    typeof v === "object" && v !== null ? parsed.yaml?.positions.get(v) : undefined;

  const resources =
    shape === "resource" ? [{ logicalId: LONE_RESOURCE_ID, resource: value }] : shape === "snippet" ? findSnippetPipelines(value) : findPipelineResources(value);
  if (resources.length === 0) {
    const types = Object.values(value["Resources"] as CfnObject)
      .map((r) => (isObject(r) ? (r as CfnObject)["Type"] : undefined))
      .filter((t): t is string => typeof t === "string");
    const found = types.length === 0 ? "it has no resources" : `its resource types are ${[...new Set(types)].slice(0, 6).join(", ")}`;
    return new FormatError("shape", `the template has no ${RESOURCE_TYPE} resource (${found})`, positionOf(value["Resources"]), fileName);
  }

  const pipelines: ImportedPipeline[] = [];
  for (const { logicalId, resource } of resources) {
    const warnings: FormatWarning[] = [];
    let properties = resource["Properties"];
    if (properties === undefined || properties === null) {
      warnings.push({ code: "not-converted", message: `resource ${logicalId} has no Properties`, ...maybe(positionOf(resource)) });
      properties = undefined;
    } else if (!isObject(properties) || isIntrinsic(properties)) {
      return new FormatError(
        "shape",
        `the Properties of ${logicalId} must be an object to import the pipeline (found ${isIntrinsic(properties) ? "an intrinsic function" : typeof properties})`,
        positionOf(properties) ?? positionOf(resource),
        fileName,
      );
    }
    const converted = propertiesToDeclaration((properties ?? {}) as CfnObject, logicalId, {
      warnings,
      ...(parsed.yaml === undefined ? {} : { positions: parsed.yaml.positions }),
    });
    if (memberWarnings) warnings.push(...unknownMemberWarnings(converted.declaration, PIPELINE));
    pipelines.push({
      // A lone resource has no logical id of its own; its pipeline name is the better label.
      label: shape === "resource" ? labelOf(converted.declaration) : logicalId,
      declaration: converted.declaration,
      warnings,
      source: {
        form: FORMS[shape],
        syntax: parsed.syntax,
        ...(converted.tags === undefined ? {} : { tags: converted.tags }),
        cloudFormation: { logicalId, nameAbsent: converted.nameAbsent, properties, template },
        ...(parsed.indent === undefined ? {} : { indent: parsed.indent }),
      },
    });
  }
  return pipelines;
}

function maybe(position: SourcePosition | undefined): { position?: SourcePosition } {
  return position === undefined ? {} : { position };
}
