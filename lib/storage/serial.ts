/**
 * One operation at a time on a single connection: a transaction's statements must not interleave
 * with statements another request sends meanwhile, or they would run inside that transaction.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
