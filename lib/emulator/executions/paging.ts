/**
 * Keyset pagination over rows numbered by an ever-increasing `seq`, newest first. The token
 * names the last row returned, so rows added meanwhile neither repeat nor shift a page.
 */
import type { JsonObject } from "../contract";
import { ServiceError, serviceErrors } from "../errors";

const PREFIX = "pw1:";

export interface PageRequest {
  readonly limit: number;
  readonly beforeSeq?: number;
}

export function pageRequest(input: JsonObject, scope: string): PageRequest {
  const max = input.maxResults;
  if (max !== undefined && (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 100)) {
    throw serviceErrors.validation(
      `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  }
  const token = input.nextToken;
  if (token === undefined || token === null) return { limit: (max as number | undefined) ?? 100 };
  return { limit: (max as number | undefined) ?? 100, beforeSeq: decodeToken(token, scope) };
}

export function encodeToken(seq: number, scope: string): string {
  return Buffer.from(`${PREFIX}${scope}:${seq}`, "utf8").toString("base64url");
}

function decodeToken(token: unknown, scope: string): number {
  if (typeof token === "string") {
    const text = Buffer.from(token, "base64url").toString("utf8");
    const expected = `${PREFIX}${scope}:`;
    if (text.startsWith(expected)) {
      const seq = Number(text.slice(expected.length));
      if (Number.isInteger(seq) && seq > 0) return seq;
    }
  }
  throw new ServiceError("InvalidNextTokenException", "The next token was specified in an invalid format. Make sure that the next token you provide is the token returned by a previous call.");
}

/** Fetches one row more than asked to learn whether a next page exists. */
export function pageOf<T extends { seq: number }>(rows: readonly T[], limit: number, scope: string): { items: T[]; nextToken?: string } {
  if (rows.length <= limit) return { items: [...rows] };
  const items = rows.slice(0, limit);
  return { items, nextToken: encodeToken((items[items.length - 1] as T).seq, scope) };
}
