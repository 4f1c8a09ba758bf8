import "server-only";
import type { Gateway } from "@/lib/aws/client";
import { getPipelineState, getPipelineExecution, listActionExecutions } from "@/lib/aws/executions";
import { gatewayErrorOf, failed } from "@/lib/aws/sync/failure";
import type { Failed } from "@/lib/aws/sync/results";
import { EXECUTION_REPORT_FORMAT, executionReport } from "@/lib/domain/share/execution-report";
import type { NoSuchExecution, RateLimited, Shared, TooLarge } from "./results";
import { rateLimited, storeSnapshot, type CreateContext } from "./store";

/**
 * Stores a frozen, redacted report of one execution: GetPipelineExecution, its action runs
 * (ListActionExecutions filtered to it, every page) and GetPipelineState for the stages this
 * execution was the latest of, read through the gateway now; the report needs no AWS afterwards.
 */
export async function createExecutionReport(
  input: { readonly pipelineName: string; readonly executionId: string },
  gw: Gateway,
  context: CreateContext,
): Promise<Shared | RateLimited | TooLarge | NoSuchExecution | Failed> {
  const limited = rateLimited(context);
  if (limited) return limited;
  let read;
  try {
    read = await Promise.all([
      getPipelineExecution(input, gw),
      listActionExecutions(input, gw),
      getPipelineState({ name: input.pipelineName }, gw),
    ]);
  } catch (thrown) {
    const error = gatewayErrorOf(thrown);
    if (error.kind === "not-found") {
      return { status: "not-found", message: `There is no execution ${input.executionId} of a pipeline named “${input.pipelineName}” in ${gw.config.region}.` };
    }
    return failed(error);
  }
  const [execution, actions, state] = read;
  const report = executionReport({ region: gw.config.region, execution, actions, state });
  return storeSnapshot("execution-report", EXECUTION_REPORT_FORMAT, report, "execution report", context);
}
