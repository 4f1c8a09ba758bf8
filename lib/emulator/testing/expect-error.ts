/**
 * Asserts that an SDK call fails with AWS exception `name` (as the SDK raises it from the wire's
 * `__type`) and, optionally, a message matching `message`. Fails when nothing is thrown.
 */
import { expect } from "vitest";

export async function expectAwsError(call: Promise<unknown>, name: string, message?: string | RegExp): Promise<Error> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error, `expected ${name}, but the call succeeded`).toBeInstanceOf(Error);
  expect({ name: error!.name, message: error!.message }).toEqual({
    name,
    message: message === undefined ? expect.any(String) : typeof message === "string" ? message : expect.stringMatching(message),
  });
  return error!;
}
