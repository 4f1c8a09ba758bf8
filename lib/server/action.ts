import "server-only";
import type { z } from "zod";
import type { User } from "@/lib/auth/identity";
import { GatewayException } from "@/lib/aws/errors";
import { requestIdCollector } from "@/lib/aws/request-ids";
import { failed } from "@/lib/aws/sync/failure";
import type { Failed, InvalidInput } from "@/lib/aws/sync/results";
import type { Mutation } from "@/lib/domain/access/mutations";
import type { Role } from "@/lib/domain/access/roles";
import { isObject } from "@/lib/domain/json";
import { MAX_INPUT_BYTES } from "@/lib/domain/sync/inputs";
import { formatPath } from "@/lib/domain/validation/path";
import { authorize, type AccessRefusal } from "./access";
import { recordMutation } from "./audit-mutation";
import { refusal, type ReadOnlyRefusal } from "./read-only";

/**
 * The frame of every server action: who is asking and whether they hold the role the action
 * declares, then input size, then its zod schema, then (for actions that change the backend) the
 * read-only guard, then the one call that does the work; every mutation, refused or not, is
 * written to the audit log, and one that reached AWS carries the request id AWS answered with
 * (`requestId` on its result, whatever its status). Nothing escapes: a refusal is a result (`unauthenticated`,
 * `forbidden`, `read-only`), a bad input is `invalid-input`, a gateway failure `failed`, and a
 * bug is logged on the server and answered in words, never as an HTTP 500 with a stack.
 */

/** What a query needs: viewer unless said otherwise. */
export interface QueryPolicy {
  readonly role: Role;
}

/**
 * What a mutation needs, and its name in the audit log (push, delete, share, start, approve …):
 * `mutationPolicy(name)` from lib/domain/access/mutations.ts, the table the UI reads too.
 */
export interface MutationPolicy<P = unknown, R = unknown> {
  readonly role: Role;
  readonly audit: Mutation;
  /** The audit entry's summary (a push's diff summary, an approval's summary); default: the result's `summary` or `message`. */
  readonly summarize?: (parsed: P, result: Guarded<R>) => string | undefined;
}

/** What an action guarded here answers: its own result or one of the guard's. */
export type Guarded<R> = R | InvalidInput | AccessRefusal | ReadOnlyRefusal | Failed;

/** Who the action runs for: approvals write the person into their summary, since AWS records only the server's role. */
export interface ActionContext {
  readonly user: User;
}

export function runQuery<S extends z.ZodType, R>(
  input: unknown,
  schema: S,
  run: (parsed: z.output<S>, context: ActionContext) => Promise<R>,
  policy: QueryPolicy = { role: "viewer" },
): Promise<R | InvalidInput | AccessRefusal | Failed> {
  return runAction(input, schema, policy.role, undefined, run) as Promise<R | InvalidInput | AccessRefusal | Failed>;
}

export function runMutation<S extends z.ZodType, R>(
  input: unknown,
  schema: S,
  run: (parsed: z.output<S>, context: ActionContext) => Promise<R>,
  policy: MutationPolicy<z.output<S>, R>,
): Promise<R | InvalidInput | AccessRefusal | ReadOnlyRefusal | Failed> {
  return runAction(input, schema, policy.role, policy, run);
}

async function runAction<S extends z.ZodType, R>(
  input: unknown,
  schema: S,
  role: Role,
  mutation: MutationPolicy<z.output<S>, R> | undefined,
  run: (parsed: z.output<S>, context: ActionContext) => Promise<R>,
): Promise<R | InvalidInput | AccessRefusal | ReadOnlyRefusal | Failed> {
  let user: User | undefined;
  let parsedInput: z.output<S> | undefined;
  let result: Guarded<R>;
  // A mutation's AWS request id goes into its result and its audit entry (lib/aws/request-ids.ts).
  const requestIds = requestIdCollector();
  try {
    result = await requestIds.run(guarded);
  } catch (thrown) {
    result = answerThrown(thrown);
  }
  const requestId = mutation ? requestIds.requestId() : undefined;
  if (requestId !== undefined && isObject(result)) result = { ...result, requestId } as Guarded<R>;
  if (mutation) {
    const summary = summarizeSafely(mutation, parsedInput, result);
    await recordMutation({ action: mutation.audit, user, parsed: parsedInput, result, ...(summary !== undefined && { summary }) });
  }
  return result;

  async function guarded(): Promise<Guarded<R>> {
    const allowed = await authorize(role);
    user = allowed.user;
    if (allowed.refusal) {
      // The audit log names the pipeline a refused change was aimed at, when the input is valid.
      if (mutation && (jsonSize(input) ?? Infinity) <= MAX_INPUT_BYTES) {
        const parsed = schema.safeParse(input);
        if (parsed.success) parsedInput = parsed.data;
      }
      return allowed.refusal;
    }
    const size = jsonSize(input);
    if (size === undefined) return invalid("The request is not plain JSON data.");
    if (size > MAX_INPUT_BYTES) {
      return invalid(`The request is ${megabytes(size)}; the limit is ${megabytes(MAX_INPUT_BYTES)}.`);
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path.filter((p): p is string | number => typeof p !== "symbol")),
        message: issue.message,
      }));
      return { status: "invalid-input", message: `The request is not valid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}.`, issues };
    }
    parsedInput = parsed.data;
    if (mutation) {
      const refused = refusal();
      if (refused) return refused;
    }
    return await run(parsed.data, { user: allowed.user });
  }
}

/** The action's summary for the audit log; a summarizer's bug must not undo a done change. */
function summarizeSafely<P, R>(mutation: MutationPolicy<P, R>, parsed: P | undefined, result: Guarded<R>): string | undefined {
  if (parsed === undefined || mutation.summarize === undefined) return undefined;
  try {
    return mutation.summarize(parsed, result);
  } catch (thrown) {
    console.error("[pipewright] summarizing a change for the audit log failed:", thrown);
    return undefined;
  }
}

function answerThrown(thrown: unknown): Failed {
  if (thrown instanceof GatewayException) return failed(thrown.error);
  // A bug: keep the details in the server's log, answer in words.
  console.error("[pipewright] server action failed:", thrown);
  return { status: "failed", kind: "unknown", title: "Pipewright could not complete this request.", message: "An unexpected error occurred on the server; nothing was changed by it." };
}

function invalid(message: string): InvalidInput {
  return { status: "invalid-input", message, issues: [] };
}

/** Bytes of the input as JSON; undefined when it is not JSON (cycles, BigInt, functions). */
function jsonSize(input: unknown): number | undefined {
  try {
    const text = JSON.stringify(input);
    return text === undefined ? undefined : Buffer.byteLength(text, "utf8");
  } catch {
    return undefined;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
