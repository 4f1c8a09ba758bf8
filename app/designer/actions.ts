"use server";
/**
 * Server actions of the designer: open a live pipeline, review a push, push. Each is thin:
 * the role each needs (viewer to read, editor to push), input size and zod schema, the read-only
 * guard and the audit log for the push, one call in lib/aws/sync, a
 * result union (lib/aws/sync/results.ts). They never throw.
 */
import { expireRegions } from "@/lib/aws/cached-reads";
import { openLive } from "@/lib/aws/sync/open-live";
import { pushDesign } from "@/lib/aws/sync/push";
import type { OpenLiveResult, PushResult, ReviewResult } from "@/lib/aws/sync/results";
import { reviewDesign } from "@/lib/aws/sync/review";
import { OpenLiveInputSchema, PushInputSchema, ReviewPushInputSchema, type OpenLiveInput, type PushInput, type ReviewPushInput } from "@/lib/domain/sync/inputs";
import { mutationPolicy } from "@/lib/domain/access/mutations";
import { runMutation, runQuery } from "@/lib/server/action";

/** GetPipeline → the declaration and the base {name, region, version, updated} the new draft keeps. */
export async function openLivePipeline(input: OpenLiveInput): Promise<OpenLiveResult> {
  return runQuery(input, OpenLiveInputSchema, (i) => openLive(i.name));
}

/** What a push would do (validation in this server's region, live version, in-flight executions, V1 → V2); changes nothing. */
export async function reviewPush(input: ReviewPushInput): Promise<ReviewResult> {
  return runQuery(input, ReviewPushInputSchema, (i) => reviewDesign(i));
}

/** CreatePipeline or UpdatePipeline, after the stale-version check and the server's validation. */
export async function pushPipeline(input: PushInput): Promise<PushResult> {
  const result = await runMutation(input, PushInputSchema, (i) => pushDesign(i), mutationPolicy("push"));
  // The list and its latest executions are read again: the pipeline just changed.
  if (result.status === "pushed") expireRegions([result.base.region]);
  return result;
}
