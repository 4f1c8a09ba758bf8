import { describe, expect, it } from "vitest";
import { importText, type SourceDocument } from "@/lib/domain/formats";
import {
  DEFAULT_DRAFT_REGION,
  DRAFT_MIGRATIONS,
  DRAFT_SCHEMA_VERSION,
  importedDraft,
  liveDraft,
  migrateDraft,
  newDraft,
  replacedDraft,
  titleOf,
  withoutSource,
} from "./draft-format";

/** A draft as the first format stored it: no schemaVersion, no region. */
const VERSION_1 = { id: "old", title: "legacy", updatedAt: 1_700_000_000_000, declaration: { name: "legacy", stages: [] } };
const VERSION_2 = { ...VERSION_1, schemaVersion: 2, region: "eu-west-1" };

const migration = (name: string) => DRAFT_MIGRATIONS.find((m) => m.name === name)!;

/** A source document as the importer makes it (a snippet, as the resource reference prints them). */
function importedSource(): SourceDocument {
  const result = importText("AppPipeline:\n  Type: AWS::CodePipeline::Pipeline\n  Properties:\n    RoleArn: arn:aws:iam::123456789012:role/r\n    Stages: []\n");
  if (!result.ok) throw result.error;
  return result.pipelines[0]!.sourceDocument!;
}

/** One test per migration, by name: a migration without its test fails the last case. */
const MIGRATION_TESTS: Record<string, () => void> = {
  regionAlwaysSet() {
    const up = migration("regionAlwaysSet").up;
    expect(up(VERSION_1)).toEqual({ ...VERSION_1, schemaVersion: 2, region: DEFAULT_DRAFT_REGION });
    // The region picker wrote `region` into version-1 drafts: it is kept.
    expect(up({ ...VERSION_1, region: "eu-west-1" })).toMatchObject({ schemaVersion: 2, region: "eu-west-1" });
    expect(up({ ...VERSION_1, region: "" })).toMatchObject({ region: DEFAULT_DRAFT_REGION });
    expect(migrateDraft(VERSION_1)).toEqual({ ok: true, draft: { ...VERSION_1, schemaVersion: DRAFT_SCHEMA_VERSION, region: DEFAULT_DRAFT_REGION } });
  },
  sourceDocumentKept() {
    // A version-2 draft has no source: it opens as it was and exports as a new design.
    expect(migration("sourceDocumentKept").up(VERSION_2)).toEqual({ ...VERSION_2, schemaVersion: 3 });
    const read = migrateDraft(VERSION_2);
    expect(read).toEqual({ ok: true, draft: { ...VERSION_2, schemaVersion: DRAFT_SCHEMA_VERSION } });
    expect(read.ok && "source" in read.draft).toBe(false);
  },
  liveBaseKept() {
    // A version-3 draft was never pushed: it opens as a new pipeline, with no base and no tags.
    const version3 = { ...VERSION_2, schemaVersion: 3 };
    expect(migration("liveBaseKept").up(version3)).toEqual({ ...VERSION_2, schemaVersion: 4 });
    const read = migrateDraft(version3);
    expect(read.ok && ("live" in read.draft || "tags" in read.draft)).toBe(false);
  },
};

