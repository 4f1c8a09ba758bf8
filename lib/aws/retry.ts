import "server-only";
import { isRetryable, type GatewayError } from "./errors";

/**
 * Retries with capped exponential backoff and full jitter (a random delay between 0 and the cap),
 * the scheme AWS recommends for throttling ("Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015). The SDK's own retries are turned off (maxAttempts 1) so this is the only layer and
 * its behaviour can be set per gateway in tests.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included (1 = no retry). */
  readonly maxAttempts: number;
  /** The cap before the first retry; doubles for each further retry. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 5_000 };

/** Seams for tests: where randomness and waiting come from. */
export interface RetryRuntime {
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

const realRuntime: RetryRuntime = {
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The delay before retry number `retry` (1 = the first retry). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/**
 * Runs `call` until it succeeds, fails with an error that is not retryable, or runs out of
 * attempts. Failures are mapped with `classify`; the last one is thrown as `toThrow(error)`.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  classify: (thrown: unknown) => GatewayError,
  toThrow: (error: GatewayError, cause: unknown) => Error,
  runtime: RetryRuntime = realRuntime,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (thrown) {
      const error = classify(thrown);
      if (attempt >= policy.maxAttempts || !isRetryable(error)) throw toThrow(error, thrown);
      await runtime.sleep(backoffDelay(attempt, policy, runtime.random));
    }
  }
}
