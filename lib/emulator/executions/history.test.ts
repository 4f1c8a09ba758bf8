/** ListPipelineExecutions / ListActionExecutions paging and filters; GetPipelineExecution errors. */
import { afterEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../contract";
import { build, pipeline, source } from "./testing/builders";
import { createHarness, serviceErrorOf, type Harness } from "./testing/harness";

let h: Harness;
afterEach(() => h?.close());

async function runs(name: string, count: number, failAt?: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i === failAt) h.engine.failNextRun({ pipelineName: name, stageName: "Build", actionName: "Build" });
    const id = h.start(name);
    await h.waitFor(`run ${i} done`, () => h.status(name, id) !== "InProgress");
    ids.push(id);
  }
  return ids;
}

describe("ListPipelineExecutions", () => {
  it("pages newest first with nextToken, without repeats or gaps", async () => {
    h = createHarness({ timeScale: 2000 });
    h.create(pipeline("paged", [["Source", [source()]], ["Build", [build("Build")]]]));
    const ids = await runs("paged", 5);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = h.engine.listPipelineExecutions({ pipelineName: "paged", maxResults: 2, ...(nextToken ? { nextToken } : {}) });
      seen.push(...(page.pipelineExecutionSummaries as JsonObject[]).map((s) => String(s.pipelineExecutionId)));
      nextToken = page.nextToken as string | undefined;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const first = (h.engine.listPipelineExecutions({ pipelineName: "paged", maxResults: 1 }).pipelineExecutionSummaries as JsonObject[])[0]!;
    expect(first).toMatchObject({
      status: "Succeeded",
      startTime: expect.any(Number),
      lastUpdateTime: expect.any(Number),
      trigger: { triggerType: "StartPipelineExecution" },
      executionMode: "SUPERSEDED",
      executionType: "STANDARD",
      sourceRevisions: [{ actionName: "Source", revisionId: expect.stringMatching(/^[0-9a-f]{40}$/), revisionSummary: expect.any(String), revisionUrl: expect.any(String) }],
    });
  });

  it("filters by the stage an execution succeeded in", async () => {
    h = createHarness({ timeScale: 2000 });
    h.create(pipeline("filtered", [["Source", [source()]], ["Build", [build("Build")]]]));
    const ids = await runs("filtered", 3, 1);
    const page = h.engine.listPipelineExecutions({ pipelineName: "filtered", filter: { succeededInStage: { stageName: "Build" } } });
    expect((page.pipelineExecutionSummaries as JsonObject[]).map((s) => s.pipelineExecutionId)).toEqual([ids[2], ids[0]]);
  });

  it("answers InvalidNextTokenException, ValidationException and PipelineNotFoundException", () => {
    h = createHarness();
    h.create(pipeline("errors", [["Source", [source()]], ["Build", [build("Build")]]]));
    expect(serviceErrorOf(() => h.engine.listPipelineExecutions({ pipelineName: "errors", nextToken: "garbage" })).type).toBe("InvalidNextTokenException");
    expect(serviceErrorOf(() => h.engine.listPipelineExecutions({ pipelineName: "errors", maxResults: 101 })).type).toBe("ValidationException");
    expect(serviceErrorOf(() => h.engine.listPipelineExecutions({ pipelineName: "nope" })).type).toBe("PipelineNotFoundException");
    expect(serviceErrorOf(() => h.engine.getPipelineExecution({ pipelineName: "errors", pipelineExecutionId: "x" })).type).toBe(
      "PipelineExecutionNotFoundException",
    );
    expect(serviceErrorOf(() => h.engine.getPipelineState({ name: "nope" })).type).toBe("PipelineNotFoundException");
  });
});

describe("ListActionExecutions", () => {
  it("lists one execution's actions newest first, paged, and all of a pipeline's without a filter", async () => {
    h = createHarness({ timeScale: 2000 });
    h.create(pipeline("actions", [["Source", [source()]], ["Build", [build("A"), build("B"), build("C", { runOrder: 2 })]]]));
    const [first, second] = await runs("actions", 2);
    const page1 = h.engine.listActionExecutions({ pipelineName: "actions", filter: { pipelineExecutionId: second }, maxResults: 3 });
    const page2 = h.engine.listActionExecutions({ pipelineName: "actions", filter: { pipelineExecutionId: second }, maxResults: 3, nextToken: page1.nextToken });
    const details = [...(page1.actionExecutionDetails as JsonObject[]), ...(page2.actionExecutionDetails as JsonObject[])];
    expect(page2.nextToken).toBeUndefined();
    expect(details.map((d) => d.actionName)).toEqual(["C", "B", "A", "Source"]);
    expect(details.every((d) => d.pipelineExecutionId === second && d.pipelineVersion === 1 && d.status === "Succeeded")).toBe(true);
    expect(details[3]).toMatchObject({
      stageName: "Source",
      input: { actionTypeId: { category: "Source", provider: "CodeCommit" }, configuration: { RepositoryName: "repo" }, region: "us-east-1" },
      output: {
        outputArtifacts: [{ name: "SourceOutput", s3location: { bucket: "codepipeline-us-east-1-123456789012", key: expect.any(String) } }],
        executionResult: { externalExecutionId: expect.stringMatching(/^[0-9a-f]{40}$/), externalExecutionSummary: expect.any(String), externalExecutionUrl: expect.any(String) },
        outputVariables: { CommitId: expect.any(String) },
      },
    });
    const all = h.engine.listActionExecutions({ pipelineName: "actions" }).actionExecutionDetails as JsonObject[];
    expect(all).toHaveLength(8);
    expect(new Set(all.map((d) => d.pipelineExecutionId))).toEqual(new Set([first, second]));
    expect(serviceErrorOf(() => h.engine.listActionExecutions({ pipelineName: "actions", filter: { pipelineExecutionId: "nope" } })).type).toBe(
      "PipelineExecutionNotFoundException",
    );
    expect(serviceErrorOf(() => h.engine.listActionExecutions({ pipelineName: "actions", nextToken: "bad" })).type).toBe("InvalidNextTokenException");
  });
});
