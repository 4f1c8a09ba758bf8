import "server-only";
import type { AuditFilter } from "./audit-log";

/** The /audit page's filters from its URL (`?actor=ann&pipeline=payments&region=eu-west-1&action=push&outcome=forbidden`). */
export function auditFilterOf(params: Readonly<Record<string, string | string[] | undefined>>): AuditFilter {
  const one = (key: string): string | undefined => {
    const value = params[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    return text ? text.slice(0, 200) : undefined;
  };
  const actor = one("actor");
  const pipeline = one("pipeline");
  const region = one("region");
  const action = one("action");
  const outcome = one("outcome");
  return { ...(actor && { actor }), ...(pipeline && { pipeline }), ...(region && { region }), ...(action && { action }), ...(outcome && { outcome }) };
}
