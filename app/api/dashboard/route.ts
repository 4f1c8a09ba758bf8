/**
 * GET /api/dashboard?region=…[&pipelines=…][&tag=…][&q=…]: one region's dashboard cards, polled
 * by every wall showing the region (lib/queries.ts). Every card comes from the shared read cache,
 * so any number of viewers cost one upstream poll per pipeline per interval; an unchanged wall is
 * a 304 with no body.
 */
import { readRegionWall } from "@/lib/aws/dashboard";
import { answerDashboard } from "./request";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return answerDashboard(request, (region, selection) => readRegionWall(region, selection), (wall) => wall.fetchedAt);
}
