import type { DayBucket } from "@/lib/domain/dashboard/metrics";

/**
 * Successes and failures per day as stacked SVG bars. The picture is decoration for sighted
 * readers; its text alternative (role="img" with a label) says the totals and the busiest day, and
 * each bar has a <title> with its day and counts.
 */
export function DayChart({ days, label, width = 180, height = 40 }: { days: readonly DayBucket[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...days.map((d) => d.succeeded + d.failed));
  const step = width / Math.max(1, days.length);
  const bar = Math.max(1, step - 1);
  const succeeded = days.reduce((n, d) => n + d.succeeded, 0);
  const failed = days.reduce((n, d) => n + d.failed, 0);
  const busiest = days.reduce<DayBucket | undefined>((best, d) => (d.succeeded + d.failed > (best ? best.succeeded + best.failed : 0) ? d : best), undefined);
  const summary = `${label}: ${succeeded} succeeded and ${failed} failed over ${days.length} days${
    busiest ? `; busiest ${dayText(busiest.dayMs)} with ${busiest.succeeded + busiest.failed}` : ""
  }.`;
  return (
    <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible" data-testid="day-chart">
      {days.map((d, i) => {
        const okH = (d.succeeded / max) * height;
        const failH = (d.failed / max) * height;
        return (
          <g key={d.dayMs}>
            <title>{`${dayText(d.dayMs)}: ${d.succeeded} succeeded, ${d.failed} failed`}</title>
            <rect x={i * step} y={height - okH} width={bar} height={okH} className="fill-emerald-600" />
            <rect x={i * step} y={height - okH - failH} width={bar} height={failH} className="fill-red-600" />
            {d.succeeded + d.failed === 0 && <rect x={i * step} y={height - 1} width={bar} height={1} className="fill-slate-300 dark:fill-slate-700" />}
          </g>
        );
      })}
    </svg>
  );
}

function dayText(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}
