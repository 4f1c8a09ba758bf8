import "server-only";
import { randomBytes } from "node:crypto";
import type { SignInFlowRepository } from "@/lib/storage/sign-in-flows";
import { getStorage } from "@/lib/storage/server";
import { sessionKey } from "./session-store";

/**
 * Sign-ins under way (`PIPEWRIGHT_AUTH=oidc`): the PKCE code verifier, state and nonce of each
 * redirect to the identity provider stay on the server, in the app's storage
 * (lib/storage/sign-in-flows.ts), so the provider's callback may reach any instance on the same
 * database; the browser carries only a random id in a short-lived HTTP-only cookie (stored as its
 * SHA-256) and must come back within ten minutes. A flow is used once.
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
const MAX_FLOWS = 10_000;

async function repository(): Promise<SignInFlowRepository> {
  return (await getStorage()).signInFlows;
}

export async function startFlow(flow: Omit<SignInFlow, "expiresAt">, now = Date.now(), flows?: SignInFlowRepository): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await (flows ?? (await repository())).create({ idHash: sessionKey(id), ...flow, expiresAt: now + FLOW_SECONDS * 1000 }, now, MAX_FLOWS);
  return id;
}

/** The flow behind `id`, removed (a callback is accepted once); undefined when unknown or expired. */
export async function takeFlow(id: string | undefined, now = Date.now(), flows?: SignInFlowRepository): Promise<SignInFlow | undefined> {
  if (!id) return undefined;
  const stored = await (flows ?? (await repository())).take(sessionKey(id), now);
  if (stored === undefined) return undefined;
  const { codeVerifier, state, nonce, returnTo, expiresAt } = stored;
  return { codeVerifier, state, nonce, returnTo, expiresAt };
}

/** A path of this app to return to; anything else (another site, `//host`) becomes "/". */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
