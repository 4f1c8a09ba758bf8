/**
 * A sliding-window rate limit per client: at most `limit` events in any `windowMs`. It answers how
 * long to wait, for a `Retry-After` (https://www.rfc-editor.org/rfc/rfc9110#name-retry-after).
 * Memory stays bounded: a client's log holds at most `limit` times, and clients idle for a whole
 * window are dropped when the table grows.
 */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimit {
  take(client: string, now?: number): RateDecision;
}

const SWEEP_ABOVE = 10_000;

export function createRateLimit(limit: number, windowMs: number): RateLimit {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer; got ${limit}`);
  const logs = new Map<string, number[]>();
  return {
    take(client, now = Date.now()) {
      if (logs.size > SWEEP_ABOVE) {
        for (const [key, times] of logs) if (times[times.length - 1]! <= now - windowMs) logs.delete(key);
      }
      const times = (logs.get(client) ?? []).filter((t) => t > now - windowMs);
      if (times.length >= limit) {
        logs.set(client, times);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)) };
      }
      times.push(now);
      logs.set(client, times);
      return { allowed: true };
    },
  };
}
