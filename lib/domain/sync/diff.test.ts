import { describe, expect, it } from "vitest";
import { applyCommandStrict } from "../designer/commands";
import type { DesignerCommand, JsonObject } from "../designer/contract";
import { documentFromDeclaration } from "../designer/document";
import { sampleDeclaration } from "../designer/test-fixtures";
import { applyChanges } from "./apply";
import { isUnchanged, significantChanges, type Change } from "./changes";
import { diffDeclarations } from "./diff";
import { describeChange } from "./present";

/** The sample edited by designer commands chosen from its ids. */
function edit(make: (ids: { stages: readonly string[]; actions: readonly (readonly string[])[] }) => DesignerCommand[]): JsonObject {
  let doc = documentFromDeclaration(sampleDeclaration());
  for (const command of make({ stages: doc.stageIds, actions: doc.actionIds })) doc = applyCommandStrict(doc, command).document;
  return doc.declaration;
}

function diff(after: JsonObject, before: JsonObject = sampleDeclaration()): Change[] {
  const { changes } = diffDeclarations(before, after);
  expect(applyChanges(before, changes)).toEqual(after);
  return significantChanges({ changes });
}

const gitHubV1 = (token: string): JsonObject => ({
  name: "Checkout",
  actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
  runOrder: 1,
  configuration: { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: token },
  outputArtifacts: [{ name: "SourceArtifact" }],
});

function withSource(action: JsonObject): JsonObject {
  const d = sampleDeclaration();
  (d.stages as JsonObject[])[0]!.actions = [action];
  return d;
}

