/** The large-account seed the list tests and `npm run bench:list` stand on. */
import { ListPipelineExecutionsCommand, ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manyPipelineSpec, seedManyPipelines, type SeededPipeline } from "./many-pipelines";
import { startTestEmulator, type TestEmulator } from "./start-test-emulator";

let emu: TestEmulator;
let seeded: SeededPipeline[];
beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 50 });
  seeded = await seedManyPipelines(emu.client, emu.control, { count: 24, timeScale: 50 });
}, 60_000);
afterAll(() => emu.close());

describe("seedManyPipelines", () => {
  it("creates every pipeline with its type and mode", async () => {
    const listed = (await emu.client.send(new ListPipelinesCommand({}))).pipelines ?? [];
    expect(listed.map((p) => p.name).sort()).toEqual(seeded.map((s) => s.name).sort());
    for (const p of listed) {
      const spec = seeded.find((s) => s.name === p.name)!;
      expect({ type: p.pipelineType, mode: p.executionMode }).toEqual({ type: spec.pipelineType, mode: spec.executionMode });
    }
    expect(new Set(seeded.map((s) => s.pipelineType))).toEqual(new Set(["V1", "V2"]));
    expect(new Set(seeded.map((s) => s.executionMode))).toEqual(new Set(["SUPERSEDED", "QUEUED", "PARALLEL"]));
  });

  it("leaves each latest execution in the outcome its spec names", async () => {
    for (const spec of seeded) {
      const page = await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: spec.name, maxResults: 1 }));
      expect([spec.name, page.pipelineExecutionSummaries?.[0]?.status]).toEqual([spec.name, spec.outcome]);
    }
    expect(new Set(seeded.map((s) => s.outcome))).toEqual(new Set(["Succeeded", "Failed", "InProgress"]));
  });

  it("restores the time scale and zeroes the request counter", async () => {
    expect((await emu.control("/time-scale")).body).toMatchObject({ timeScale: 50 });
    // The two reads of the tests above are all the counter has seen since the seed.
    expect(((await emu.control("/requests")).body.operations as Record<string, number>).CreatePipeline).toBeUndefined();
  });

  it("names pipelines the same way on every run", () => {
    expect(manyPipelineSpec(0)).toEqual({ name: "payments-api-000", pipelineType: "V1", executionMode: "SUPERSEDED", outcome: "Succeeded" });
    expect(manyPipelineSpec(13)).toMatchObject({ name: "identity-web-013", outcome: "Failed", pipelineType: "V2" });
  });
});
