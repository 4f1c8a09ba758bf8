/**
 * Opaque `nextToken`s: base64url of a small JSON cursor, tagged with the list it belongs to so a
 * token from one list is refused by another. A token that does not decode is AWS's
 * InvalidNextTokenException.
 */
import { ServiceError } from "./errors";

export function encodeToken(list: string, cursor: string | number): string {
  return Buffer.from(JSON.stringify({ l: list, c: cursor }), "utf8").toString("base64url");
}

export function decodeToken(list: string, token: string | undefined): string | number | undefined {
  if (token === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (
      typeof parsed === "object" && parsed !== null &&
      (parsed as { l?: unknown }).l === list &&
      ["string", "number"].includes(typeof (parsed as { c?: unknown }).c)
    ) {
      return (parsed as { c: string | number }).c;
    }
  } catch {
    // fall through: any undecodable token is invalid
  }
  throw invalidNextToken();
}

export function invalidNextToken(): ServiceError {
  return new ServiceError("InvalidNextTokenException", "The next token was specified in an invalid format. Make sure that the next token you provide is the token returned by a previous call.");
}
