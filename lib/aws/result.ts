import "server-only";
import { GatewayException, type GatewayError } from "./errors";

/** What a page or server action gets back: a value, or an error it can put into words. */
export type GatewayResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GatewayError };

/**
 * Runs gateway calls and catches their failure as data. Takes a thunk so that a misconfiguration
 * found while choosing the gateway is caught too.
 */
export async function settle<T>(run: () => Promise<T>): Promise<GatewayResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (thrown) {
    if (thrown instanceof GatewayException) return { ok: false, error: thrown.error };
    // A programming error: keep the stack on the server, show the UI words only.
    console.error(thrown);
    return { ok: false, error: { kind: "unknown", name: "Error", message: "An unexpected error occurred in Pipewright." } };
  }
}
