/**
 * The browser's poll of a pipeline's state route (app/api/pipelines/[name]/state): it sends the
 * ETag of what it holds and, on 304 Not Modified, keeps that. No server-only imports: this runs
 * in the browser.
 */
import { boardView, type BoardPayload } from "@/lib/domain/execution/board";
import { POLL_HEADERS, boardUrl } from "@/lib/domain/execution/board-wire";

export interface BoardSnapshot {
  readonly payload: BoardPayload;
  readonly etag: string;
  /** When the server read this from CodePipeline (epoch ms). */
  readonly fetchedAt: number;
  /** Something runs: poll every few seconds. */
  readonly active: boolean;
}

/** A poll the route answered with an error: its status and its words. */
export class BoardFetchError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
    this.name = "BoardFetchError";
  }
}

export function snapshotOf(payload: BoardPayload, etag: string, fetchedAt: number): BoardSnapshot {
  return { payload, etag, fetchedAt, active: boardView(payload).active };
}

function errorBody(value: unknown): { kind: string; title: string; detail: string } | undefined {
  if (typeof value !== "object" || value === null || !("error" in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { kind, title, detail } = error as Record<string, unknown>;
  return typeof kind === "string" && typeof title === "string" ? { kind, title, detail: typeof detail === "string" ? detail : "" } : undefined;
}

export async function fetchBoard(
  ref: { name: string; region?: string },
  held: BoardSnapshot | undefined,
  signal?: AbortSignal,
): Promise<BoardSnapshot> {
  let response: Response;
  try {
    response = await fetch(boardUrl(ref.name, ref.region), {
      // The ETag is sent by hand and a 304 kept by hand: the HTTP cache is not involved.
      cache: "no-store",
      headers: held ? { "If-None-Match": held.etag } : {},
      signal,
    });
  } catch (thrown) {
    if (signal?.aborted) throw thrown;
    throw new BoardFetchError(0, "offline", "Pipewright's server did not answer.", thrown instanceof Error ? thrown.message : String(thrown));
  }
  const fetchedHeader = response.headers.get(POLL_HEADERS.fetchedAt);
  const fetchedAt = fetchedHeader ? Date.parse(fetchedHeader) : Date.now();
  if (response.status === 304 && held) return snapshotOf(held.payload, held.etag, fetchedAt);
  if (!response.ok) {
    const body = errorBody(await response.json().catch(() => undefined));
    throw new BoardFetchError(
      response.status,
      body?.kind ?? "unknown",
      body?.title ?? `The state could not be read (HTTP ${response.status}).`,
      body?.detail ?? "",
    );
  }
  const payload = (await response.json()) as BoardPayload;
  return snapshotOf(payload, response.headers.get("ETag") ?? "", fetchedAt);
}
