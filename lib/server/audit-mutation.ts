import "server-only";
import type { User } from "@/lib/auth/identity";
import { auditLog } from "@/lib/audit/server";
import type { AuditEntry } from "@/lib/audit/audit-log";
import { readGatewayConfig } from "@/lib/aws/config";
import { isObject, own } from "@/lib/domain/json";

interface Call {
  /** The audit log's name for the action (push, delete, share …). */
  readonly action: string;
  readonly user: User | undefined;
  /** The input as its schema parsed it; undefined when it did not pass. */
  readonly parsed: unknown;
  readonly result: unknown;
  /** The action's own summary of what it did, when it has one. */
  readonly summary?: string;
}

/**
 * Writes one audit entry for a mutation the guard answered. The pipeline is the input's `name`
 * (or `pipelineName`, or the pushed declaration's name); the region the input's, else the
 * server's. Only an input that passed its schema is read: a refused one may carry anything
 * (a secret pasted into the wrong field), and the log keeps it forever. Writing must never turn a
 * done change into an error: a failure is logged only.
 */
export async function recordMutation(call: Call): Promise<void> {
  try {
    const pipeline = pipelineOf(call.parsed);
    const region = regionOf(call.parsed);
    const result: unknown = call.result;
    const requestId = isObject(result) ? own(result, "requestId") : undefined;
    const summary = call.summary ?? textOf(result, "summary") ?? textOf(result, "message");
    const entry: AuditEntry = {
      at: new Date().toISOString(),
      actor: call.user?.id ?? "unauthenticated",
      method: call.user?.method ?? "none",
      action: call.action,
      ...(pipeline !== undefined && { pipeline }),
      ...(region !== undefined && { region }),
      outcome: isObject(result) && typeof own(result, "status") === "string" ? (own(result, "status") as string) : "done",
      ...(typeof requestId === "string" && { requestId }),
      ...(summary !== undefined && { summary }),
    };
    await auditLog().append(entry);
  } catch (error) {
    console.error("[pipewright] writing the audit log failed:", error);
  }
}

function textOf(value: unknown, key: string): string | undefined {
  const text = isObject(value) ? own(value, key) : undefined;
  return typeof text === "string" ? text : undefined;
}

function pipelineOf(input: unknown): string | undefined {
  if (!isObject(input)) return undefined;
  const declaration = own(input, "declaration");
  return textOf(input, "name") ?? textOf(input, "pipelineName") ?? textOf(declaration, "name");
}

function regionOf(input: unknown): string | undefined {
  const given = textOf(input, "region") ?? (isObject(input) ? textOf(own(input, "base"), "region") : undefined);
  if (given !== undefined) return given;
  try {
    return readGatewayConfig().region;
  } catch {
    return undefined;
  }
}
