import { targetProgress, targetTone, type DeployTargetsRead, type TargetTone } from "@/lib/domain/execution/deploy-targets";

const MARK: Record<TargetTone, { icon: string; className: string }> = {
  done: { icon: "✓", className: "text-emerald-800 dark:text-emerald-300" },
  failed: { icon: "✕", className: "text-red-800 dark:text-red-300" },
  running: { icon: "▶", className: "text-sky-800 dark:text-sky-300" },
  waiting: { icon: "○", className: "text-slate-600 dark:text-slate-400" },
};

/**
 * An EC2 or Lambda deploy run's targets (instances, or traffic-shifting steps) with their status in
 * words and each target's latest event (deploy-targets.ts).
 */
export function DeployTargets({ read }: { read: DeployTargetsRead }) {
  if (!read.ok) {
    return (
      <p data-testid="deploy-targets-unavailable" className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Per-target progress could not be read: {read.message}
      </p>
    );
  }
  if (read.targets.length === 0) {
    return <p data-testid="deploy-targets-none" className="mt-2 text-xs text-slate-600 dark:text-slate-400">No deploy targets reported yet.</p>;
  }
  const progress = targetProgress(read.targets);
  return (
    <div data-testid="deploy-targets" data-total={progress.total} data-done={progress.done} className="mt-2 text-xs">
      <p className="font-medium">Targets: {progress.words}</p>
      <progress max={progress.total} value={progress.done} aria-label={progress.words} className="mt-1 h-2 w-full max-w-xs" />
      <ul className="mt-1 space-y-0.5">
        {read.targets.map((t, i) => {
          const tone = targetTone(t.status);
          const last = t.events.at(-1);
          return (
            <li key={t.targetId ?? i} data-testid="deploy-target" data-target={t.targetId ?? ""} data-status={t.status ?? "none"}>
              <span aria-hidden="true" className={MARK[tone].className}>{MARK[tone].icon} </span>
              <span className="font-mono">{t.targetId ?? "—"}</span>
              {t.targetType && <span className="text-slate-600 dark:text-slate-400"> ({t.targetType})</span>}: {t.status ?? "unknown"}
              {last && (
                <span className="text-slate-700 dark:text-slate-300">
                  {" "}· {last.name}
                  {last.status && ` ${last.status}`}
                  {last.message && ` — ${last.message}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
