/**
 * The browser's poll of a pipeline's state route (app/api/pipelines/[name]/state), through the
 * one conditional poller. No server-only imports: this runs in the browser.
 */
import { boardView, type BoardPayload } from "@/lib/domain/execution/board";
import { boardUrl } from "@/lib/domain/execution/board-wire";
import { pollJson } from "./conditional-poll";

export interface BoardSnapshot {
  readonly payload: BoardPayload;
  readonly etag: string;
  /** When the server read this from CodePipeline (epoch ms). */
  readonly fetchedAt: number;
  /** Something runs: poll every few seconds. */
  readonly active: boolean;
}

export function snapshotOf(payload: BoardPayload, etag: string, fetchedAt: number): BoardSnapshot {
  return { payload, etag, fetchedAt, active: boardView(payload).active };
}

export async function fetchBoard(ref: { name: string; region?: string }, held: BoardSnapshot | undefined, signal?: AbortSignal): Promise<BoardSnapshot> {
  const polled = await pollJson<BoardPayload>(boardUrl(ref.name, ref.region), held && { value: held.payload, etag: held.etag, fetchedAt: held.fetchedAt }, "The state", signal);
  // Unchanged (304): what it held, with its new age.
  if (held && polled.value === held.payload) return { ...held, fetchedAt: polled.fetchedAt };
  return snapshotOf(polled.value, polled.etag, polled.fetchedAt);
}
