/**
 * What the operation handlers work on: the definition store, the execution engine, a clock, and
 * the per-request context (the region the caller signed for). One account (`identity.ts`).
 */
import type { ExecutionEngine } from "./contract";
import type { EmulatorDatabase } from "./db";
import type { DefinitionStore } from "./definition-store";
import { ACCOUNT_ID, HOME_REGION } from "./identity";

export interface Backend {
  readonly db: EmulatorDatabase;
  readonly store: DefinitionStore;
  readonly engine: ExecutionEngine;
  /** Epoch seconds with a fractional part, as the wire wants them. */
  now(): number;
}

export interface RequestContext {
  /** From the SigV4 credential scope; HOME_REGION when the request is unsigned. */
  readonly region: string;
}

export function pipelineArn(region: string, name: string): string {
  return `arn:aws:codepipeline:${region}:${ACCOUNT_ID}:${name}`;
}

/** `Credential=AKID/20250101/eu-west-1/codepipeline/aws4_request` → `eu-west-1`. */
export function regionFromAuthorization(header: string | undefined): string {
  const m = header ? /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\//.exec(header) : null;
  return m?.[1] ?? HOME_REGION;
}
