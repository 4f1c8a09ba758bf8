import "server-only";

/**
 * `PIPEWRIGHT_AUTH=proxy`: an authenticating proxy (oauth2-proxy, a corporate gateway) signed the user
 * in and says who they are in `X-Forwarded-Email` / `X-Forwarded-Groups`. Anyone can send those
 * headers, so they count only on a connection whose peer is one of the configured proxy addresses.
 * The peer is what the socket says, not X-Forwarded-For (a client sets that freely): scripts/serve.mjs
 * stamps it on each request as `x-pipewright-peer: <token> <address>` with a token only this process
 * knows, so a stamp sent from outside is never believed.
 */
export const PEER_HEADER = "x-pipewright-peer";
export const PEER_TOKEN_VARIABLE = "PIPEWRIGHT_PEER_TOKEN";

export type ProxyVerdict =
  | { readonly ok: true; readonly email: string; readonly groups: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** The address the connection came from, when the stamp is this process's own. */
export function peerAddress(stamp: string | null, token: string | undefined): string | undefined {
  if (!stamp || !token) return undefined;
  const space = stamp.indexOf(" ");
  if (space < 0 || stamp.slice(0, space) !== token) return undefined;
  return normalise(stamp.slice(space + 1));
}

/** IPv4 addresses arrive as IPv4-mapped IPv6 (`::ffff:10.0.0.5`) on a dual-stack socket. */
function normalise(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

export function verifyProxyHeaders(headers: Headers, trustedProxies: readonly string[], token: string | undefined): ProxyVerdict {
  const peer = peerAddress(headers.get(PEER_HEADER), token);
  if (peer === undefined) {
    return { ok: false, message: "The connection's address is unknown: run the app with `npm start` (scripts/serve.mjs) when PIPEWRIGHT_AUTH=proxy." };
  }
  if (!trustedProxies.map(normalise).includes(peer)) {
    return { ok: false, message: `Requests must come through the authenticating proxy; this one came from ${peer}, which is not in PIPEWRIGHT_TRUSTED_PROXIES.` };
  }
  const email = headers.get("x-forwarded-email")?.trim();
  if (!email) return { ok: false, message: "The proxy sent no X-Forwarded-Email: the request is not signed in." };
  const groups = (headers.get("x-forwarded-groups") ?? "").split(",").map((g) => g.trim()).filter((g) => g !== "");
  return { ok: true, email, groups };
}
