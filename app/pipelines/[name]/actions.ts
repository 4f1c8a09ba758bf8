"use server";
/** Server actions of a pipeline's page. Thin: schema, read-only guard, one call, a result union. */
import { expireRegions } from "@/lib/aws/cached-reads";
import { configuredRegions } from "@/lib/aws/overview";
import { deleteLive } from "@/lib/aws/sync/delete";
import type { DeleteResult } from "@/lib/aws/sync/results";
import { DeleteInputSchema, type DeleteInput } from "@/lib/domain/sync/inputs";
import { runMutation } from "@/lib/server/action";

/** DeletePipeline, with the pipeline's name typed by the user as confirmation. */
export async function deletePipelineAction(input: DeleteInput): Promise<DeleteResult> {
  const result = await runMutation(input, DeleteInputSchema, (i) => deleteLive(i));
  if (result.status === "deleted") {
    // The list must not show it from the read cache any more.
    const regions = configuredRegions();
    if (regions.ok) expireRegions(regions.value);
  }
  return result;
}
