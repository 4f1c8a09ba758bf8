/**
 * Trigger filter globs (branches, tags, file paths). The user guide's "Working with glob
 * patterns" is, word for word, Java's `FileSystem.getPathMatcher("glob:…")` syntax, so this
 * follows Java's translation rules, including what Java rejects:
 *
 * - `*` matches within one path segment, `**` across segments, `?` one character of a segment;
 * - `[...]` one character of a set: `!` first negates, `-` makes ranges (literal when first or
 *   last), `*` `?` `\` are literal inside, `/` is not allowed inside;
 * - `{a,b}` alternatives, which cannot nest;
 * - `\` escapes the next character (a trailing `\` is an error);
 * - a `}` or `]` with no opening partner is a literal character.
 */

export type GlobProblem =
  | "trailing-escape"
  | "unclosed-bracket"
  | "empty-bracket"
  | "separator-in-bracket"
  | "invalid-range"
  | "unclosed-brace"
  | "nested-brace";

export interface GlobIssue {
  readonly problem: GlobProblem;
  /** Offset in the pattern of the character at fault. */
  readonly offset: number;
}

type Translation = { readonly source: string; readonly issue?: undefined } | { readonly source?: undefined; readonly issue: GlobIssue };

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/;
const CLASS_SPECIAL = /[\\\][^-]/;

function escapeChar(ch: string): string {
  return REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch;
}

function escapeClassChar(ch: string): string {
  return CLASS_SPECIAL.test(ch) ? `\\${ch}` : ch;
}

function fail(problem: GlobProblem, offset: number): Translation {
  return { issue: { problem, offset } };
}

/** Translates a glob into an anchored JavaScript regular-expression source, or says why it is invalid. */
export function translateGlob(glob: string): Translation {
  let re = "";
  let groupStart = -1;
  let i = 0;
  const n = glob.length;
  while (i < n) {
    const c = glob[i++]!;
    switch (c) {
      case "\\":
        if (i === n) return fail("trailing-escape", i - 1);
        re += escapeChar(glob[i++]!);
        break;
      case "[": {
        const start = i - 1;
        let cls = "";
        let negate = false;
        if (glob[i] === "^") {
          cls += "\\^"; // Java: a leading ^ is literal (negation is !)
          i++;
        } else {
          if (glob[i] === "!") {
            negate = true;
            i++;
          }
          if (glob[i] === "-") {
            cls += "\\-";
            i++;
          }
        }
        let closed = false;
        let last = "";
        while (i < n) {
          const d = glob[i++]!;
          if (d === "]") {
            closed = true;
            break;
          }
          if (d === "/") return fail("separator-in-bracket", i - 1);
          if (d === "-") {
            if (last === "") return fail("invalid-range", i - 1);
            const e = glob[i++];
            if (e === undefined || e === "]") {
              cls += "\\-"; // trailing '-' is literal
              closed = e === "]";
              break;
            }
            if (e === "/") return fail("separator-in-bracket", i - 1);
            if (e < last) return fail("invalid-range", i - 1);
            cls += `-${escapeClassChar(e)}`;
            last = "";
          } else {
            cls += escapeClassChar(d);
            last = d;
          }
        }
        if (!closed) return fail("unclosed-bracket", start);
        if (cls === "") return fail("empty-bracket", start);
        re += negate ? `(?!/)[^${cls}]` : `(?!/)[${cls}]`; // a range may span "/"
        break;
      }
      case "{":
        if (groupStart !== -1) return fail("nested-brace", i - 1);
        groupStart = i - 1;
        re += "(?:(?:";
        break;
      case "}":
        if (groupStart !== -1) {
          re += "))";
          groupStart = -1;
        } else {
          re += "\\}";
        }
        break;
      case ",":
        re += groupStart !== -1 ? ")|(?:" : ",";
        break;
      case "*":
        if (glob[i] === "*") {
          re += ".*";
          i++;
        } else {
          re += "[^/]*";
        }
        break;
      case "?":
        re += "[^/]";
        break;
      default:
        re += escapeChar(c);
    }
  }
  if (groupStart !== -1) return fail("unclosed-brace", groupStart);
  return { source: `^(?:${re})$` };
}

/** Why the pattern is not a valid glob, or undefined when it is. */
export function globIssue(glob: string): GlobIssue | undefined {
  return translateGlob(glob).issue;
}

/** Plain words for a glob problem, for messages. */
export function describeGlobIssue(issue: GlobIssue): string {
  const at = `at position ${issue.offset + 1}`;
  switch (issue.problem) {
    case "trailing-escape":
      return `it ends with a "\\" that escapes nothing (write "\\\\" for a literal backslash)`;
    case "unclosed-bracket":
      return `the "[" ${at} is never closed with "]"`;
    case "empty-bracket":
      return `the character set "[]" ${at} is empty`;
    case "separator-in-bracket":
      return `a character set cannot contain "/" (${at})`;
    case "invalid-range":
      return `the range ${at} in a character set is invalid (write ranges low-high, e.g. [a-z])`;
    case "unclosed-brace":
      return `the "{" ${at} is never closed with "}"`;
    case "nested-brace":
      return `"{...}" groups cannot be nested (${at}); list every alternative in one group, e.g. {a,b,c}`;
  }
}

// Compiled patterns are cached: the designer revalidates on every keystroke with mostly the
// same patterns. Bounded so a long session cannot grow it without limit.
const CACHE_LIMIT = 512;
const cache = new Map<string, RegExp | null>();

const MAX_GLOB_LENGTH = 255;

function safeRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}

function compiled(glob: string): RegExp | null {
  let re = cache.get(glob);
  if (re !== undefined) return re;
  // Patterns longer than the model's 255 characters are TRIG008's; compiling a huge one can
  // exceed the regex engine's limits, so it counts as unmatchable here.
  const t = glob.length > MAX_GLOB_LENGTH ? undefined : translateGlob(glob);
  re = t?.source === undefined ? null : safeRegExp(t.source);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(glob, re);
  return re;
}

/** True when `text` matches the glob; undefined when the glob is invalid. */
export function globMatches(glob: string, text: string): boolean | undefined {
  const re = compiled(glob);
  return re === null ? undefined : re.test(text);
}
