import { describe, expect, it } from "vitest";
import { nodeIdOf, project } from "./project";
import { ACTION_HEIGHT, ACTION_WIDTH, HEADER_EXTENT, INSERT_GAP } from "./layout";
import { artifactFlow } from "@/lib/domain/designer/artifact-flow";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";

const type = (category: string, provider: string) => ({ category, owner: "AWS", provider, version: "1" });
const declaration = {
  name: "p",
  stages: [
    { name: "Source", actions: [{ name: "Src", actionTypeId: type("Source", "S3"), runOrder: 1, outputArtifacts: [{ name: "Out" }] }] },
    {
      name: "Build",
      actions: [
        { name: "B1", actionTypeId: type("Build", "CodeBuild"), runOrder: 2, inputArtifacts: [{ name: "Out" }] },
        { name: "B0", actionTypeId: type("Build", "CodeBuild"), runOrder: 1, inputArtifacts: [{ name: "Missing" }] },
        { name: "B2", actionTypeId: type("Build", "CodeBuild"), runOrder: 2 },
      ],
    },
  ],
};
const doc = documentFromDeclaration(declaration);
const noIssues = groupIssues(doc, []);

describe("project", () => {
  it("emits stages, then each stage's groups and actions, with ids from domain ids", () => {
    const { nodes } = project(doc, noIssues);
    expect(nodes.map((n) => n.id)).toEqual([
      "stage:s1",
      "group:s1:0",
      "action:a1",
      "stage:s2",
      "group:s2:0",
      "action:a3",
      "group:s2:1",
      "action:a2",
      "action:a4",
    ]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get("group:s2:0")!.parentId).toBe("stage:s2");
    expect(byId.get("action:a2")!.parentId).toBe("group:s2:1");
    expect(byId.get("action:a2")!.extent).toBe("parent");
    expect(byId.get("group:s2:1")!.data).toMatchObject({ parallel: true, index: 1 });
    expect(byId.get("group:s2:0")!.data).toMatchObject({ parallel: false });
  });

  it("runs time down the canvas and parallel actions across, like the CodePipeline console", () => {
    const { nodes } = project(doc, noIssues);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const [s1, s2] = [byId.get("stage:s1")!, byId.get("stage:s2")!];
    expect(s2.position.y).toBeGreaterThan(s1.position.y + s1.height!);
    expect([s2.position.x, s2.width]).toEqual([s1.position.x, s1.width]);
    const [g0, g1] = [byId.get("group:s2:0")!, byId.get("group:s2:1")!];
    expect(g1.position.y).toBeGreaterThanOrEqual(g0.position.y + g0.height! + INSERT_GAP);
    expect(g0.position.x).toBeGreaterThanOrEqual(HEADER_EXTENT.vertical);
    const [a2, a4] = [byId.get("action:a2")!, byId.get("action:a4")!];
    expect(a4.position.y).toBe(a2.position.y);
    expect(a4.position.x).toBeGreaterThanOrEqual(a2.position.x + ACTION_WIDTH);
  });

  it("turns the same layout left to right on request", () => {
    const { nodes, bounds } = project(doc, noIssues, { orientation: "horizontal" });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const [s1, s2] = [byId.get("stage:s1")!, byId.get("stage:s2")!];
    expect(s2.position.x).toBeGreaterThan(s1.position.x + s1.width!);
    expect([s2.position.y, s2.height]).toEqual([s1.position.y, s1.height]);
    const [g0, g1] = [byId.get("group:s2:0")!, byId.get("group:s2:1")!];
    expect(g1.position.x).toBeGreaterThanOrEqual(g0.position.x + g0.width! + INSERT_GAP);
    const [a2, a4] = [byId.get("action:a2")!, byId.get("action:a4")!];
    expect(a4.position.x).toBe(a2.position.x);
    expect(a4.position.y).toBeGreaterThanOrEqual(a2.position.y + ACTION_HEIGHT);
    expect(bounds).toEqual({ x: 0, y: 0, width: s2.position.x + s2.width!, height: s1.height });
    expect(nodes.filter((n) => n.type === "stage").every((n) => n.data.orientation === "horizontal")).toBe(true);
  });

  it("keeps every group and action inside its parent", () => {
    for (const orientation of ["vertical", "horizontal"] as const) {
      const { nodes } = project(doc, noIssues, { orientation });
      const byId = new Map(nodes.map((n) => [n.id, n]));
      for (const node of nodes) {
        if (!node.parentId) continue;
        const parent = byId.get(node.parentId)!;
        expect(node.position.x).toBeGreaterThanOrEqual(0);
        expect(node.position.y).toBeGreaterThanOrEqual(0);
        expect(node.position.x + node.width!).toBeLessThanOrEqual(parent.width!);
        expect(node.position.y + node.height!).toBeLessThanOrEqual(parent.height!);
      }
    }
  });

  it("is deterministic", () => {
    expect(project(doc, noIssues)).toEqual(project(documentFromDeclaration(structuredClone(declaration)), noIssues));
  });

  it("gives each stage a drop zone per group and per gap", () => {
    const stage = project(doc, noIssues).nodes.find((n) => n.id === "stage:s2")!;
    expect(stage.type).toBe("stage");
    if (stage.type !== "stage") return;
    expect(stage.data.groupRects).toHaveLength(2);
    expect(stage.data.insertZones).toHaveLength(3);
    expect(stage.data.actionCount).toBe(3);
  });

  it("draws transitions between consecutive stages", () => {
    const { edges } = project(doc, noIssues);
    expect(edges.map((e) => [e.source, e.target])).toEqual([["stage:s1", "stage:s2"]]);
  });

  it("names the node of a selection", () => {
    expect(nodeIdOf({ kind: "stage", stageId: "s2" })).toBe("stage:s2");
    expect(nodeIdOf({ kind: "action", actionId: "a3" })).toBe("action:a3");
    expect(nodeIdOf({ kind: "pipeline" })).toBeUndefined();
  });

  it("counts issues on badges", () => {
    const diagnostics: Diagnostic[] = [
      { code: "X1", severity: "error", path: "stages[1].actions[0].name", message: "bad" },
      { code: "X2", severity: "warning", path: "stages[1].actions[0]", message: "meh" },
      { code: "X3", severity: "error", path: "stages[0].name", message: "bad stage" },
    ];
    const { nodes } = project(doc, groupIssues(doc, diagnostics));
    const b1 = nodes.find((n) => n.id === "action:a2")!;
    expect(b1.data).toMatchObject({ errors: 1, warnings: 1 });
    expect(nodes.find((n) => n.id === "stage:s1")!.data).toMatchObject({ errors: 1 });
  });

  it("hides the actions of a collapsed stage", () => {
    const { nodes } = project(doc, noIssues, { collapsed: new Set(["s2"]) });
    expect(nodes.map((n) => n.id)).toEqual(["stage:s1", "group:s1:0", "action:a1", "stage:s2"]);
    expect(nodes[3]!.data).toMatchObject({ collapsed: true, actionCount: 3 });
  });

  it("marks the selection", () => {
    const { nodes } = project(doc, noIssues, { selection: { kind: "action", actionId: "a3" } });
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["action:a3"]);
  });

  it("draws artifact-flow edges and marks dangling inputs when the overlay is on", () => {
    const { edges, nodes } = project(doc, noIssues, { flow: artifactFlow(doc) });
    const flow = edges.filter((e) => e.id !== "transition:stage:s1->stage:s2");
    expect(flow.map((e) => [e.source, e.target, e.label])).toEqual([["action:a1", "action:a2", "Out"]]);
    expect(nodes.find((n) => n.id === "action:a3")!.data).toMatchObject({ dangling: ["Missing"] });
  });

  it("colours a too-late reference red", () => {
    const late = documentFromDeclaration({
      stages: [
        {
          name: "S",
          actions: [
            { name: "P", actionTypeId: type("Build", "CodeBuild"), runOrder: 1, outputArtifacts: [{ name: "A" }] },
            { name: "C", actionTypeId: type("Build", "CodeBuild"), runOrder: 1, inputArtifacts: [{ name: "A" }] },
          ],
        },
      ],
    });
    const edge = project(late, groupIssues(late, []), { flow: artifactFlow(late) }).edges.find((e) => e.label === "A")!;
    expect(edge.className).toContain("flow-edge-bad");
    expect(edge.style?.stroke).toBe("#dc2626");
  });
});
