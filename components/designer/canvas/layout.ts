/**
 * Deterministic layout of a pipeline on the canvas. Nothing positional is stored: positions
 * come from the declaration's structure alone (stage order, runOrder groups, action order), so
 * the same document always looks the same and no layout can go stale. Pure: no React.
 *
 * Time runs along one axis and parallelism along the other, everywhere: stages follow each
 * other in time, so do a stage's runOrder groups, and the actions of one group (which run in
 * parallel) sit side by side across. `vertical` reads top to bottom like the CodePipeline
 * console; `horizontal` reads left to right. The layout is computed along the two axes (t: time,
 * p: parallel) and turned into x/y at the end, so both orientations are the same layout.
 *
 * Coordinates of groups are relative to their stage, of actions relative to their group
 * (React Flow sub-flows: `parentId` + relative `position`).
 */
export type Orientation = "vertical" | "horizontal";

/** Stage and action names are drawn at this size; the opening zoom keeps them at least MIN_NAME_PX on screen. */
export const NAME_FONT_PX = 15;
export const MIN_NAME_PX = 12;

export const ACTION_WIDTH = 216;
/** Three lines: the name (20 px), provider and artifacts (14 px each), in a 3 px padding and 1 px border. */
export const ACTION_HEIGHT = 56;
/** Between the parallel actions of one group. */
export const ACTION_GAP = 10;
/** Around a group's actions, inside its outline. */
export const GROUP_PAD = 4;
/** Between groups: also the "insert a new sequential group here" drop zone. */
export const INSERT_GAP = 12;
/** A stage's name, count and badge, at the start of the parallel axis (left column or top row). */
export const HEADER_EXTENT: Readonly<Record<Orientation, number>> = { vertical: 152, horizontal: 44 };
/** The least a stage extends in time, so its header always fits. */
export const STAGE_MIN_EXTENT: Readonly<Record<Orientation, number>> = { vertical: 60, horizontal: 232 };
export const STAGE_PAD = 10;
/** Between stages, where the transition arrow is drawn. */
export const STAGE_GAP = 28;
/** The body of a stage without actions: room to drop the first one. */
export const EMPTY_STAGE_BODY = 64;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GroupLayout extends Rect {
  /** Action positions, relative to the group. */
  readonly actions: readonly { readonly x: number; readonly y: number }[];
}

export interface StageLayout extends Rect {
  readonly collapsed: boolean;
  /** Relative to the stage. */
  readonly groups: readonly GroupLayout[];
  /** insertZones[p] is where a new group at position p (0..n) would go; relative to the stage. */
  readonly insertZones: readonly Rect[];
}

export interface StageShape {
  /** The number of actions in each of the stage's groups, in runOrder. */
  readonly groupCounts: readonly number[];
  readonly collapsed: boolean;
}

/** A rectangle along the two axes: t (time) and p (parallel). */
interface Span {
  readonly t: number;
  readonly p: number;
  readonly tSize: number;
  readonly pSize: number;
}

function toRect({ t, p, tSize, pSize }: Span, orientation: Orientation): Rect {
  return orientation === "vertical" ? { x: p, y: t, width: pSize, height: tSize } : { x: t, y: p, width: tSize, height: pSize };
}

/** An action's extent along each axis: cards are wide, so time is their height when vertical. */
function actionSize(orientation: Orientation): { t: number; p: number } {
  return orientation === "vertical" ? { t: ACTION_HEIGHT, p: ACTION_WIDTH } : { t: ACTION_WIDTH, p: ACTION_HEIGHT };
}

function groupPSize(count: number, orientation: Orientation): number {
  return GROUP_PAD * 2 + count * actionSize(orientation).p + Math.max(0, count - 1) * ACTION_GAP;
}

/** One stage's extent along both axes, before stages are made the same width across. */
function stageExtent(stage: StageShape, orientation: Orientation): { t: number; p: number } {
  const a = actionSize(orientation);
  const header = HEADER_EXTENT[orientation];
  const widest = Math.max(0, ...stage.groupCounts.map((n) => groupPSize(n, orientation)));
  const p = header + STAGE_PAD * 2 + Math.max(widest, a.p + GROUP_PAD * 2);
  if (stage.collapsed) return { t: STAGE_MIN_EXTENT[orientation], p };
  const n = stage.groupCounts.length;
  const body = n === 0 ? EMPTY_STAGE_BODY : n * (a.t + GROUP_PAD * 2) + (n + 1) * INSERT_GAP;
  return { t: Math.max(STAGE_MIN_EXTENT[orientation], body), p };
}

function layoutStage(stage: StageShape, at: number, tSize: number, pSize: number, orientation: Orientation): StageLayout {
  const a = actionSize(orientation);
  const bodyP = HEADER_EXTENT[orientation] + STAGE_PAD;
  const bodyPSize = pSize - bodyP - STAGE_PAD;
  const self = toRect({ t: at, p: 0, tSize, pSize }, orientation);
  if (stage.collapsed) return { ...self, collapsed: true, groups: [], insertZones: [] };
  if (stage.groupCounts.length === 0) {
    const zone = toRect({ t: (tSize - EMPTY_STAGE_BODY) / 2, p: bodyP, tSize: EMPTY_STAGE_BODY, pSize: bodyPSize }, orientation);
    return { ...self, collapsed: false, groups: [], insertZones: [zone] };
  }
  const groups: GroupLayout[] = [];
  const insertZones: Rect[] = [];
  const groupTSize = a.t + GROUP_PAD * 2;
  // A stage taller than its groups (its header needs the room) centres them in time.
  const used = stage.groupCounts.length * groupTSize + (stage.groupCounts.length + 1) * INSERT_GAP;
  let t = (tSize - used) / 2;
  for (const count of stage.groupCounts) {
    insertZones.push(toRect({ t, p: bodyP, tSize: INSERT_GAP, pSize: bodyPSize }, orientation));
    t += INSERT_GAP;
    const actions = Array.from({ length: count }, (_, k) => {
      const position = toRect({ t: GROUP_PAD, p: GROUP_PAD + k * (a.p + ACTION_GAP), tSize: 0, pSize: 0 }, orientation);
      return { x: position.x, y: position.y };
    });
    groups.push({ ...toRect({ t, p: bodyP, tSize: groupTSize, pSize: groupPSize(count, orientation) }, orientation), actions });
    t += groupTSize;
  }
  insertZones.push(toRect({ t, p: bodyP, tSize: INSERT_GAP, pSize: bodyPSize }, orientation));
  return { ...self, collapsed: false, groups, insertZones };
}

/**
 * Every stage, one after the other in time; all as wide across as the widest, so the stages
 * line up like the console's. `stages[i]` describes stage i's groups.
 */
export function layoutPipeline(stages: readonly StageShape[], orientation: Orientation = "vertical"): StageLayout[] {
  const extents = stages.map((stage) => stageExtent(stage, orientation));
  const pSize = Math.max(0, ...extents.map((e) => e.p));
  const result: StageLayout[] = [];
  let t = 0;
  stages.forEach((stage, i) => {
    result.push(layoutStage(stage, t, extents[i]!.t, pSize, orientation));
    t += extents[i]!.t + STAGE_GAP;
  });
  return result;
}

/** The rectangle holding every stage (zero-sized when there is none). */
export function boundsOf(stages: readonly Rect[]): Rect {
  if (stages.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...stages.map((s) => s.x));
  const top = Math.min(...stages.map((s) => s.y));
  const right = Math.max(...stages.map((s) => s.x + s.width));
  const bottom = Math.max(...stages.map((s) => s.y + s.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
