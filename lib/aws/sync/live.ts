import "server-only";
import type { JsonObject } from "@/lib/domain/json";
import { isPipelineNotFound, gatewayErrorOf } from "./failure";
import type { Gateway } from "../client";
import { getPipeline } from "../pipelines";
import type { LivePipeline } from "./results";

/** GetPipeline as the designer needs it: the declaration, and the base a draft keeps (this server's region). */
export async function readLive(name: string, gw: Gateway): Promise<LivePipeline> {
  const detail = await getPipeline({ name }, gw);
  return {
    declaration: detail.declaration as JsonObject,
    base: {
      name,
      region: gw.config.region,
      version: detail.version,
      ...(detail.metadata.updated !== undefined && { updated: detail.metadata.updated }),
    },
  };
}

/** The live pipeline, or undefined when there is none of that name. */
export async function readLiveIfAny(name: string, gw: Gateway): Promise<LivePipeline | undefined> {
  try {
    return await readLive(name, gw);
  } catch (thrown) {
    if (isPipelineNotFound(gatewayErrorOf(thrown))) return undefined;
    throw thrown;
  }
}
