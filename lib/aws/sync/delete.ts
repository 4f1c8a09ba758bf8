import "server-only";
import { defaultGateway, type Gateway } from "../client";
import { deletePipeline } from "../pipelines";
import { failed, gatewayErrorOf } from "./failure";
import type { DeleteResult } from "./results";

/** DeletePipeline, once the user typed the pipeline's name exactly. */
export async function deleteLive(input: { name: string; confirmName: string }, gw: Gateway = defaultGateway()): Promise<DeleteResult> {
  if (input.confirmName !== input.name) {
    return { status: "confirmation-mismatch", message: `Type the pipeline's name, "${input.name}", exactly to delete it.` };
  }
  try {
    await deletePipeline({ name: input.name }, gw);
  } catch (thrown) {
    return failed(gatewayErrorOf(thrown));
  }
  return { status: "deleted", name: input.name, message: `Deleted "${input.name}" and its execution history.` };
}
