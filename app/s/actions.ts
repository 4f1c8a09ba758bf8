"use server";
/**
 * Server actions of shared links. Thin: input size and strict schema, the read-only guard (a
 * share is a write: read-only deployments serve viewers, they store nothing), then the one call
 * in lib/server/share. They never throw.
 */
import { ShareDesignInputSchema, type ShareDesignInput } from "@/lib/domain/share/design-snapshot";
import { runMutation } from "@/lib/server/action";
import { clientKey } from "@/lib/server/client-key";
import { createDesignSnapshot } from "@/lib/server/share/create-design";
import { shareRateLimit } from "@/lib/server/share/limits";
import type { ShareResult } from "@/lib/server/share/results";
import { getStorage } from "@/lib/storage/server";

/** Stores an immutable, redacted snapshot of a design and answers its link `/s/<id>`. */
export async function shareDesign(input: ShareDesignInput): Promise<ShareResult> {
  return runMutation(input, ShareDesignInputSchema, async (i) =>
    createDesignSnapshot(i, { snapshots: (await getStorage()).snapshots, rateLimit: shareRateLimit(), client: await clientKey() }),
  );
}
