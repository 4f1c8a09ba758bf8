/**
 * Runs before every request, static files included, having no matcher (Next.js 16 Proxy, the
 * former middleware): refuses requests Next would crash on (400), and gives every response the
 * security headers, with a fresh CSP nonce that Next.js reads back from the request's
 * Content-Security-Policy header and puts on its own scripts
 * (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md). It sees Next's
 * navigation headers because next.config.ts sets `skipProxyUrlNormalize`.
 */
import { NextResponse, type NextRequest } from "next/server";
import { malformedRequest } from "@/lib/http/malformed-request";
import {
  contentSecurityPolicy,
  DEFAULT_FRAME_ANCESTORS,
  ERROR_RESPONSE_POLICY,
  frameAncestors,
  SECURITY_HEADERS,
} from "@/lib/http/security-headers";

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

export function proxy(request: NextRequest): NextResponse {
  // The raw path as sent: request.nextUrl may already have decoded or normalised it.
  const problem = malformedRequest(new URL(request.url).pathname, request.headers);
  if (problem) {
    return withSecurityHeaders(new NextResponse(`400 Bad Request: ${problem}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } }), ERROR_RESPONSE_POLICY);
  }
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
