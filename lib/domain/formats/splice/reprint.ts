/**
 * Writes an edited document by reusing the source text: every value equal to what the source held
 * keeps its exact text (quotes, flow or block style, comments, blank lines, trailing spaces), an
 * edited collection is reassembled from its members' own text, and only values that changed are
 * written new. Unchanged input gives the input back byte for byte; an edit shows in a text diff as
 * the lines it touches. Syntax-specific writing is the Renderer's job.
 */
import { isObject } from "../../json";
import { isUnresolvedReference } from "../../pipeline/unresolved-reference";
import { ShortForm, type CfnObject, type CfnValue } from "../cloudformation/intrinsics";
import { toPlaceholder } from "../cloudformation/placeholder";
import { columnOf, lineIndent, type Located, type LocatedEntry, type LocatedItem } from "./located";

export interface Renderer {
  /** Line break of the document. */
  readonly eol: string;
  /** Separator between members of a flow collection that has only one (`, ` or `,`). */
  readonly flowSeparator: string;
  /**
   * `value` written where `old` was, without whole lines around it; undefined when it needs a
   * block (a YAML block collection or a multi-line scalar in block context). `inFlow`: the place
   * is inside a flow collection (always one line in YAML).
   */
  inline(value: CfnValue, old: Located, indent: string, inFlow: boolean): string | undefined;
  /** A new `key: value` member of a flow mapping or JSON object. */
  member(key: string, value: CfnValue, keySeparator: string | undefined, indent: string): string;
  /** A new element of a flow sequence or JSON array. */
  element(value: CfnValue, indent: string): string;
  /** A block mapping entry written whole, its first line starting at `column`. */
  blockEntry(key: string, value: CfnValue, column: number): string;
  /** A block sequence item (`- value`) written whole, its `-` at `column`. */
  blockItem(value: CfnValue, column: number): string;
}

interface Part {
  /** Index of the source member this part keeps, if any. */
  readonly old?: number;
  readonly text: string;
}

