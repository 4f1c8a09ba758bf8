/**
 * Snapshot ids: 16 random bytes (128 bits) in base64url without padding
 * (https://datatracker.ietf.org/doc/html/rfc4648#section-5), 22 characters. 16 bytes fill 21
 * characters and 2 bits of the 22nd, so the last one is always one of A, Q, g, w. The id is the
 * capability that opens a snapshot, so any other shape is refused before storage is asked.
 */
export const SNAPSHOT_ID_BYTES = 16;
export const SNAPSHOT_ID_LENGTH = 22;

const SHAPE = /^[A-Za-z0-9_-]{21}[AQgw]$/;

export function isSnapshotId(value: unknown): value is string {
  return typeof value === "string" && SHAPE.test(value);
}

/** The path of a snapshot's page. */
export function snapshotPath(id: string): string {
  return `/s/${id}`;
}
