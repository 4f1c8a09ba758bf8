/**
 * The DeploymentWindow rule's cron expression: six required fields and an optional year,
 * seconds (`*` only), minutes, hours, day-of-month (`, - * ? / L W`), month (1-12 or JAN-DEC),
 * day-of-week (1-7 or SUN-SAT, `, - * ? / L #`) and year
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-DeploymentWindow.html).
 * `matchesWindow` says whether a minute lies inside the window; a malformed expression is
 * reported, never thrown.
 */
import type { ZonedTime } from "./zoned-time";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

type Matcher = (t: ZonedTime) => boolean;

export type CronParse = { readonly ok: true; readonly matches: Matcher } | { readonly ok: false; readonly error: string };

export function parseWindowCron(expression: string): CronParse {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 7) {
    return { ok: false, error: `The cron expression must have 6 fields and an optional year, not ${fields.length}.` };
  }
  const [seconds, minutes, hours, dom, month, dow, year = "*"] = fields as [string, string, string, string, string, string, string?];
  if (seconds !== "*") return { ok: false, error: "The seconds field of the cron expression must be '*'." };
  try {
    const matchers: Matcher[] = [
      field(minutes, 0, 59, (t) => t.minute),
      field(hours, 0, 23, (t) => t.hour),
      dayOfMonth(dom),
      field(month, 1, 12, (t) => t.month, MONTHS),
      dayOfWeek(dow),
      field(year, 1970, 2199, (t) => t.year),
    ];
    return { ok: true, matches: (t) => matchers.every((m) => m(t)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** `*`, `?`, `a`, `a-b`, `a/n`, `a-b/n`, `* /n`, comma lists; names (JAN, MON) where given. */
function field(text: string, min: number, max: number, read: (t: ZonedTime) => number, names?: readonly string[], nameBase = 1): Matcher {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    for (const v of expand(item, min, max, names, nameBase)) values.add(v);
  }
  return (t) => values.has(read(t));
}

function expand(item: string, min: number, max: number, names: readonly string[] | undefined, nameBase: number): number[] {
  const [range = "", stepText] = item.split("/");
  const step = stepText === undefined ? 1 : number(stepText, 1, max, "step");
  let from = min;
  let to = max;
  if (range !== "*" && range !== "?") {
    const [a = "", b] = range.split("-");
    from = value(a, min, max, names, nameBase);
    to = b === undefined ? (stepText === undefined ? from : max) : value(b, min, max, names, nameBase);
  }
  if (from > to) throw new Error(`The cron range ${item} runs backwards.`);
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

function value(text: string, min: number, max: number, names: readonly string[] | undefined, nameBase: number): number {
  const index = names?.indexOf(text.toUpperCase()) ?? -1;
  if (index >= 0) return index + nameBase;
  return number(text, min, max, "value");
}

function number(text: string, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`The cron ${what} '${text}' is not a number.`);
  const n = Number(text);
  if (n < min || n > max) throw new Error(`The cron ${what} ${n} is outside ${min}-${max}.`);
  return n;
}

/** Day of month: the common forms plus `L` (last day), `L-n` (n days before it) and `nW` / `LW` (nearest weekday). */
function dayOfMonth(text: string): Matcher {
  if (text === "L") return (t) => t.day === t.daysInMonth;
  const offset = /^L-(\d{1,2})$/.exec(text);
  if (offset) return (t) => t.day === t.daysInMonth - Number(offset[1]);
  if (text === "LW") return (t) => t.day === nearestWeekday(t, t.daysInMonth);
  const weekday = /^(\d{1,2})W$/.exec(text);
  if (weekday) {
    const target = number(weekday[1] as string, 1, 31, "day");
    return (t) => t.day === nearestWeekday(t, Math.min(target, t.daysInMonth));
  }
  return field(text, 1, 31, (t) => t.day);
}

/** Day of week: the common forms plus `L` alone (Saturday), `nL` (last such day of the month) and `n#k` (k-th such day). */
function dayOfWeek(text: string): Matcher {
  if (text === "L") return (t) => t.weekday === 7;
  const last = /^([1-7]|[A-Za-z]{3})L$/.exec(text);
  if (last) {
    const day = value(last[1] as string, 1, 7, DAYS, 1);
    return (t) => t.weekday === day && t.day + 7 > t.daysInMonth;
  }
  const nth = /^([1-7]|[A-Za-z]{3})#([1-5])$/.exec(text);
  if (nth) {
    const day = value(nth[1] as string, 1, 7, DAYS, 1);
    const k = Number(nth[2]);
    return (t) => t.weekday === day && Math.ceil(t.day / 7) === k;
  }
  return field(text, 1, 7, (t) => t.weekday, DAYS, 1);
}

/** The weekday nearest to `target` in t's month, not crossing into another month. */
function nearestWeekday(t: ZonedTime, target: number): number {
  // Weekday of `target`: shift from today's known weekday.
  const weekday = ((((t.weekday - 1 + (target - t.day)) % 7) + 7) % 7) + 1;
  if (weekday === 7) return target === 1 ? target + 2 : target - 1; // Saturday
  if (weekday === 1) return target === t.daysInMonth ? target - 2 : target + 1; // Sunday
  return target;
}