/** The text of the document with `root` holding `next`; undefined when it cannot be written so. */
export function reprint(text: string, root: Located, next: CfnValue, renderer: Renderer): string | undefined {
  const slice = (start: number, end: number) => text.slice(start, end);

  const printNode = (loc: Located, value: CfnValue): string | undefined => {
    if (sameValue(loc.value, value)) return slice(loc.start, loc.end);
    if (loc.kind === "map" && isPlainObject(value) && Object.keys(value).length > 0) return printMap(loc, value);
    if (loc.kind === "seq" && Array.isArray(value) && value.length > 0) return printSeq(loc, value);
    return undefined;
  };

  const printMap = (loc: Extract<Located, { kind: "map" }>, value: CfnObject): string | undefined => {
    const index = new Map(loc.entries.map((entry, i) => [entry.key, i]));
    const parts: Part[] = [];
    for (const [key, v] of Object.entries(value)) {
      const i = index.get(key);
      const text = i === undefined ? newEntry(loc, key, v) : printEntry(loc.entries[i]!, v, loc.block);
      if (text === undefined) return undefined;
      parts.push(i === undefined ? { text } : { old: i, text });
    }
    return join(loc, loc.entries, parts);
  };

  const printSeq = (loc: Extract<Located, { kind: "seq" }>, value: CfnValue[]): string | undefined => {
    const matches = align(loc.items.map((item) => item.value.value), value);
    const parts: Part[] = [];
    for (const [j, v] of value.entries()) {
      const i = matches[j];
      const text = i === undefined ? newItem(loc, v) : printItem(loc.items[i]!, v, loc.block);
      if (text === undefined) return undefined;
      parts.push(i === undefined ? { text } : { old: i, text });
    }
    return join(loc, loc.items, parts);
  };

  const printEntry = (entry: LocatedEntry, value: CfnValue, block: boolean): string | undefined => {
    if (sameValue(entry.value.value, value)) return slice(entry.start, entry.end);
    return printMember(entry, value, block) ?? (block ? renderer.blockEntry(entry.key, value, columnOf(text, entry.start)) : undefined);
  };

  const printItem = (item: LocatedItem, value: CfnValue, block: boolean): string | undefined => {
    if (sameValue(item.value.value, value)) return slice(item.start, item.end);
    return printMember(item, value, block) ?? (block ? renderer.blockItem(value, columnOf(text, item.start)) : undefined);
  };

  /** A changed member with its key (or `-`) kept: the value reprinted, or written on its line. */
  const printMember = (member: LocatedEntry | LocatedItem, value: CfnValue, block: boolean): string | undefined => {
    if (!member.empty) {
      const inner = printNode(member.value, value);
      if (inner !== undefined) return slice(member.start, member.value.start) + inner;
    }
    const inline = renderer.inline(value, member.value, lineIndent(text, member.start), !block);
    if (inline === undefined) return undefined;
    return member.empty ? `${slice(member.start, member.end)} ${inline}` : slice(member.start, member.value.start) + inline;
  };

  const newEntry = (loc: Extract<Located, { kind: "map" }>, key: string, value: CfnValue): string => {
    if (loc.block) return renderer.blockEntry(key, value, columnOf(text, loc.start));
    const first = loc.entries[0];
    const keySeparator = first === undefined ? undefined : slice(first.keyEnd, first.value.start);
    return renderer.member(key, value, keySeparator, memberIndent(loc, loc.entries));
  };

  const newItem = (loc: Extract<Located, { kind: "seq" }>, value: CfnValue): string => {
    if (loc.block) return renderer.blockItem(value, columnOf(text, loc.start));
    return renderer.element(value, memberIndent(loc, loc.items));
  };

  const memberIndent = (loc: Located, olds: readonly { start: number; end: number }[]): string => {
    const first = olds[0];
    return first === undefined ? lineIndent(text, loc.start) : lineIndent(text, first.start);
  };

  const join = (loc: Located & { block: boolean }, olds: readonly { start: number; end: number }[], parts: Part[]): string | undefined =>
    loc.block ? joinBlock(loc, olds, parts) : joinFlow(loc, olds, parts);

  /**
   * Block collections, line by line: each kept member brings the comment at the end of its line
   * and the lines (comments, blank lines) that preceded it; new members get the collection's
   * indentation.
   */
  const joinBlock = (loc: Located, olds: readonly { start: number; end: number }[], parts: Part[]): string | undefined => {
    const last = olds.length - 1;
    const lineEnd = (offset: number) => {
      let end = text.indexOf("\n", offset);
      if (end < 0) end = text.length;
      return end > offset && text[end - 1] === "\r" ? end - 1 : end;
    };
    const trails = olds.map((old, i) => slice(old.end, i === last ? loc.end : lineEnd(old.end)));
    if (trails.some((t) => !/^[ \t]*(?:#.*)?$/.test(t))) return undefined;
    const lead = (i: number) => slice(text.indexOf("\n", olds[i - 1]!.end) + 1, olds[i]!.start);
    const indent = " ".repeat(columnOf(text, loc.start));
    let out = "";
    parts.forEach((part, j) => {
      const kept = part.old !== undefined && part.old > 0 ? lead(part.old) : undefined;
      // The collection starts already indented: a member moved first brings its comment lines,
      // minus the blank lines and indentation before them.
      if (j === 0) out += kept?.replace(/^\s+/, "") ?? "";
      else out += renderer.eol + (kept ?? indent);
      out += part.text + (part.old === undefined ? "" : trails[part.old]!);
    });
    return out;
  };

  /** Flow collections and JSON: the source's brackets, and its separators between neighbours. */
  const joinFlow = (loc: Located, olds: readonly { start: number; end: number }[], parts: Part[]): string | undefined => {
    if (olds.length === 0) return undefined;
    const prefix = slice(loc.start, olds[0]!.start);
    const suffix = slice(olds[olds.length - 1]!.end, loc.end);
    const separators = olds.slice(1).map((old, i) => slice(olds[i]!.end, old.start));
    const newline = prefix.lastIndexOf("\n");
    const fallback = separators[0] ?? (newline >= 0 ? `,${renderer.eol}${prefix.slice(newline + 1)}` : renderer.flowSeparator);
    let out = prefix;
    parts.forEach((part, j) => {
      if (j > 0) {
        const before = parts[j - 1]!.old;
        out += before !== undefined && part.old === before + 1 ? separators[before]! : fallback;
      }
      out += part.text;
    });
    return out + suffix;
  };

  const body = printNode(root, next);
  return body === undefined ? undefined : slice(0, root.start) + body + slice(root.end, text.length);
}

function isPlainObject(value: CfnValue): value is CfnObject {
  return isObject(value) && !(value instanceof ShortForm);
}

/**
 * Equal as documents: same keys in the same order, same scalars, same intrinsic forms. A
 * placeholder string equals the short form it stands for, so that an API document written in
 * YAML keeps `!Ref X` where its declaration holds `${!Ref X}` unchanged.
 */
export function sameValue(a: CfnValue, b: CfnValue): boolean {
  if (a === b) return true;
  if (a instanceof ShortForm || b instanceof ShortForm) {
    if (a instanceof ShortForm && b instanceof ShortForm) return a.fn === b.fn && sameValue(a.value, b.value);
    if (a instanceof ShortForm && typeof b === "string") return isUnresolvedReference(b) && toPlaceholder(a) === b;
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]!));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k]!, (b as CfnObject)[k]!));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/**
 * Which source item each new item continues (undefined: a new item). Items are the same when
 * they have the same name (stages, actions, artifacts, variables), else when they are equal; the
 * longest common subsequence of those identities is kept in place, the leftovers between two kept
 * items are paired in order, so that an edited unnamed item (or a renamed one) still reuses the
 * text of its unchanged parts, and an item moved elsewhere is found by its identity.
 */
export function align(olds: readonly CfnValue[], news: readonly CfnValue[]): (number | undefined)[] {
  const a = olds.map(identity);
  const b = news.map(identity);
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const matches: (number | undefined)[] = new Array<number | undefined>(m).fill(undefined);
  const pairGap = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
    for (let k = 0; oldFrom + k < oldTo && newFrom + k < newTo; k++) matches[newFrom + k] = oldFrom + k;
  };
  let i = 0;
  let j = 0;
  let gapOld = 0;
  let gapNew = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairGap(gapOld, i, gapNew, j);
      matches[j] = i;
      i++;
      j++;
      gapOld = i;
      gapNew = j;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  pairGap(gapOld, n, gapNew, m);
  // A moved item (a stage dragged elsewhere) keeps its text too: match the leftovers by identity.
  const used = new Set(matches.filter((i): i is number => i !== undefined));
  for (let k = 0; k < m; k++) {
    if (matches[k] !== undefined) continue;
    const found = a.findIndex((id, i) => id === b[k] && !used.has(i));
    if (found >= 0) {
      matches[k] = found;
      used.add(found);
    }
  }
  return matches;
}

function identity(value: CfnValue): string {
  if (isPlainObject(value)) {
    const name = value["Name"] ?? value["name"];
    if (typeof name === "string") return `N${name}`;
  }
  return `V${JSON.stringify(value, (_, v: unknown) => (v instanceof ShortForm ? { [`!${v.fn}`]: v.value } : v))}`;
}
