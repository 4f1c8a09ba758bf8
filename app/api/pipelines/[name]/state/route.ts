/**
 * GET /api/pipelines/<name>/state[?region=]: the live state page's poll (lib/queries.ts). Served
 * from the shared read cache, so every viewer of a pipeline shares one upstream read per interval,
 * with a strong ETag: an unchanged poll is a 304 with no body. Failures are JSON with a status,
 * `{error: {kind, title, detail}}`, never a stack.
 */
import { readPipelineBoard } from "@/lib/aws/cached-reads";
import { describeGatewayError } from "@/lib/aws/errors";
import { httpStatusOf } from "@/lib/aws/http-status";
import { chooseRegion } from "@/lib/aws/region-choice";
import { settle } from "@/lib/aws/result";
import { PipelineRefSchema } from "@/lib/domain/execution/pipeline-ref";
import { POLL_HEADERS } from "@/lib/domain/execution/board-wire";
import { conditionalJson } from "@/lib/http/conditional";

export const dynamic = "force-dynamic";

function failure(status: number, kind: string, title: string, detail: string): Response {
  return Response.json({ error: { kind, title, detail } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request, { params }: RouteContext<"/api/pipelines/[name]/state">): Promise<Response> {
  const region = new URL(request.url).searchParams.get("region");
  const ref = PipelineRefSchema.safeParse({ name: (await params).name, ...(region !== null && { region }) });
  if (!ref.success) {
    const detail = ref.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return failure(400, "invalid-request", "The pipeline name or region is not valid.", detail);
  }
  const read = await settle(async () => {
    const chosen = chooseRegion(ref.data.region);
    return readPipelineBoard(chosen, ref.data.name);
  });
  if (!read.ok) {
    const { title, detail } = describeGatewayError(read.error);
    return failure(httpStatusOf(read.error), read.error.kind, title, detail);
  }
  const { value, etag, fetchedAt } = read.value;
  const headers = { [POLL_HEADERS.fetchedAt]: new Date(fetchedAt).toISOString() };
  return conditionalJson(request, { etag, body: () => JSON.stringify(value), headers });
}
