/**
 * The calendar fields of an instant in the DeploymentWindow rule's `TimeZone`, which AWS takes as
 * "Region/City", `UTC[+-HH:MM]` or a 3-5 letter abbreviation, UTC by default
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-DeploymentWindow.html).
 * Region/City names go through the runtime's time-zone data (Intl); abbreviations AWS does not
 * list, so the common fixed-offset ones are known here (undocumented; chosen: the table below).
 */
export interface ZonedTime {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  /** 1..7, Sunday = 1, as the cron day-of-week field counts. */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  /** Days in this month (for `L`). */
  readonly daysInMonth: number;
}

const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, WET: 0, BST: 60, IST: 330, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, SGT: 480, HKT: 480, AEST: 600, AEDT: 660,
  ACST: 570, AWST: 480, NZST: 720, NZDT: 780,
};

const OFFSET = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** The fields of `ms` in `timeZone`, or undefined when the zone is not one AWS accepts. */
export function zonedTime(ms: number, timeZone = "UTC"): ZonedTime | undefined {
  const zone = timeZone.trim();
  const offset = fixedOffsetMinutes(zone);
  if (offset !== undefined) return fromUtcFields(new Date(ms + offset * 60_000));
  if (!zone.includes("/")) return undefined;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    }).formatToParts(new Date(ms));
  } catch {
    return undefined;
  }
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // Rebuild the local wall time as a UTC date to read the weekday and month length.
  return fromUtcFields(new Date(Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"))));
}

function fixedOffsetMinutes(zone: string): number | undefined {
  const upper = zone.toUpperCase();
  if (upper in ABBREVIATIONS) return ABBREVIATIONS[upper];
  const match = OFFSET.exec(upper);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

function fromUtcFields(d: Date): ZonedTime {
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  return {
    year,
    month,
    day: d.getUTCDate(),
    weekday: d.getUTCDay() + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}
