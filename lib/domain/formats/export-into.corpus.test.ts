/**
 * The fixture corpus (tests/fixtures/pipelines, sources in SOURCES.md) through the designer's
 * cycle: import, keep the source document, edit one action of the declaration, export into the
 * source. Unedited, the export is the source byte for byte; edited, a text diff against the
 * source shows the edited field and nothing else.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { isObject } from "../json";
import { exportInto, importText, isUnresolvedReference, type ImportedPipeline, type JsonMap, type SourceDocument } from "./index";
import { changedLines } from "./testing/compare";

const raw = import.meta.glob<string>("../../../tests/fixtures/pipelines/*.{json,yaml,yml}", { query: "?raw", import: "default", eager: true });
const fixtures = Object.entries(raw).map(([path, text]) => ({ name: path.replace(/^.*\/pipelines\//, ""), text }));

interface Case {
  readonly name: string;
  readonly text: string;
  readonly pipeline: ImportedPipeline;
  readonly source: SourceDocument;
}

const cases: Case[] = fixtures.flatMap(({ name, text }) => {
  const result = importText(text, { fileName: name });
  if (!result.ok) throw new Error(String(result.error));
  return result.pipelines.map((pipeline) => ({ name: `${name}#${pipeline.label}`, text, pipeline, source: pipeline.sourceDocument! }));
});

function exported(source: SourceDocument, declaration: JsonMap): string {
  const out = exportInto(source, declaration);
  if (!out.ok) throw out.error;
  return out.text;
}

function reimported(text: string, source: SourceDocument): JsonMap {
  const result = importText(text, source.fileName === undefined ? {} : { fileName: source.fileName });
  if (!result.ok) throw result.error;
  const pipeline = result.pipelines.find((p) => source.logicalId === undefined || p.source.cloudFormation?.logicalId === source.logicalId);
  return pipeline!.declaration;
}

/** Every action of a declaration, in stage order. */
function actions(declaration: JsonMap): JsonMap[] {
  const stages = Array.isArray(declaration["stages"]) ? declaration["stages"] : [];
  return stages.flatMap((stage) => (isObject(stage) && Array.isArray(stage["actions"]) ? stage["actions"].filter(isObject) : [])) as JsonMap[];
}

/** The first one-line, literal configuration value of an action: the field a user edits. */
function editableField(declaration: JsonMap): { action: JsonMap; key: string; value: string } | undefined {
  for (const action of actions(declaration)) {
    const configuration = action["configuration"];
    if (!isObject(configuration)) continue;
    for (const [key, value] of Object.entries(configuration)) {
      if (typeof value === "string" && value !== "" && !value.includes("\n") && !isUnresolvedReference(value) && /^[\w./:-]+$/.test(value)) {
        return { action, key, value };
      }
    }
  }
  return undefined;
}

describe("export into the source document", () => {
  it("covers the whole corpus: templates, snippets, resources and API documents in JSON and YAML", () => {
    const forms = new Set(cases.map((c) => `${c.source.form}/${c.source.syntax}`));
    for (const form of [
      "cloudformation-template/yaml",
      "cloudformation-template/json",
      "cloudformation-snippet/yaml",
      "cloudformation-snippet/json",
      "cloudformation-resource/json",
      "get-pipeline/json",
      "get-pipeline/yaml",
      "cli-input/json",
      "declaration/json",
    ]) {
      expect(forms, form).toContain(form);
    }
    expect(cases.filter((c) => editableField(c.pipeline.declaration) !== undefined).length).toBeGreaterThanOrEqual(18);
  });

  it.each(cases)("$name: unedited, the export is the source byte for byte", ({ text, pipeline, source }) => {
    expect(exported(source, structuredClone(pipeline.declaration))).toBe(text);
  });

  it.each(cases.filter((c) => editableField(c.pipeline.declaration) !== undefined))(
    "$name: an edited configuration value changes its line and nothing else",
    ({ text, pipeline, source }) => {
      const declaration = structuredClone(pipeline.declaration);
      const { action, key, value } = editableField(declaration)!;
      (action["configuration"] as JsonMap)[key] = `${value}-edited`;
      const out = exported(source, declaration);
      const { removed, added } = changedLines(text, out);
      expect(removed).toHaveLength(1);
      expect(added).toEqual([removed[0]!.replace(value, `${value}-edited`)]);
      expect(reimported(out, source)).toEqual(declaration);
    },
  );

  it.each(cases.filter((c) => actions(c.pipeline.declaration).length > 0))(
    "$name: a new configuration key adds its line (and a comma in JSON) and nothing else",
    ({ text, pipeline, source }) => {
      const declaration = structuredClone(pipeline.declaration);
      const action = actions(declaration)[0]!;
      const configuration = isObject(action["configuration"]) ? (action["configuration"] as JsonMap) : undefined;
      if (configuration === undefined) action["configuration"] = { ReviewedBy: "false" };
      else configuration["ReviewedBy"] = "false";
      const out = exported(source, declaration);
      const { removed, added } = changedLines(text, out);
      // JSON: the member before the new one gains a comma; flow mappings are one line.
      const rest = added.filter((line) => !removed.some((r) => line.replace(/,\s*$/, "") === r.replace(/,?\s*$/, "")));
      expect(removed.length).toBeLessThanOrEqual(1);
      expect(rest.length).toBeGreaterThanOrEqual(1);
      expect(rest.every((line) => /ReviewedBy|[Cc]onfiguration|^[\s{}[\],]*$/.test(line))).toBe(true);
      expect(reimported(out, source)).toEqual(declaration);
    },
  );

  const stageWithTwoActions = (declaration: JsonMap) =>
    (Array.isArray(declaration["stages"]) ? declaration["stages"] : []).find(
      (s): s is JsonMap => isObject(s) && Array.isArray(s["actions"]) && s["actions"].length > 1,
    );

  it.each(cases.filter((c) => stageWithTwoActions(c.pipeline.declaration) !== undefined))(
    "$name: removing an action removes its lines only",
    ({ text, pipeline, source }) => {
      const declaration = structuredClone(pipeline.declaration);
      const stage = stageWithTwoActions(declaration)!;
      const removedAction = (stage["actions"] as JsonMap[]).pop()!;
      const out = exported(source, declaration);
      const { removed, added } = changedLines(text, out);
      expect(added.filter((line) => line.trim() !== "" && !/^[\s\]}),]*$/.test(line))).toEqual([]);
      expect(removed.join("\n")).toContain(String(removedAction["name"]).replace(/^\$\{!Ref (.*)\}$/, "$1"));
      expect(reimported(out, source)).toEqual(declaration);
    },
  );
});
