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

/** The user allowed to act, or the refusal to answer instead. */
export async function authorize(required: Role): Promise<{ readonly user: User } | AccessRefusal> {
  const access = await currentAccess();
  if (access.status === "unauthenticated") return access;
  if (!mayAct(access.user.roles, required)) {
    return { status: "forbidden", required, message: `${access.user.id} may not do this. ${missingRoleReason(required)}` };
  }
  return { user: access.user };
}
