import { createRateLimit } from "../rate-limit";

/** A snapshot as stored may be at most this large (a quota-max pipeline is about 1 MB). */
export const MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024;

/** Shares a client may create per minute, per app instance. */
export const SHARES_PER_MINUTE = 30;

/** One table per server process, kept on globalThis: Next.js may load this module once per bundle. */
const KEY = Symbol.for("pipewright.share-rate-limit");
type Holder = { [KEY]?: ReturnType<typeof createRateLimit> };

export function shareRateLimit() {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createRateLimit(SHARES_PER_MINUTE, 60_000));
}
