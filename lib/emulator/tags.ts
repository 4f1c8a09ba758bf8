/**
 * TagResource, UntagResource, ListTagsForResource on pipeline ARNs
 * (`arn:aws:codepipeline:<region>:123456789012:<name>`).
 */
import type { JsonObject } from "./contract";
import { ServiceError } from "./errors";
import { decodeToken, encodeToken, invalidNextToken } from "./pagination";
import { checkTagsOnTag } from "./tag-rules";
import { pipelineArn, type Backend } from "./backend";
import { ACCOUNT_ID } from "./identity";
import type { RequestOf } from "./requests";

/** The model's ResourceArn pattern, as a full match. */
const RESOURCE_ARN = /^arn:aws(-[A-Za-z0-9_]+)*:codepipeline:(.+):([0-9]{12}):(.+)$/;

/** The pipeline an ARN names; InvalidArnException or ResourceNotFoundException otherwise. */
function resolveArn(backend: Backend, arn: string): string {
  const m = RESOURCE_ARN.exec(arn);
  if (!m) throw new ServiceError("InvalidArnException", `The ARN '${arn}' is not a valid CodePipeline resource ARN.`);
  const [, , region, account, resource] = m;
  const pipeline = account === ACCOUNT_ID ? backend.store.get(resource!) : undefined;
  if (!pipeline || pipelineArn(pipeline.region, pipeline.name) !== pipelineArn(region!, resource!)) {
    throw new ServiceError("ResourceNotFoundException", `The resource with the ARN '${arn}' was not found.`);
  }
  return pipeline.name;
}

export function tagResource(backend: Backend, input: RequestOf<"TagResource">): JsonObject {
  const name = resolveArn(backend, input.resourceArn);
  checkTagsOnTag(backend.store.tags(name), input.tags);
  backend.store.replaceTags(name, input.tags);
  return {};
}

export function untagResource(backend: Backend, input: RequestOf<"UntagResource">): JsonObject {
  const name = resolveArn(backend, input.resourceArn);
  backend.store.removeTags(name, input.tagKeys);
  return {};
}

export function listTagsForResource(backend: Backend, input: RequestOf<"ListTagsForResource">): JsonObject {
  const name = resolveArn(backend, input.resourceArn);
  const start = decodeToken(`tags:${name}`, input.nextToken) ?? 0;
  if (typeof start !== "number") throw invalidNextToken();
  const all = backend.store.tags(name);
  const limit = input.maxResults ?? 100;
  const output: JsonObject = { tags: all.slice(start, start + limit) };
  if (start + limit < all.length) output.nextToken = encodeToken(`tags:${name}`, start + limit);
  return output;
}
