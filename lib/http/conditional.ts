/**
 * Conditional GETs for polled JSON (RFC 9110 §13.1.2, §15.4.5): a response carries a strong
 * `ETag`; a request whose `If-None-Match` lists it is answered 304 Not Modified with no body, so
 * an unchanged poll costs a few hundred bytes of headers. `Cache-Control: no-cache` lets the
 * browser keep the response but makes it ask again every time.
 */

/**
 * Whether `If-None-Match` matches `etag`. The header is `*` or a comma-separated list of entity
 * tags; If-None-Match compares weakly, so `W/"x"` matches `"x"` (RFC 9110 §13.1.2, §8.8.3.2).
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const trimmed = header.trim();
  if (trimmed === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  // Entity tags cannot contain a double quote, so splitting on commas outside quotes is a plain split.
  return trimmed.split(",").some((tag) => opaque(tag) === wanted);
}

export interface ConditionalJsonInit {
  /** A quoted strong entity tag of the body, e.g. the read cache's `etag`. */
  readonly etag: string;
  /** The body, built only when it is sent. */
  readonly body: () => string;
  /** Sent with both 200 and 304 (a 304 repeats what a 200 would say about freshness). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** 304 with no body when the client already holds `etag`, else 200 with the JSON body. */
export function conditionalJson(request: Request, init: ConditionalJsonInit): Response {
  const headers = new Headers({ ETag: init.etag, "Cache-Control": "private, no-cache", ...init.headers });
  if (ifNoneMatchHits(request.headers.get("if-none-match"), init.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(init.body(), { status: 200, headers });
}
