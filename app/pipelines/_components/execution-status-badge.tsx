import { statusLabel, statusTone, type ExecutionStatus, type StatusTone } from "@/lib/domain/execution/status";

const TONE_CLASSES: Record<StatusTone, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-200",
  failure: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-200",
  progress: "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-200",
  attention: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-200",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-300",
};

/** An execution status as a coloured pill; `undefined` (a status this version does not know) reads "Unknown". */
export function ExecutionStatusBadge({ status }: { status: ExecutionStatus | undefined }) {
  const tone = status ? statusTone(status) : "neutral";
  return (
    <span
      data-testid="execution-status"
      data-status={status ?? "Unknown"}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`}
    >
      {status ? statusLabel(status) : "Unknown"}
    </span>
  );
}
