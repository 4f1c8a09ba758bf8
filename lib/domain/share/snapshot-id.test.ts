import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSnapshotId, SNAPSHOT_ID_BYTES, SNAPSHOT_ID_LENGTH, snapshotPath } from "./snapshot-id";

describe("snapshot ids", () => {
  it("accepts every 16-byte base64url value and nothing longer, shorter or padded", () => {
    for (let i = 0; i < 2_000; i++) {
      const id = randomBytes(SNAPSHOT_ID_BYTES).toString("base64url");
      expect(id).toHaveLength(SNAPSHOT_ID_LENGTH);
      expect(isSnapshotId(id), id).toBe(true);
      expect(isSnapshotId(`${id}A`)).toBe(false);
      expect(isSnapshotId(id.slice(1))).toBe(false);
      expect(isSnapshotId(`${id}==`)).toBe(false);
    }
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
