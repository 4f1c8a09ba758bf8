import "server-only";
import { backendLabel } from "@/lib/aws/backend-info";
import { readGatewayConfig } from "@/lib/aws/config";

/**
 * What the designer shows about where a push goes: the backend's label and region ("Local
 * emulator / us-east-1"). Plain data for client components; no credentials. Whether a change is
 * allowed at all (the role, PIPEWRIGHT_READ_ONLY=1) the UI asks useAllowed()
 * (components/access/session-context.tsx).
 */
export interface Deployment {
  /** Absent when the backend settings are invalid (the header badge says why). */
  readonly backend?: { readonly label: string; readonly region: string };
}

export function deployment(): Deployment {
  let backend: Deployment["backend"];
  try {
    const config = readGatewayConfig();
    backend = { label: backendLabel(config.kind), region: config.region };
  } catch {
    backend = undefined;
  }
  return { ...(backend && { backend }) };
}
