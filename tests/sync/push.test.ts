/**
 * The designer's server actions called directly, as the browser would, against a real emulator:
 * open a live pipeline, review, push (create and update), the stale-version check with a change
 * made meanwhile by Debian's `aws codepipeline update-pipeline`, merging, overwriting, in-flight
 * executions, a definition the service rejects, throttling, masked secrets, delete.
 */
import { CreatePipelineCommand, GetPipelineCommand, ListPipelineExecutionsCommand, ListPipelinesCommand, UpdatePipelineCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePipelineAction } from "@/app/pipelines/[name]/actions";
import { openLivePipeline, pushPipeline, reviewPush } from "@/app/designer/actions";
import type { Gateway } from "@/lib/aws/client";
import { pushDesign } from "@/lib/aws/sync/push";
import { applyCommandStrict } from "@/lib/domain/designer/commands";
import type { DesignerCommand, DesignerDocument } from "@/lib/domain/designer/contract";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import type { JsonObject } from "@/lib/domain/json";
import { isUnchanged, significantChanges } from "@/lib/domain/sync/changes";
import { diffDeclarations } from "@/lib/domain/sync/diff";
import { warningKey } from "@/lib/domain/sync/inputs";
import { mergeDeclarations, resolveMerge } from "@/lib/domain/sync/merge";
import { validate } from "@/lib/domain/validation";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { eventually, quiesce } from "../aws/fixtures";
import { gatewayFor } from "../aws/test-gateway";
import { awsCliAvailable, runAws } from "../cli/debian-aws";
import { actionOf, releasePipeline, useEmulatorBackend } from "./fixtures";

let emu: TestEmulator;
let restoreEnv: () => void;

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 100 });
  restoreEnv = useEmulatorBackend(emu);
});
afterAll(async () => {
  restoreEnv?.();
  await emu?.close();
});

/** Narrows a result union to one status, failing the test with the whole result otherwise. */
function expectStatus<R extends { status: string }, S extends R["status"]>(result: R, status: S): Extract<R, { status: S }> {
  expect(result, JSON.stringify(result)).toMatchObject({ status });
  return result as Extract<R, { status: S }>;
}

/** A pipeline created directly (not through Pipewright), with the execution creation starts stopped. */
async function createLive(declaration: JsonObject): Promise<void> {
  await emu.client.send(new CreatePipelineCommand({ pipeline: declaration as unknown as PipelineDeclaration }));
  await quiesce(emu.client, String(declaration.name));
}

async function open(name: string) {
  return expectStatus(await openLivePipeline({ name }), "opened");
}

/** Designer edits on a declaration, by stage and action names. */
function edit(declaration: JsonObject, make: (at: (stage: string, action?: string) => string, doc: DesignerDocument) => DesignerCommand[]): JsonObject {
  let doc = documentFromDeclaration(declaration);
  const at = (stage: string, action?: string) => {
    const stages = (doc.declaration.stages as JsonObject[]).map((s) => s.name);
    const i = stages.indexOf(stage);
    if (action === undefined) return doc.stageIds[i]!;
    const j = ((doc.declaration.stages as JsonObject[])[i]!.actions as JsonObject[]).findIndex((a) => a.name === action);
    return doc.actionIds[i]![j]!;
  };
  for (const command of make(at, doc)) doc = applyCommandStrict(doc, command).document;
  return doc.declaration;
}

const configure = (actionId: string, ProjectName: string): DesignerCommand => ({ type: "updateAction", actionId, patch: { configuration: { ProjectName } } });

async function liveDeclaration(name: string) {
  return (await emu.client.send(new GetPipelineCommand({ name }))).pipeline!;
}

