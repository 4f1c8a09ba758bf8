import "server-only";
import type { GatewayError } from "./errors";

/** The HTTP status a route handler answers a gateway failure with (its body says it in words). */
export function httpStatusOf(error: GatewayError): number {
  switch (error.kind) {
    case "not-found":
      return 404;
    case "invalid-request":
    case "invalid-definition":
      return 400;
    case "access-denied":
      return 403;
    case "conflict":
    case "name-in-use":
      return 409;
    case "throttled":
    case "limit-exceeded":
      return 429;
    case "unknown":
      return 502;
    case "unavailable":
    case "unreachable":
    case "misconfigured":
      return 503;
  }
}
