import { describe, expect, it } from "vitest";
import { ACTION_HEIGHT, ACTION_WIDTH, EMPTY_STAGE_BODY, GROUP_PAD, HEADER_EXTENT, INSERT_GAP, layoutPipeline, STAGE_GAP, STAGE_MIN_EXTENT } from "./layout";

describe("layoutPipeline", () => {
  const shapes = [
    { groupCounts: [1], collapsed: false },
    { groupCounts: [3, 1], collapsed: false },
    { groupCounts: [], collapsed: false },
    { groupCounts: [2], collapsed: true },
  ];

  it("stacks stages in time, as wide as the widest, groups in time, parallel actions across", () => {
    const [source, build, empty, collapsed] = layoutPipeline(shapes, "vertical");
    expect(new Set([source!.width, build!.width, empty!.width, collapsed!.width]).size).toBe(1);
    expect(build!.y).toBe(source!.y + source!.height + STAGE_GAP);
    const [wide, single] = build!.groups;
    expect(wide!.actions.map((a) => a.y)).toEqual([GROUP_PAD, GROUP_PAD, GROUP_PAD]);
    expect(wide!.actions[1]!.x - wide!.actions[0]!.x).toBeGreaterThanOrEqual(ACTION_WIDTH);
    expect(single!.y).toBe(wide!.y + wide!.height + INSERT_GAP);
    expect(build!.insertZones).toHaveLength(3);
    expect(wide!.x).toBeGreaterThanOrEqual(HEADER_EXTENT.vertical);
    expect(empty!.insertZones).toHaveLength(1);
    expect(empty!.insertZones[0]!.height).toBe(EMPTY_STAGE_BODY);
    expect(collapsed).toMatchObject({ collapsed: true, height: STAGE_MIN_EXTENT.vertical, groups: [], insertZones: [] });
  });

  it("is the same layout turned when time runs left to right", () => {
    const vertical = layoutPipeline(shapes, "vertical");
    const horizontal = layoutPipeline(shapes, "horizontal");
    const [, build] = horizontal;
    expect(build!.x).toBeGreaterThan(horizontal[0]!.x + horizontal[0]!.width);
    expect(build!.groups[0]!.actions.map((a) => a.x)).toEqual([GROUP_PAD, GROUP_PAD, GROUP_PAD]);
    expect(build!.groups[0]!.actions[1]!.y - build!.groups[0]!.actions[0]!.y).toBeGreaterThanOrEqual(ACTION_HEIGHT);
    expect(horizontal.map((s) => s.groups.length)).toEqual(vertical.map((s) => s.groups.length));
  });
});
