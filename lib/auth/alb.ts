import "server-only";
import { decodeProtectedHeader, importSPKI, jwtVerify, type CryptoKey } from "jose";

/**
 * `PIPEWRIGHT_AUTH=alb`: the Application Load Balancer authenticated the user and sends their claims
 * in `x-amzn-oidc-data`, a JWT it signed with ES256. The key is the PEM at `<key url>/<kid>`; the
 * `signer` header must be our load balancer's ARN. ALB writes the JWT's parts base64url-encoded
 * WITH padding, which standard JWT libraries (jose too) refuse, so the padding is removed first.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
 */
export interface AlbSettings {
  readonly albArn: string;
  readonly keyUrl: URL;
  readonly groupsClaim: string;
}

export type AlbVerdict =
  | { readonly ok: true; readonly email: string; readonly name?: string; readonly groups: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** ALB key ids are UUIDs; anything else is not looked up (it would become part of a URL). */
const KID_SHAPE = /^[A-Za-z0-9-]{1,128}$/;
const MAX_CACHED_KEYS = 32;

const KEYS = Symbol.for("pipewright.alb-keys");

function keyCache(): Map<string, Promise<CryptoKey>> {
  const holder = globalThis as { [KEYS]?: Map<string, Promise<CryptoKey>> };
  holder[KEYS] ??= new Map();
  return holder[KEYS];
}

/** The public key for `kid`, fetched once per key source and key id (a failed fetch is not kept). */
function publicKey(keyUrl: URL, kid: string): Promise<CryptoKey> {
  const cache = keyCache();
  const cacheKey = `${keyUrl.href} ${kid}`;
  let key = cache.get(cacheKey);
  if (key === undefined) {
    const base = keyUrl.href.endsWith("/") ? keyUrl.href : `${keyUrl.href}/`;
    key = fetch(new URL(kid, base), { signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the key source answered ${response.status} for key ${kid}`);
        return importSPKI(await response.text(), "ES256");
      })
      .catch((error: unknown) => {
        cache.delete(cacheKey);
        throw error;
      });
    if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, key);
  }
  return key;
}

function unpadded(token: string): string {
  return token.split(".").map((part) => part.replace(/=+$/, "")).join(".");
}

export async function verifyAlbData(header: string | null, settings: AlbSettings, now = new Date()): Promise<AlbVerdict> {
  if (!header) return { ok: false, message: "The request carries no x-amzn-oidc-data header: the load balancer did not authenticate it." };
  const token = unpadded(header.trim());
  let protectedHeader: ReturnType<typeof decodeProtectedHeader>;
  try {
    protectedHeader = decodeProtectedHeader(token);
  } catch {
    return { ok: false, message: "x-amzn-oidc-data is not a JWT." };
  }
  if (protectedHeader.alg !== "ES256") return { ok: false, message: `x-amzn-oidc-data must be signed with ES256; it says ${String(protectedHeader.alg)}.` };
  if (protectedHeader.signer !== settings.albArn) return { ok: false, message: "x-amzn-oidc-data was not signed by the configured load balancer (PIPEWRIGHT_ALB_ARN)." };
  const kid = protectedHeader.kid;
  if (typeof kid !== "string" || !KID_SHAPE.test(kid)) return { ok: false, message: "x-amzn-oidc-data names no valid key id." };
  let payload: Record<string, unknown>;
  try {
    const key = await publicKey(settings.keyUrl, kid);
    ({ payload } = await jwtVerify(token, key, { algorithms: ["ES256"], currentDate: now, clockTolerance: 60 }));
  } catch (error) {
    return { ok: false, message: `x-amzn-oidc-data is not validly signed: ${error instanceof Error ? error.message : String(error)}` };
  }
  // ALB puts the expiry in the JWT header as well; honour whichever is there.
  const headerExp = (protectedHeader as { exp?: unknown }).exp;
  if (typeof headerExp === "number" && headerExp + 60 < now.getTime() / 1000) return { ok: false, message: "x-amzn-oidc-data has expired." };
  const email = payload.email;
  if (typeof email !== "string" || email === "") return { ok: false, message: "x-amzn-oidc-data carries no email claim." };
  return { ok: true, email, ...(typeof payload.name === "string" && { name: payload.name }), groups: groupsOf(payload[settings.groupsClaim]) };
}

/** A groups claim as identity providers send it: an array of names or one space/comma-separated string. */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === "string");
  if (typeof claim === "string") return claim.split(/[\s,]+/).filter((g) => g !== "");
  return [];
}
