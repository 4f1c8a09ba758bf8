import "server-only";
import { describeGatewayError, GatewayException } from "./errors";

/** Why a cached value could not be refreshed (CachedValue.refreshError), in the UI's words. */
export function refreshErrorTitle(refreshError: unknown): string {
  return refreshError instanceof GatewayException
    ? describeGatewayError(refreshError.error).title
    : "The pipeline's state could not be refreshed.";
}
