/**
 * A shared design: what the designer sends (`ShareDesignInput`) and what is stored
 * (`DesignSnapshot`, format 1). The stored form is read back through its schema, so a row that
 * was edited by hand into something else is reported, never rendered half-way.
 *
 * Layout: the designer's stage and action ids (parallel to the declaration, as in a
 * DesignerDocument), which stages were collapsed, and the canvas orientation; a snapshot opens
 * the way its author saw it. The title and note are the author's words, shown as given.
 */
import { z } from "zod";
import { REGION_SHAPE } from "../catalog/regions";
import { arrayOf, asObject, type JsonObject } from "../json";

export const DESIGN_SNAPSHOT_FORMAT = 1;
export const MAX_TITLE = 200;
export const MAX_NOTE = 2_000;
/** AWS quotas: 50 stages, 50 actions per stage (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html); room above for designs that break them. */
const MAX_IDS = 1_000;

const stageId = z.string().regex(/^s\d{1,9}$/, "must be a designer stage id (s1, s2, …)");
const actionId = z.string().regex(/^a\d{1,9}$/, "must be a designer action id (a1, a2, …)");

export const LayoutSchema = z.strictObject({
  orientation: z.enum(["vertical", "horizontal"]),
  stageIds: z.array(stageId).max(MAX_IDS),
  actionIds: z.array(z.array(actionId).max(MAX_IDS)).max(MAX_IDS),
  collapsed: z.array(stageId).max(MAX_IDS),
});

export type SnapshotLayout = z.infer<typeof LayoutSchema>;

export const ShareDesignInputSchema = z.strictObject({
  declaration: z.record(z.string(), z.unknown()),
  region: z.string().regex(REGION_SHAPE, "must be an AWS region name"),
  title: z.string().trim().min(1, "must not be empty").max(MAX_TITLE),
  note: z.string().max(MAX_NOTE).optional(),
  layout: LayoutSchema,
});

export type ShareDesignInput = z.input<typeof ShareDesignInputSchema>;

export const DesignSnapshotSchema = z.strictObject({
  format: z.literal(DESIGN_SNAPSHOT_FORMAT),
  title: z.string().min(1).max(MAX_TITLE),
  note: z.string().max(MAX_NOTE).optional(),
  region: z.string().regex(REGION_SHAPE),
  declaration: z.record(z.string(), z.unknown()),
  layout: LayoutSchema,
  /** Fields whose values were replaced by `****` before storing. */
  redacted: z.array(z.string()),
});

export type DesignSnapshot = z.infer<typeof DesignSnapshotSchema>;

/**
 * Whether the layout's ids fit the declaration (one per stage and per action, none repeated);
 * when not, the reader derives ids from the declaration as the designer does.
 */
export function layoutFits(layout: SnapshotLayout, declaration: JsonObject): boolean {
  const stages = arrayOf(declaration.stages);
  if (layout.stageIds.length !== stages.length || layout.actionIds.length !== stages.length) return false;
  if (!stages.every((stage, i) => arrayOf(asObject(stage).actions).length === layout.actionIds[i]!.length)) return false;
  const actions = layout.actionIds.flat();
  return new Set(layout.stageIds).size === layout.stageIds.length && new Set(actions).size === actions.length;
}
