import { z } from "zod";

/**
 * Who may do what. Three roles, held in any combination:
 * - viewer: the dashboard, execution views and shared links;
 * - editor: designer pushes, deletes and shares;
 * - operator: start, stop, retry, approve/reject, transitions and rollback.
 * Holding any role lets a person see what the app shows: pushing a design or approving a
 * deployment without seeing the pipeline is not a thing anyone can do. Pure: the server decides
 * with it (lib/server/action.ts) and the browser uses it to hide what a user may not do.
 */
export const ROLES = ["viewer", "editor", "operator"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** What each role allows, in words the UI shows next to something hidden or disabled. */
export const ROLE_ALLOWS: Readonly<Record<Role, string>> = {
  viewer: "view pipelines, executions and shared links",
  editor: "push designs, delete pipelines and share",
  operator: "start, stop, retry, approve or reject, change transitions and roll back",
};

/** True when someone holding `held` may do what needs `required`. */
export function mayAct(held: readonly Role[], required: Role): boolean {
  if (required === "viewer") return held.length > 0;
  return held.includes(required);
}

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

/** Why something needing `required` is not offered, for a title or a note beside it. */
export function missingRoleReason(required: Role): string {
  return `Needs the ${required} role (to ${ROLE_ALLOWS[required]}); ask whoever runs this Pipewright to grant it.`;
}
