import "server-only";
import type { V2Transition } from "@/lib/domain/designer/pipeline-type";
import type { JsonObject } from "@/lib/domain/json";
import type { DraftBase } from "@/lib/domain/sync/draft-base";
import type { InFlightExecution } from "@/lib/domain/sync/in-flight";
import type { ServiceField } from "@/lib/domain/sync/service-field";
import type { Diagnostic } from "@/lib/domain/validation";
import type { AccessRefusal } from "@/lib/server/access";
import type { ReadOnlyRefusal } from "@/lib/server/read-only";
import type { GatewayErrorKind } from "../errors";

/**
 * What the sync server actions answer: discriminated unions on `status`, plain JSON (they cross
 * the server/client boundary), never an exception. The designer's "Review & push" panel switches
 * on `status`; every variant carries a `message` written for people.
 */

/** The input was not what the action's schema allows (malformed, wrong types, unknown members, over 2 MB). */
export interface InvalidInput {
  readonly status: "invalid-input";
  readonly message: string;
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

/** CodePipeline (or the way to it) failed; `field` is where a rejected definition is wrong. */
export interface Failed {
  readonly status: "failed";
  readonly kind: GatewayErrorKind;
  readonly title: string;
  readonly message: string;
  readonly field?: ServiceField;
  /** AWS's id of the refused request, when it got that far (the guard adds it, lib/server/action.ts). */
  readonly requestId?: string;
}

export type { AccessRefusal, ReadOnlyRefusal };

/** A live pipeline as the designer opens it: its declaration and the base to keep with the draft. */
export interface LivePipeline {
  readonly declaration: JsonObject;
  readonly base: DraftBase;
}

export interface NotFound {
  readonly status: "not-found";
  readonly name: string;
  readonly message: string;
}

export type OpenLiveResult =
  | ({ readonly status: "opened"; readonly backend: { readonly label: string; readonly region: string } } & LivePipeline)
  | NotFound
  | InvalidInput
  | AccessRefusal
  | Failed;

/** What a push would do, checked on the server (its region, the live version), changing nothing. */
export interface Reviewed {
  readonly status: "reviewed";
  readonly operation: "create" | "update";
  /** The server's validation: errors block the push, warnings must be acknowledged. */
  readonly diagnostics: readonly Diagnostic[];
  /** The pipeline as it is now (update only): diff the draft against it. */
  readonly live?: LivePipeline;
  /** The live version is not the draft's base: someone changed it meanwhile. */
  readonly stale: boolean;
  readonly inFlight: readonly InFlightExecution[];
  /** What the push does to them, in words; absent when nothing runs. */
  readonly inFlightNotice?: string;
  /** The push makes the pipeline V2 (pricing changes); absent otherwise. */
  readonly v2?: V2Transition;
  /** The live version's successful runs the push takes out of reach of rollback, in words; absent when none. */
  readonly rollbackNotice?: string;
}

export type ReviewResult = Reviewed | NameInUse | NotFound | WrongRegion | NameChanged | InvalidInput | AccessRefusal | Failed;

export interface Pushed {
  readonly status: "pushed";
  readonly operation: "create" | "update";
  readonly name: string;
  readonly version: number;
  /** The draft's new base: the version just pushed. */
  readonly base: DraftBase;
  /** The declaration as stored (secrets masked, defaults filled in). */
  readonly declaration: JsonObject;
  /** Warnings the push went ahead with (acknowledged). */
  readonly warnings: readonly Diagnostic[];
  /** Where the pipeline's executions are shown. */
  readonly href: string;
  readonly message: string;
  /** AWS's id of the Create/UpdatePipeline request (the guard adds it, lib/server/action.ts). */
  readonly requestId?: string;
  /**
   * Versions someone else pushed in the moment between the stale-version check and this update,
   * replaced by it (AWS has no conditional update). Still readable with GetPipeline `version`.
   */
  readonly replacedVersions?: readonly number[];
}

/** The live version moved on since the draft's base: review it, merge, or overwrite with confirmation. */
export interface Conflict {
  readonly status: "conflict";
  readonly message: string;
  readonly base: DraftBase;
  /**
   * The base version's declaration (GetPipeline `version`): with `live` and the draft, all a
   * three-way merge needs. Absent when the service no longer has that version.
   */
  readonly baseDeclaration?: JsonObject;
  readonly live: LivePipeline;
}

/** Validation errors (the server's context) block the push. */
export interface Invalid {
  readonly status: "invalid";
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface UnacknowledgedWarnings {
  readonly status: "unacknowledged-warnings";
  readonly message: string;
  /** Every warning; acknowledge them by `warningKey`. */
  readonly warnings: readonly Diagnostic[];
}

/** CreatePipeline: the name is taken. The designer offers to open that pipeline. */
export interface NameInUse {
  readonly status: "name-in-use";
  readonly name: string;
  readonly message: string;
}

/** The draft's base is in another region than the one this server works in. */
export interface WrongRegion {
  readonly status: "wrong-region";
  readonly message: string;
  readonly draftRegion: string;
  readonly serverRegion: string;
}

/** The draft renames the pipeline it was opened from: CodePipeline cannot rename. */
export interface NameChanged {
  readonly status: "name-changed";
  readonly message: string;
  readonly liveName: string;
  readonly draftName: string;
}

/** A typed confirmation did not match the pipeline's name. */
export interface ConfirmationMismatch {
  readonly status: "confirmation-mismatch";
  readonly message: string;
}

export type PushResult =
  | Pushed
  | Conflict
  | Invalid
  | UnacknowledgedWarnings
  | NameInUse
  | NotFound
  | WrongRegion
  | NameChanged
  | ConfirmationMismatch
  | InvalidInput
  | AccessRefusal
  | ReadOnlyRefusal
  | Failed;

export type DeleteResult =
  | { readonly status: "deleted"; readonly name: string; readonly message: string; readonly requestId?: string }
  | ConfirmationMismatch
  | InvalidInput
  | AccessRefusal
  | ReadOnlyRefusal
  | Failed;
