import "server-only";
import { createHash } from "node:crypto";
import { snapshotPath } from "@/lib/domain/share/snapshot-id";
import type { SnapshotKind, SnapshotRepository } from "@/lib/storage/snapshots";
import type { RateLimit } from "../rate-limit";
import { newSnapshotId } from "./ids";
import { MAX_SNAPSHOT_BYTES } from "./limits";
import type { RateLimited, Shared, TooLarge } from "./results";

export interface CreateContext {
  readonly snapshots: SnapshotRepository;
  readonly rateLimit: RateLimit;
  readonly client: string;
  readonly now?: number;
}

/** The rate limit, checked before any work is done for a share. */
export function rateLimited(context: CreateContext): RateLimited | undefined {
  const decision = context.rateLimit.take(context.client, context.now);
  if (decision.allowed) return undefined;
  return {
    status: "rate-limited",
    retryAfterSeconds: decision.retryAfterSeconds,
    message: `Too many shares from this address: try again in ${decision.retryAfterSeconds} s.`,
  };
}

/**
 * Stores an already redacted snapshot: size, then the row. The same content shared again answers
 * the link it already has: the link is a capability to content its holder could already
 * reproduce, and one design shared from several tabs or people keeps one address. The content
 * hash covers exactly what is stored, never the time (the row's creation time is kept apart).
 */
export async function storeSnapshot(
  kind: SnapshotKind,
  format: number,
  snapshot: { readonly redacted: readonly string[] },
  what: string,
  context: CreateContext,
): Promise<Shared | TooLarge> {
  const payload = JSON.stringify(snapshot);
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > MAX_SNAPSHOT_BYTES) {
    return { status: "too-large", message: `This ${what} is ${(bytes / 1048576).toFixed(1)} MB; a shared snapshot may be at most 2 MB.` };
  }
  const stored = await context.snapshots.create({
    id: newSnapshotId(),
    kind,
    contentHash: createHash("sha256").update(payload).digest("hex"),
    format,
    createdAt: context.now ?? Date.now(),
    payload,
  });
  const id = stored.snapshot.id;
  return { status: "shared", id, path: snapshotPath(id), created: stored.created, redacted: snapshot.redacted };
}
