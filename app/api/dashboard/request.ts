import "server-only";
import { createHash } from "node:crypto";
import { describeGatewayError } from "@/lib/aws/errors";
import { httpStatusOf } from "@/lib/aws/http-status";
import { chooseRegion } from "@/lib/aws/region-choice";
import { settle } from "@/lib/aws/result";
import { parseSelection, type Selection } from "@/lib/domain/dashboard/selection";
import { conditionalJson } from "@/lib/http/conditional";
import { POLL_HEADERS } from "@/lib/domain/execution/board-wire";

/**
 * What the dashboard's two routes share: the region (one the app covers, required) and the
 * selection from the query, the JSON failure shape `{error: {kind, title, detail}}` with a status,
 * and a strong ETag over the body so an unchanged poll is a 304.
 */

function failure(status: number, kind: string, title: string, detail: string): Response {
  return Response.json({ error: { kind, title, detail } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function answerDashboard<T>(
  request: Request,
  read: (region: string, selection: Selection) => Promise<T>,
  fetchedAt: (value: T) => number,
): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const region = params.get("region");
  if (region === null || region === "") return failure(400, "invalid-request", "The region is missing.", "Add ?region= naming one of the app's regions.");
  const selection = parseSelection(params);
  const result = await settle(async () => read(chooseRegion(region), selection));
  if (!result.ok) {
    const { title, detail } = describeGatewayError(result.error);
    return failure(httpStatusOf(result.error), result.error.kind, title, detail);
  }
  const body = JSON.stringify(result.value);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return conditionalJson(request, {
    etag,
    body: () => body,
    headers: { [POLL_HEADERS.fetchedAt]: new Date(fetchedAt(result.value)).toISOString() },
  });
}
