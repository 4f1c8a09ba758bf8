/**
 * Deterministic layout of a pipeline on the canvas. Nothing positional is stored: positions
 * come from the declaration's structure alone (stage order, runOrder groups, action order), so
 * the same document always looks the same and no layout can go stale. Pure: no React.
 *
 * Coordinates of groups are relative to their stage, of actions relative to their group
 * (React Flow sub-flows: `parentId` + relative `position`).
 */
export const ACTION_WIDTH = 208;
export const ACTION_HEIGHT = 104;
export const ACTION_GAP = 12;
export const GROUP_PAD = 10;
/** Space for the "runs in parallel" label above a group with several actions. */
export const GROUP_LABEL_HEIGHT = 18;
/** The gap between groups; it is also the "insert a new sequential group here" drop zone. */
export const INSERT_GAP = 28;
export const STAGE_HEADER_HEIGHT = 48;
export const STAGE_PAD_X = 14;
export const STAGE_MIN_WIDTH = 260;
export const STAGE_GAP = 72;
export const EMPTY_STAGE_BODY = 96;
export const COLLAPSED_STAGE_HEIGHT = 84;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GroupLayout extends Rect {
  /** Action positions, relative to the group. */
  readonly actions: readonly { readonly x: number; readonly y: number }[];
  readonly labelled: boolean;
}

export interface StageLayout extends Rect {
  readonly collapsed: boolean;
  /** Relative to the stage. */
  readonly groups: readonly GroupLayout[];
  /** insertZones[p] is where a new group at position p (0..n) would go; relative to the stage. */
  readonly insertZones: readonly Rect[];
}

function groupSize(count: number): { width: number; height: number; labelled: boolean } {
  const labelled = count > 1;
  return {
    width: GROUP_PAD * 2 + count * ACTION_WIDTH + Math.max(0, count - 1) * ACTION_GAP,
    height: GROUP_PAD * 2 + ACTION_HEIGHT + (labelled ? GROUP_LABEL_HEIGHT : 0),
    labelled,
  };
}

/** One stage, from the number of actions in each of its groups (in runOrder). */
export function layoutStage(groupCounts: readonly number[], collapsed: boolean, x: number): StageLayout {
  const sizes = groupCounts.map(groupSize);
  const innerWidth = Math.max(STAGE_MIN_WIDTH - STAGE_PAD_X * 2, ...sizes.map((s) => s.width));
  const width = innerWidth + STAGE_PAD_X * 2;
  if (collapsed) {
    return { x, y: 0, width, height: COLLAPSED_STAGE_HEIGHT, collapsed, groups: [], insertZones: [] };
  }
  const groups: GroupLayout[] = [];
  const insertZones: Rect[] = [];
  let y = STAGE_HEADER_HEIGHT;
  if (sizes.length === 0) {
    insertZones.push({ x: STAGE_PAD_X, y, width: innerWidth, height: EMPTY_STAGE_BODY });
    return { x, y: 0, width, height: y + EMPTY_STAGE_BODY + STAGE_PAD_X, collapsed, groups, insertZones };
  }
  for (const size of sizes) {
    insertZones.push({ x: STAGE_PAD_X, y, width: innerWidth, height: INSERT_GAP });
    y += INSERT_GAP;
    const top = GROUP_PAD + (size.labelled ? GROUP_LABEL_HEIGHT : 0);
    const count = Math.round((size.width - GROUP_PAD * 2 + ACTION_GAP) / (ACTION_WIDTH + ACTION_GAP));
    groups.push({
      // Groups are centred in the stage, like the CodePipeline console.
      x: STAGE_PAD_X + (innerWidth - size.width) / 2,
      y,
      width: size.width,
      height: size.height,
      labelled: size.labelled,
      actions: Array.from({ length: count }, (_, i) => ({ x: GROUP_PAD + i * (ACTION_WIDTH + ACTION_GAP), y: top })),
    });
    y += size.height;
  }
  insertZones.push({ x: STAGE_PAD_X, y, width: innerWidth, height: INSERT_GAP });
  y += INSERT_GAP;
  return { x, y: 0, width, height: y + 4, collapsed, groups, insertZones };
}

/** All stages left to right. `stages[i]` lists the action counts of stage i's groups. */
export function layoutPipeline(
  stages: readonly { readonly groupCounts: readonly number[]; readonly collapsed: boolean }[],
): StageLayout[] {
  const result: StageLayout[] = [];
  let x = 0;
  for (const stage of stages) {
    const layout = layoutStage(stage.groupCounts, stage.collapsed, x);
    result.push(layout);
    x += layout.width + STAGE_GAP;
  }
  return result;
}
