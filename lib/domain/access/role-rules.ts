import { z } from "zod";
import { ROLES, type Role } from "./roles";

/**
 * The roles configuration: for each role, who holds it. A principal is an email address
 * (compared case-insensitively), `group:<name>` (a group claim, compared exactly), or `*`
 * (everyone who signs in).
 */
export const RoleRulesSchema = z.strictObject({
  viewer: z.array(z.string().min(1)).default([]),
  editor: z.array(z.string().min(1)).default([]),
  operator: z.array(z.string().min(1)).default([]),
});
export type RoleRules = z.output<typeof RoleRulesSchema>;

export interface Principal {
  readonly email: string;
  readonly groups: readonly string[];
}

/** The roles `principal` holds under `rules`, in ROLES order. */
export function rolesFor(principal: Principal, rules: RoleRules): Role[] {
  const email = principal.email.toLowerCase();
  const matches = (entry: string): boolean => {
    if (entry === "*") return true;
    if (entry.startsWith("group:")) return principal.groups.includes(entry.slice("group:".length));
    return entry.toLowerCase() === email;
  };
  return ROLES.filter((role) => rules[role].some(matches));
}
