import "server-only";

/**
 * Read-only deployments (`PIPEWRIGHT_READ_ONLY=1`): every server action that changes something on
 * the backend is refused here, on the server, whatever the browser sends. Every mutating action
 * goes through `refusal()` (via `runAction`); tests/sync/read-only.test.ts calls every exported
 * server action with the variable set and checks that each mutating one is refused.
 */
export interface ReadOnlyRefusal {
  readonly status: "read-only";
  readonly message: string;
}

export function isReadOnly(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.PIPEWRIGHT_READ_ONLY === "1";
}

/** The refusal to return instead of running a mutating action, or undefined when changes are allowed. */
export function refusal(): ReadOnlyRefusal | undefined {
  if (!isReadOnly()) return undefined;
  return {
    status: "read-only",
    message: "This Pipewright is read-only (PIPEWRIGHT_READ_ONLY=1): pipelines can be viewed and designed, not changed on the backend.",
  };
}
