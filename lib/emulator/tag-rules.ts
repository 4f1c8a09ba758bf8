/**
 * Tag rules beyond the model's lengths (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Tag.html):
 * at most 50 tags per resource (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html), keys unique, `aws:` keys reserved by AWS,
 * answered with TooManyTagsException / InvalidTagsException as TagResource declares
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_TagResource.html).
 */
import type { Tag } from "./definition-store";
import { ServiceError } from "./errors";

export const MAX_TAGS = 50;

function checkTagList(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.key.toLowerCase().startsWith("aws:")) {
      throw new ServiceError("InvalidTagsException", `Tag key '${tag.key}' is not valid: keys that start with 'aws:' are reserved for AWS use.`);
    }
    if (seen.has(tag.key)) {
      throw new ServiceError("InvalidTagsException", `Tag key '${tag.key}' appears more than once; tag keys must be unique.`);
    }
    seen.add(tag.key);
  }
}

export function checkTagsOnCreate(tags: readonly Tag[]): void {
  checkTagList(tags);
  if (tags.length > MAX_TAGS) throw tooManyTags(tags.length);
}

/** TagResource: the resource's tags after the call (existing keys overwritten) must stay within the limit. */
export function checkTagsOnTag(existing: readonly Tag[], added: readonly Tag[]): void {
  checkTagList(added);
  const keys = new Set([...existing.map((t) => t.key), ...added.map((t) => t.key)]);
  if (keys.size > MAX_TAGS) throw tooManyTags(keys.size);
}

function tooManyTags(count: number): ServiceError {
  return new ServiceError("TooManyTagsException", `Tag limit exceeded: a resource can have at most ${MAX_TAGS} tags; this request would leave it with ${count}.`);
}
