/**
 * StartPipelineExecution: variables, source revision overrides, idempotency, limits, the
 * CreatePipeline run, and what actions see (resolved configuration, revisions, outputs).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../contract";
import { approval, build, lambda, pipeline, source } from "./testing/builders";
import { createHarness, runsOf, serviceErrorOf, type Harness } from "./testing/harness";

let h: Harness;
afterEach(() => h?.close());

const withVariables = (name: string) =>
  pipeline(
    name,
    [
      ["Source", [source("Source", { namespace: "SourceVariables" })]],
      [
        "Build",
        [
          build("Build", {
            namespace: "BuildVariables",
            configuration: {
              EnvironmentVariables: JSON.stringify([
                { name: "ENV", value: "#{variables.Environment}", type: "PLAINTEXT" },
                { name: "COMMIT", value: "#{SourceVariables.CommitId}", type: "PLAINTEXT" },
                { name: "RUN", value: "#{codepipeline.PipelineExecutionId}", type: "PLAINTEXT" },
              ]),
            },
          }),
        ],
      ],
      ["Invoke", [lambda("Notify", { configuration: { UserParameters: "#{BuildVariables.IMAGE_TAG}/#{variables.Region}" } })]],
    ],
    { variables: [{ name: "Environment", defaultValue: "staging" }, { name: "Region" , defaultValue: "eu-west-1" }] },
  );

describe("StartPipelineExecution", () => {
  it("resolves variables (defaults applied) and substitutes references in the configuration", async () => {
    h = createHarness();
    h.create(withVariables("vars"));
    const id = h.start("vars", { variables: [{ name: "Environment", value: "production" }] });
    await h.waitForStatus("vars", id, "Succeeded");
    const detail = h.execution("vars", id);
    expect(detail.variables).toEqual([
      { name: "Environment", resolvedValue: "production" },
      { name: "Region", resolvedValue: "eu-west-1" },
    ]);
    expect(detail.trigger).toEqual({ triggerType: "StartPipelineExecution", triggerDetail: expect.stringMatching(/^arn:aws:iam::/) });
    const runs = h.actions("vars", id);
    const source = runsOf(runs, "Source")[0]!;
    const commit = String(((source.output as JsonObject).outputVariables as JsonObject).CommitId);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect((source.output as JsonObject).outputVariables).toMatchObject({ BranchName: "main", RepositoryName: "repo", CommitMessage: expect.any(String) });
    const buildInput = runsOf(runs, "Build")[0]!.input as JsonObject;
    const env = JSON.parse(String((buildInput.resolvedConfiguration as JsonObject).EnvironmentVariables)) as Array<{ value: string }>;
    expect(env.map((e) => e.value)).toEqual(["production", commit, id]);
    expect((buildInput.configuration as JsonObject).EnvironmentVariables).toContain("#{variables.Environment}");
    expect(buildInput).toMatchObject({ namespace: "BuildVariables", region: "us-east-1", inputArtifacts: [{ name: "SourceOutput", s3location: { bucket: expect.any(String), key: expect.stringMatching(/^vars\/SourceOutp\/\w{7}$/) } }] });
    const notify = runsOf(runs, "Notify")[0]!.input as JsonObject;
    expect((notify.resolvedConfiguration as JsonObject).UserParameters).toBe(`${commit.slice(0, 7)}/eu-west-1`);
    expect(detail.artifactRevisions).toEqual([expect.objectContaining({ name: "SourceOutput", revisionId: commit, revisionSummary: expect.any(String), created: expect.any(Number) })]);
  });

  it("rejects undeclared and repeated variables, and variables on V1 pipelines", () => {
    h = createHarness();
    h.create(withVariables("bad-vars"));
    h.create(pipeline("v1", [["Source", [source()]], ["Build", [build("Build")]]], { pipelineType: "V1" }));
    const start = (name: string, variables: unknown) => () => h.start(name, { variables });
    expect(serviceErrorOf(start("bad-vars", [{ name: "Nope", value: "x" }])).type).toBe("ValidationException");
    expect(serviceErrorOf(start("bad-vars", [{ name: "Region", value: "a" }, { name: "Region", value: "b" }])).type).toBe("ValidationException");
    expect(serviceErrorOf(start("v1", [{ name: "Region", value: "a" }])).type).toBe("ValidationException");
    expect(serviceErrorOf(start("nope", [])).type).toBe("PipelineNotFoundException");
  });

  it("requires a value for a variable without a default", () => {
    h = createHarness();
    h.create(pipeline("required", [["Source", [source()]], ["Build", [build("Build")]]], { variables: [{ name: "Ticket" }] }));
    expect(serviceErrorOf(() => h.start("required")).type).toBe("ValidationException");
    expect(h.start("required", { variables: [{ name: "Ticket", value: "OPS-1" }] })).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("fails an action whose references cannot be resolved at run time", async () => {
    h = createHarness();
    h.create(pipeline("unresolved", [["Source", [source("Source", { namespace: "Src" })]], ["Invoke", [lambda("Call", { configuration: { UserParameters: "#{Src.NoSuchKey}" } })]]]));
    const id = h.start("unresolved");
    await h.waitForStatus("unresolved", id, "Failed");
    const run = runsOf(h.actions("unresolved", id), "Call")[0]!;
    expect(((run.output as JsonObject).executionResult as JsonObject).errorDetails).toMatchObject({ message: expect.stringContaining("#{Src.NoSuchKey}") });
  });

  it("uses source revision overrides", async () => {
    h = createHarness();
    h.create(withVariables("override"));
    const commit = "0123456789abcdef0123456789abcdef01234567";
    const id = h.start("override", { sourceRevisions: [{ actionName: "Source", revisionType: "COMMIT_ID", revisionValue: commit }] });
    expect(h.execution("override", id).artifactRevisions).toEqual([expect.objectContaining({ revisionId: commit })]);
    const summary = (h.engine.listPipelineExecutions({ pipelineName: "override" }).pipelineExecutionSummaries as JsonObject[])[0]!;
    expect(summary.sourceRevisions).toEqual([expect.objectContaining({ actionName: "Source", revisionId: commit })]);
    const bad = (o: JsonObject) => () => h.start("override", { sourceRevisions: [o] });
    expect(serviceErrorOf(bad({ actionName: "Build", revisionType: "COMMIT_ID", revisionValue: commit })).type).toBe("ValidationException");
    expect(serviceErrorOf(bad({ actionName: "Source", revisionType: "IMAGE_DIGEST", revisionValue: "sha256:1" })).type).toBe("ValidationException");
    expect(serviceErrorOf(bad({ actionName: "Source", revisionType: "S3_OBJECT_KEY", revisionValue: "k" })).type).toBe("ValidationException");
  });

  it("is idempotent per clientRequestToken and answers ConflictException for a reused token with other parameters", () => {
    h = createHarness();
    h.create(withVariables("idempotent"));
    const first = h.start("idempotent", { clientRequestToken: "release-42" });
    expect(h.start("idempotent", { clientRequestToken: "release-42" })).toBe(first);
    expect(h.engine.listPipelineExecutions({ pipelineName: "idempotent" }).pipelineExecutionSummaries).toHaveLength(1);
    expect(serviceErrorOf(() => h.start("idempotent", { clientRequestToken: "release-42", variables: [{ name: "Region", value: "x" }] })).type).toBe(
      "ConflictException",
    );
    expect(h.start("idempotent", { clientRequestToken: "release-43" })).not.toBe(first);
  });

  it("answers ConcurrentPipelineExecutionsLimitExceededException when a QUEUED pipeline is full", () => {
    h = createHarness();
    h.create(pipeline("full", [["Source", [source()]], ["Approval", [approval()]]], { executionMode: "QUEUED" }));
    for (let i = 0; i < 50; i++) h.start("full");
    expect(serviceErrorOf(() => h.start("full")).type).toBe("ConcurrentPipelineExecutionsLimitExceededException");
  });

  it("starts a pipeline once when it is created (trigger CreatePipeline)", async () => {
    h = createHarness();
    h.create(pipeline("created", [["Source", [source()]], ["Build", [build("Build")]]]));
    h.engine.onPipelineCreated(h.definitions.getPipeline("created")!);
    const [summary] = h.engine.listPipelineExecutions({ pipelineName: "created" }).pipelineExecutionSummaries as JsonObject[];
    expect(summary).toMatchObject({ trigger: { triggerType: "CreatePipeline" }, status: "InProgress", executionMode: "SUPERSEDED", executionType: "STANDARD" });
    await h.waitForStatus("created", String(summary!.pipelineExecutionId), "Succeeded");
  });
});
