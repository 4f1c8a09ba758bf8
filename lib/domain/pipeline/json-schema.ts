/**
 * JSON Schema of the pipeline documents, generated from the zod model (declaration.ts) so an
 * editor completes member names and enum values and flags wrong types and lengths while a
 * pipeline file is written (`pipewright schema > pipeline.schema.json`, then map the files to it,
 * e.g. VS Code's `json.schemas` setting). It describes shapes only: the validation engine's
 * rules (artifact flow, providers, regions, V2-only members…) need `pipewright validate`.
 * Objects stay open (`additionalProperties: {}`), as the model is: members AWS adds later must not
 * be flagged as mistakes.
 */
import { z } from "zod";
import { CreatePipelineInputSchema, GetPipelineOutputSchema, PipelineDeclarationSchema } from "./declaration";

export const SCHEMA_FORMS = ["declaration", "get-pipeline", "cli-input"] as const;
export type SchemaForm = (typeof SCHEMA_FORMS)[number];

/** 2020-12 is current; draft-07 for editors and validators that know no later draft. */
export const SCHEMA_DRAFTS = ["2020-12", "7"] as const;
export type SchemaDraft = (typeof SCHEMA_DRAFTS)[number];

const FORMS: Record<SchemaForm, { readonly schema: z.ZodType; readonly title: string; readonly description: string }> = {
  declaration: {
    schema: PipelineDeclarationSchema,
    title: "AWS CodePipeline pipeline declaration",
    description: "The `pipeline` member of CreatePipeline / UpdatePipeline (API version 2015-07-09), V1 and V2.",
  },
  "get-pipeline": {
    schema: GetPipelineOutputSchema,
    title: "AWS CodePipeline GetPipeline output",
    description: "`aws codepipeline get-pipeline` output: the declaration and its metadata.",
  },
  "cli-input": {
    schema: CreatePipelineInputSchema,
    title: "AWS CodePipeline CreatePipeline input",
    description: "`aws codepipeline create-pipeline --cli-input-json` input: the declaration and its tags.",
  },
};

export function pipelineJsonSchema(form: SchemaForm = "declaration", draft: SchemaDraft = "2020-12"): Record<string, unknown> {
  const { schema, title, description } = FORMS[form];
  // Input side: what a file may hold before defaults apply. Refinements (artifactStore xor
  // artifactStores, V2-only members) have no JSON Schema form and are left to the validator.
  const generated = z.toJSONSchema(schema, {
    io: "input",
    target: draft === "7" ? "draft-07" : "draft-2020-12",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...rest };
}
