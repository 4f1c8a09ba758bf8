import type { Role } from "@/lib/domain/access/roles";

/** How the person was identified: this machine's single user, or a team sign-in. */
export type SignInMethod = "local" | "oidc" | "alb" | "proxy";

/** A person the server knows, with the roles the configuration gives them. Plain JSON: it reaches the browser. */
export interface User {
  readonly method: SignInMethod;
  /** The email (team modes) or "local" (single user). */
  readonly id: string;
  readonly name?: string;
  readonly groups: readonly string[];
  readonly roles: readonly Role[];
}

/** Who is asking: a known user, or nobody with the reason in words. */
export type Access =
  | { readonly status: "signed-in"; readonly user: User }
  | { readonly status: "unauthenticated"; readonly message: string };

/** The single user of a local Pipewright: holds every role (the read-only switch still applies). */
export const LOCAL_USER: User = { method: "local", id: "local", name: "Local user", groups: [], roles: ["viewer", "editor", "operator"] };
