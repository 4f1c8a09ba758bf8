import { describe, expect, it } from "vitest";
import { validate } from "../validate";
import { buildVariablesRichPipeline } from "./variables-rich-pipeline";

describe("buildVariablesRichPipeline", () => {
  const pipeline = buildVariablesRichPipeline({ stages: 50, actionsPerStage: 10 });
  const builds = pipeline.stages.slice(1).flatMap((stage) => stage.actions) as { configuration: Record<string, string>; inputArtifacts: unknown[] }[];

  it("is a valid pipeline at the quotas' maximum, so the benchmark times a clean validation", () => {
    expect(pipeline.stages.flatMap((stage) => stage.actions)).toHaveLength(500);
    expect(validate(pipeline, { region: "us-east-1" })).toEqual([]);
  });

  it("references namespaces of two earlier stages, pipeline variables and CodePipeline's own variables", () => {
    const late = builds[builds.length - 1]!;
    const references = late.configuration.EnvironmentVariables!.match(/#\{[^}]+\}/g) ?? [];
    expect(references.filter((r) => r.startsWith("#{NS_"))).toHaveLength(2);
    expect(references.filter((r) => r.startsWith("#{variables."))).toHaveLength(3);
    expect(references).toContain("#{codepipeline.PipelineExecutionId}");
    expect(late.inputArtifacts).toHaveLength(2);
    expect(pipeline.variables).toHaveLength(50);
  });
});
