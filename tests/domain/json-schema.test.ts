/**
 * The JSON Schema `pipewright schema` prints: it describes every member of the model, accepts
 * real pipeline documents of each form and refuses wrong shapes, checked with a validator that
 * knows nothing of zod (ajv, draft-07 output).
 */
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MEMBERS } from "../../lib/domain/pipeline/members";
import { pipelineJsonSchema, SCHEMA_FORMS, type SchemaForm } from "../../lib/domain/pipeline/json-schema";
import { main } from "../../cli/main";

const DOCUMENTS: ReadonlyArray<[SchemaForm, string]> = [
  ["declaration", "tests/fixtures/cli/codecommit-codebuild-cloudformation.json"],
  ["declaration", "tests/fixtures/cli/artifact-from-later-stage.json"],
  ["get-pipeline", "tests/fixtures/pipelines/awscli-get-pipeline-output.json"],
  ["cli-input", "tests/fixtures/pipelines/awscli-create-pipeline-input.json"],
];

const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const compiled = new Map<SchemaForm, Ajv.ValidateFunction>();
function validator(form: SchemaForm): Ajv.ValidateFunction {
  let validate = compiled.get(form);
  if (validate === undefined) {
    validate = new Ajv({ allErrors: true }).compile(pipelineJsonSchema(form, "7"));
    compiled.set(form, validate);
  }
  return validate;
}

describe("pipeline JSON Schema", () => {
  it("names every member of the declaration, the stage and the action", () => {
    const schema = pipelineJsonSchema() as { $schema: string; properties: Record<string, { items?: { properties: Record<string, unknown> } }>; required: string[] };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual([...MEMBERS.PipelineDeclaration]);
    const stage = schema.properties.stages!.items!;
    expect(Object.keys(stage.properties)).toEqual([...MEMBERS.StageDeclaration]);
    const action = (stage.properties.actions as { items: { properties: Record<string, unknown> } }).items;
    expect(Object.keys(action.properties)).toEqual([...MEMBERS.ActionDeclaration]);
    expect(schema.required).toEqual(expect.arrayContaining(["name", "roleArn", "stages"]));
  });

  it.each(DOCUMENTS)("accepts a real %s document: %s", (form, file) => {
    const validate = validator(form);
    expect(validate(read(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses wrong enum values, names outside the allowed characters and missing required members", () => {
    const validate = validator("declaration");
    const good = read(DOCUMENTS[0]![1]);
    expect(validate({ ...good, executionMode: "FASTEST" })).toBe(false);
    expect(validate({ ...good, name: "my pipeline!" })).toBe(false);
    const { roleArn: _roleArn, ...withoutRole } = good;
    expect(validate(withoutRole)).toBe(false);
    expect(validator("cli-input")({ pipeline: good, tags: [{ key: "team" }] })).toBe(false);
  });

  it("keeps members the model does not know yet (objects stay open)", () => {
    expect(validator("declaration")({ ...read(DOCUMENTS[0]![1]), addedByAwsLater: { x: 1 } })).toBe(true);
  });

  it("is what `pipewright schema` prints, for each form", async () => {
    for (const form of SCHEMA_FORMS) {
      let stdout = "";
      const code = await main(["schema", "--form", form], { stdout: (t) => (stdout += t), stderr: () => undefined, env: {} });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(pipelineJsonSchema(form));
    }
    const rejected = await main(["schema", "--draft", "4"], { stdout: () => undefined, stderr: () => undefined, env: {} });
    expect(rejected).toBe(2);
  });
});
