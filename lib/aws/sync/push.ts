import "server-only";
import type { JsonObject } from "@/lib/domain/json";
import type { PipelineDeclaration, Tag } from "@/lib/domain/pipeline/declaration";
import type { DraftBase } from "@/lib/domain/sync/draft-base";
import { defaultGateway, type Gateway } from "../client";
import { createPipeline, getPipeline, updatePipeline } from "../pipelines";
import { failed, gatewayErrorOf } from "./failure";
import { countInFlight } from "./in-flight";
import { readLive, readLiveIfAny } from "./live";
import { basePrecondition, nameInUse } from "./preconditions";
import type { Pushed, PushResult } from "./results";
import { checkOnServer } from "./server-validation";

export interface PushRequest {
  readonly declaration: JsonObject;
  readonly base?: DraftBase;
  readonly tags?: readonly Tag[];
  readonly acknowledgedWarnings?: readonly string[];
  readonly overwrite?: { readonly liveVersion: number; readonly confirmName: string };
}

/**
 * Push a draft: CreatePipeline without a base, else UpdatePipeline of the base's pipeline after
 * the stale-version check UpdatePipeline does not make itself (it replaces the whole structure,
 * whatever version it was given). The check reads the live version with GetPipeline and refuses
 * when it is not the draft's base, unless the user confirmed an overwrite of exactly that version.
 * Between that read and the update there is a short window AWS offers no way to close (no
 * conditional update): the README's sync section says so.
 */
export async function pushDesign(request: PushRequest, gw: Gateway = defaultGateway()): Promise<PushResult> {
  const region = gw.config.region;
  const precondition = basePrecondition(request.declaration, request.base, region);
  if (precondition) return precondition;
  return request.base ? update(request, request.base, gw) : create(request, gw);
}

async function create(request: PushRequest, gw: Gateway): Promise<PushResult> {
  const region = gw.config.region;
  const checked = checkOnServer(request.declaration, { region, operation: "create", tags: request.tags }, request.acknowledgedWarnings);
  if (!("ok" in checked)) return checked;
  const name = checked.value.name;
  let stored: PipelineDeclaration;
  try {
    stored = await createPipeline({ declaration: checked.value, tags: request.tags }, gw);
  } catch (thrown) {
    const error = gatewayErrorOf(thrown);
    if (error.kind === "name-in-use") return nameInUse(name, region);
    return failed(error, request.declaration);
  }
  return pushed("create", stored, checked.warnings, gw);
}

async function update(request: PushRequest, base: DraftBase, gw: Gateway): Promise<PushResult> {
  const region = gw.config.region;
  const live = await readLiveIfAny(base.name, gw);
  if (!live) return { status: "not-found", name: base.name, message: `"${base.name}" no longer exists in ${region}: push the draft without its base to create it again.` };
  if (live.base.version !== base.version) {
    const overwrite = request.overwrite;
    if (!overwrite || overwrite.liveVersion !== live.base.version) {
      const baseDeclaration = await readVersion(base, gw);
      return {
        status: "conflict",
        message: `"${base.name}" is at version ${live.base.version} now; this draft is based on version ${base.version}. Review the other change, merge it, or overwrite it.`,
        base,
        ...(baseDeclaration && { baseDeclaration }),
        live,
      };
    }
    if (overwrite.confirmName !== base.name) {
      return { status: "confirmation-mismatch", message: `Type the pipeline's name, "${base.name}", to overwrite version ${live.base.version}.` };
    }
  }
  const active = await countInFlight(base.name, gw);
  // What is sent carries the version just read, as GetPipeline → UpdatePipeline round trips do;
  // the check above is what stands for it (UpdatePipeline does not compare it).
  const sent = { ...request.declaration, version: live.base.version };
  const checked = checkOnServer(sent, { region, operation: "update", deployed: live.declaration, activeExecutionCount: active }, request.acknowledgedWarnings);
  if (!("ok" in checked)) return checked;
  let stored: PipelineDeclaration;
  try {
    stored = await updatePipeline({ declaration: checked.value }, gw);
  } catch (thrown) {
    return failed(gatewayErrorOf(thrown), request.declaration);
  }
  const result = await pushed("update", stored, checked.warnings, gw);
  // The service numbers versions one by one: a jump means another update landed between the
  // check and this push, and this push replaced it. It cannot be prevented (no conditional
  // update); it can be told, and that version is still readable with GetPipeline.
  const expected = live.base.version + 1;
  if (result.version <= expected) return result;
  const replaced = Array.from({ length: result.version - expected }, (_, i) => expected + i);
  return {
    ...result,
    replacedVersions: replaced,
    message: `${result.message} Another update (version ${replaced.join(", ")}) landed just before it and was replaced: review it in the pipeline's history.`,
  };
}

/** The declaration of the draft's base version (what a merge starts from), when the service still has it. */
async function readVersion(base: DraftBase, gw: Gateway): Promise<JsonObject | undefined> {
  try {
    return (await getPipeline({ name: base.name, version: base.version }, gw)).declaration as JsonObject;
  } catch (thrown) {
    const error = gatewayErrorOf(thrown);
    if (error.kind === "not-found") return undefined;
    throw thrown;
  }
}

/**
 * The result of a push that went through. The version is the one the service answered (a later
 * GetPipeline could already show someone else's next version); GetPipeline only adds `updated`,
 * and a failure to read it does not turn a done push into an error.
 */
async function pushed(operation: "create" | "update", stored: PipelineDeclaration, warnings: Pushed["warnings"], gw: Gateway): Promise<Pushed> {
  const name = stored.name;
  const version = stored.version ?? 1;
  let base: DraftBase = { name, region: gw.config.region, version };
  let declaration = stored as JsonObject;
  try {
    const live = await readLive(name, gw);
    if (live.base.version === version) ({ base, declaration } = live);
  } catch {
    // Keep what the push answered.
  }
  return {
    status: "pushed",
    operation,
    name,
    version,
    base,
    declaration,
    warnings,
    href: `/pipelines/${encodeURIComponent(name)}`,
    message: operation === "create" ? `Created "${name}" (version ${version}).` : `Pushed "${name}": version ${version}.`,
  };
}
