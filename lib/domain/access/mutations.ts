import type { Role } from "./roles";

/**
 * Every change a person can make through Pipewright, with the role it needs: THE one place that
 * says who may do what. The server actions take their policy from here (lib/server/action.ts
 * checks it) and the UI asks the same table whether to offer a control, so a button is never
 * shown to someone the server would refuse, nor hidden from someone it would allow.
 */
export const MUTATIONS = {
  push: { role: "editor", does: "push designs" },
  delete: { role: "editor", does: "delete pipelines" },
  share: { role: "editor", does: "share designs and reports" },
  start: { role: "operator", does: "release changes" },
  stop: { role: "operator", does: "stop executions" },
  retry: { role: "operator", does: "retry stages" },
  approve: { role: "operator", does: "approve or reject" },
  transition: { role: "operator", does: "enable or disable transitions" },
  rollback: { role: "operator", does: "roll back stages" },
  override: { role: "operator", does: "override stage conditions" },
} as const satisfies Record<string, { readonly role: Role; readonly does: string }>;

export type Mutation = keyof typeof MUTATIONS;

/** The guard's policy of a mutation: the role it needs and its name in the audit log. */
export function mutationPolicy<M extends Mutation>(mutation: M): { readonly role: (typeof MUTATIONS)[M]["role"]; readonly audit: M } {
  return { role: MUTATIONS[mutation].role, audit: mutation };
}

const ROLE_PLURAL: Readonly<Record<Role, string>> = { viewer: "Viewers", editor: "Editors", operator: "Operators" };

/**
 * Why `who` (holding `held`) is not offered `mutation`, in words beside the control:
 * "Operators can approve or reject; you are signed in as ann@example.com, a viewer."
 */
export function roleRefusal(mutation: Mutation, who: string, held: readonly Role[]): string {
  const { role, does } = MUTATIONS[mutation];
  return missingRole(role, does, who, held);
}

/** The same for everything a role allows at once (a whole group of controls left out). */
export function missingRole(role: Role, does: string, who: string, held: readonly Role[]): string {
  const holding = held.length === 0 ? "with no role" : held.length === 1 ? `${/^[aeiou]/.test(held[0]!) ? "an" : "a"} ${held[0]}` : `holding ${held.join(" and ")}`;
  return `${ROLE_PLURAL[role]} can ${does}; you are signed in as ${who}, ${holding}.`;
}
