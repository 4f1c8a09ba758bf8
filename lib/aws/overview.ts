import "server-only";
import type { PipelineOverview } from "@/lib/domain/execution/view-model";
import { defaultGateway, type Gateway } from "./client";
import { describeGatewayError, GatewayException } from "./errors";
import { listPipelineExecutions } from "./executions";
import { listPipelines } from "./pipelines";

/** Few enough parallel calls not to trip AWS's request-rate limits on a large account. */
const CONCURRENCY = 4;

/**
 * The pipelines list: every pipeline with its newest execution. A pipeline whose history cannot be
 * read (deleted meanwhile, throttled after retries) still appears, with `historyError` set.
 */
export async function listPipelineOverviews(gw: Gateway = defaultGateway()): Promise<PipelineOverview[]> {
  const pipelines = await listPipelines({}, gw);
  const rows: PipelineOverview[] = new Array(pipelines.length);
  let next = 0;
  const worker = async () => {
    while (next < pipelines.length) {
      const i = next++;
      const summary = pipelines[i]!;
      try {
        const [latest] = await listPipelineExecutions({ pipelineName: summary.name, limit: 1 }, gw);
        rows[i] = latest ? { ...summary, latestExecution: latest } : summary;
      } catch (thrown) {
        if (!(thrown instanceof GatewayException)) throw thrown;
        rows[i] = { ...summary, historyError: describeGatewayError(thrown.error).title };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pipelines.length) }, worker));
  return rows;
}
