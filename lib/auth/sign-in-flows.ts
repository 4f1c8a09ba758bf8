import "server-only";
import { randomBytes } from "node:crypto";

/**
 * Sign-ins under way (`PIPEWRIGHT_AUTH=oidc`): the PKCE code verifier, state and nonce of each
 * redirect to the identity provider stay on the server; the browser carries only a random id in
 * a short-lived HTTP-only cookie and must come back within ten minutes. A flow is used once.
 */
export interface SignInFlow {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  /** Where to go after signing in: a path of this app. */
  readonly returnTo: string;
  readonly expiresAt: number;
}

export const FLOW_SECONDS = 600;
export const FLOW_COOKIE = "pipewright_sign_in";
const FLOWS = Symbol.for("pipewright.sign-in-flows");
const MAX_FLOWS = 10_000;

function flows(): Map<string, SignInFlow> {
  const holder = globalThis as { [FLOWS]?: Map<string, SignInFlow> };
  holder[FLOWS] ??= new Map();
  return holder[FLOWS];
}

export function startFlow(flow: Omit<SignInFlow, "expiresAt">, now = Date.now()): string {
  const all = flows();
  for (const [key, f] of all) if (f.expiresAt <= now) all.delete(key);
  // Abandoned redirects must not grow the map without bound.
  if (all.size >= MAX_FLOWS) all.delete(all.keys().next().value!);
  const id = randomBytes(32).toString("base64url");
  all.set(id, { ...flow, expiresAt: now + FLOW_SECONDS * 1000 });
  return id;
}

/** The flow behind `id`, removed (a callback is accepted once); undefined when unknown or expired. */
export function takeFlow(id: string | undefined, now = Date.now()): SignInFlow | undefined {
  if (!id) return undefined;
  const flow = flows().get(id);
  flows().delete(id);
  return flow !== undefined && flow.expiresAt > now ? flow : undefined;
}

/** A path of this app to return to; anything else (another site, `//host`) becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
