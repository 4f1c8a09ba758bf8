import type { Severity } from "@/lib/domain/validation";

const TONES: Record<Severity, string> = {
  error: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  warning: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
};

/** "ERROR" / "WARNING" in the colours every findings list uses. */
export function SeverityPill({ severity }: { severity: Severity }) {
  return <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase ${TONES[severity]}`}>{severity}</span>;
}
