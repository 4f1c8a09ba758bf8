/**
 * Runs before every request, static files included, having no matcher (Next.js 16 Proxy, the
 * former middleware): refuses requests Next would crash on (400), and gives every response the
 * security headers, with a fresh CSP nonce that Next.js reads back from the request's
 * Content-Security-Policy header and puts on its own scripts
 * (https://nextjs.org/docs/app/guides/content-security-policy). It sees Next's
 * navigation headers because next.config.ts sets `skipProxyUrlNormalize`.
 *
 * Server action requests whose declared body is over the limit are answered here with a 413 and a
 * JSON error, before Next reads them: past `serverActions.bodySizeLimit` Next itself answers 500.
 * Twice the input limit leaves room for the encoding around an input; inputs between the two are
 * refused by the action itself with an `invalid-input` result (lib/server/action.ts).
 *
 * In a team deployment (PIPEWRIGHT_AUTH) a request from someone not signed in, or holding no role,
 * is turned away here (lib/auth/gate.ts): to the identity provider, or with 401/403.
 */
import { NextResponse, type NextRequest } from "next/server";
import { gate } from "@/lib/auth/gate";
import { MAX_INPUT_BYTES } from "@/lib/domain/sync/inputs";
import { malformedRequest } from "@/lib/http/malformed-request";
import {
  contentSecurityPolicy,
  DEFAULT_FRAME_ANCESTORS,
  ERROR_RESPONSE_POLICY,
  frameAncestors,
  SECURITY_HEADERS,
} from "@/lib/http/security-headers";

const MAX_ACTION_REQUEST_BYTES = 2 * MAX_INPUT_BYTES;

let ancestors: string | undefined;

/** PIPEWRIGHT_FRAME_ANCESTORS, read once; a bad value is reported and the app stays unframeable. */
function configuredFrameAncestors(): string {
  if (ancestors === undefined) {
    try {
      ancestors = frameAncestors(process.env.PIPEWRIGHT_FRAME_ANCESTORS);
    } catch (error) {
      console.error(`[pipewright] ${error instanceof Error ? error.message : String(error)} Using frame-ancestors ${DEFAULT_FRAME_ANCESTORS}.`);
      ancestors = DEFAULT_FRAME_ANCESTORS;
    }
  }
  return ancestors;
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // The raw path as sent: request.nextUrl may already have decoded or normalised it.
  const problem = malformedRequest(new URL(request.url).pathname, request.headers);
  if (problem) {
    return withSecurityHeaders(new NextResponse(`400 Bad Request: ${problem}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }), ERROR_RESPONSE_POLICY);
  }
  const tooLarge = oversizedActionRequest(request);
  if (tooLarge) return withSecurityHeaders(tooLarge, ERROR_RESPONSE_POLICY);
  const turnedAway = await gate(request);
  if (turnedAway) return withSecurityHeaders(turnedAway, ERROR_RESPONSE_POLICY);
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({
    nonce,
    frameAncestors: configuredFrameAncestors(),
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

/** A server action call (it carries a Next-Action header) whose declared body is over the limit. */
function oversizedActionRequest(request: NextRequest): NextResponse | undefined {
  if (!request.headers.has("next-action")) return undefined;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length <= MAX_ACTION_REQUEST_BYTES) return undefined;
  return NextResponse.json(
    { status: "invalid-input", message: `The request is ${(length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB.`, issues: [] },
    { status: 413 },
  );
}
