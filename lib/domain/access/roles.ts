/**
 * Who may do what. Three roles, held in any combination:
 * - viewer: the dashboard, execution views and shared links;
 * - editor: designer pushes, deletes and shares;
 * - operator: start, stop, retry, approve/reject, transitions and rollback.
 * Holding any role lets a person see what the app shows: pushing a design or approving a
 * deployment without seeing the pipeline is not a thing anyone can do. Pure: the server decides
 * with it (lib/server/action.ts) and the browser uses it to hide what a user may not do, so it
 * imports no zod (the root layout's session context ships it to every page); the configuration
 * schema is in ./role-rules.ts.
 */
export const ROLES = ["viewer", "editor", "operator"] as const;
export type Role = (typeof ROLES)[number];

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

/** Why something needing `required` is not offered, for a title or a note beside it. */
export function missingRoleReason(required: Role): string {
  return `Needs the ${required} role (to ${ROLE_ALLOWS[required]}); ask whoever runs this Pipewright to grant it.`;
}
