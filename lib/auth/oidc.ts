import "server-only";
import * as client from "openid-client";
import { ConfigurationError } from "@/lib/aws/config";
import { groupsOf } from "./alb";
import type { AuthConfig } from "./config";

/**
 * OpenID Connect with openid-client: discovery, the authorization code flow with PKCE (S256),
 * state and nonce checked by the library, then the claims of the ID token and UserInfo.
 * https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 */
type OidcConfig = Extract<AuthConfig, { mode: "oidc" }>;

const DISCOVERED = Symbol.for("pipewright.oidc-discovery");

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The provider's metadata, discovered once per issuer and client (again after a failure). */
export function discover(config: OidcConfig): Promise<client.Configuration> {
  const holder = globalThis as { [DISCOVERED]?: Map<string, Promise<client.Configuration>> };
  holder[DISCOVERED] ??= new Map();
  const key = `${config.issuer.href} ${config.clientId}`;
  let found = holder[DISCOVERED].get(key);
  if (found === undefined) {
    if (config.issuer.protocol === "http:" && !isLoopbackHost(config.issuer.hostname)) {
      return Promise.reject(new ConfigurationError("PIPEWRIGHT_OIDC_ISSUER must use https (plain http is accepted only for a provider on this machine)."));
    }
    const insecure = config.issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined;
    found = client.discovery(config.issuer, config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), insecure);
    const cache = holder[DISCOVERED];
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

export function callbackUrl(config: OidcConfig): string {
  return new URL("auth/callback", config.publicUrl.href.endsWith("/") ? config.publicUrl : `${config.publicUrl.href}/`).href;
}

export interface Authorization {
  readonly url: URL;
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
}

export async function authorizationRequest(config: OidcConfig): Promise<Authorization> {
  const provider = await discover(config);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(config),
    scope: config.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, codeVerifier, state, nonce };
}

export interface SignedIn {
  readonly email: string;
  readonly name?: string;
  readonly groups: readonly string[];
}

/** Redeems the code the provider sent to `currentUrl`; throws when any check fails. */
export async function completeSignIn(config: OidcConfig, currentUrl: URL, flow: { codeVerifier: string; state: string; nonce: string }): Promise<SignedIn> {
  const provider = await discover(config);
  const tokens = await client.authorizationCodeGrant(provider, currentUrl, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (idClaims === undefined) throw new Error("The identity provider returned no ID token.");
  // Providers put email and groups in the ID token or only in UserInfo: take both.
  const info = await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
  const claims: Record<string, unknown> = { ...idClaims, ...info };
  const email = claims.email;
  if (typeof email !== "string" || email === "") throw new Error("The identity provider sent no email claim: add the email scope (PIPEWRIGHT_OIDC_SCOPES).");
  if (claims.email_verified === false) throw new Error(`The identity provider has not verified ${email}.`);
  return {
    email,
    ...(typeof claims.name === "string" && { name: claims.name }),
    groups: groupsOf(claims[config.groupsClaim]),
  };
}
