/** The emulator keeps pipelines per region: each region its own name space, history and tags. */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator | undefined;
const clients: CodePipelineClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await emu?.close();
  emu = undefined;
});

function clientIn(region: string): CodePipelineClient {
  const client = new CodePipelineClient({ endpoint: emu!.url, region, credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });
  clients.push(client);
  return client;
}

const names = async (client: CodePipelineClient) => (await client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name);

describe("regions", () => {
  it("keep a name space each: the same name in two regions is two pipelines", async () => {
    emu = await startTestEmulator();
    const us = clientIn("us-east-1");
    const eu = clientIn("eu-west-1");
    await us.send(new CreatePipelineCommand({ pipeline: samplePipeline("shared"), tags: [{ key: "team", value: "us" }] }));
    expect(await names(eu)).toEqual([]);
    const euPipeline = samplePipeline("shared");
    euPipeline.stages![1]!.actions![0]!.configuration = { ProjectName: "eu-build" };
    await eu.send(new CreatePipelineCommand({ pipeline: euPipeline, tags: [{ key: "team", value: "eu" }] }));
    await eu.send(new CreatePipelineCommand({ pipeline: samplePipeline("eu-only") }));

    expect(await names(us)).toEqual(["shared"]);
    expect(await names(eu)).toEqual(["eu-only", "shared"]);
    const got = await eu.send(new GetPipelineCommand({ name: "shared" }));
    expect(got.pipeline?.stages?.[1]?.actions?.[0]?.configuration).toEqual({ ProjectName: "eu-build" });
    expect(got.metadata?.pipelineArn).toBe("arn:aws:codepipeline:eu-west-1:123456789012:shared");
    const tags = await eu.send(new ListTagsForResourceCommand({ resourceArn: got.metadata!.pipelineArn! }));
    expect(tags.tags).toEqual([{ key: "team", value: "eu" }]);
    // Each region runs its own executions (CreatePipeline starts one).
    expect((await eu.send(new ListPipelineExecutionsCommand({ pipelineName: "eu-only" }))).pipelineExecutionSummaries).toHaveLength(1);
    await expect(us.send(new ListPipelineExecutionsCommand({ pipelineName: "eu-only" }))).rejects.toMatchObject({ name: "PipelineNotFoundException" });

    await eu.send(new DeletePipelineCommand({ name: "shared" }));
    expect(await names(us)).toEqual(["shared"]);
    expect((await emu.control("/health")).body).toMatchObject({ pipelines: 1, regions: { "us-east-1": 1, "eu-west-1": 1 } });
  });

  it("start a new data directory with demo pipelines in two regions, and reset and seed them all", async () => {
    emu = await startTestEmulator({ seed: true });
    const us = clientIn("us-east-1");
    const eu = clientIn("eu-west-1");
    expect(await names(us)).toEqual(["checkout-service", "payments-api", "release-train", "storefront-web", "thumbnail-service"]);
    expect(await names(eu)).toEqual(["ledger-eu", "search-indexer-eu"]);
    expect(await names(clientIn("ap-south-1"))).toEqual([]);
    const history = await eu.send(new ListPipelineExecutionsCommand({ pipelineName: "search-indexer-eu" }));
    expect(history.pipelineExecutionSummaries?.[0]?.status).toBe("Failed");

    await emu.control("/reset");
    expect(await names(eu)).toEqual([]);
    expect((await emu.control("/seed")).body.pipelines).toEqual(["checkout-service", "payments-api", "release-train", "storefront-web", "thumbnail-service"]);
    expect(await names(eu)).toEqual(["ledger-eu", "search-indexer-eu"]);
  });

  it("give the demo pipelines of a region console and revision links of that region", async () => {
    emu = await startTestEmulator({ seed: true });
    const eu = clientIn("eu-west-1");
    const urls: string[] = [];
    for (const name of ["ledger-eu", "search-indexer-eu"]) {
      const state = await eu.send(new GetPipelineStateCommand({ name }));
      for (const stage of state.stageStates ?? []) {
        for (const action of stage.actionStates ?? []) urls.push(...[action.entityUrl, action.revisionUrl, action.latestExecution?.externalExecutionUrl].filter((u) => u !== undefined));
      }
      const runs = await eu.send(new ListActionExecutionsCommand({ pipelineName: name }));
      for (const run of runs.actionExecutionDetails ?? []) {
        expect(run.input?.region).toBe("eu-west-1");
        if (run.output?.executionResult?.externalExecutionUrl) urls.push(run.output.executionResult.externalExecutionUrl);
      }
    }
    const aws = urls.filter((u) => u.includes("amazon"));
    expect(aws.length).toBeGreaterThan(3);
    for (const url of aws) expect(url).toContain("eu-west-1");
    for (const url of urls) expect(url).not.toContain("us-east-1");
  });

  it("take one region's endpoint down and up again through the control API", async () => {
    emu = await startTestEmulator();
    const us = clientIn("us-east-1");
    const eu = clientIn("eu-west-1");
    expect((await emu.control("/region-down", { region: "eu-west-1", down: true })).body).toMatchObject({ regionsDown: ["eu-west-1"] });
    await expect(eu.send(new ListPipelinesCommand({}))).rejects.toThrow();
    expect(await names(us)).toEqual([]);
    await emu.control("/region-down", { region: "eu-west-1", down: false });
    expect(await names(eu)).toEqual([]);
    expect((await emu.control("/region-down", { region: "mars-1", down: true })).status).toBe(400);
  });
});
