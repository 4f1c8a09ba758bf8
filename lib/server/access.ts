import "server-only";
import { currentAccess } from "@/lib/auth/current";
import type { User } from "@/lib/auth/identity";
import { mayAct, missingRoleReason, type Role } from "@/lib/domain/access/roles";

/**
 * The role half of the one guard (lib/server/action.ts): who is asking, and whether they hold the
 * role the action declares. Refusals are results, like every other answer of a server action.
 */
export type AccessRefusal =
  | { readonly status: "unauthenticated"; readonly message: string }
  | { readonly status: "forbidden"; readonly required: Role; readonly message: string };

/** Who is asking (when known) and, when they may not act, the refusal to answer instead. */
export async function authorize(
  required: Role,
): Promise<{ readonly user: User; readonly refusal?: undefined } | { readonly user?: User; readonly refusal: AccessRefusal }> {
  const access = await currentAccess();
  if (access.status === "unauthenticated") return { refusal: access };
  if (!mayAct(access.user.roles, required)) {
    return { user: access.user, refusal: { status: "forbidden", required, message: `${access.user.id} may not do this. ${missingRoleReason(required)}` } };
  }
  return { user: access.user };
}
