/**
 * The stored form of a local draft, versioned so that it can grow: every change of the format
 * bumps `schemaVersion` and adds a named migration from the version before (each with its own
 * test in draft-format.test.ts). Reading migrates first, then checks the current shape with zod,
 * so a draft saved by any earlier version still opens.
 *
 * Versions:
 *   1  { id, title, updatedAt, declaration, region? }   no schemaVersion. `region` was added to
 *      this format without a version of its own, so a version-1 draft may or may not have it.
 *   2  { schemaVersion: 2, id, title, updatedAt, declaration, region }   `region` always set.
 *   3  { schemaVersion: 3, id, title, updatedAt, declaration, region, source? }   an imported
 *      draft keeps the document it came from.
 *   4  { schemaVersion: 4, ..., live?, tags? }   a draft opened from (or pushed to) a live
 *      pipeline keeps its base and the declaration at that base; a new pipeline keeps the tags
 *      CreatePipeline will get.
 *
 * `declaration` is the PipelineDeclaration being designed (camelCase, as the API has it); the
 * designer's stage and action ids are not stored (they are derived again on open). `region` is
 * the pipeline's home region the design is validated for. `source` is the document an imported
 * draft was read from (a SourceDocument of the formats layer: the text as given, its form and
 * syntax, the pipeline's logical id); export writes the edited declaration back into it. New
 * designs (blank, starter templates) have none. `live` is the link to a pipeline on the backend:
 * its `base` ({name, region, version, updated}: which version the draft was opened from or last
 * pushed as) and `declaration`, that version as GetPipeline answered it, against which the header
 * tells unpushed changes and from which a three-way merge starts. `tags` are the tags a draft
 * never pushed is created with (UpdatePipeline takes none).
 *
 * Size: the source is stored once, as its text (never a parse of it), so an imported draft takes
 * about twice its document's size. All drafts share the browser's localStorage quota for this
 * site (about 5 million characters in Chromium). When a draft with its source does not fit,
 * nothing is stored silently without it: the import asks whether to open the pipeline without
 * its source (export then writes new documents, as for a new design), and a failed autosave is
 * shown in the editor, whose edits stay in the tab until the user exports them or frees space.
 */
import { z } from "zod";
// The schema's own module, not the formats index: a draft is read on every editor start, and the
// index brings the importers and the YAML parser along.
import { sourceDocumentSchema, type SourceDocument } from "@/lib/domain/formats/source-document";
import type { ImportedPipeline } from "@/lib/domain/formats/types";
import { isObject, isString, type JsonObject } from "@/lib/domain/json";
import { DEFAULT_REGION } from "@/lib/domain/catalog/regions";
import { DraftBaseSchema } from "@/lib/domain/sync/draft-base";

export const DRAFT_SCHEMA_VERSION = 4;

/** The live pipeline a draft is linked to: the version it is based on, and that version's declaration. */
export const draftLiveSchema = z.object({
  base: DraftBaseSchema,
  declaration: z.record(z.string(), z.unknown()),
});

export type DraftLive = z.infer<typeof draftLiveSchema>;

/** Tags as they are being typed (a key may still be empty): the server checks them on push. */
const draftTagsSchema = z.array(z.object({ key: z.string().max(1_000), value: z.string().max(1_000) })).max(1_000);

/** The home region a design is validated for until the user picks another. */
export const DEFAULT_DRAFT_REGION = DEFAULT_REGION;

export const draftSchema = z.object({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  id: z.string().min(1),
  title: z.string(),
  updatedAt: z.number(),
  declaration: z.record(z.string(), z.unknown()),
  region: z.string().min(1),
  source: sourceDocumentSchema.optional(),
  live: draftLiveSchema.optional(),
  tags: draftTagsSchema.optional(),
});

export type Draft = z.infer<typeof draftSchema>;

export type DraftRead = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly reason: string };

/** One step of the format: turns a draft of version `from` into one of version `from + 1`. */
export interface DraftMigration {
  readonly name: string;
  readonly from: number;
  readonly up: (draft: JsonObject) => JsonObject;
}

