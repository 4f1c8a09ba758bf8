import "server-only";
import { backendLabel } from "../backend-info";
import { defaultGateway, type Gateway } from "../client";
import { failed, gatewayErrorOf, isPipelineNotFound } from "./failure";
import { readLive } from "./live";
import type { OpenLiveResult } from "./results";

/** "Edit in designer": the live declaration and the base the new draft keeps. */
export async function openLive(name: string, gw: Gateway = defaultGateway()): Promise<OpenLiveResult> {
  try {
    const live = await readLive(name, gw);
    return { status: "opened", ...live, backend: { label: backendLabel(gw.config.kind), region: gw.config.region } };
  } catch (thrown) {
    const error = gatewayErrorOf(thrown);
    if (isPipelineNotFound(error)) return { status: "not-found", name, message: `There is no pipeline named "${name}" in ${gw.config.region}.` };
    return failed(error);
  }
}
