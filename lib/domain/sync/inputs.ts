/**
 * What the sync server actions accept: one zod schema per action, strict (unknown members are
 * refused), checked on the server before anything else. The declaration itself is checked by the
 * validation engine with the server's context, so here it only has to be a JSON object.
 */
import { z } from "zod";
import { PIPELINE_NAME } from "../pipeline/patterns";
import { TagListSchema } from "../pipeline/declaration";
import { DraftBaseSchema } from "./draft-base";

/** Larger inputs are refused with a clear error before they are parsed (a quota-max pipeline is ~1 MB). */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const pipelineName = z
  .string()
  .min(PIPELINE_NAME.min)
  .max(PIPELINE_NAME.max)
  .regex(PIPELINE_NAME.pattern!, `must match ${PIPELINE_NAME.patternText}`);

const declaration = z.record(z.string(), z.unknown());

export const OpenLiveInputSchema = z.strictObject({ name: pipelineName });

export const ReviewPushInputSchema = z.strictObject({
  declaration,
  /** Absent: the draft was never pushed (a create). */
  base: DraftBaseSchema.optional(),
});

export const PushInputSchema = z.strictObject({
  declaration,
  base: DraftBaseSchema.optional(),
  /** CreatePipeline only: UpdatePipeline does not take tags. */
  tags: TagListSchema.optional(),
  /** `warningKey`s of the warnings the user saw and accepted. */
  acknowledgedWarnings: z.array(z.string().max(2_000)).max(10_000).optional(),
  /** Replace a live version the draft was not based on: the version reviewed, and its name typed. */
  overwrite: z.strictObject({ liveVersion: z.int().min(1), confirmName: z.string().max(PIPELINE_NAME.max) }).optional(),
});

export const DeleteInputSchema = z.strictObject({
  name: pipelineName,
  /** The pipeline's name, typed by the user. */
  confirmName: z.string().max(PIPELINE_NAME.max),
});

export type OpenLiveInput = z.input<typeof OpenLiveInputSchema>;
export type ReviewPushInput = z.input<typeof ReviewPushInputSchema>;
export type PushInput = z.input<typeof PushInputSchema>;
export type DeleteInput = z.input<typeof DeleteInputSchema>;

/** How a warning is acknowledged: its code and where it points. */
export function warningKey(d: { readonly code: string; readonly path: string }): string {
  return `${d.code}@${d.path}`;
}
