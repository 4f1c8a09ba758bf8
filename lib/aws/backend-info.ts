import "server-only";
import { GetPipelineCommand, ListPipelinesCommand } from "@aws-sdk/client-codepipeline";
import { ACCOUNT_ID as EMULATOR_ACCOUNT } from "@/lib/emulator/identity";
import type { BackendKind } from "./config";
import { defaultGateway, type Gateway } from "./client";
import { GatewayException, toGatewayError, type GatewayError } from "./errors";

/**
 * What the header shows about the backend. Holds no credentials: it is safe to render anywhere.
 */
export interface BackendInfo {
  readonly kind: BackendKind;
  readonly label: "Local emulator" | "AWS";
  readonly region: string;
  /** 12 digits, or "unknown" when no pipeline ARN reveals it. */
  readonly account: string;
  /** Shown for the emulator and custom endpoints; absent for AWS's regional endpoint. */
  readonly endpoint?: string;
  /** Whether the endpoint answered just now; when it did not, `error` says why. */
  readonly reachable: boolean;
  readonly error?: GatewayError;
}

/** How the UI names a backend: "Local emulator" or "AWS". */
export function backendLabel(kind: BackendKind): BackendInfo["label"] {
  return kind === "emulator" ? "Local emulator" : "AWS";
}

const ARN_ACCOUNT = /^arn:aws[a-z-]*:codepipeline:[^:]*:(\d{12}):/;

/** The account of an ARN such as arn:aws:codepipeline:us-east-1:123456789012:name. */
export function accountFromArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : ARN_ACCOUNT.exec(arn)?.[1];
}

// Without @aws-sdk/client-sts the account only shows in pipeline ARNs; remember it once found.
const knownAccounts = new Map<string, string>();

/**
 * Probes the backend with one cheap call (ListPipelines, one result) and reads the account from
 * the first pipeline's ARN. Never throws: an unreachable or misconfigured backend is a state.
 */
export async function getBackendInfo(gw?: Gateway): Promise<BackendInfo> {
  let gateway: Gateway;
  try {
    gateway = gw ?? defaultGateway();
  } catch (thrown) {
    const error = toGatewayError(thrown, { endpoint: "" });
    return { kind: "emulator", label: "Local emulator", region: "unknown", account: "unknown", reachable: false, error };
  }
  const { config } = gateway;
  const base = {
    kind: config.kind,
    label: backendLabel(config.kind),
    region: config.region,
    ...(config.endpoint && { endpoint: config.endpoint }),
  };
  const fallbackAccount = config.kind === "emulator" ? EMULATOR_ACCOUNT : "unknown";
  const cacheKey = `${config.kind} ${config.endpoint ?? ""} ${config.region} ${config.profile ?? ""}`;
  try {
    const page = await gateway.call((c) => c.send(new ListPipelinesCommand({ maxResults: 1 })));
    let account = knownAccounts.get(cacheKey);
    const first = page.pipelines?.[0]?.name;
    if (account === undefined && first !== undefined) {
      const out = await gateway.call((c) => c.send(new GetPipelineCommand({ name: first })));
      account = accountFromArn(out.metadata?.pipelineArn);
      if (account !== undefined) knownAccounts.set(cacheKey, account);
    }
    return { ...base, account: account ?? fallbackAccount, reachable: true };
  } catch (thrown) {
    const error = thrown instanceof GatewayException ? thrown.error : toGatewayError(thrown, { endpoint: gateway.endpoint });
    // The pipeline listed may have been deleted before GetPipeline: the backend still answered.
    const reachable = error.kind === "not-found";
    return { ...base, account: knownAccounts.get(cacheKey) ?? fallbackAccount, reachable, ...(!reachable && { error }) };
  }
}
