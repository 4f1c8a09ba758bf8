/**
 * Tags are not part of the declaration: CreatePipeline takes them beside it (UpdatePipeline does
 * not), so the review lists them apart. Keys are case-sensitive and unique
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/tag-resources.html).
 */
import { arrayOf, isObject, isString } from "../json";

export interface TagChange {
  readonly key: string;
  /** Absent: the tag is new. */
  readonly before?: string;
  /** Absent: the tag is removed. */
  readonly after?: string;
}

/** Tags added, removed or given another value, in the order of `after` then the removed ones. */
export function diffTags(before: unknown, after: unknown): TagChange[] {
  const old = tagMap(before);
  const now = tagMap(after);
  const changes: TagChange[] = [];
  for (const [key, value] of now) {
    const previous = old.get(key);
    if (previous !== value) changes.push({ key, ...(previous !== undefined && { before: previous }), after: value });
  }
  for (const [key, value] of old) if (!now.has(key)) changes.push({ key, before: value });
  return changes;
}

function tagMap(tags: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const tag of arrayOf(tags)) {
    if (isObject(tag) && isString(tag.key) && isString(tag.value)) map.set(tag.key, tag.value);
  }
  return map;
}
