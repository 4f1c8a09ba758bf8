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
 *
 * `declaration` is the PipelineDeclaration being designed (camelCase, as the API has it); the
 * designer's stage and action ids are not stored (they are derived again on open). `region` is
 * the pipeline's home region the design is validated for.
 */
import { z } from "zod";
import { isObject, isString, type JsonObject } from "@/lib/domain/json";
import { DEFAULT_REGION } from "@/lib/domain/catalog/regions";

export const DRAFT_SCHEMA_VERSION = 2;

/** The home region a design is validated for until the user picks another. */
export const DEFAULT_DRAFT_REGION = DEFAULT_REGION;

export const draftSchema = z.object({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  id: z.string().min(1),
  title: z.string(),
  updatedAt: z.number(),
  declaration: z.record(z.string(), z.unknown()),
  region: z.string().min(1),
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

/** A new draft of a declaration, in the current format. */
export function newDraft(id: string, declaration: JsonObject, updatedAt: number): Draft {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id,
    title: titleOf(declaration),
    updatedAt,
    declaration,
    region: DEFAULT_DRAFT_REGION,
  };
}
