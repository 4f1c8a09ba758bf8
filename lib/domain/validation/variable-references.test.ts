import { describe, expect, it } from "vitest";
import { buildIndex } from "../pipeline/pipeline-index";
import { validPipeline } from "./testing/fixtures";
import {
  actionScope,
  availableReferences,
  checkReference,
  describeReferenceProblem,
  hasReference,
  outputKeysOf,
  referenceAtCursor,
  ruleScope,
  scanReferences,
} from "./variable-references";

describe("scanReferences", () => {
  it("scans a text once: the same text gives the same (read-only) result, a string without references none", () => {
    const text = "#{SourceVariables.CommitId}-#{variables.env}";
    const first = scanReferences(text);
    expect(first.map((r) => `${r.namespace}.${r.key}`)).toEqual(["SourceVariables.CommitId", "variables.env"]);
    expect(scanReferences(`${text.slice(0, 10)}${text.slice(10)}`)).toBe(first);
    expect(scanReferences("plain")).toEqual([]);
  });

  it("finds valid references with offsets", () => {
    const refs = scanReferences("id=#{SourceVariables.CommitId}, run #{codepipeline.PipelineExecutionId}");
    expect(refs).toEqual([
      { text: "#{SourceVariables.CommitId}", offset: 3, end: 30, namespace: "SourceVariables", key: "CommitId", problem: undefined },
      { text: "#{codepipeline.PipelineExecutionId}", offset: 36, end: 71, namespace: "codepipeline", key: "PipelineExecutionId", problem: undefined },
    ]);
  });

  it("returns nothing for text without references", () => {
    expect(scanReferences("plain {text} with # and {")).toEqual([]);
    expect(hasReference("plain")).toBe(false);
    expect(hasReference("a #{b.c}")).toBe(true);
  });

  it.each([
    ["#{CommitId}", "missing-period"],
    ["#{Source.Variables.CommitId}", "extra-period"],
    ["#{}", "empty"],
    ["#{Source Vars.CommitId}", "invalid-namespace"],
    ["#{SourceVars.Commit Id}", "invalid-key"],
    ["#{SourceVars.}", "invalid-key"],
    ["#{.key}", "invalid-namespace"],
    ["#{SourceVars.CommitId", "unclosed"],
  ])("%s is malformed: %s", (text, problem) => {
    const [ref] = scanReferences(text);
    expect(ref?.problem).toBe(problem);
    expect(describeReferenceProblem(ref!)).toContain(text);
  });

  it("resumes after an unclosed reference at the next one", () => {
    const refs = scanReferences("#{a.b and #{c.d}");
    expect(refs.map((r) => [r.text, r.problem])).toEqual([
      ["#{a.b and ", "unclosed"],
      ["#{c.d}", undefined],
    ]);
  });

  it("accepts @ - _ in both parts", () => {
    expect(scanReferences("#{my-ns@1.key_2-x}")[0]?.problem).toBeUndefined();
  });
});

describe("referenceAtCursor", () => {
  it("reports what has been typed inside a reference", () => {
    expect(referenceAtCursor("x #{Sour", 8)).toEqual({ offset: 2, namespace: "Sour", key: undefined });
    expect(referenceAtCursor("x #{SourceVariables.Com}", 23)).toEqual({ offset: 2, namespace: "SourceVariables", key: "Com" });
    expect(referenceAtCursor("#{a.b} after", 10)).toBeUndefined();
    expect(referenceAtCursor("no reference", 5)).toBeUndefined();
  });
});

describe("availableReferences", () => {
  it("lists built-ins, pipeline variables and namespaces of earlier actions with their keys", () => {
    const doc = validPipeline();
    doc.variables = [{ name: "env", defaultValue: "prod" }];
    doc.stages[1].actions[0].namespace = "BuildVariables";
    const index = buildIndex(doc);
    const build = index.actions[1]!;
    const names = availableReferences(index, actionScope(build)).map((n) => [n.namespace, n.keys]);
    expect(names).toEqual([
      ["codepipeline", ["PipelineExecutionId"]],
      ["variables", ["env"]],
      ["SourceVariables", ["CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"]],
    ]);
    const deploy = index.actions[2]!;
    const atDeploy = availableReferences(index, actionScope(deploy));
    expect(atDeploy.find((n) => n.namespace === "BuildVariables")?.keys).toBeUndefined(); // CodeBuild keys are user-defined
  });

  it("hides same-stage namespaces from beforeEntry rules but not from onSuccess rules", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0].namespace = "BuildVariables";
    const index = buildIndex(doc);
    const before = availableReferences(index, ruleScope(1, "beforeEntry")).map((n) => n.namespace);
    const after = availableReferences(index, ruleScope(1, "onSuccess")).map((n) => n.namespace);
    expect(before).not.toContain("BuildVariables");
    expect(after).toContain("BuildVariables");
  });

  it("uses a Commands action's outputVariables as its keys", () => {
    const doc = validPipeline();
    doc.stages[1].actions[0] = {
      name: "Test",
      actionTypeId: { category: "Compute", owner: "AWS", provider: "Commands", version: "1" },
      commands: ["npm test"],
      inputArtifacts: [{ name: "SourceOutput" }],
      outputVariables: ["REPORT_URL"],
      namespace: "TestVars",
    };
    const index = buildIndex(doc);
    expect(outputKeysOf(index.actions[1]!)).toEqual(["REPORT_URL"]);
  });
});

describe("checkReference", () => {
  const index = buildIndex(validPipeline());
  const build = index.actions[1]!;
  const check = (text: string) => checkReference(index, scanReferences(text)[0]!, actionScope(build));

  it("accepts a reference to an earlier action's known key", () => {
    expect(check("#{SourceVariables.CommitId}")).toBeUndefined();
    expect(check("#{codepipeline.PipelineExecutionId}")).toBeUndefined();
  });

  it.each([
    ["#{CommitId}", "VAR005", "error"],
    ["#{SourceVariables.CommitId", "VAR005", "warning"],
    ["#{Nope.CommitId}", "VAR006", "error"],
    ["#{variables.region}", "VAR008", "error"],
    ["#{codepipeline.PipelineName}", "VAR009", "warning"],
    ["#{SourceVariables.CommitID}", "VAR010", "warning"],
  ])("%s → %s", (text, code, severity) => {
    expect(check(text)).toMatchObject({ code, severity });
  });

  it("suggests the right case for a known key", () => {
    expect(check("#{SourceVariables.CommitID}")?.message).toMatch(/did you mean "CommitId"/);
  });

  it("rejects a namespace whose owner does not run earlier", () => {
    const source = index.actions[0]!;
    expect(checkReference(index, scanReferences("#{SourceVariables.CommitId}")[0]!, actionScope(source))).toMatchObject({ code: "VAR007" });
  });
});
