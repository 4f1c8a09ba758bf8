/**
 * Writers for the API's own documents: the declaration, GetPipeline output and CreatePipeline
 * input. A document of the form the pipeline came from gets its original top-level keys back
 * (order and unknown members included).
 */
import { setOwn, type JsonMap, type JsonValue } from "../json";
import { orderedObject, orderKeys } from "./key-order";
import { TAG_LIST } from "./shapes";
import type { FormatWarning, ImportedPipeline } from "./types";

export type ApiExportForm = "declaration" | "get-pipeline" | "cli-input";

const WRAPPER_KEYS = { "get-pipeline": ["pipeline", "metadata", "tags"], "cli-input": ["pipeline", "tags"] } as const;

export function apiDocument(
  pipeline: ImportedPipeline,
  declaration: JsonMap,
  form: ApiExportForm,
  awsOrder: boolean,
  warnings: FormatWarning[],
): JsonValue {
  if (form === "declaration") return declaration;
  const { source } = pipeline;
  const members = new Map<string, JsonValue>([["pipeline", declaration]]);

  if (form === "get-pipeline") {
    if (source.metadata !== undefined) members.set("metadata", awsOrder ? orderMetadata(source.metadata) : source.metadata);
    else {
      warnings.push({ code: "dropped", message: "no metadata: GetPipeline returns it, but this pipeline was not read from AWS" });
    }
    // GetPipeline output has no tags; a get-pipeline document that came with some keeps them.
    if (source.tags !== undefined && source.form === "get-pipeline") members.set("tags", awsOrder ? orderKeys(source.tags, TAG_LIST) : source.tags);
  } else {
    if (source.tags !== undefined) members.set("tags", awsOrder ? orderKeys(source.tags, TAG_LIST) : source.tags);
    if (source.metadata !== undefined) {
      warnings.push({
        code: "note",
        message: "metadata is left out: --cli-input-json rejects it (AWS CLI users must remove metadata from get-pipeline output before create-pipeline or update-pipeline)",
      });
    }
    if (source.tags !== undefined) {
      warnings.push({ code: "note", message: "tags are accepted by create-pipeline only; for update-pipeline remove them (use tag-resource instead)" });
    }
  }

  const sameForm = source.form === form && source.wrapper !== undefined;
  if (sameForm) for (const [key, v] of Object.entries(source.wrapper!.extra)) members.set(key, v);
  else if (source.wrapper !== undefined && Object.keys(source.wrapper.extra).length > 0) {
    warnings.push({ code: "dropped", message: `top-level members ${Object.keys(source.wrapper.extra).join(", ")} of the source are not part of ${form} and are left out` });
  }

  const out: JsonMap = {};
  for (const [k, v] of members) setOwn(out, k, v);
  const order = sameForm && !awsOrder ? source.wrapper!.keys : WRAPPER_KEYS[form];
  return orderedObject(out, order);
}

function orderMetadata(metadata: JsonValue): JsonValue {
  return orderKeys(metadata, { kind: "shape", shape: "PipelineMetadata" });
}
