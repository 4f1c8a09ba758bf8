import "server-only";
import { cookies, headers } from "next/headers";
import { ConfigurationError } from "@/lib/aws/config";
import { rolesFor, type Principal, type RoleRules } from "@/lib/domain/access/role-rules";
import { verifyAlbData } from "./alb";
import { authConfig } from "./config";
import { LOCAL_USER, type Access, type SignInMethod, type User } from "./identity";
import { findSession } from "./session-store";
import { PEER_TOKEN_VARIABLE, verifyProxyHeaders } from "./trusted-proxy";

/** The HTTP-only cookie holding the id of an OIDC session (lib/auth/session-store.ts). */
export const SESSION_COOKIE = "pipewright_session";

/** A signed-in user with the roles the configuration gives them now (a changed role applies at once). */
export function userFor(method: SignInMethod, principal: Principal & { readonly name?: string }, rules: RoleRules): User {
  return {
    method,
    id: principal.email,
    ...(principal.name !== undefined && { name: principal.name }),
    groups: [...principal.groups],
    roles: rolesFor(principal, rules),
  };
}

/** Who is making the current request (a server component, route handler or server action). */
export async function currentAccess(): Promise<Access> {
  // A local Pipewright needs nothing from the request (and code run outside one, such as the CLI's
  // or the tests' direct calls, has none to read).
  if (isLocal()) return { status: "signed-in", user: LOCAL_USER };
  const [requestHeaders, jar] = await Promise.all([headers(), cookies()]);
  return accessFor(requestHeaders, jar.get(SESSION_COOKIE)?.value);
}

function isLocal(): boolean {
  try {
    return authConfig().mode === "local";
  } catch {
    return false;
  }
}

/**
 * Who sent a request with these headers and session cookie, decided from what only the server can
 * trust: the session (oidc), the load balancer's signed header (alb), or the proxy's headers on a
 * connection from the proxy (proxy). Local mode has one user holding every role.
 */
export async function accessFor(requestHeaders: Headers, sessionId: string | undefined): Promise<Access> {
  let config: ReturnType<typeof authConfig>;
  try {
    config = authConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) return { status: "unauthenticated", message: `Sign-in is misconfigured: ${error.message}` };
    throw error;
  }
  switch (config.mode) {
    case "local":
      return { status: "signed-in", user: LOCAL_USER };
    case "oidc": {
      const session = await findSession(sessionId);
      if (session === undefined) return { status: "unauthenticated", message: "You are not signed in, or your session has ended: sign in again." };
      const { id, groups, name } = session.user;
      return { status: "signed-in", user: userFor("oidc", { email: id, groups, ...(name !== undefined && { name }) }, config.roles) };
    }
    case "alb": {
      const verdict = await verifyAlbData(requestHeaders.get("x-amzn-oidc-data"), config);
      if (!verdict.ok) return { status: "unauthenticated", message: verdict.message };
      return { status: "signed-in", user: userFor("alb", verdict, config.roles) };
    }
    case "proxy": {
      const verdict = verifyProxyHeaders(requestHeaders, config.trustedProxies, process.env[PEER_TOKEN_VARIABLE]);
      if (!verdict.ok) return { status: "unauthenticated", message: verdict.message };
      return { status: "signed-in", user: userFor("proxy", verdict, config.roles) };
    }
  }
}