describe("server actions against the emulator", { timeout: 60_000 }, () => {
  it("creates a designed pipeline: it is listed and GetPipeline returns what was designed", async () => {
    const design = releasePipeline("sync-create");
    expect(validate(design, { region: "us-east-1", operation: "create" })).toEqual([]);
    const review = expectStatus(await reviewPush({ declaration: design }), "reviewed");
    expect(review).toMatchObject({ operation: "create", diagnostics: [], stale: false, inFlight: [] });

    const pushed = expectStatus(await pushPipeline({ declaration: design, tags: [{ key: "team", value: "web" }] }), "pushed");
    expect(pushed).toMatchObject({ operation: "create", name: "sync-create", version: 1, href: "/pipelines/sync-create" });
    expect(pushed.base).toEqual({ name: "sync-create", region: "us-east-1", version: 1, updated: expect.any(String) });

    const listed = await emu.client.send(new ListPipelinesCommand({}));
    expect(listed.pipelines?.map((p) => p.name)).toContain("sync-create");
    const live = (await liveDeclaration("sync-create")) as unknown as JsonObject;
    // Only what GetPipeline writes out (defaults, version) differs.
    expect(isUnchanged(diffDeclarations(live, design))).toBe(true);

    // The name is taken now: a clear result offering to open it, from review and push alike.
    expect(await reviewPush({ declaration: design })).toMatchObject({ status: "name-in-use", name: "sync-create" });
    expect(await pushPipeline({ declaration: design })).toMatchObject({ status: "name-in-use", name: "sync-create", message: expect.stringContaining("already exists") });
  });

  it("opens a live pipeline, shows an action moved into a parallel group as exactly that, and pushes version + 1", async () => {
    await createLive(releasePipeline("sync-edit"));
    const opened = await open("sync-edit");
    expect(opened.base).toEqual({ name: "sync-edit", region: "us-east-1", version: 1, updated: expect.any(String) });
    expect(opened.backend).toEqual({ label: "Local emulator", region: "us-east-1" });

    const draft = edit(opened.declaration, (at) => [{ type: "moveAction", actionId: at("Build", "Lint"), target: { stageId: at("Build"), kind: "join", group: 1 } }]);
    const changes = significantChanges(diffDeclarations(opened.declaration, draft));
    expect(changes).toEqual([
      expect.objectContaining({ kind: "action-moved", name: "Lint", from: expect.objectContaining({ group: 3, parallelWith: [] }), to: expect.objectContaining({ group: 2, parallelWith: ["UnitTests"] }) }),
    ]);

    const review = expectStatus(await reviewPush({ declaration: draft, base: opened.base }), "reviewed");
    expect(review).toMatchObject({ operation: "update", stale: false, inFlight: [], diagnostics: [] });
    expect(review.live?.base.version).toBe(1);

    const pushed = expectStatus(await pushPipeline({ declaration: draft, base: opened.base }), "pushed");
    expect(pushed).toMatchObject({ operation: "update", version: 2, base: { version: 2 } });
    const live = await liveDeclaration("sync-edit");
    expect(live.version).toBe(2);
    expect(live.stages![1]!.actions!.map((a) => [a.name, a.runOrder])).toEqual([
      ["Compile", 1],
      ["UnitTests", 2],
      ["Lint", 2],
    ]);
  });

  it.skipIf(!awsCliAvailable)("refuses a push after Debian's aws update-pipeline changed the pipeline, then merges both changes", async () => {
    await createLive(releasePipeline("sync-conflict"));
    const opened = await open("sync-conflict");
    const draft = edit(opened.declaration, (at) => [configure(at("Build", "Lint"), "web-lint-v2")]);

    // Meanwhile, someone else changes Compile with the CLI. Debian's aws-cli 2.9.19 predates V2
    // pipelines and refuses their members client-side, so they are left out of its input.
    const { pipelineType: _t, executionMode: _m, ...cliPipeline } = structuredClone(opened.declaration) as JsonObject & { stages: JsonObject[] };
    actionOf(cliPipeline, 1, 0).configuration = { ProjectName: "web-compile-cli" };
    const file = path.join(emu.dataDir, "sync-conflict-update.json");
    writeFileSync(file, JSON.stringify({ pipeline: cliPipeline }));
    const cli = await runAws(emu.url, "update-pipeline", "--cli-input-json", `file://${file}`);
    expect(cli.stderr).toBe("");
    expect(JSON.parse(cli.stdout).pipeline.version).toBe(2);

    const conflict = expectStatus(await pushPipeline({ declaration: draft, base: opened.base }), "conflict");
    expect(conflict.base.version).toBe(1);
    expect(conflict.live.base.version).toBe(2);
    expect(actionOf(conflict.live.declaration, 1, 0).configuration).toEqual({ ProjectName: "web-compile-cli" });
    expect((await liveDeclaration("sync-conflict")).version).toBe(2); // nothing pushed

    // The other change, reviewed: base → live.
    expect(significantChanges(diffDeclarations(opened.declaration, conflict.live.declaration))).toEqual([
      expect.objectContaining({ kind: "field", path: ["configuration", "ProjectName"], before: "web-compile", after: "web-compile-cli" }),
    ]);
    // The conflict brings the base version's declaration: everything the merge needs.
    expect(conflict.baseDeclaration).toEqual(opened.declaration);
    const merge = mergeDeclarations(conflict.baseDeclaration, conflict.live.declaration, draft);
    expect(merge.conflicts).toEqual([]);
    const merged = resolveMerge(merge) as JsonObject;
    const pushed = expectStatus(await pushPipeline({ declaration: merged, base: conflict.live.base }), "pushed");
    expect(pushed.version).toBe(3);
    const live = await liveDeclaration("sync-conflict");
    expect(live.stages![1]!.actions!.map((a) => a.configuration)).toEqual([
      { ProjectName: "web-compile-cli" },
      { ProjectName: "web-tests" },
      { ProjectName: "web-lint-v2" },
    ]);
  });

  it("makes overlapping changes a field-level choice, and overwrites only the version confirmed by name", async () => {
    await createLive(releasePipeline("sync-overlap"));
    const opened = await open("sync-overlap");
    const theirs = edit(opened.declaration, (at) => [configure(at("Build", "Compile"), "theirs")]);
    await emu.client.send(new UpdatePipelineCommand({ pipeline: theirs as unknown as PipelineDeclaration }));
    const mine = edit(opened.declaration, (at) => [configure(at("Build", "Compile"), "mine")]);

    const conflict = expectStatus(await pushPipeline({ declaration: mine, base: opened.base }), "conflict");
    const merge = mergeDeclarations(opened.declaration, conflict.live.declaration, mine);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]!.title).toBe("Build / Compile: configuration.ProjectName changed");
    const merged = resolveMerge(merge, { [merge.conflicts[0]!.id]: "mine" }) as JsonObject;
    expectStatus(await pushPipeline({ declaration: merged, base: conflict.live.base }), "pushed");
    expect(actionOf(await liveDeclaration("sync-overlap"), 1, 0).configuration).toEqual({ ProjectName: "mine" });

    // Overwrite: the exact live version, and the pipeline's name typed.
    const stale = opened.base; // version 1; live is at 3
    const again = edit(opened.declaration, (at) => [configure(at("Build", "UnitTests"), "overwritten")]);
    expectStatus(await pushPipeline({ declaration: again, base: stale, overwrite: { liveVersion: 2, confirmName: "sync-overlap" } }), "conflict");
    expectStatus(await pushPipeline({ declaration: again, base: stale, overwrite: { liveVersion: 3, confirmName: "sync-overla" } }), "confirmation-mismatch");
    expect((await liveDeclaration("sync-overlap")).version).toBe(3);
    const overwritten = expectStatus(await pushPipeline({ declaration: again, base: stale, overwrite: { liveVersion: 3, confirmName: "sync-overlap" } }), "pushed");
    expect(overwritten.version).toBe(4);
    expect(actionOf(await liveDeclaration("sync-overlap"), 1, 0).configuration).toEqual({ ProjectName: "web-compile" });
  });

  it("names the in-flight execution a push would end, and asks for the warning to be acknowledged", async () => {
    await emu.client.send(new CreatePipelineCommand({ pipeline: releasePipeline("sync-inflight") as unknown as PipelineDeclaration }));
    const opened = await open("sync-inflight");
    // Creating the pipeline started an execution; it waits at the manual approval.
    const review = await eventually(async () => {
      const r = expectStatus(await reviewPush({ declaration: opened.declaration, base: opened.base }), "reviewed");
      return r.inFlight[0]?.currentStage === "Approve" ? r : undefined;
    }, "the execution to wait for approval");
    const [execution] = review.inFlight;
    expect(execution).toMatchObject({ status: "InProgress", currentStage: "Approve", sourceRevisions: [expect.objectContaining({ actionName: "Checkout", revisionId: expect.stringMatching(/^[0-9a-f]{40}$/) })] });
    expect(review.inFlightNotice).toContain(execution!.executionId);
    expect(review.inFlightNotice).toContain("in Approve");
    const warning = review.diagnostics.find((d) => d.code === "EXEC002")!;
    expect(warning).toMatchObject({ severity: "warning" });

    const unacknowledged = expectStatus(await pushPipeline({ declaration: opened.declaration, base: opened.base }), "unacknowledged-warnings");
    expect(unacknowledged.warnings.map(warningKey)).toEqual([warningKey(warning)]);
    expectStatus(await pushPipeline({ declaration: opened.declaration, base: opened.base, acknowledgedWarnings: [warningKey(warning)] }), "pushed");
    await eventually(async () => {
      const out = await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: "sync-inflight" }));
      const status = out.pipelineExecutionSummaries?.find((e) => e.pipelineExecutionId === execution!.executionId)?.status;
      return status === "Cancelled" ? true : undefined;
    }, "the update to cancel the waiting execution");
  });

  it("shows CodePipeline's own rejection on the field it names, and changes nothing", async () => {
    await createLive(releasePipeline("sync-rejected"));
    const opened = await open("sync-rejected");
    const draft = edit(opened.declaration, (at) => [configure(at("Build", "Compile"), "web-compile-v2")]);
    const message = "Action declaration at 'pipeline.stages.2.member.actions.1.member.name' is not supported in this account.";
    expect((await emu.control("/reject-next", { message })).status).toBe(200);

    const result = expectStatus(await pushPipeline({ declaration: draft, base: opened.base }), "failed");
    expect(result).toEqual({
      status: "failed",
      kind: "invalid-definition",
      title: "CodePipeline rejected the pipeline definition.",
      message,
      field: { path: "stages[1].actions[0].name", awsPath: "pipeline.stages.2.member.actions.1.member.name" },
      // The refused UpdatePipeline's id, from the service exception's metadata.
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect((await liveDeclaration("sync-rejected")).version).toBe(1);
    expectStatus(await pushPipeline({ declaration: draft, base: opened.base }), "pushed");
  });

  it("pushes exactly once while 30% of CodePipeline calls are throttled", async () => {
    await createLive(releasePipeline("sync-throttled"));
    const opened = await open("sync-throttled");
    const draft = edit(opened.declaration, (at) => [configure(at("Build", "Compile"), "web-compile-v2")]);
    await emu.control("/throttle", { fraction: 0.3 });
    try {
      const pushed = expectStatus(await pushPipeline({ declaration: draft, base: opened.base }), "pushed");
      expect(pushed.version).toBe(2);
    } finally {
      await emu.control("/throttle", { fraction: 0 });
    }
    expect((await liveDeclaration("sync-throttled")).version).toBe(2);
    await expect(emu.client.send(new GetPipelineCommand({ name: "sync-throttled", version: 3 }))).rejects.toMatchObject({ name: "PipelineVersionNotFoundException" });
  });

  it("refuses pushes it cannot make: another region, a renamed pipeline, a deleted one, validation errors", async () => {
    await createLive(releasePipeline("sync-refusals"));
    const opened = await open("sync-refusals");
    expect(await pushPipeline({ declaration: opened.declaration, base: { ...opened.base, region: "eu-west-1" } })).toMatchObject({
      status: "wrong-region",
      draftRegion: "eu-west-1",
      serverRegion: "us-east-1",
    });
    expect(await pushPipeline({ declaration: { ...opened.declaration, name: "sync-renamed" }, base: opened.base })).toMatchObject({
      status: "name-changed",
      liveName: "sync-refusals",
      draftName: "sync-renamed",
    });
    const ghost = releasePipeline("sync-ghost");
    expect(await pushPipeline({ declaration: ghost, base: { name: "sync-ghost", region: "us-east-1", version: 3 } })).toMatchObject({ status: "not-found", name: "sync-ghost" });
    expect(await reviewPush({ declaration: ghost, base: { name: "sync-ghost", region: "us-east-1", version: 3 } })).toMatchObject({ status: "not-found" });

    const broken = { ...opened.declaration, stages: (opened.declaration.stages as JsonObject[]).slice(0, 1) };
    const invalid = expectStatus(await pushPipeline({ declaration: broken, base: opened.base }), "invalid");
    expect(invalid.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect((await liveDeclaration("sync-refusals")).version).toBe(1);
  });

  it("keeps a masked secret the draft sends back, and refuses one on an action the live pipeline does not have", async () => {
    const design = releasePipeline("sync-secret");
    actionOf(design, 0, 0).actionTypeId = { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" };
    actionOf(design, 0, 0).configuration = { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: "ghp_stored-token", PollForSourceChanges: "false" };
    await createLive(design);
    const opened = await open("sync-secret");
    expect(actionOf(opened.declaration, 0, 0).configuration).toMatchObject({ OAuthToken: "****" });

    const draft = edit(opened.declaration, (at) => [configure(at("Build", "Lint"), "web-lint-v2")]);
    const review = expectStatus(await reviewPush({ declaration: draft, base: opened.base }), "reviewed");
    const acknowledgedWarnings = review.diagnostics.filter((d) => d.severity === "warning").map(warningKey);
    expectStatus(await pushPipeline({ declaration: draft, base: opened.base, acknowledgedWarnings }), "pushed");
    const stored = emu.emulator.service.backend.store.get("sync-secret")!.declaration as JsonObject;
    expect(actionOf(stored, 0, 0).configuration).toMatchObject({ OAuthToken: "ghp_stored-token" });

    const reopened = await open("sync-secret");
    const renamed = edit(reopened.declaration, (at) => [{ type: "renameAction", actionId: at("Source", "Checkout"), name: "GitHub" }]);
    const invalid = expectStatus(await pushPipeline({ declaration: renamed, base: reopened.base, acknowledgedWarnings }), "invalid");
    expect(invalid.diagnostics).toContainEqual(expect.objectContaining({ code: "ACT019", path: "stages[0].actions[0].configuration.OAuthToken" }));
  });

  it("names a push that makes a V1 pipeline V2, with its pricing change", async () => {
    const v1 = { ...releasePipeline("sync-v1"), pipelineType: "V1" };
    await createLive(v1);
    const opened = await open("sync-v1");
    const draft = { ...opened.declaration, variables: [{ name: "env", defaultValue: "prod" }] };
    const review = expectStatus(await reviewPush({ declaration: draft, base: opened.base }), "reviewed");
    expect(review.v2?.message).toContain("billed per action-execution minute");
    expect(review.diagnostics.some((d) => d.severity === "error")).toBe(true); // variables on an explicit V1
    const upgraded = expectStatus(await reviewPush({ declaration: { ...draft, pipelineType: "V2" }, base: opened.base }), "reviewed");
    expect(upgraded.v2?.message).toContain("This pipeline is now V2");
  });

  it("tells when another update landed between the version check and the push (the window AWS leaves open)", async () => {
    await createLive(releasePipeline("sync-race"));
    const opened = await open("sync-race");
    const theirs = edit(opened.declaration, (at) => [configure(at("Build", "UnitTests"), "theirs")]);
    const mine = edit(opened.declaration, (at) => [configure(at("Build", "Compile"), "mine")]);
    // A gateway that lets someone else's UpdatePipeline in just before the push's own.
    const gw = gatewayFor(emu.url);
    let raced = false;
    const racing: Gateway = {
      ...gw,
      call: async (send, options) => {
        if (options?.definition && !raced) {
          raced = true;
          await emu.client.send(new UpdatePipelineCommand({ pipeline: theirs as unknown as PipelineDeclaration }));
        }
        return gw.call(send, options);
      },
    };
    const pushed = expectStatus(await pushDesign({ declaration: mine, base: opened.base }, racing), "pushed");
    expect(pushed.version).toBe(3);
    expect(pushed.replacedVersions).toEqual([2]);
    expect(pushed.message).toContain("version 2");
    // The replaced version is still there to review.
    const replaced = await emu.client.send(new GetPipelineCommand({ name: "sync-race", version: 2 }));
    expect(replaced.pipeline!.stages![1]!.actions![1]!.configuration).toEqual({ ProjectName: "theirs" });
  });

  it("deletes a pipeline only when its name is typed exactly", async () => {
    await createLive(releasePipeline("sync-delete"));
    expect(await deletePipelineAction({ name: "sync-delete", confirmName: "sync-delet" })).toMatchObject({ status: "confirmation-mismatch" });
    expect((await liveDeclaration("sync-delete")).name).toBe("sync-delete");
    expect(await deletePipelineAction({ name: "sync-delete", confirmName: "sync-delete" })).toMatchObject({ status: "deleted", name: "sync-delete" });
    expect(await openLivePipeline({ name: "sync-delete" })).toMatchObject({ status: "not-found", name: "sync-delete" });
  });
});