/** Every migration, oldest first. A new format version appends one here (and its test). */
export const DRAFT_MIGRATIONS: readonly DraftMigration[] = [
  {
    // Drafts saved before the region picker were validated for the default region: keep that meaning.
    name: "regionAlwaysSet",
    from: 1,
    up: (draft) => ({
      ...draft,
      schemaVersion: 2,
      region: isString(draft.region) && draft.region !== "" ? draft.region : DEFAULT_DRAFT_REGION,
    }),
  },
  {
    // Drafts saved before sources were kept have none: they export as new designs, as they did.
    name: "sourceDocumentKept",
    from: 2,
    up: (draft) => ({ ...draft, schemaVersion: 3 }),
  },
  {
    // Drafts saved before pushing existed were never linked to a live pipeline: new pipelines.
    name: "liveBaseKept",
    from: 3,
    up: (draft) => ({ ...draft, schemaVersion: 4 }),
  },
];

/** The version a stored value claims: its schemaVersion, or 1 for drafts from before versions. */
function versionOf(value: JsonObject): unknown {
  return value.schemaVersion === undefined ? 1 : value.schemaVersion;
}

/** Brings a stored value (parsed JSON, untrusted) to the current format, or says why it cannot. */
export function migrateDraft(value: unknown): DraftRead {
  if (!isObject(value)) return { ok: false, reason: "not a draft" };
  let current: JsonObject = value;
  let version = versionOf(current);
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `unknown draft format ${JSON.stringify(version)}` };
  }
  if (version > DRAFT_SCHEMA_VERSION) {
    return { ok: false, reason: `saved by a newer version of Pipewright (draft format ${version})` };
  }
  while (version < DRAFT_SCHEMA_VERSION) {
    const migration = DRAFT_MIGRATIONS.find((m) => m.from === version);
    if (!migration) return { ok: false, reason: `no migration from draft format ${version}` };
    current = migration.up(current);
    version += 1;
  }
  const parsed = draftSchema.safeParse(current);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "not a draft" };
  return { ok: true, draft: parsed.data };
}

/** A draft's title: its pipeline's name. */
export function titleOf(declaration: JsonObject): string {
  return typeof declaration.name === "string" && declaration.name !== "" ? declaration.name : "Untitled pipeline";
}

/** A new draft of a declaration, in the current format; `source` when it was imported. */
export function newDraft(id: string, declaration: JsonObject, updatedAt: number, source?: SourceDocument): Draft {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id,
    title: titleOf(declaration),
    updatedAt,
    declaration,
    region: DEFAULT_DRAFT_REGION,
    ...(source === undefined ? {} : { source }),
  };
}

/** The draft without its source document (to store it when draft and source do not fit together). */
export function withoutSource(draft: Draft): Draft {
  const { source: _source, ...rest } = draft;
  return rest;
}

type Imported = Pick<ImportedPipeline, "declaration" | "sourceDocument">;

/** A new draft of an imported pipeline, with the document it came from unless `keepSource` is false. */
export function importedDraft(id: string, pipeline: Imported, updatedAt: number, keepSource: boolean): Draft {
  return newDraft(id, pipeline.declaration, updatedAt, keepSource ? pipeline.sourceDocument : undefined);
}

/**
 * `draft` holding another imported pipeline instead (a file dropped onto its canvas): the same id
 * and region, the new declaration and source; the old source goes.
 */
export function replacedDraft(draft: Draft, pipeline: Imported, updatedAt: number, keepSource: boolean): Draft {
  const { id, region } = draft;
  return { ...importedDraft(id, pipeline, Math.max(updatedAt, draft.updatedAt + 1), keepSource), region };
}

/** A new draft of a live pipeline ("Edit in designer"): its declaration, linked to the version it came from. */
export function liveDraft(id: string, live: DraftLive, updatedAt: number): Draft {
  return { ...newDraft(id, live.declaration, updatedAt), region: live.base.region, live };
}
