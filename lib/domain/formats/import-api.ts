/**
 * Importers for the API's own documents: the bare declaration, GetPipeline output and
 * CreatePipeline input. The declaration is taken as it is (key order included); only YAML
 * short-form tags, which JSON cannot hold, become placeholder strings.
 */
import { ShortForm, type CfnObject, type CfnValue } from "./cloudformation/intrinsics";
import { toPlaceholder } from "./cloudformation/placeholder";
import type { SourcePosition } from "./errors";
import { isObject, setOwn, type JsonMap, type JsonValue } from "../json";
import { childPointer } from "./pointer";
import { sourceTextOf, type ParsedText } from "./parse-text";
import { PIPELINE } from "./shapes";
import type { FormatWarning, ImportedPipeline, PipelineSource } from "./types";
import { unknownMemberWarnings } from "./unknown-members";

type ApiForm = "declaration" | "get-pipeline" | "cli-input";

/** `memberWarnings`: see ImportOptions. */
export function importApiDocument(value: CfnObject, form: ApiForm, parsed: ParsedText, memberWarnings = true): ImportedPipeline {
  const warnings: FormatWarning[] = [];
  const positions = parsed.yaml?.positions;
  // JSON text cannot hold a short-form tag, and JSON.parse already gives plain objects with own
  // members only: its value is the declaration as it is, without a copy of 500 actions.
  const json =
    parsed.syntax === "json"
      ? (v: CfnValue) => v as JsonValue
      : (v: CfnValue, path: string) => shortFormsToPlaceholders(v, path, warnings, positions);
  const indent = parsed.indent === undefined ? {} : { indent: parsed.indent };
  const original = sourceTextOf(parsed);

  if (form === "declaration") {
    const declaration = json(value, "") as JsonMap;
    if (memberWarnings) warnings.push(...unknownMemberWarnings(declaration, PIPELINE));
    return { label: labelOf(declaration), declaration, warnings, source: { form, syntax: parsed.syntax, ...indent, original } };
  }

  const declaration = json(value["pipeline"]!, "") as JsonMap;
  if (memberWarnings) warnings.push(...unknownMemberWarnings(declaration, PIPELINE));
  const extra: JsonMap = {};
  const source: PipelineSource = { form, syntax: parsed.syntax, wrapper: { keys: Object.keys(value), extra }, ...indent, original };
  for (const [key, v] of Object.entries(value)) {
    if (key === "pipeline") continue;
    const converted = json(v, `(${key})`);
    if (key === "metadata" && form === "get-pipeline") source.metadata = converted;
    else if (key === "tags") {
      // The user guide's create-pipeline sample adds tags to get-pipeline output, metadata and all
      // (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-create.html): keep
      // them as the pipeline's tags, so that --cli-input-json export writes them.
      source.tags = converted;
      if (form === "get-pipeline") {
        warnings.push({ code: "unknown-member", message: "tags is not part of GetPipeline output; it is kept as the pipeline's tags", path: "(tags)" });
      }
    } else {
      setOwn(extra, key, converted);
      warnings.push({
        code: "unknown-member",
        message: `${key} is not part of ${form === "get-pipeline" ? "GetPipeline output" : "CreatePipeline input"}; it is kept as written`,
        path: `(${key})`,
      });
    }
  }
  if (isObject(declaration["metadata"])) {
    warnings.push({
      code: "note",
      message: "metadata belongs beside pipeline, not inside it; CreatePipeline/UpdatePipeline reject it there",
      path: "/metadata",
    });
  }
  return { label: labelOf(declaration), declaration, warnings, source };
}

export function labelOf(declaration: JsonMap): string {
  const name = declaration["name"];
  return typeof name === "string" && name !== "" ? name : "pipeline";
}

/** JSON cannot hold `!Ref X`: such values become placeholder strings, with a warning. */
function shortFormsToPlaceholders(
  value: CfnValue,
  path: string,
  warnings: FormatWarning[],
  positions?: WeakMap<object, SourcePosition>,
): JsonValue {
  if (value instanceof ShortForm) {
    const text = toPlaceholder(value);
    const position = positions?.get(value);
    warnings.push({
      code: "unresolved-reference",
      message: `${path || "/"} is the CloudFormation intrinsic !${value.fn}, which an API document cannot hold; it is kept as ${text}`,
      path,
      ...(position === undefined ? {} : { position }),
    });
    return text;
  }
  if (Array.isArray(value)) return value.map((v, i) => shortFormsToPlaceholders(v, childPointer(path, i), warnings, positions));
  if (isObject(value)) {
    // Long-form intrinsics ({"Ref": "X"}) are plain data in an API document; the validator reports them.
    const out: JsonMap = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, shortFormsToPlaceholders(v, childPointer(path, k), warnings, positions));
    return out;
  }
  return value;
}
