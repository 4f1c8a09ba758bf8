"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { expireRegions } from "@/lib/aws/cached-reads";
import { configuredRegions } from "@/lib/aws/overview";
import { runQuery } from "@/lib/server/action";

/**
 * The list's Refresh button: whatever the cache holds for the listed regions is read again from
 * CodePipeline on the next render, which `refresh()` asks for at once. Takes no input (a form's
 * data is ignored) and changes nothing on the backend, so read-only deployments allow it; it still
 * needs a viewer (lib/server/action.ts), or anyone could make the server call AWS. A refusal or
 * failure leaves the page showing what it had (the guard logs a bug on the server).
 */
export async function refreshPipelines(): Promise<void> {
  // `null`, not `undefined`: the guard measures its input as JSON, and `undefined` is none.
  await runQuery(null, z.null(), async () => {
    const regions = configuredRegions();
    if (regions.ok) expireRegions(regions.value);
    refresh();
  });
}
