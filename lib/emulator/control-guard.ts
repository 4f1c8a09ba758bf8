/**
 * Who may call the control API. It can wipe every pipeline, so a web page the user happens to visit
 * must not reach it:
 *  - a cross-site page can send a "simple" request (text/plain, no custom header) without asking
 *    first; requiring `Content-Type: application/json` and the custom header below makes the
 *    browser send a CORS preflight instead, which the emulator never grants (no
 *    Access-Control-Allow-* header anywhere);
 *  - a browser names the page's origin in `Origin`: only the emulator's own and the app's pass;
 *  - DNS rebinding points an attacker's host name at 127.0.0.1, making the page same-origin; its
 *    requests still carry that name in `Host`, so only loopback names and the configured host pass.
 * Reference: https://fetch.spec.whatwg.org/#cors-safelisted-request-header (what needs a preflight).
 *
 * Every control route goes through `refuseControlRequest` before its body is read (server.ts), so a
 * new route is covered without anything to add.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { ControlResponse } from "./control-types";

/** The header every control call carries; a browser may send it only after a preflight. */
export const CONTROL_HEADER = "x-pipewright-control";

/** What a caller sends with every control call (Content-Type is required on POST). */
export const CONTROL_HEADERS = { "content-type": "application/json", [CONTROL_HEADER]: "1" } as const;

export interface ControlGuardOptions {
  /** The address the server binds (`127.0.0.1` unless told otherwise). */
  readonly host: string;
  /** The port it listens on. */
  readonly port: number;
  /** Origins allowed besides the emulator's own, e.g. the app's `http://localhost:3000`. */
  readonly appOrigins?: readonly string[];
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
/** Wildcard binds name no host a client could use. */
const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);

/** Host names (lower case, IPv6 in brackets) a request may carry in `Host`. */
function allowedHostNames(options: ControlGuardOptions): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const configured = options.host.includes(":") && !options.host.startsWith("[") ? `[${options.host}]` : options.host;
  if (!WILDCARD_HOSTS.has(configured)) names.add(configured.toLowerCase());
  return names;
}

function allowedOrigins(options: ControlGuardOptions, hostNames: ReadonlySet<string>): Set<string> {
  const origins = new Set([...hostNames].map((name) => `http://${name}:${options.port}`));
  for (const origin of options.appOrigins ?? []) origins.add(normalizeOrigin(origin));
  return origins;
}

/** `http://LOCALHOST:3000/` → `http://localhost:3000`; anything unparsable stays as given (and matches nothing real). */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

function hostName(host: string | undefined): string | undefined {
  if (host === undefined || host === "") return undefined;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function refused(status: number, error: string): ControlResponse {
  return { status, body: { error } };
}

/** Why a control request is refused, as the response to send; undefined when it may proceed. */
export function refuseControlRequest(method: string, headers: IncomingHttpHeaders, options: ControlGuardOptions): ControlResponse | undefined {
  const hostNames = allowedHostNames(options);
  const host = hostName(headers.host);
  if (host === undefined || !hostNames.has(host)) {
    return refused(403, `The control API answers only on ${[...hostNames].join(", ")}; this request names Host ${JSON.stringify(headers.host ?? "")}.`);
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins(options, hostNames).has(normalizeOrigin(origin))) {
    return refused(403, `The control API refuses calls from origin ${origin}: only the emulator's own origin and the app's may call it.`);
  }
  if (method === "OPTIONS") return refused(403, "The control API answers no cross-origin (CORS) requests.");
  if (headers[CONTROL_HEADER] !== "1") {
    return refused(403, `Control calls must carry the header ${CONTROL_HEADER}: 1 (and Content-Type: application/json when they send a body).`);
  }
  if (method !== "GET" && method !== "HEAD" && mediaType(headers["content-type"]) !== "application/json") {
    return refused(415, `Control calls that change state must send Content-Type: application/json, not ${JSON.stringify(headers["content-type"] ?? "")}.`);
  }
  return undefined;
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}
