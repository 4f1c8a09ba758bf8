import "server-only";
import { readGatewayConfig, readRegions } from "./config";
import { GatewayException, toGatewayError } from "./errors";

/**
 * The region a pipeline page reads from: `?region=` when it names one the app covers
 * (PIPEWRIGHT_REGIONS, or the backend's region), else the backend's region. A region outside
 * that list is refused, so no URL makes the server call a region nobody configured.
 * Throws GatewayException: `misconfigured` for a bad setting, `invalid-request` for such a region.
 */
export function chooseRegion(requested: string | undefined): string {
  let configured: readonly string[];
  let home: string;
  try {
    home = readGatewayConfig().region;
    configured = readRegions();
  } catch (thrown) {
    throw new GatewayException(toGatewayError(thrown, { endpoint: "" }), { cause: thrown });
  }
  if (requested === undefined) return home;
  if (requested === home || configured.includes(requested)) return requested;
  throw new GatewayException({
    kind: "invalid-request",
    name: "RegionNotConfigured",
    message: `The region ${requested} is not one this app covers (${[...new Set([home, ...configured])].join(", ")}).`,
  });
}

/** The region as the URL should carry it: absent for the backend's own region. */
export function regionParam(region: string): string | undefined {
  try {
    return region === readGatewayConfig().region ? undefined : region;
  } catch {
    return region;
  }
}
