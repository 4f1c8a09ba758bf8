/**
 * Property tests: importers never throw, and every export form round-trips generated
 * declarations (see testing/arbitrary-declaration.ts for what is generated and what is not).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportPipeline, FormatError, importText, newPipeline, type JsonMap, type JsonValue } from "./index";
import { declarationArb, metadataArb, tagsArb } from "./testing/arbitrary-declaration";
import { documentOf, keyOrder, withLongFormPlaceholders } from "./testing/compare";

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 60) };

function expectResultOrError(text: string) {
  const result = importText(text);
  if (!result.ok) {
    expect(result.error).toBeInstanceOf(FormatError);
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(result.error.column).toBeGreaterThanOrEqual(1);
    expect(["parse", "shape"]).toContain(result.error.kind);
  } else {
    expect(result.pipelines.length).toBeGreaterThan(0);
  }
}

const YAMLISH = [
  "a", "Name", ":", ": ", " ", "  ", "\n", "\t", "- ", "-", "!Ref", "!GetAtt", "!Sub", "!If", "!Foo", "!!binary", "!!str",
  "{", "}", "[", "]", ",", "&a ", "*a", "\"", "'", "#", "|", ">", "---", "...", "?", "%YAML 1.2", "Resources", "Type",
  "Properties", "AWS::CodePipeline::Pipeline", "Stages", "pipeline", "metadata", "stages", "name", "1", "true", "null",
  "Fn::If", "Ref", "\\", "\u00e9", "\ud83d\ude00", "<<", "~",
];

describe("importers never throw", { timeout: 60_000 }, () => {
  it("on arbitrary JSON", () => {
    fc.assert(fc.property(fc.json(), expectResultOrError), { numRuns: 300 });
  });

  it("on arbitrary JSON shaped like a pipeline document", () => {
    const shaped = fc.oneof(
      fc.record({ pipeline: fc.jsonValue(), metadata: fc.jsonValue() }, { requiredKeys: ["pipeline"] }),
      fc.record({ Resources: fc.dictionary(fc.string(), fc.record({ Type: fc.constant("AWS::CodePipeline::Pipeline"), Properties: fc.jsonValue() })) }),
      fc.record({ Type: fc.constant("AWS::CodePipeline::Pipeline"), Properties: fc.jsonValue() }),
      fc.record({ name: fc.jsonValue(), stages: fc.jsonValue(), artifactStores: fc.jsonValue() }),
      fc.record({ Type: fc.constant("AWS::CodePipeline::Pipeline"), Properties: fc.record({ ArtifactStores: fc.jsonValue(), Stages: fc.jsonValue(), Tags: fc.jsonValue() }) }),
    );
    fc.assert(fc.property(shaped, (doc) => expectResultOrError(JSON.stringify(doc))), { numRuns: 300 });
  });

  it("on arbitrary YAML-ish text", () => {
    const text = fc.array(fc.constantFrom(...YAMLISH), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(fc.property(text, expectResultOrError), { numRuns: 500 });
  });

  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), expectResultOrError), { numRuns: 300 });
  });
});

// Each run writes and parses several documents; the machine is shared, so allow time.
describe("every export form round-trips generated declarations", { timeout: 60_000 }, () => {
  it("declaration (source order and AWS order)", () => {
    fc.assert(
      fc.property(declarationArb, (declaration) => {
        const back = reimport(exportPipeline(newPipeline(declaration), "declaration", { keyOrder: "source" }).text);
        expect(back.declaration).toEqual(declaration);
        expect(keyOrder(back.declaration)).toEqual(keyOrder(declaration));
        const aws = reimport(exportPipeline(newPipeline(declaration), "declaration").text);
        expect(aws.declaration).toEqual(declaration);
      }),
      RUNS,
    );
  });

  it("get-pipeline, with metadata as it came", () => {
    fc.assert(
      fc.property(declarationArb, metadataArb, (declaration, metadata) => {
        const text = exportPipeline(newPipeline(declaration, { metadata }), "get-pipeline").text;
        const back = reimport(text);
        expect(back.source.form).toBe("get-pipeline");
        expect(back.declaration).toEqual(declaration);
        expect(back.source.metadata).toEqual(metadata);
        expect(documentOf(exportPipeline(back, "get-pipeline").text)).toEqual(documentOf(text));
      }),
      RUNS,
    );
  });

  it("cli-input, with tags", () => {
    fc.assert(
      fc.property(declarationArb, tagsArb, (declaration, tags) => {
        const text = exportPipeline(newPipeline(declaration, { tags }), "cli-input").text;
        const back = reimport(text);
        expect(back.source.form).toBe("cli-input");
        expect(back.declaration).toEqual(declaration);
        expect(back.source.tags).toEqual(tags);
        expect(documentOf(exportPipeline(back, "cli-input").text)).toEqual(documentOf(text));
      }),
      RUNS,
    );
  });

  for (const form of ["cloudformation-yaml", "cloudformation-json"] as const) {
    it(`${form}, with tags`, () => {
      fc.assert(
        fc.property(declarationArb, tagsArb, (declaration, tags) => {
          const text = exportPipeline(newPipeline(declaration, { tags }), form, { keyOrder: "source" }).text;
          const back = reimport(text);
          const { version: _noSuchProperty, ...rest } = declaration;
          const expected = form === "cloudformation-json" ? withLongFormPlaceholders(rest) : rest;
          expect(back.declaration).toEqual(expected);
          expect(keyOrder(back.declaration)).toEqual(keyOrder(expected));
          expect(back.source.tags).toEqual(form === "cloudformation-json" ? withLongFormPlaceholders(tags) : tags);
          // And the template itself round-trips in its own form.
          const again = exportPipeline(back, form).text;
          expect(documentOf(again)).toEqual(documentOf(text));
          expect(keyOrder(documentOf(again))).toEqual(keyOrder(documentOf(text)));
        }),
        RUNS,
      );
    });
  }
});

function reimport(text: string) {
  const result = importText(text);
  if (!result.ok) throw new Error(`${String(result.error)}\n${text}`);
  expect(result.pipelines).toHaveLength(1);
  return result.pipelines[0]!;
}

export type { JsonMap, JsonValue };
