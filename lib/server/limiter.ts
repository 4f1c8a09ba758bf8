/**
 * At most `concurrency` tasks at a time, the rest queued in arrival order. The gateway reads
 * through one per region so a page of pipelines does not send every call at once: CodePipeline
 * publishes no per-operation request rates, and bursts are what its throttling answers
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html lists no API rates;
 * throttled calls are retried with backoff by lib/aws/retry.ts).
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer; got ${concurrency}`);
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        running++;
        // A task that throws at once still frees its slot.
        Promise.resolve().then(task).then(resolve, reject).finally(next);
      };
      if (running < concurrency) run();
      else queue.push(run);
    });
}
