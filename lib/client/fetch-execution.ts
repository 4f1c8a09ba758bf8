/**
 * The browser's poll of an execution's detail route (app/api/pipelines/[name]/executions/[id]):
 * it sends the ETag of what it holds and, on 304 Not Modified, keeps that. No server-only
 * imports: this runs in the browser.
 */
import { POLL_HEADERS } from "@/lib/domain/execution/board-wire";
import type { ExecutionDetail, ExecutionDetailSnapshot } from "@/lib/domain/execution/execution-detail";
import { executionDetailUrl, type ExecutionRef } from "@/lib/domain/execution/execution-ref";

/** A poll the route answered with an error (or that did not arrive): its words. */
export class ExecutionFetchError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
    this.name = "ExecutionFetchError";
  }
}

export async function fetchExecutionDetail(ref: ExecutionRef, held: ExecutionDetailSnapshot | undefined, signal?: AbortSignal): Promise<ExecutionDetailSnapshot> {
  let response: Response;
  try {
    response = await fetch(executionDetailUrl(ref), {
      // The ETag is sent by hand and a 304 kept by hand: the HTTP cache is not involved.
      cache: "no-store",
      headers: held?.etag ? { "If-None-Match": held.etag } : {},
      signal,
    });
  } catch (thrown) {
    if (signal?.aborted) throw thrown;
    throw new ExecutionFetchError(0, "Pipewright's server did not answer.", thrown instanceof Error ? thrown.message : String(thrown));
  }
  const fetchedHeader = response.headers.get(POLL_HEADERS.fetchedAt);
  const fetchedAt = fetchedHeader ? Date.parse(fetchedHeader) : Date.now();
  if (response.status === 304 && held) return { ...held, fetchedAt };
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = typeof body === "object" && body !== null && "error" in body ? (body as { error: { title?: unknown; detail?: unknown } }).error : undefined;
    throw new ExecutionFetchError(
      response.status,
      typeof error?.title === "string" ? error.title : `The server answered ${response.status}.`,
      typeof error?.detail === "string" ? error.detail : "",
    );
  }
  const etag = response.headers.get("ETag");
  return { ...(body as ExecutionDetail), fetchedAt, ...(etag && { etag }) };
}
