import "server-only";
import { backendLabel } from "@/lib/aws/backend-info";
import { readGatewayConfig } from "@/lib/aws/config";
import { refusal } from "./read-only";

/**
 * What the designer shows about where a push goes: the backend's label and region ("Local
 * emulator / us-east-1"), and whether this deployment refuses changes (PIPEWRIGHT_READ_ONLY=1),
 * with the words the server answers then. Plain data for client components; no credentials.
 */
export interface Deployment {
  /** Absent when the backend settings are invalid (the header badge says why). */
  readonly backend?: { readonly label: string; readonly region: string };
  /** Why pushing and deleting are off; absent when they are allowed. */
  readonly readOnly?: string;
}

export function deployment(): Deployment {
  const refused = refusal();
  let backend: Deployment["backend"];
  try {
    const config = readGatewayConfig();
    backend = { label: backendLabel(config.kind), region: config.region };
  } catch {
    backend = undefined;
  }
  return { ...(backend && { backend }), ...(refused && { readOnly: refused.message }) };
}
