import "server-only";
import { v2Transition } from "@/lib/domain/designer/pipeline-type";
import type { JsonObject } from "@/lib/domain/json";
import type { DraftBase } from "@/lib/domain/sync/draft-base";
import { inFlightNotice } from "@/lib/domain/sync/in-flight";
import { sortDiagnostics, validate } from "@/lib/domain/validation";
import { defaultGateway, type Gateway } from "../client";
import { lookUpInFlight } from "./in-flight";
import { readLiveIfAny } from "./live";
import { rollbackHorizonNoticeFor } from "./rollback-horizon";
import { basePrecondition, nameInUse } from "./preconditions";
import type { ReviewResult } from "./results";

/**
 * Everything the "Review & push" panel shows before a push, from the server's point of view:
 * the validation in this server's region against the live version, whether the live version
 * moved on, the executions a push would end, and a V1 → V2 change. Reads only.
 */
export async function reviewDesign(input: { declaration: JsonObject; base?: DraftBase }, gw: Gateway = defaultGateway()): Promise<ReviewResult> {
  const region = gw.config.region;
  const { declaration, base } = input;
  const precondition = basePrecondition(declaration, base, region);
  if (precondition) return precondition;
  const name = typeof declaration.name === "string" ? declaration.name : "";

  if (!base) {
    if (name !== "" && (await readLiveIfAny(name, gw))) return nameInUse(name, region);
    const diagnostics = sortDiagnostics(validate(declaration, { region, operation: "create" }));
    return { status: "reviewed", operation: "create", diagnostics, stale: false, inFlight: [] };
  }

  const live = await readLiveIfAny(base.name, gw);
  if (!live) return { status: "not-found", name: base.name, message: `"${base.name}" no longer exists in ${region}: push the draft to create it again.` };
  const [inFlight, rollbackNotice] = await Promise.all([
    lookUpInFlight(base.name, gw),
    rollbackHorizonNoticeFor(base.name, live.declaration, live.base.version, gw),
  ]);
  const diagnostics = sortDiagnostics(
    // Checked as the push will send it: with the live version (the stale check is the push's own).
    validate({ ...declaration, version: live.base.version }, { region, operation: "update", deployed: live.declaration, activeExecutionCount: inFlight.length }),
  );
  const notice = inFlightNotice(inFlight, live.declaration.executionMode, declaration.executionMode);
  const v2 = v2Transition(live.declaration, declaration);
  return {
    status: "reviewed",
    operation: "update",
    diagnostics,
    live,
    stale: live.base.version !== base.version,
    inFlight,
    ...(notice !== undefined && { inFlightNotice: notice }),
    ...(v2 !== undefined && { v2 }),
    ...(rollbackNotice !== undefined && { rollbackNotice }),
  };
}
