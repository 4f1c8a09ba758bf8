import "server-only";
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { readGatewayConfig, type GatewayConfig } from "./config";
import { GatewayException, toGatewayError } from "./errors";
import { recordRequestIds } from "./request-ids";
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy, type RetryRuntime } from "./retry";

/**
 * A CodePipeline client with its settings, retries and error mapping. Every gateway function
 * takes one (the app uses `defaultGateway()`; tests build their own with `createGateway`).
 */
export interface Gateway {
  readonly config: GatewayConfig;
  readonly client: CodePipelineClient;
  /** Where calls go, for messages: the endpoint override or the regional AWS endpoint. */
  readonly endpoint: string;
  /**
   * Runs one SDK call with retries; failures become a GatewayException.
   * `definition`: the call sends a pipeline definition (Create/UpdatePipeline).
   */
  call<T>(send: (client: CodePipelineClient) => Promise<T>, options?: { definition?: boolean }): Promise<T>;
}

export interface GatewayOptions {
  readonly retry?: Partial<RetryPolicy>;
  readonly runtime?: RetryRuntime;
}

export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const client = new CodePipelineClient({
    region: config.region,
    ...(config.endpoint && { endpoint: config.endpoint }),
    ...(config.credentials && { credentials: config.credentials }),
    ...(config.profile && { profile: config.profile }),
    // Retries happen in `call` (retry.ts), so there is exactly one retry policy to reason about.
    maxAttempts: 1,
    // A page render waits on these calls: fail fast when nothing listens.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
  });
  // Each call's AWS request id, for the audit entry of the server action that made it.
  recordRequestIds(client);
  const endpoint = config.endpoint ?? `https://codepipeline.${config.region}.amazonaws.com`;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  return {
    config,
    client,
    endpoint,
    call: (send, callOptions = {}) =>
      withRetries(
        () => send(client),
        policy,
        (thrown) => toGatewayError(thrown, { endpoint, definition: callOptions.definition }),
        (error, cause) => new GatewayException(error, { cause }),
        options.runtime,
      ),
  };
}

// One client per region for the whole server process: a client holds its connection pool, so a client
// per request would open new connections every time
// (https://github.com/aws/aws-sdk-js-v3/blob/main/supplemental-docs/EFFECTIVE_PRACTICES.md).
const gateways = new Map<string, Gateway>();

/**
 * The gateway the app uses, from the environment (config.ts); `region` overrides AWS_REGION.
 * Throws GatewayException("misconfigured") when a setting is wrong.
 */
export function defaultGateway(region?: string): Gateway {
  let config: GatewayConfig;
  try {
    config = readGatewayConfig();
  } catch (thrown) {
    throw new GatewayException(toGatewayError(thrown, { endpoint: "" }), { cause: thrown });
  }
  if (region !== undefined) config = { ...config, region };
  const key = JSON.stringify(config);
  let gateway = gateways.get(key);
  if (!gateway) {
    gateway = createGateway(config);
    gateways.set(key, gateway);
  }
  return gateway;
}
