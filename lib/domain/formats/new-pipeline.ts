/**
 * A pipeline designed from scratch (not imported), ready for exportPipeline. Exports of it use
 * AWS member order and a new CloudFormation template.
 */
import type { JsonMap, JsonValue } from "../json";
import { labelOf } from "./import-api";
import type { ImportedPipeline } from "./types";

export function newPipeline(declaration: JsonMap, options: { tags?: JsonValue; metadata?: JsonValue } = {}): ImportedPipeline {
  return {
    label: labelOf(declaration),
    declaration,
    warnings: [],
    source: {
      form: "new",
      syntax: "json",
      ...(options.tags === undefined ? {} : { tags: options.tags }),
      ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
    },
  };
}
