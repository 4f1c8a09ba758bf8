import { pipelineJsonSchema, SCHEMA_DRAFTS, SCHEMA_FORMS } from "../lib/domain/pipeline/json-schema";
import { EXIT, type CliIO } from "./io";

export interface SchemaOptions {
  readonly form: string;
  readonly draft: string;
}

/** Prints the JSON Schema of one document form, for editors' completion and checking. */
export function runSchema(options: SchemaOptions, io: CliIO): number {
  const form = SCHEMA_FORMS.find((f) => f === options.form);
  const draft = SCHEMA_DRAFTS.find((d) => d === options.draft);
  if (form === undefined) {
    io.stderr(`pipewright: --form must be one of ${SCHEMA_FORMS.join(", ")}; got "${options.form}".\n`);
    return EXIT.unreadable;
  }
  if (draft === undefined) {
    io.stderr(`pipewright: --draft must be one of ${SCHEMA_DRAFTS.join(", ")}; got "${options.draft}".\n`);
    return EXIT.unreadable;
  }
  io.stdout(`${JSON.stringify(pipelineJsonSchema(form, draft), null, 2)}\n`);
  return EXIT.ok;
}
