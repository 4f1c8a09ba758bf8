"use server";
/**
 * Server actions of shared links. Thin: the editor role, input size and strict schema, the read-only guard (a
 * share is a write: read-only deployments serve viewers, they store nothing), then the one call
 * in lib/server/share. They never throw.
 */
import { defaultGateway } from "@/lib/aws/client";
import { ShareDesignInputSchema, type ShareDesignInput } from "@/lib/domain/share/design-snapshot";
import { ShareReportInputSchema, type ShareReportInput } from "@/lib/domain/share/report-input";
import { mutationPolicy } from "@/lib/domain/access/mutations";
import { runMutation } from "@/lib/server/action";
import { clientKey } from "@/lib/server/client-key";
import { createDesignSnapshot } from "@/lib/server/share/create-design";
import { createExecutionReport } from "@/lib/server/share/create-report";
import { shareRateLimit } from "@/lib/server/share/limits";
import type { ShareReportResult, ShareResult } from "@/lib/server/share/results";
import type { CreateContext } from "@/lib/server/share/store";
import { getStorage } from "@/lib/storage/server";

async function context(): Promise<CreateContext> {
  return { snapshots: (await getStorage()).snapshots, rateLimit: shareRateLimit(), client: await clientKey() };
}

/** Stores an immutable, redacted snapshot of a design and answers its link `/s/<id>`. */
export async function shareDesign(input: ShareDesignInput): Promise<ShareResult> {
  return runMutation(input, ShareDesignInputSchema, async (i) => createDesignSnapshot(i, await context()), mutationPolicy("share"));
}

/** Reads one execution through the gateway and stores a frozen, redacted report of it; answers its link. */
export async function shareExecutionReport(input: ShareReportInput): Promise<ShareReportResult> {
  return runMutation(input, ShareReportInputSchema, async (i) => createExecutionReport(i, defaultGateway(), await context()), mutationPolicy("share"));
}
