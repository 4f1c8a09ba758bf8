import "server-only";
import { DEFAULT_REGION, REGION_SHAPE } from "@/lib/domain/catalog/regions";

/**
 * The one place that reads the environment for the AWS gateway. Switching between the embedded
 * emulator and real AWS happens here and nowhere else.
 *
 * | variable | meaning |
 * | --- | --- |
 * | PIPEWRIGHT_BACKEND | `emulator` (default) or `aws` |
 * | CODEPIPELINE_ENDPOINT_URL | any CodePipeline-compatible endpoint; overrides the default for either backend |
 * | PIPEWRIGHT_EMULATOR_PORT | the emulator's port when no endpoint is given (default 4599) |
 * | AWS_REGION / AWS_DEFAULT_REGION | the region (default us-east-1) |
 * | AWS_PROFILE | a named profile for the standard credential chain (aws only) |
 * | PIPEWRIGHT_REGIONS | the regions lists of pipelines cover, comma-separated (default: the one region above) |
 */

export type BackendKind = "emulator" | "aws";

export const DEFAULT_EMULATOR_PORT = 4599;
/** The emulator checks no signature, but the SDK must sign with something. */
const EMULATOR_CREDENTIALS = { accessKeyId: "pipewright", secretAccessKey: "pipewright" } as const;

export interface GatewayConfig {
  readonly kind: BackendKind;
  readonly region: string;
  /** Absent: the SDK's regional AWS endpoint. */
  readonly endpoint?: string;
  /** Fixed dummy credentials for the emulator; absent: the SDK's standard credential chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** A named profile for the credential chain (aws only). */
  readonly profile?: string;
}

/** A setting that cannot work; thrown by `readGatewayConfig` and shown to the user as is. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === "" ? undefined : v;
}

function endpointFrom(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${variable} must be a URL such as http://127.0.0.1:4599; got "${value}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`${variable} must use http or https; got "${url.protocol}".`);
  }
  return value;
}

/** Reads the gateway's settings; throws ConfigurationError naming the variable when one is wrong. */
export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const backend = nonEmpty(env.PIPEWRIGHT_BACKEND) ?? "emulator";
  if (backend !== "emulator" && backend !== "aws") {
    throw new ConfigurationError(`PIPEWRIGHT_BACKEND must be "emulator" or "aws"; got "${backend}".`);
  }
  const region = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
  const explicit = nonEmpty(env.CODEPIPELINE_ENDPOINT_URL);
  const endpoint = explicit === undefined ? undefined : endpointFrom(explicit, "CODEPIPELINE_ENDPOINT_URL");

  if (backend === "aws") {
    const profile = nonEmpty(env.AWS_PROFILE);
    return { kind: "aws", region, ...(endpoint && { endpoint }), ...(profile && { profile }) };
  }
  const portText = nonEmpty(env.PIPEWRIGHT_EMULATOR_PORT) ?? String(DEFAULT_EMULATOR_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigurationError(`PIPEWRIGHT_EMULATOR_PORT must be a port number; got "${portText}".`);
  }
  return {
    kind: "emulator",
    region,
    endpoint: endpoint ?? `http://127.0.0.1:${port}`,
    credentials: EMULATOR_CREDENTIALS,
  };
}

/**
 * The regions the pipelines list shows, in the order given: PIPEWRIGHT_REGIONS
 * (`us-east-1,eu-west-1`), else the gateway's one region. Each region gets its own client
 * (`defaultGateway(region)`); the emulator answers for any region.
 */
export function readRegions(env: Env = process.env): readonly string[] {
  const listed = nonEmpty(env.PIPEWRIGHT_REGIONS);
  if (listed === undefined) return [readGatewayConfig(env).region];
  const regions = [...new Set(listed.split(",").map((r) => r.trim()).filter((r) => r !== ""))];
  const wrong = regions.find((r) => !REGION_SHAPE.test(r));
  if (wrong !== undefined || regions.length === 0) {
    throw new ConfigurationError(
      `PIPEWRIGHT_REGIONS must list AWS regions separated by commas, such as "us-east-1,eu-west-1"; got "${wrong ?? listed}".`,
    );
  }
  return regions;
}
