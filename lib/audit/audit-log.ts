import type { SignInMethod } from "@/lib/auth/identity";

/**
 * The audit log: one entry per mutation attempted through the guard (lib/server/action.ts),
 * refused ones included, and one per OIDC sign-in and sign-out (app/auth/). Append-only: the
 * interface has no way to change or remove an entry, and the table refuses it
 * (lib/storage/audit.ts). AWS records only the server's role; this is where the person is.
 */
export interface AuditEntry {
  /** ISO 8601, when the guard finished the call. */
  readonly at: string;
  /** The person's email, or "local" for a single-user Pipewright. */
  readonly actor: string;
  readonly method: SignInMethod | "none";
  /** What was attempted: push, delete, share, start, stop, retry, approve, reject, transition, rollback, sign-in, sign-out … */
  readonly action: string;
  readonly pipeline?: string;
  readonly region?: string;
  /** The action's result status (`pushed`, `deleted`, `forbidden`, `conflict`, `failed` …). */
  readonly outcome: string;
  readonly requestId?: string;
  /** The diff summary of a push, the summary of an approval, or the result's message. */
  readonly summary?: string;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly pipeline?: string;
  /** The region of the pipeline (a pipeline's name is unique per region only). */
  readonly region?: string;
  readonly action?: string;
  readonly outcome?: string;
  /** At most this many, newest first (default 200). */
  readonly limit?: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter?: AuditFilter): Promise<readonly AuditEntry[]>;
}