describe("diffDeclarations", () => {
  it("shows moving an action into a parallel group as that one move", () => {
    // Build: Compile (1) → Test, Lint (2). Lint joins Compile's group.
    const after = edit(({ stages, actions }) => [
      { type: "moveAction", actionId: actions[1]![2]!, target: { stageId: stages[1]!, kind: "join", group: 0 } },
    ]);
    const changes = diff(after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: "action-moved",
      name: "Lint",
      runOrder: 1,
      from: { stageName: "Build", group: 2, groups: 2, parallelWith: ["Test"] },
      to: { stageName: "Build", group: 1, groups: 2, parallelWith: ["Compile"] },
      afterPath: "stages[1].actions[1]",
    });
    expect(describeChange(changes[0]!)).toMatchObject({
      title: 'Action "Lint" moved within stage "Build"',
      detail: "group 2 of 2, in parallel with Test → group 1 of 2, in parallel with Compile",
    });
  });

  it("shows parallel → sequential, and a move to another stage", () => {
    const sequential = diff(
      edit(({ stages, actions }) => [{ type: "moveAction", actionId: actions[1]![2]!, target: { stageId: stages[1]!, kind: "insert", position: 2 } }]),
    );
    expect(sequential).toEqual([
      expect.objectContaining({ kind: "action-moved", name: "Lint", from: expect.objectContaining({ parallelWith: ["Test"] }), to: expect.objectContaining({ group: 3, parallelWith: [] }) }),
    ]);
    const across = diff(
      edit(({ stages, actions }) => [{ type: "moveAction", actionId: actions[1]![0]!, target: { stageId: stages[0]!, kind: "insert", position: 1 } }]),
    );
    expect(across).toEqual([
      expect.objectContaining({ kind: "action-moved", name: "Compile", stage: 1, action: 0, toStage: 0, runOrder: 2 }),
    ]);
  });

  it("does not call the actions around an added one moved, though their run orders shift", () => {
    const after = edit(({ stages }) => [
      { type: "addAction", actionType: { category: "Test", owner: "AWS", provider: "CodeBuild", version: "1" }, target: { stageId: stages[1]!, kind: "insert", position: 1 }, name: "Smoke" },
    ]);
    const { changes } = diffDeclarations(sampleDeclaration(), after);
    expect(significantChanges({ changes })).toEqual([expect.objectContaining({ kind: "action-added", name: "Smoke", place: expect.objectContaining({ group: 2, groups: 3 }) })]);
    // Test and Lint went from runOrder 2 to 3: listed, but cosmetic.
    expect(changes.filter((c) => c.kind === "field" && c.cosmetic).map((c) => (c as { afterPath?: string }).afterPath)).toEqual([
      "stages[1].actions[2].runOrder",
      "stages[1].actions[3].runOrder",
    ]);
  });

  it("matches renamed stages and actions instead of removing and adding them", () => {
    const changes = diff(
      edit(({ stages, actions }) => [
        { type: "renameStage", stageId: stages[1]!, name: "Compile-and-test" },
        { type: "renameAction", actionId: actions[1]![1]!, name: "UnitTests" },
      ]),
    );
    expect(changes.map((c) => c.kind).sort()).toEqual(["action-renamed", "stage-renamed"]);
    expect(changes).toContainEqual(expect.objectContaining({ kind: "action-renamed", from: "Test", to: "UnitTests", stageName: "Compile-and-test" }));
  });

  it("lists changed fields with old and new values and paths to focus", () => {
    const after = edit(({ actions }) => [
      { type: "updateAction", actionId: actions[1]![0]!, patch: { configuration: { ProjectName: "compile-v2" }, region: "eu-west-1", timeoutInMinutes: 30 } },
      { type: "updatePipeline", patch: { executionMode: "PARALLEL", variables: [{ name: "env", defaultValue: "prod" }] } },
    ]);
    const changes = diff(after);
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "field", path: ["configuration", "ProjectName"], before: "Compile", after: "compile-v2", afterPath: "stages[1].actions[0].configuration.ProjectName", element: "Build / Compile" }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ kind: "field", path: ["region"], after: "eu-west-1" }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "field", path: ["timeoutInMinutes"], after: 30 }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: "field", target: { kind: "pipeline" }, path: ["executionMode"], after: "PARALLEL" }));
    expect(changes).toContainEqual(expect.objectContaining({ path: ["variables"], items: [{ key: "env", change: "added" }] }));
  });

  it("diffs stage conditions member by member", () => {
    const before = sampleDeclaration();
    (before.stages as JsonObject[])[1]!.onFailure = { result: "ROLLBACK", retryConfiguration: { retryMode: "FAILED_ACTIONS" } };
    const after = structuredClone(before);
    (after.stages as JsonObject[])[1]!.onFailure = { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } };
    expect(diff(after, before)).toEqual([
      expect.objectContaining({ target: { kind: "stage", stage: 1 }, path: ["onFailure", "result"], before: "ROLLBACK", after: "RETRY", afterPath: "stages[1].onFailure.result" }),
    ]);
  });

  it("reports stage moves, additions and removals", () => {
    const after = edit(({ stages }) => [
      { type: "addStage", index: 2, name: "Deploy" },
      { type: "moveStage", stageId: stages[0]!, toIndex: 1 },
    ]);
    expect(diff(after).map((c) => [c.kind, "name" in c ? c.name : undefined])).toEqual([
      ["stage-moved", "Source"],
      ["stage-added", "Deploy"],
    ]);
    const removed = edit(({ stages }) => [{ type: "removeStage", stageId: stages[1]! }]);
    expect(diff(removed)).toEqual([expect.objectContaining({ kind: "stage-removed", stage: 1, name: "Build" })]);
  });

  it("treats GetPipeline's written-out defaults and the version as cosmetic", () => {
    const draft = sampleDeclaration();
    const live = structuredClone(draft);
    live.version = 7;
    live.executionMode = "SUPERSEDED";
    for (const stage of live.stages as JsonObject[]) {
      for (const action of stage.actions as JsonObject[]) {
        action.inputArtifacts ??= [];
        action.outputArtifacts ??= [];
      }
    }
    const { changes } = diffDeclarations(live, draft);
    expect(changes.length).toBeGreaterThan(0);
    expect(isUnchanged({ changes })).toBe(true);
  });

  it("never shows a secret, and sees a masked secret sent back as unchanged", () => {
    expect(diffDeclarations(withSource(gitHubV1("****")), withSource(gitHubV1("****"))).changes).toEqual([]);
    const rotated = diff(withSource(gitHubV1("ghp_new-token-value")), withSource(gitHubV1("****")));
    expect(rotated).toEqual([expect.objectContaining({ path: ["configuration", "OAuthToken"], secret: true })]);
    const view = describeChange(rotated[0]!);
    expect(view).toMatchObject({ before: "****", after: "****" });
    expect(JSON.stringify(view)).not.toContain("ghp_new");
    // A whole configuration added: its secret keys are masked, the others shown.
    const bare = withSource({ ...gitHubV1("x"), configuration: undefined });
    const added = diff(withSource(gitHubV1("ghp_secret")), JSON.parse(JSON.stringify(bare)));
    const addedView = describeChange(added[0]!);
    expect(addedView.after).toContain('"Owner":"acme"');
    expect(addedView.after).not.toContain("ghp_secret");
  });

  it("is total on documents that are not pipelines", () => {
    expect(diffDeclarations(null, { name: "x" }).changes).toEqual([expect.objectContaining({ path: [], after: { name: "x" } })]);
    const odd = { name: "p", stages: [1, "two", { name: "S", actions: "none" }] };
    const odder = { name: "p", stages: ["two", { name: "S", actions: [null] }, 3] };
    expect(applyChanges(odd, diffDeclarations(odd, odder).changes)).toEqual(odder);
  });

  it("moves no action into a stage whose actions were not a list (that stage changes as one field)", () => {
    // Found by the property test: Build left Prod for a stage whose `actions` was 0. The stage's
    // actions change as a whole, so Build is removed from Prod and comes back inside that field.
    const build = { name: "Build", actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, runOrder: 1 };
    const before = { name: "p", stages: [{ name: "Odd", actions: 0 }, { name: "Prod", actions: [build] }] };
    const after = { name: "p", stages: [{ name: "Odd", actions: [build] }, { name: "Prod", actions: [] }] };
    const { changes } = diffDeclarations(before, after);
    expect(applyChanges(before, changes)).toEqual(after);
    expect(changes).toContainEqual(expect.objectContaining({ kind: "action-removed", name: "Build" }));
  });

  it("keeps the unchanged one of two namesake stages paired with itself when the other is renamed", () => {
    // Found by the merge property test: the first "Dup" was renamed, so the later one took its
    // place by name and the unchanged stage read as removed (a conflict with any edit inside it).
    const stage = (name: string, action: string) => ({
      name,
      actions: [{ name: action, actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" }, runOrder: 1 }],
    });
    const before = { name: "p", stages: [stage("Dup", "A"), stage("Mid", "M"), stage("Dup", "B")] };
    const after = { name: "p", stages: [stage("Renamed", "A"), stage("Mid", "M"), stage("Dup", "B")] };
    const { changes } = diffDeclarations(before, after);
    expect(applyChanges(before, changes)).toEqual(after);
    expect(changes).toEqual([expect.objectContaining({ kind: "stage-renamed", stage: 0, from: "Dup", to: "Renamed" })]);
  });
});
