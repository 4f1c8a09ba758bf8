import type { Access } from "@/lib/auth/identity";

/**
 * The header's "who am I": "local, single user" without sign-in; otherwise the signed-in person
 * and their roles, with sign-out for OIDC sessions (the load balancer or proxy signs out there).
 */
export function UserBadge({ access }: { access: Access }) {
  const pill = "flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300";
  if (access.status === "unauthenticated") {
    return (
      // A plain link: sign-in redirects to the identity provider, which Next's prefetch must not fetch.
      <a data-testid="user-badge" data-signed-in="false" href="/auth/sign-in" className={pill}>
        Sign in
      </a>
    );
  }
  const { user } = access;
  if (user.method === "local") {
    return (
      <span data-testid="user-badge" data-signed-in="true" data-method="local" className={pill} title="No sign-in: this Pipewright serves only this machine (127.0.0.1).">
        local, single user
      </span>
    );
  }
  const roles = user.roles.length > 0 ? user.roles.join(", ") : "no role";
  return (
    <div data-testid="user-badge" data-signed-in="true" data-method={user.method} data-roles={user.roles.join(" ")} className={pill}>
      <span title={user.groups.length > 0 ? `Groups: ${user.groups.join(", ")}` : undefined}>{user.name ?? user.id}</span>
      <span className="text-slate-500">· {roles}</span>
      {user.method === "oidc" && (
        <form action="/auth/sign-out" method="post">
          <button type="submit" className="font-medium text-slate-900 underline-offset-2 hover:underline dark:text-white">
            Sign out
          </button>
        </form>
      )}
    </div>
  );
}
