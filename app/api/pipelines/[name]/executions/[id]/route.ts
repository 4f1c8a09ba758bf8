/**
 * GET /api/pipelines/<name>/executions/<id>[?region=]: the execution detail page's poll
 * (lib/queries.ts `executionDetailQuery`), served from the shared read cache so every viewer of
 * a running execution shares one set of upstream reads per interval, with a strong ETag of the
 * content: an unchanged poll is a 304 with no body. Failures are JSON with a status,
 * `{error: {kind, title, detail}}`, never a stack.
 */
import { readExecutionDetail } from "@/lib/aws/cached-reads";
import { describeGatewayError } from "@/lib/aws/errors";
import { httpStatusOf } from "@/lib/aws/http-status";
import { chooseRegion } from "@/lib/aws/region-choice";
import { settle } from "@/lib/aws/result";
import { POLL_HEADERS } from "@/lib/domain/execution/board-wire";
import { ExecutionRefSchema } from "@/lib/domain/execution/execution-ref";
import { conditionalJson } from "@/lib/http/conditional";

export const dynamic = "force-dynamic";

function failure(status: number, kind: string, title: string, detail: string): Response {
  return Response.json({ error: { kind, title, detail } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request, { params }: RouteContext<"/api/pipelines/[name]/executions/[id]">): Promise<Response> {
  const { name, id } = await params;
  const region = new URL(request.url).searchParams.get("region");
  const ref = ExecutionRefSchema.safeParse({ name, executionId: id, ...(region !== null && { region }) });
  if (!ref.success) {
    const detail = ref.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return failure(400, "invalid-request", "The pipeline name, execution id or region is not valid.", detail);
  }
  const read = await settle(() => readExecutionDetail(chooseRegion(ref.data.region), ref.data.name, ref.data.executionId));
  if (!read.ok) {
    const { title, detail } = describeGatewayError(read.error);
    return failure(httpStatusOf(read.error), read.error.kind, title, detail);
  }
  const { value, etag, fetchedAt } = read.value;
  const headers = { [POLL_HEADERS.fetchedAt]: new Date(fetchedAt).toISOString() };
  return conditionalJson(request, { etag, body: () => JSON.stringify(value), headers });
}
