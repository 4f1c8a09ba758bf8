/**
 * The security headers of every app response (proxy.ts sets them):
 *  - a Content-Security-Policy with a fresh nonce per request: scripts run only when they carry
 *    the nonce (Next.js adds it to its own scripts, read from this header) or were loaded by one
 *    that does ('strict-dynamic'); `frame-ancestors 'none'` unless PIPEWRIGHT_FRAME_ANCESTORS names
 *    the sites allowed to embed the app (wall displays);
 *  - nosniff, no Referer to other sites (URLs name pipelines and drafts), and no powerful browser
 *    features the app never uses.
 * References: https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy,
 * https://www.w3.org/TR/CSP3/#directive-frame-ancestors, and the Next.js guide in
 * https://nextjs.org/docs/app/guides/content-security-policy.
 */

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "permissions-policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
};

export const DEFAULT_FRAME_ANCESTORS = "'none'";

export interface PolicyOptions {
  /** Base64, fresh for every request. */
  readonly nonce: string;
  /** The `frame-ancestors` sources, from `frameAncestors()`. */
  readonly frameAncestors: string;
  /** `next dev`: React's debugging needs eval, and the dev server injects styles without a nonce. */
  readonly development?: boolean;
}

export function contentSecurityPolicy({ nonce, frameAncestors, development = false }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style attributes are allowed: React Flow positions every
    // node and edge with them, and they cannot run script.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    // No upgrade-insecure-requests: the app is served over plain HTTP on localhost (npm start).
  ].join("; ");
}

/** The policy of answers the proxy makes itself (errors): nothing may load, nothing may frame them. */
export const ERROR_RESPONSE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** One CSP source expression as frame-ancestors takes it: 'self', a scheme, or a host with optional scheme, port and path. */
const SOURCE = /^(?:'self'|https?:|(?:https?:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:\/[^\s;,'"]*)?)$/i;

/**
 * The `frame-ancestors` sources from PIPEWRIGHT_FRAME_ANCESTORS: space-separated sources, e.g.
 * `https://wall.example.com 'self'`; unset or empty → `'none'`. Anything else (a `;` that would
 * smuggle in another directive, a keyword other than 'self'/'none') is an error, never a
 * silently wider policy.
 */
export function frameAncestors(value: string | undefined): string {
  const sources = (value ?? "").trim().split(/\s+/).filter(Boolean);
  if (sources.length === 0) return DEFAULT_FRAME_ANCESTORS;
  if (sources.length === 1 && sources[0] === "'none'") return DEFAULT_FRAME_ANCESTORS;
  const bad = sources.filter((s) => !SOURCE.test(s));
  if (bad.length > 0) {
    throw new Error(
      `PIPEWRIGHT_FRAME_ANCESTORS: ${bad.map((s) => JSON.stringify(s)).join(", ")} is not a frame-ancestors source; use e.g. https://wall.example.com or 'self'.`,
    );
  }
  return sources.join(" ");
}
