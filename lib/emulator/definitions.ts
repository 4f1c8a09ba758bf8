/**
 * Pipeline definition operations: CreatePipeline, GetPipeline, UpdatePipeline, DeletePipeline,
 * ListPipelines, answering as the API reference specifies them
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Operations.html). Inputs were parsed by requests.ts; the rules AWS
 * enforces beyond the model are in service-checks.ts.
 */
import type { DefinitionWriter, JsonObject, StoredPipeline } from "./contract";
import { maskSecrets, restoreSecrets, withDefaults } from "./declaration-defaults";
import type { PipelineRecord, Tag } from "./definition-store";
import { ServiceError, serviceErrors } from "./errors";
import { decodeToken, encodeToken, invalidNextToken } from "./pagination";
import { checkDeclaration } from "./service-checks";
import { checkStructureSize } from "./structure-size";
import { checkTagsOnCreate } from "./tag-rules";
import { pipelineArn, type Backend, type RequestContext } from "./backend";
import { ACCOUNT_ID, HOME_REGION } from "./identity";
import { parseRequest, type RequestOf } from "./requests";

/**
 * Pipelines per account per region: AWS's default quota, past which CreatePipeline fails
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html).
 */
export const PIPELINE_QUOTA = 1000;

/** What storing definitions needs; the engine's view of definitions is built before the engine. */
type DefinitionsBackend = Pick<Backend, "store" | "now">;

export function requirePipeline(backend: DefinitionsBackend, name: string): PipelineRecord {
  const pipeline = backend.store.get(name);
  if (!pipeline) throw serviceErrors.pipelineNotFound(name);
  return pipeline;
}

/** Stores a checked new pipeline; shared by CreatePipeline and the demo seed. */
function insertPipeline(backend: DefinitionsBackend, declaration: JsonObject, tags: readonly Tag[], region: string, created?: number): PipelineRecord {
  const name = String(declaration.name);
  if (backend.store.exists(name)) {
    throw new ServiceError("PipelineNameInUseException", `A pipeline with name '${name}' already exists in account '${ACCOUNT_ID}'`);
  }
  if (backend.store.count() >= PIPELINE_QUOTA) {
    throw new ServiceError("LimitExceededException", `The number of pipelines in account '${ACCOUNT_ID}' has reached the limit of ${PIPELINE_QUOTA}.`);
  }
  checkStructureSize(declaration);
  checkDeclaration(declaration, { region, operation: "create" });
  checkTagsOnCreate(tags);
  const now = created ?? backend.now();
  const record: PipelineRecord = { name, region, version: 1, declaration: withDefaults(declaration, 1), created: now, updated: now };
  backend.store.insert(record, tags);
  return record;
}

export function createPipeline(backend: Backend, input: RequestOf<"CreatePipeline">, ctx: RequestContext): JsonObject {
  const tags = input.tags ?? [];
  const record = insertPipeline(backend, input.pipeline, tags, ctx.region);
  backend.engine.onPipelineCreated(publicRecord(record));
  return input.tags === undefined
    ? { pipeline: maskSecrets(record.declaration) }
    : { pipeline: maskSecrets(record.declaration), tags };
}

export function getPipeline(backend: Backend, input: RequestOf<"GetPipeline">): JsonObject {
  const latest = requirePipeline(backend, input.name);
  const wanted = input.version === undefined ? latest : backend.store.get(input.name, input.version);
  if (!wanted) {
    throw new ServiceError(
      "PipelineVersionNotFoundException",
      `Pipeline '${input.name}' does not have version ${input.version}; its latest version is ${latest.version}.`,
    );
  }
  return {
    pipeline: maskSecrets(wanted.declaration),
    metadata: { pipelineArn: pipelineArn(latest.region, latest.name), created: latest.created, updated: latest.updated },
  };
}

export function updatePipeline(backend: Backend, input: RequestOf<"UpdatePipeline">): JsonObject {
  // The name identifies the pipeline, so a renamed declaration names a pipeline that does not exist.
  const previous = requirePipeline(backend, input.pipeline.name);
  const declaration = restoreSecrets(input.pipeline, previous.declaration);
  checkStructureSize(declaration);
  checkDeclaration(declaration, { region: previous.region, operation: "update", deployed: previous.declaration });
  const version = previous.version + 1;
  // Epoch seconds can repeat within one millisecond; `updated` must visibly move forward.
  const updated = Math.max(backend.now(), previous.updated + 0.001);
  const next: PipelineRecord = { ...previous, version, declaration: withDefaults(declaration, version), updated };
  backend.store.addVersion(next);
  backend.engine.onPipelineUpdated(publicRecord(previous), publicRecord(next));
  return { pipeline: maskSecrets(next.declaration) };
}

/** Deleting a pipeline that does not exist is not an error in the model. */
export function deletePipeline(backend: Backend, input: RequestOf<"DeletePipeline">): JsonObject {
  if (backend.store.delete(input.name)) backend.engine.onPipelineDeleted(input.name);
  return {};
}

export function listPipelines(backend: Backend, input: RequestOf<"ListPipelines">): JsonObject {
  const after = decodeToken("pipelines", input.nextToken);
  if (after !== undefined && typeof after !== "string") throw invalidNextToken();
  const limit = input.maxResults ?? 100;
  const page = backend.store.page(after, limit + 1);
  const shown = page.slice(0, limit);
  const output: JsonObject = {
    pipelines: shown.map((p) => ({
      name: p.name,
      version: p.version,
      pipelineType: p.declaration.pipelineType,
      executionMode: p.declaration.executionMode,
      created: p.created,
      updated: p.updated,
    })),
  };
  if (page.length > limit) output.nextToken = encodeToken("pipelines", shown[shown.length - 1]!.name);
  return output;
}

/** The contract's view of a record (no region). */
function publicRecord(record: PipelineRecord): StoredPipeline {
  const { region: _region, ...rest } = record;
  return rest;
}

/**
 * The definitions as the engine sees them. `createPipeline` (demo seed) runs the same checks as
 * CreatePipeline but does not call `engine.onPipelineCreated`: the seeding engine decides what
 * history each demo pipeline gets.
 */
export function definitionWriter(backend: DefinitionsBackend, region = HOME_REGION): DefinitionWriter {
  return {
    getPipeline: (name, version) => {
      const record = backend.store.get(name, version);
      return record && publicRecord(record);
    },
    listPipelineNames: () => backend.store.names(),
    createPipeline: (declaration, tags, options) => {
      const input = parseRequest("CreatePipeline", { pipeline: declaration, tags });
      return publicRecord(insertPipeline(backend, input.pipeline, input.tags ?? [], region, options?.created));
    },
  };
}
