/** Definition operations through the real SDK client against a real emulator. */
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  GetPipelineCommand,
  ListPipelinesCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectAwsError } from "./testing/expect-error";
import { samplePipeline, secretPipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("/reset");
});

const create = (pipeline: PipelineDeclaration, tags?: { key: string; value: string }[]) =>
  emu.client.send(new CreatePipelineCommand({ pipeline, tags }));

describe("CreatePipeline", () => {
  it("stores version 1 with AWS's defaults filled in and echoes the tags", async () => {
    const out = await create(samplePipeline("web"), [{ key: "team", value: "platform" }]);
    expect(out.pipeline?.version).toBe(1);
    expect(out.pipeline?.pipelineType).toBe("V2");
    expect(out.pipeline?.executionMode).toBe("SUPERSEDED");
    const approve = out.pipeline?.stages?.[2]?.actions?.[0];
    expect(approve).toMatchObject({ runOrder: 1, inputArtifacts: [], outputArtifacts: [] });
    expect(out.tags).toEqual([{ key: "team", value: "platform" }]);
  });

  it("defaults pipelineType to V2 and executionMode to SUPERSEDED when omitted", async () => {
    const p = samplePipeline("defaults");
    delete p.pipelineType;
    delete p.executionMode;
    const out = await create(p);
    expect(out.pipeline).toMatchObject({ pipelineType: "V2", executionMode: "SUPERSEDED" });
  });

  it("refuses the 1001st pipeline with LimitExceededException", async () => {
    // Fill the quota straight through the store: 1000 CreatePipeline calls would only be slower.
    const store = emu.emulator.service.backend.store;
    const declaration = samplePipeline("filler") as unknown as Record<string, unknown>;
    for (let i = 0; i < 1000; i++) {
      store.insert({ name: `filler-${i}`, region: "us-east-1", version: 1, declaration, created: 1, updated: 1 }, []);
    }
    await expectAwsError(create(samplePipeline("one-too-many")), "LimitExceededException", "The number of pipelines in account '123456789012' has reached the limit of 1000.");
  });

  it("refuses a name already in use with PipelineNameInUseException", async () => {
    await create(samplePipeline("web"));
    await expectAwsError(create(samplePipeline("web")), "PipelineNameInUseException", "A pipeline with name 'web' already exists in account '123456789012'");
  });
});

describe("GetPipeline", () => {
  it("returns the declaration and metadata (ARN, created, updated as dates)", async () => {
    await create(samplePipeline("web"));
    const out = await emu.client.send(new GetPipelineCommand({ name: "web" }));
    expect(out.pipeline?.name).toBe("web");
    expect(out.pipeline?.stages?.map((s) => s.name)).toEqual(["Source", "Build", "Approve"]);
    expect(out.metadata?.pipelineArn).toBe("arn:aws:codepipeline:us-east-1:123456789012:web");
    expect(out.metadata?.created).toBeInstanceOf(Date);
    expect(out.metadata?.updated?.getTime()).toBe(out.metadata?.created?.getTime());
  });

  it("answers PipelineNotFoundException for a missing pipeline", async () => {
    await expectAwsError(
      emu.client.send(new GetPipelineCommand({ name: "missing" })),
      "PipelineNotFoundException",
      "Account '123456789012' does not have a pipeline with name 'missing'",
    );
  });

  it("answers PipelineVersionNotFoundException for a version that does not exist", async () => {
    await create(samplePipeline("web"));
    await expectAwsError(
      emu.client.send(new GetPipelineCommand({ name: "web", version: 2 })),
      "PipelineVersionNotFoundException",
      "Pipeline 'web' does not have version 2; its latest version is 1.",
    );
  });

  it("rejects a malformed name with ValidationException in AWS's wording", async () => {
    await expectAwsError(
      emu.client.send(new GetPipelineCommand({ name: "my pipeline" })),
      "ValidationException",
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+",
    );
  });

  it("masks secret configuration properties as ****", async () => {
    await create(secretPipeline("gh"));
    const out = await emu.client.send(new GetPipelineCommand({ name: "gh" }));
    expect(out.pipeline?.stages?.[0]?.actions?.[0]?.configuration).toMatchObject({ OAuthToken: "****", Owner: "example-org" });
  });
});

