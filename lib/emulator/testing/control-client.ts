/**
 * Calls an emulator's control API (`/_emulator/...`, control.ts) from tests, e2e specs and
 * benchmarks: the one place that knows how a control request is sent. Reads (health, time-scale,
 * requests) are GETs when no body is given; everything else is a POST with a JSON body.
 *
 * @example
 *   const control = controlClient("http://127.0.0.1:4599");
 *   await control("/latency", { ms: 50 });
 *   const { body } = await control("/requests");
 */
import { CONTROL_HEADERS } from "../control-guard";

export type ControlCall = (pathname: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

const READS = /\/(health|time-scale|requests)$/;

export function controlClient(baseUrl: string): ControlCall {
  return async (pathname, body) => {
    const sub = pathname.startsWith("/_emulator") ? pathname : `/_emulator${pathname.startsWith("/") ? "" : "/"}${pathname}`;
    const read = body === undefined && READS.test(sub);
    const response = await fetch(baseUrl + sub, {
      method: read ? "GET" : "POST",
      headers: CONTROL_HEADERS,
      body: read ? undefined : JSON.stringify(body ?? {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}
