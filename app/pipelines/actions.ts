"use server";

import { refresh } from "next/cache";
import { expireRegions } from "@/lib/aws/cached-reads";
import { configuredRegions } from "@/lib/aws/overview";

/**
 * The list's Refresh button: whatever the cache holds for the listed regions is read again from
 * CodePipeline on the next render, which `refresh()` asks for at once. Takes no input.
 */
export async function refreshPipelines(): Promise<void> {
  const regions = configuredRegions();
  if (regions.ok) expireRegions(regions.value);
  refresh();
}
