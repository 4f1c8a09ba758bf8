/**
 * The URLs of a pipeline's pages and of its execution detail poll, built from refs already checked
 * (./pipeline-ref.ts, ./execution-ref.ts). Apart from those schemas, and with type-only imports of
 * them, so the browser components that link to a pipeline do not bundle zod.
 */
import type { ExecutionRef } from "./execution-ref";
import type { PipelineRef } from "./pipeline-ref";

/** `/pipelines/<name>` with `?region=` only when one is given (the default region's URL stays short). */
export function pipelinePath(ref: PipelineRef, sub = ""): string {
  const path = `/pipelines/${encodeURIComponent(ref.name)}${sub}`;
  return ref.region ? `${path}?region=${encodeURIComponent(ref.region)}` : path;
}

/** The detail route's poll URL. */
export function executionDetailUrl(ref: ExecutionRef): string {
  const base = `/api/pipelines/${encodeURIComponent(ref.name)}/executions/${encodeURIComponent(ref.executionId)}`;
  return ref.region ? `${base}?region=${encodeURIComponent(ref.region)}` : base;
}

/** The detail page's URL, optionally tracking a revision ("where is my commit"). */
export function executionPageUrl(ref: ExecutionRef, revision?: string): string {
  const query = new URLSearchParams();
  if (ref.region) query.set("region", ref.region);
  if (revision) query.set("revision", revision);
  const q = query.toString();
  return `/pipelines/${encodeURIComponent(ref.name)}/executions/${encodeURIComponent(ref.executionId)}${q ? `?${q}` : ""}`;
}
