/** State survives a restart on the same data directory; a new directory is seeded once. */
import {
  CreatePipelineCommand,
  GetPipelineCommand,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  UpdatePipelineCommand,
} from "@aws-sdk/client-codepipeline";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CreateExecutionEngine, DefinitionWriter } from "./contract";
import { DATABASE_FILE } from "./db";
import { stubEngine } from "./testing/stub-engine";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator } from "./testing/start-test-emulator";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pipewright-persist-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("persistence", () => {
  it("keeps pipelines, every version and tags across a restart", async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    await first.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("kept"), tags: [{ key: "k", value: "v" }] }));
    const changed = samplePipeline("kept");
    changed.stages![1]!.actions![0]!.configuration = { ProjectName: "v2-project" };
    await first.client.send(new UpdatePipelineCommand({ pipeline: changed }));
    const before = await first.client.send(new GetPipelineCommand({ name: "kept" }));
    await first.close();
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);

    const second = await startTestEmulator({ dataDir });
    try {
      const after = await second.client.send(new GetPipelineCommand({ name: "kept" }));
      expect(after.pipeline).toEqual(before.pipeline);
      expect(after.metadata).toEqual(before.metadata);
      const v1 = await second.client.send(new GetPipelineCommand({ name: "kept", version: 1 }));
      expect(v1.pipeline?.stages?.[1]?.actions?.[0]?.configuration).toEqual({ ProjectName: "kept-build" });
      const tags = await second.client.send(new ListTagsForResourceCommand({ resourceArn: after.metadata!.pipelineArn! }));
      expect(tags.tags).toEqual([{ key: "k", value: "v" }]);
    } finally {
      await second.close();
    }
  });

  it("seeds each demo region of a new data directory once, through the same checks as CreatePipeline", async () => {
    const dataDir = tempDir();
    const seeds: (string | undefined)[] = [];
    const createEngine: CreateExecutionEngine = (options) => ({
      ...stubEngine(),
      seedDemo(definitions: DefinitionWriter) {
        seeds.push(options.region);
        definitions.createPipeline(samplePipeline("demo") as unknown as Record<string, unknown>, [{ key: "demo", value: "true" }]);
        expect(() => definitions.createPipeline({ ...samplePipeline("bad"), stages: [] } as Record<string, unknown>)).toThrow(
          expect.objectContaining({ type: "InvalidStructureException" }),
        );
      },
    });
    const first = await startTestEmulator({ dataDir, seed: true, createEngine });
    expect((await first.client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual(["demo"]);
    await first.close();

    const second = await startTestEmulator({ dataDir, seed: true, createEngine });
    expect((await second.client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual(["demo"]);
    await second.close();
    expect(seeds).toEqual(["us-east-1", "eu-west-1"]);
  });
});
