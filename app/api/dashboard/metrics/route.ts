/**
 * GET /api/dashboard/metrics?region=…&window=7|30|90[&pipelines=…][&tag=…][&q=…]: the delivery
 * metrics of one region's selected pipelines over the window, from their cached histories
 * (ListPipelineExecutions, refreshed every few minutes). A 304 when unchanged.
 */
import { readRegionMetrics } from "@/lib/aws/dashboard";
import { answerDashboard } from "../request";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return answerDashboard(request, (region, selection) => readRegionMetrics(region, selection), () => Date.now());
}
