import "server-only";
import type { z } from "zod";
import { GatewayException } from "@/lib/aws/errors";
import { failed } from "@/lib/aws/sync/failure";
import type { Failed, InvalidInput } from "@/lib/aws/sync/results";
import { MAX_INPUT_BYTES } from "@/lib/domain/sync/inputs";
import { formatPath } from "@/lib/domain/validation/path";
import { refusal, type ReadOnlyRefusal } from "./read-only";

/**
 * The frame of every server action: input size, then its zod schema, then (for actions that
 * change the backend) the read-only guard, then the one call that does the work. Nothing escapes:
 * a bad input is an `invalid-input` result, a gateway failure a `failed` one, and a bug is logged
 * on the server and answered in words, never as an HTTP 500 with a stack.
 */
export function runQuery<S extends z.ZodType, R>(input: unknown, schema: S, run: (parsed: z.output<S>) => Promise<R>): Promise<R | InvalidInput | Failed> {
  return runAction(input, schema, false, run) as Promise<R | InvalidInput | Failed>;
}

export function runMutation<S extends z.ZodType, R>(
  input: unknown,
  schema: S,
  run: (parsed: z.output<S>) => Promise<R>,
): Promise<R | InvalidInput | ReadOnlyRefusal | Failed> {
  return runAction(input, schema, true, run);
}

async function runAction<S extends z.ZodType, R>(
  input: unknown,
  schema: S,
  mutating: boolean,
  run: (parsed: z.output<S>) => Promise<R>,
): Promise<R | InvalidInput | ReadOnlyRefusal | Failed> {
  try {
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
    if (mutating) {
      const refused = refusal();
      if (refused) return refused;
    }
    return await run(parsed.data);
  } catch (thrown) {
    if (thrown instanceof GatewayException) return failed(thrown.error);
    // A bug: keep the details in the server's log, answer in words.
    console.error("[pipewright] server action failed:", thrown);
    return { status: "failed", kind: "unknown", title: "Pipewright could not complete this request.", message: "An unexpected error occurred on the server; nothing was changed by it." };
  }
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
