/**
 * The `yaml` library's custom tags for CloudFormation short forms. Each function is declared for
 * all three node kinds (`!Ref X`, `!Join [...]`, `!If {...}`) so that even a misuse such as
 * `!Ref [a]` parses instead of failing; the tag stays on the node (`node.tag === "!Ref"`), and
 * parse-yaml.ts turns tagged nodes into `ShortForm` values. `identify` is never true: we create
 * tagged nodes explicitly when writing, so plain values are never tagged by accident.
 */
import type { CollectionTag, ScalarTag } from "yaml";
import { SHORT_FORM_FUNCTIONS } from "./intrinsics";

const never = () => false;

export const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = SHORT_FORM_FUNCTIONS.flatMap((fn) => {
  const tag = `!${fn}`;
  const scalar: ScalarTag = { tag, identify: never, resolve: (value: string) => value };
  const seq: CollectionTag = { tag, identify: never, collection: "seq", resolve: (node) => node };
  const map: CollectionTag = { tag, identify: never, collection: "map", resolve: (node) => node };
  return [scalar, seq, map];
});

/** True when `tag` (as on a yaml node) is one of the short forms above. */
export function isShortFormTag(tag: string | undefined): tag is string {
  return tag !== undefined && tag.startsWith("!") && (SHORT_FORM_FUNCTIONS as readonly string[]).includes(tag.slice(1));
}
