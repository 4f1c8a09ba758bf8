/**
 * TAG001: the tags sent with CreatePipeline / TagResource (context.tags). Tags are not part of
 * the declaration, so paths start at `tags` (the CreatePipeline member beside `pipeline`).
 */
import { LIMITS, TAG_KEY, TAG_VALUE } from "../../pipeline/patterns";
import { describe, isObject, jsonType } from "../../json";
import { defineRule, type Rule } from "../rule";

/** Characters the tagging docs allow: Unicode letters, digits, spaces and + - = . _ : / @. */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const tagLimits = defineRule({
  id: "TAG001",
  title: "Tag limits",
  check(_p, c, report) {
    const tags = c.tags;
    if (tags === undefined) return;
    if (!Array.isArray(tags)) {
      report.error("tags", `tags must be a list of {key, value} objects, not a ${jsonType(tags)}.`);
      return;
    }
    if (tags.length > LIMITS.tags) {
      report.error("tags",
        `A pipeline can have at most ${LIMITS.tags} tags; there are ${tags.length} (TooManyTagsException). Remove ${tags.length - LIMITS.tags}.`);
    }
    const seen = new Map<string, number>();
    tags.forEach((tag: unknown, i) => {
      const at = `tags[${i}]`;
      if (!isObject(tag)) {
        report.error(at, `Each tag must be an object {key, value}, not a ${jsonType(tag)}.`);
        return;
      }
      const { key, value } = tag;
      if (typeof key !== "string") {
        report.error(`${at}.key`, key === undefined ? "Tag key is required." : `Tag key must be a string, not a ${jsonType(key)}.`);
      } else if (key.length < TAG_KEY.min || key.length > TAG_KEY.max) {
        report.error(`${at}.key`, `Tag key must be ${TAG_KEY.min} to ${TAG_KEY.max} characters long; ${describe(key)} has ${key.length}.`);
      } else {
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          report.error(`${at}.key`, `Tag key ${describe(key)} is already used by tags[${earlier}]; keys must be unique (case-sensitive).`);
        } else seen.set(key, i);
        // AWS reserves the aws: prefix in any case; inferred: the service may reject or ignore it.
        if (key.toLowerCase().startsWith("aws:")) {
          report.warning(`${at}.key`, `Tag key ${describe(key)} starts with "aws:", a prefix reserved for AWS; choose another key.`);
        } else if (!TAG_CHARS.test(key)) {
          report.warning(`${at}.key`, `Tag key ${describe(key)} has characters outside letters, digits, spaces and + - = . _ : / @; InvalidTagsException is likely.`);
        }
      }
      if (typeof value !== "string") {
        report.error(`${at}.value`, value === undefined ? "Tag value is required (it may be short, but not missing)." : `Tag value must be a string, not a ${jsonType(value)}.`);
      } else if (value.length > TAG_VALUE.max) {
        report.error(`${at}.value`, `Tag value must be at most ${TAG_VALUE.max} characters; it has ${value.length}.`);
      } else if (value === "") {
        // The model allows 0 characters, the quotas page says 1..256: warn, do not block.
        report.warning(`${at}.value`, "Tag value is empty; the CodePipeline quotas page requires 1 to 256 characters. Give it a value.");
      } else if (!TAG_CHARS.test(value)) {
        report.warning(`${at}.value`, `Tag value ${describe(value)} has characters outside letters, digits, spaces and + - = . _ : / @; InvalidTagsException is likely.`);
      }
    });
  },
});

export const tagsRules: readonly Rule[] = [tagLimits];
