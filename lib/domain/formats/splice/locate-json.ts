/**
 * A located tree for JSON text that JSON.parse accepted. A small scanner, because JSON.parse
 * reports no positions; values are read with JSON.parse itself (strings, numbers), so they are
 * exactly what the importer saw. An object with a repeated key (JSON.parse keeps the last) is
 * located as a leaf: it is rewritten whole if it changes.
 */
import { setOwn } from "../../json";
import type { CfnObject, CfnValue } from "../cloudformation/intrinsics";
import type { Located, LocatedEntry, LocatedItem } from "./located";

const NUMBER_OR_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

export function locateJson(text: string): Located {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${i}`);
  };
  const skip = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail("unterminated string");
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };

  const value = (): Located => {
    skip();
    const start = i;
    const c = text[i];
    if (c === "{") return object(start);
    if (c === "[") return array(start);
    if (c === '"') {
      const s = string();
      return { kind: "leaf", start, end: i, value: s, multiline: false };
    }
    NUMBER_OR_LITERAL.lastIndex = i;
    const m = NUMBER_OR_LITERAL.exec(text) ?? fail("unexpected character");
    i += m[0].length;
    return { kind: "leaf", start, end: i, value: JSON.parse(m[0]) as CfnValue, multiline: false };
  };

  const object = (start: number): Located => {
    i++;
    const entries: LocatedEntry[] = [];
    const out: CfnObject = {};
    let repeated = false;
    skip();
    if (text[i] === "}") i++;
    else {
      for (;;) {
        skip();
        const keyStart = i;
        if (text[i] !== '"') fail("expected a key");
        const key = string();
        const keyEnd = i;
        skip();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        const v = value();
        if (Object.hasOwn(out, key)) repeated = true;
        setOwn(out, key, v.value);
        entries.push({ key, start: keyStart, keyEnd, end: v.end, value: v, empty: false });
        skip();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          break;
        } else fail("expected ',' or '}'");
      }
    }
    if (repeated) return { kind: "leaf", start, end: i, value: out, multiline: false };
    return { kind: "map", start, end: i, value: out, block: false, entries };
  };

  const array = (start: number): Located => {
    i++;
    const items: LocatedItem[] = [];
    skip();
    if (text[i] === "]") i++;
    else {
      for (;;) {
        const v = value();
        items.push({ start: v.start, end: v.end, value: v, empty: false });
        skip();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          break;
        } else fail("expected ',' or ']'");
      }
    }
    return { kind: "seq", start, end: i, value: items.map((item) => item.value.value), block: false, items };
  };

  const root = value();
  skip();
  if (i !== text.length) fail("unexpected text after the document");
  return root;
}
