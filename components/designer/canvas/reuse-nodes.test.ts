import { describe, expect, it } from "vitest";
import { reuseUnchanged } from "./reuse-nodes";
import { project } from "./project";
import { applyCommand } from "@/lib/domain/designer/commands";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import { groupIssues } from "@/lib/domain/designer/issues";

const cb = { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };
const doc = documentFromDeclaration({
  stages: [
    { name: "A", actions: [{ name: "a", actionTypeId: cb, runOrder: 1 }] },
    { name: "B", actions: [{ name: "b", actionTypeId: cb, runOrder: 1 }] },
  ],
});

describe("reuseUnchanged", () => {
  it("keeps the previous object of every unchanged node, and only those", () => {
    const before = project(doc, groupIssues(doc, [])).nodes;
    const renamed = applyCommand(doc, { type: "renameAction", actionId: "a2", name: "b2" }).document;
    const after = reuseUnchanged(new Map(before.map((n) => [n.id, n])), project(renamed, groupIssues(renamed, [])).nodes);
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(["action:a2"]);
    expect(after.find((n) => n.id === "action:a2")!.data).toMatchObject({ name: "b2" });
  });
});
