/**
 * The polled routes' response headers beside their JSON bodies (the state route's BoardPayload,
 * the execution route's ExecutionDetail), shared by the routes and the browser's polls. They ride
 * on 304s too, so an unchanged state still says how old it is.
 */
export const POLL_HEADERS = {
  /** ISO time the server's copy was read from CodePipeline. */
  fetchedAt: "X-Pipewright-Fetched-At",
} as const;

/** The state route of a pipeline, `?region=` only when one is given. */
export function boardUrl(name: string, region: string | undefined): string {
  const path = `/api/pipelines/${encodeURIComponent(name)}/state`;
  return region ? `${path}?region=${encodeURIComponent(region)}` : path;
}
