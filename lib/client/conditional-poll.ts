/**
 * The browser's one way to poll a JSON route that answers with a strong ETag (the state, execution
 * and dashboard routes; lib/http/conditional.ts on the server): it sends the ETag of what it holds
 * and, on 304 Not Modified, keeps that. The ETag is sent and a 304 kept by hand, so the HTTP cache
 * is not involved. No server-only imports: this runs in the browser.
 */
import { POLL_HEADERS } from "@/lib/domain/execution/board-wire";

/** What a poll holds: the value, its ETag (empty when it came with the page), when the server read it. */
export interface Held<T> {
  readonly value: T;
  readonly etag: string;
  /** When the server read it from CodePipeline, epoch ms. */
  readonly fetchedAt: number;
}

/** A poll the route answered with an error (`{error: {kind, title, detail}}`), or that got no answer (status 0, kind `offline`). */
export class PollError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
    this.name = "PollError";
  }
}

function errorBody(value: unknown): { kind: string; title: string; detail: string } | undefined {
  if (typeof value !== "object" || value === null || !("error" in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { kind, title, detail } = error as Record<string, unknown>;
  return typeof kind === "string" && typeof title === "string" ? { kind, title, detail: typeof detail === "string" ? detail : "" } : undefined;
}

/**
 * GET `url` holding `held`. `what` names the resource in the words of a failure without a body
 * ("The state could not be read (HTTP 502).").
 */
export async function pollJson<T>(url: string, held: Held<T> | undefined, what: string, signal?: AbortSignal): Promise<Held<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", headers: held?.etag ? { "If-None-Match": held.etag } : {}, signal });
  } catch (thrown) {
    if (signal?.aborted) throw thrown;
    throw new PollError(0, "offline", "Pipewright's server did not answer.", thrown instanceof Error ? thrown.message : String(thrown));
  }
  const fetchedHeader = response.headers.get(POLL_HEADERS.fetchedAt);
  const fetchedAt = fetchedHeader ? Date.parse(fetchedHeader) : Date.now();
  if (response.status === 304 && held) return { value: held.value, etag: held.etag, fetchedAt };
  if (!response.ok) {
    const body = errorBody(await response.json().catch(() => undefined));
    throw new PollError(response.status, body?.kind ?? "unknown", body?.title ?? `${what} could not be read (HTTP ${response.status}).`, body?.detail ?? "");
  }
  return { value: (await response.json()) as T, etag: response.headers.get("ETag") ?? "", fetchedAt };
}
