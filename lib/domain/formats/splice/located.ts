/**
 * Where each value of a parsed document sits in its text, for JSON and YAML alike, so that an
 * edited document can be written by keeping the original text of everything that did not change
 * (reprint.ts). Offsets are UTF-16 indices into the text the document was parsed from.
 */
import type { CfnValue } from "../cloudformation/intrinsics";

interface Base {
  /** First character of the node, including a YAML tag or anchor written before it. */
  readonly start: number;
  /** End of the node's content (trailing spaces, comments and line breaks excluded). */
  readonly end: number;
  /** The value the node holds, as the importers read it. */
  readonly value: CfnValue;
}

/** A scalar, an alias, a short-form intrinsic or anything else that is rewritten as a whole. */
export interface LocatedLeaf extends Base {
  readonly kind: "leaf";
  /** A YAML block scalar (`|`, `>`) or a tagged block collection: it spans whole lines. */
  readonly multiline: boolean;
}

export interface LocatedMap extends Base {
  readonly kind: "map";
  /** A YAML block mapping (one entry per line group); false for JSON and YAML flow mappings. */
  readonly block: boolean;
  readonly entries: readonly LocatedEntry[];
}

export interface LocatedSeq extends Base {
  readonly kind: "seq";
  /** A YAML block sequence (`- item` lines); false for JSON arrays and YAML flow sequences. */
  readonly block: boolean;
  readonly items: readonly LocatedItem[];
}

export type Located = LocatedLeaf | LocatedMap | LocatedSeq;

export interface LocatedEntry {
  readonly key: string;
  /** Start of the key (the whole entry starts here). */
  readonly start: number;
  /** End of the key as written (after a closing quote). */
  readonly keyEnd: number;
  /** End of the entry: the end of its value, or just after the `:` when the value is empty. */
  readonly end: number;
  readonly value: Located;
  /** The value has no text of its own (`Key:` with nothing after it in YAML). */
  readonly empty: boolean;
}

export interface LocatedItem {
  /** Start of the item: the `-` indicator of a YAML block sequence item, else the value. */
  readonly start: number;
  readonly end: number;
  readonly value: Located;
  readonly empty: boolean;
}

/** Column of an offset: characters since the previous line break. */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
