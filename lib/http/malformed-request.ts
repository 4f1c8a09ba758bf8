/**
 * Requests Next.js cannot make sense of, caught before they reach it (proxy.ts), so they are
 * answered 400 Bad Request instead of crashing a render with 500:
 *  - a path that is not valid percent-encoding (`/designer/%`, `/designer/%E0%A4%A`): a dynamic
 *    segment's value cannot be decoded;
 *  - a `Next-Router-State-Tree` header Next's own parser rejects (it throws while rendering).
 */
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

const STATE_TREE_HEADER = "next-router-state-tree";

/** Why the request is malformed, or undefined when Next can handle it. */
export function malformedRequest(pathname: string, headers: Headers): string | undefined {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return `The path ${JSON.stringify(pathname)} is not valid percent-encoding.`;
    }
  }
  const tree = headers.get(STATE_TREE_HEADER);
  if (tree !== null) {
    try {
      parseAndValidateFlightRouterState(tree);
    } catch {
      return "The Next-Router-State-Tree header cannot be parsed.";
    }
  }
  return undefined;
}
