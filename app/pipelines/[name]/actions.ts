"use server";
/** Server actions of a pipeline's page. Thin: role, schema, read-only guard, one call, a result union. */
import { deleteLive } from "@/lib/aws/sync/delete";
import type { DeleteResult } from "@/lib/aws/sync/results";
import { DeleteInputSchema, type DeleteInput } from "@/lib/domain/sync/inputs";
import { runMutation } from "@/lib/server/action";

/** DeletePipeline, with the pipeline's name typed by the user as confirmation. */
export async function deletePipelineAction(input: DeleteInput): Promise<DeleteResult> {
  return runMutation(input, DeleteInputSchema, (i) => deleteLive(i), { role: "editor", audit: "delete" });
}
