import "server-only";
import { randomBytes } from "node:crypto";
import { SNAPSHOT_ID_BYTES } from "@/lib/domain/share/snapshot-id";

/** A new snapshot id from the operating system's CSPRNG (https://nodejs.org/api/crypto.html#cryptorandombytessize-callback). */
export function newSnapshotId(): string {
  return randomBytes(SNAPSHOT_ID_BYTES).toString("base64url");
}
