/**
 * The state route's response headers beside its JSON body (a BoardPayload), shared by the route
 * and the browser's poll. They ride on 304s too, so an unchanged state still says how old it is.
 */
export const BOARD_HEADERS = {
  /** ISO time the server's copy was read from CodePipeline. */
  fetchedAt: "X-Pipewright-Fetched-At",
  /** Present when the server's copy could not be refreshed: why, URI-encoded. The copy is stale. */
  refreshError: "X-Pipewright-Refresh-Error",
} as const;

/** The state route of a pipeline, `?region=` only when one is given. */
export function boardUrl(name: string, region: string | undefined): string {
  const path = `/api/pipelines/${encodeURIComponent(name)}/state`;
  return region ? `${path}?region=${encodeURIComponent(region)}` : path;
}
