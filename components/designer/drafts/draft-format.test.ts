import { describe, expect, it } from "vitest";
import { DEFAULT_DRAFT_REGION, DRAFT_MIGRATIONS, DRAFT_SCHEMA_VERSION, migrateDraft, newDraft, titleOf } from "./draft-format";

/** A draft as the first format stored it: no schemaVersion, no region. */
const VERSION_1 = { id: "old", title: "legacy", updatedAt: 1_700_000_000_000, declaration: { name: "legacy", stages: [] } };

/** One test per migration, by name: a migration without its test fails the last case. */
const MIGRATION_TESTS: Record<string, () => void> = {
  regionAlwaysSet() {
    expect(migrateDraft(VERSION_1)).toEqual({ ok: true, draft: { ...VERSION_1, schemaVersion: 2, region: DEFAULT_DRAFT_REGION } });
    // The region picker wrote `region` into version-1 drafts: it is kept.
    expect(migrateDraft({ ...VERSION_1, region: "eu-west-1" })).toMatchObject({ ok: true, draft: { region: "eu-west-1" } });
    expect(migrateDraft({ ...VERSION_1, region: "" })).toMatchObject({ ok: true, draft: { region: DEFAULT_DRAFT_REGION } });
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