describe("draft migrations", () => {
  it.each(DRAFT_MIGRATIONS.map((m) => [m.name, m] as const))("%s", (name) => {
    MIGRATION_TESTS[name]!();
  });

  it("has a test for every migration and one migration per older version", () => {
    expect(DRAFT_MIGRATIONS.map((m) => m.name).sort()).toEqual(Object.keys(MIGRATION_TESTS).sort());
    expect(DRAFT_MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: DRAFT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it("keeps a current draft as it is, members and all", () => {
    const current = newDraft("d1", { name: "p" }, 42);
    expect(current).toEqual({ schemaVersion: DRAFT_SCHEMA_VERSION, id: "d1", title: "p", updatedAt: 42, declaration: { name: "p" }, region: DEFAULT_DRAFT_REGION });
    expect(migrateDraft(current)).toEqual({ ok: true, draft: current });
  });

  it("keeps an imported draft's source document, checked on load", () => {
    const source = importedSource();
    const draft = newDraft("d2", { name: "AppPipeline" }, 7, source);
    expect(draft.source).toEqual(source);
    const stored = JSON.parse(JSON.stringify(draft));
    expect(migrateDraft(stored)).toEqual({ ok: true, draft });
    expect(withoutSource(draft)).toEqual(newDraft("d2", { name: "AppPipeline" }, 7));
    // A stored source that is not one (another form, no text, a future version) is reported, not misread.
    expect(migrateDraft({ ...stored, source: { ...source, form: "terraform" } }).ok).toBe(false);
    expect(migrateDraft({ ...stored, source: { ...source, text: undefined } }).ok).toBe(false);
    expect(migrateDraft({ ...stored, source: { ...source, version: 2 } }).ok).toBe(false);
  });

  it("makes imported drafts with or without their source, and replaces one draft's pipeline by another", () => {
    const source = importedSource();
    const pipeline = { declaration: { name: "AppPipeline", stages: [] }, sourceDocument: source };
    expect(importedDraft("d3", pipeline, 9, true)).toEqual(newDraft("d3", pipeline.declaration, 9, source));
    expect(importedDraft("d3", pipeline, 9, false)).toEqual(newDraft("d3", pipeline.declaration, 9));
    const open = { ...newDraft("d4", { name: "old" }, 100, source), region: "eu-west-1" };
    const replaced = replacedDraft(open, { declaration: { name: "new" } }, 50, true);
    // Same id and region; the new pipeline and no source (the dropped one had none); still newer than the stored copy.
    expect(replaced).toEqual({ ...newDraft("d4", { name: "new" }, 101), region: "eu-west-1" });
    expect(replacedDraft(open, pipeline, 500, true)).toEqual({ ...newDraft("d4", pipeline.declaration, 500, source), region: "eu-west-1" });
  });

  it("keeps a live draft's base and declaration, zod-checked on load", () => {
    const live = { base: { name: "payments-api", region: "us-east-1", version: 7, updated: "2026-01-02T03:04:05.000Z" }, declaration: { name: "payments-api", stages: [] } };
    const draft = liveDraft("d5", live, 11);
    expect(draft).toEqual({ ...newDraft("d5", live.declaration, 11), live });
    const stored = JSON.parse(JSON.stringify({ ...draft, tags: [{ key: "team", value: "payments" }] }));
    expect(migrateDraft(stored)).toEqual({ ok: true, draft: stored });
    // A base that is not one (version 0, no name, a wrong type) is reported, not misread.
    expect(migrateDraft({ ...stored, live: { ...live, base: { ...live.base, version: 0 } } }).ok).toBe(false);
    expect(migrateDraft({ ...stored, live: { ...live, base: { region: "us-east-1", version: 1 } } }).ok).toBe(false);
    expect(migrateDraft({ ...stored, live: { base: live.base, declaration: [] } }).ok).toBe(false);
    expect(migrateDraft({ ...stored, tags: [{ key: "" }] }).ok).toBe(false);
  });

  it("refuses drafts of a newer or unknown format instead of misreading them", () => {
    expect(migrateDraft({ ...VERSION_1, schemaVersion: DRAFT_SCHEMA_VERSION + 1 })).toEqual({
      ok: false,
      reason: `saved by a newer version of Pipewright (draft format ${DRAFT_SCHEMA_VERSION + 1})`,
    });
    expect(migrateDraft({ ...VERSION_1, schemaVersion: "2" }).ok).toBe(false);
    expect(migrateDraft({ ...VERSION_1, schemaVersion: 0 }).ok).toBe(false);
    expect(migrateDraft([]).ok).toBe(false);
  });

  it("titles a draft by its pipeline name", () => {
    expect(titleOf({ name: "abc" })).toBe("abc");
    expect(titleOf({})).toBe("Untitled pipeline");
  });
});
