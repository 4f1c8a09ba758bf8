import "server-only";
import { createHash } from "node:crypto";
import { DESIGN_SNAPSHOT_FORMAT, type DesignSnapshot, type ShareDesignInputSchema } from "@/lib/domain/share/design-snapshot";
import { maskCopies, redactDeclaration } from "@/lib/domain/share/redact";
import { snapshotPath } from "@/lib/domain/share/snapshot-id";
import type { SnapshotRepository } from "@/lib/storage/snapshots";
import type { z } from "zod";
import type { RateLimit } from "../rate-limit";
import { newSnapshotId } from "./ids";
import { MAX_SNAPSHOT_BYTES } from "./limits";
import type { ShareResult } from "./results";

export interface CreateContext {
  readonly snapshots: SnapshotRepository;
  readonly rateLimit: RateLimit;
  readonly client: string;
  readonly now?: number;
}

/**
 * Stores a design snapshot: rate limit, redaction (here, on the server: the browser's copy is not
 * trusted), size, then the row. The same content shared again answers the link it already has:
 * the link is a capability to content its holder could already reproduce, and one design shared
 * from several tabs or people keeps one address. The content hash covers exactly what is stored
 * (after redaction), never the time.
 */
export async function createDesignSnapshot(input: z.output<typeof ShareDesignInputSchema>, context: CreateContext): Promise<Exclude<ShareResult, { status: "invalid-input" | "read-only" | "failed" }>> {
  const decision = context.rateLimit.take(context.client, context.now);
  if (!decision.allowed) {
    return {
      status: "rate-limited",
      retryAfterSeconds: decision.retryAfterSeconds,
      message: `Too many shares from this address: try again in ${decision.retryAfterSeconds} s.`,
    };
  }
  const fields = redactDeclaration(input.declaration);
  const declaration = maskCopies(fields.value, fields.secrets, "");
  const title = maskCopies(input.title, fields.secrets, "title");
  const note = maskCopies(input.note, fields.secrets, "note");
  const redacted = [...new Set([...fields.redacted, ...declaration.redacted, ...title.redacted, ...note.redacted])];
  const snapshot: DesignSnapshot = {
    format: DESIGN_SNAPSHOT_FORMAT,
    title: title.value,
    ...(note.value ? { note: note.value } : {}),
    region: input.region,
    declaration: declaration.value,
    layout: input.layout,
    redacted,
  };
  const payload = JSON.stringify(snapshot);
  const bytes = Buffer.byteLength(payload, "utf8");
  if (bytes > MAX_SNAPSHOT_BYTES) {
    return { status: "too-large", message: `This design is ${(bytes / 1048576).toFixed(1)} MB; a shared snapshot may be at most 2 MB.` };
  }
  const stored = await context.snapshots.create({
    id: newSnapshotId(),
    kind: "design",
    contentHash: createHash("sha256").update(payload).digest("hex"),
    format: DESIGN_SNAPSHOT_FORMAT,
    createdAt: context.now ?? Date.now(),
    payload,
  });
  const id = stored.snapshot.id;
  return { status: "shared", id, path: snapshotPath(id), created: stored.created, redacted };
}
