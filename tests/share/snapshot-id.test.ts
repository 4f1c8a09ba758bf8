import { describe, expect, it } from "vitest";
import { isSnapshotId, SNAPSHOT_ID_LENGTH, snapshotPath } from "@/lib/domain/share/snapshot-id";
import { newSnapshotId } from "@/lib/server/share/ids";

describe("snapshot ids", () => {
  it("are 22 base64url characters, all different, and accepted; nothing longer, shorter or padded is", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const id = newSnapshotId();
      seen.add(id);
      expect(id).toHaveLength(SNAPSHOT_ID_LENGTH);
      expect(isSnapshotId(id), id).toBe(true);
      expect(isSnapshotId(`${id}A`)).toBe(false);
      expect(isSnapshotId(id.slice(1))).toBe(false);
      expect(isSnapshotId(`${id}==`)).toBe(false);
    }
    expect(seen.size).toBe(2_000);
  });

  it("refuses characters outside base64url and a last character 16 bytes cannot end in", () => {
    expect(isSnapshotId("AAAAAAAAAAAAAAAAAAAAAA")).toBe(true);
    expect(isSnapshotId("AAAAAAAAAAAAAAAAAAAAAB")).toBe(false);
    expect(isSnapshotId("AAAAAAAAAAAAAAAAAAAA+A")).toBe(false);
    expect(isSnapshotId("AAAAAAAAAAAAAAAAAAAA/A")).toBe(false);
    expect(isSnapshotId("../AAAAAAAAAAAAAAAAAAA")).toBe(false);
    expect(isSnapshotId("AAAAAAAAAAAAAAAAAAAA%A")).toBe(false);
    expect(isSnapshotId(42)).toBe(false);
  });

  it("links to /s/<id>, 25 characters", () => {
    expect(snapshotPath("AAAAAAAAAAAAAAAAAAAAAA")).toBe("/s/AAAAAAAAAAAAAAAAAAAAAA");
    expect(snapshotPath("AAAAAAAAAAAAAAAAAAAAAA").length).toBeLessThanOrEqual(40);
  });
});
