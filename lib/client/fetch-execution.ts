/**
 * The browser's poll of an execution's detail route (app/api/pipelines/[name]/executions/[id]),
 * through the one conditional poller. No server-only imports: this runs in the browser.
 */
import type { ExecutionDetail, ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import type { ExecutionRef } from "@/lib/domain/execution/execution-ref";
import { executionDetailUrl } from "@/lib/domain/execution/urls";
import { pollJson } from "./conditional-poll";

export async function fetchExecutionDetail(ref: ExecutionRef, held: ExecutionDetailSnapshot | undefined, signal?: AbortSignal): Promise<ExecutionDetailSnapshot> {
  const polled = await pollJson<ExecutionDetail>(executionDetailUrl(ref), held && { value: held, etag: held.etag ?? "", fetchedAt: held.fetchedAt }, "The execution", signal);
  return { ...polled.value, fetchedAt: polled.fetchedAt, ...(polled.etag && { etag: polled.etag }) };
}
