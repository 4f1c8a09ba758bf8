"use server";

import { refresh } from "next/cache";
import { expireRegions } from "@/lib/aws/cached-reads";
import { configuredRegions } from "@/lib/aws/overview";

/**
 * The list's Refresh button: whatever the cache holds for the listed regions is read again from
 * CodePipeline on the next render, which `refresh()` asks for at once. Takes no input (a form's
 * data is ignored) and changes nothing on the backend, so read-only deployments allow it. A
 * failure is logged on the server; the page then simply shows what it had.
 */
export async function refreshPipelines(): Promise<void> {
  try {
    const regions = configuredRegions();
    if (regions.ok) expireRegions(regions.value);
    refresh();
  } catch (thrown) {
    console.error("[pipewright] refreshing the pipelines list failed:", thrown);
  }
}
