import type { InvalidInput, Failed } from "@/lib/aws/sync/results";
import type { ChangeView } from "@/lib/domain/sync/present";
import type { AccessRefusal } from "../access";
import type { ReadOnlyRefusal } from "../read-only";

export interface Shared {
  readonly status: "shared";
  readonly id: string;
  /** `/s/<id>`: the page; the browser makes the full link from its own origin. */
  readonly path: string;
  /** False when the same content had been shared before: its link is answered. */
  readonly created: boolean;
  /** Fields whose values were replaced by `****`. */
  readonly redacted: readonly string[];
}

export interface RateLimited {
  readonly status: "rate-limited";
  /** Seconds until a share will be accepted again (what an HTTP API would send as Retry-After). */
  readonly retryAfterSeconds: number;
  readonly message: string;
}

export interface TooLarge {
  readonly status: "too-large";
  readonly message: string;
}

export type ShareResult = Shared | RateLimited | TooLarge | InvalidInput | AccessRefusal | ReadOnlyRefusal | Failed;

export interface NoSuchExecution {
  readonly status: "not-found";
  readonly message: string;
}

export type ShareReportResult = ShareResult | NoSuchExecution;

/** What `?against=` compares a snapshot with, and the changes from that to the snapshot. */
export type Comparison =
  | { readonly against: string; readonly label: string; readonly changes: readonly ChangeView[] }
  | { readonly against: string; readonly label: string; readonly error: string };
