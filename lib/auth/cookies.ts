import "server-only";
import type { AuthConfig } from "./config";

type OidcConfig = Extract<AuthConfig, { mode: "oidc" }>;

/**
 * Attributes of the session and sign-in cookies: never readable by scripts, Secure whenever the app
 * is reached over https, SameSite=Lax so the provider's redirect back (a top-level GET) carries
 * them while cross-site POSTs do not.
 */
export function cookieAttributes(config: OidcConfig, maxAge: number) {
  return { httpOnly: true, secure: config.publicUrl.protocol === "https:", sameSite: "lax" as const, path: "/", maxAge };
}
