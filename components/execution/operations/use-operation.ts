"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { OperationResult } from "@/lib/aws/operations/results";
import { pipelineQueryKeys, type PipelineKey } from "@/lib/queries";

/**
 * Runs one operation's server action. After it is done, everything the page holds about the
 * pipeline is read again (the server expired its cache for it), so the change shows at once.
 */
export function useOperation<I>(pipeline: PipelineKey, action: (input: I) => Promise<OperationResult>) {
  const client = useQueryClient();
  return useMutation<OperationResult, Error, I>({
    mutationFn: action,
    onSuccess: (result) => {
      if (result.status === "done") void client.invalidateQueries({ queryKey: pipelineQueryKeys.all(pipeline) });
    },
  });
}
