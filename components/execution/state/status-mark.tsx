import { statusLabel, statusTone, type ExecutionStatus, type StatusTone } from "@/lib/domain/execution/status";

/**
 * A status as an icon and words with its tone's colour: never colour alone (WCAG 1.4.1). The
 * icon is decoration (aria-hidden); the words carry the meaning.
 */
const LOOK: Record<StatusTone | "none", { icon: string; className: string }> = {
  success: { icon: "✓", className: "text-emerald-800 dark:text-emerald-300" },
  failure: { icon: "✕", className: "text-red-800 dark:text-red-300" },
  progress: { icon: "↻", className: "text-sky-800 dark:text-sky-300" },
  attention: { icon: "■", className: "text-amber-800 dark:text-amber-300" },
  neutral: { icon: "–", className: "text-slate-600 dark:text-slate-400" },
  none: { icon: "○", className: "text-slate-600 dark:text-slate-400" },
};

export const TONE_BORDER: Record<StatusTone | "none", string> = {
  success: "border-emerald-500",
  failure: "border-red-500",
  progress: "border-sky-500",
  attention: "border-amber-500",
  neutral: "border-slate-300 dark:border-slate-700",
  none: "border-slate-300 dark:border-slate-700",
};

export function toneOf(status: ExecutionStatus | undefined): StatusTone | "none" {
  return status === undefined ? "none" : statusTone(status);
}

export function StatusMark({ status, idle = "Not run yet", className = "" }: { status: ExecutionStatus | undefined; idle?: string; className?: string }) {
  const look = LOOK[toneOf(status)];
  return (
    <span data-testid="status-mark" data-status={status ?? "none"} className={`inline-flex items-center gap-1 font-medium ${look.className} ${className}`}>
      <span aria-hidden="true" className={status === "InProgress" ? "inline-block motion-safe:animate-spin" : undefined}>
        {look.icon}
      </span>
      {status ? statusLabel(status) : idle}
    </span>
  );
}