describe("UpdatePipeline", () => {
  it("increments the version, keeps old versions readable and moves `updated`", async () => {
    await create(samplePipeline("web"));
    const before = await emu.client.send(new GetPipelineCommand({ name: "web" }));
    const next = samplePipeline("web");
    next.stages![1]!.actions![0]!.configuration = { ProjectName: "renamed-project" };
    const out = await emu.client.send(new UpdatePipelineCommand({ pipeline: { ...next, version: 1 } }));
    expect(out.pipeline?.version).toBe(2);

    const latest = await emu.client.send(new GetPipelineCommand({ name: "web" }));
    expect(latest.pipeline?.version).toBe(2);
    expect(latest.pipeline?.stages?.[1]?.actions?.[0]?.configuration).toEqual({ ProjectName: "renamed-project" });
    expect(latest.metadata?.created?.getTime()).toBe(before.metadata?.created?.getTime());
    expect(latest.metadata!.updated!.getTime()).toBeGreaterThan(before.metadata!.updated!.getTime());

    const v1 = await emu.client.send(new GetPipelineCommand({ name: "web", version: 1 }));
    expect(v1.pipeline?.version).toBe(1);
    expect(v1.pipeline?.stages?.[1]?.actions?.[0]?.configuration).toEqual({ ProjectName: "web-build" });
  });

  it("answers PipelineNotFoundException for a pipeline that does not exist (the name is immutable)", async () => {
    await create(samplePipeline("web"));
    await expectAwsError(
      emu.client.send(new UpdatePipelineCommand({ pipeline: samplePipeline("web-renamed") })),
      "PipelineNotFoundException",
      "Account '123456789012' does not have a pipeline with name 'web-renamed'",
    );
  });

  it("keeps a stored secret when the masked value is sent back for the same action", async () => {
    await create(secretPipeline("gh"));
    const read = await emu.client.send(new GetPipelineCommand({ name: "gh" }));
    await emu.client.send(new UpdatePipelineCommand({ pipeline: read.pipeline }));
    const stored = emu.emulator.service.definitions.getPipeline("gh");
    expect(stored?.version).toBe(2);
    const source = (stored?.declaration.stages as PipelineDeclaration["stages"])?.[0]?.actions?.[0];
    expect(source?.configuration?.OAuthToken).toBe("ghp_realsecret");
  });

  it("rejects **** in a secret of a new action with InvalidActionDeclarationException", async () => {
    const p = secretPipeline("gh");
    p.stages![0]!.actions![0]!.configuration!.OAuthToken = "****";
    await expectAwsError(create(p), "InvalidActionDeclarationException", /"\*\*\*\*" may be used in secret properties only when updating an existing action.*\(ACT019 at 'pipeline\.stages\[0\]\.actions\[0\]\.configuration\.OAuthToken'\)/);
  });
});

describe("DeletePipeline", () => {
  it("deletes a pipeline, and deleting a missing one is not an error", async () => {
    await create(samplePipeline("web"));
    await emu.client.send(new DeletePipelineCommand({ name: "web" }));
    await expectAwsError(emu.client.send(new GetPipelineCommand({ name: "web" })), "PipelineNotFoundException");
    await expect(emu.client.send(new DeletePipelineCommand({ name: "web" }))).resolves.toBeDefined();
  });

  it("frees the name for a new pipeline that starts again at version 1", async () => {
    await create(samplePipeline("web"));
    await emu.client.send(new UpdatePipelineCommand({ pipeline: samplePipeline("web") }));
    await emu.client.send(new DeletePipelineCommand({ name: "web" }));
    const again = await create(samplePipeline("web"));
    expect(again.pipeline?.version).toBe(1);
  });
});

describe("ListPipelines", () => {
  it("lists summaries in name order", async () => {
    await create(samplePipeline("b-pipe"));
    await create(samplePipeline("a-pipe"));
    const out = await emu.client.send(new ListPipelinesCommand({}));
    expect(out.pipelines?.map((p) => p.name)).toEqual(["a-pipe", "b-pipe"]);
    expect(out.pipelines?.[0]).toMatchObject({ version: 1, pipelineType: "V2", executionMode: "SUPERSEDED" });
    expect(out.pipelines?.[0]?.created).toBeInstanceOf(Date);
    expect(out.nextToken).toBeUndefined();
  });

  it("pages with maxResults and nextToken", async () => {
    for (const name of ["p1", "p2", "p3", "p4", "p5"]) await create(samplePipeline(name));
    const names: string[] = [];
    const tokens: (string | undefined)[] = [];
    let token: string | undefined;
    do {
      const page = await emu.client.send(new ListPipelinesCommand({ maxResults: 2, nextToken: token }));
      expect(page.pipelines!.length).toBeLessThanOrEqual(2);
      names.push(...page.pipelines!.map((p) => p.name!));
      token = page.nextToken;
      tokens.push(token);
    } while (token);
    expect(names).toEqual(["p1", "p2", "p3", "p4", "p5"]);
    expect(tokens.filter(Boolean)).toHaveLength(2);
  });

  it("answers InvalidNextTokenException for a token it did not issue", async () => {
    await expectAwsError(
      emu.client.send(new ListPipelinesCommand({ nextToken: "not-a-token" })),
      "InvalidNextTokenException",
      /^The next token was specified in an invalid format/,
    );
  });

  it("rejects maxResults outside 1..1000 with ValidationException", async () => {
    await expectAwsError(
      emu.client.send(new ListPipelinesCommand({ maxResults: 0 })),
      "ValidationException",
      "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    await expectAwsError(
      emu.client.send(new ListPipelinesCommand({ maxResults: 1001 })),
      "ValidationException",
      "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });
});
