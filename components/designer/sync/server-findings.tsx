"use client";

import { warningKey } from "@/lib/domain/sync/inputs";
import type { Diagnostic } from "@/lib/domain/validation/diagnostic";
import { SeverityPill } from "@/components/ui/severity-pill";

interface ServerFindingsProps {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly acknowledged: ReadonlySet<string>;
  readonly onAcknowledge: (key: string, on: boolean) => void;
  /** Select the element and focus the field, as the problems panel does. */
  readonly onShow: (path: string) => void;
}

/**
 * The server's validation (its region, the live version): errors block the push, each warning
 * must be acknowledged before it goes ahead.
 */
export function ServerFindings({ errors, warnings, acknowledged, onAcknowledge, onShow }: ServerFindingsProps) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <section aria-label="Validation" data-testid="push-findings" className="flex flex-col gap-2 text-sm">
      {errors.length > 0 && (
        <div data-testid="push-errors">
          <p className="font-medium text-red-800 dark:text-red-300">
            {errors.length === 1 ? "1 error blocks" : `${errors.length} errors block`} the push: fix {errors.length === 1 ? "it" : "them"} first.
          </p>
          <ul className="mt-1 flex flex-col gap-1">
            {errors.map((d, i) => (
              <li key={`${warningKey(d)}-${i}`}>
                <Finding diagnostic={d} onShow={onShow} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <fieldset data-testid="push-warnings">
          <legend className="font-medium text-amber-800 dark:text-amber-300">Acknowledge each warning to push</legend>
          <ul className="mt-1 flex flex-col gap-1">
            {warnings.map((d, i) => {
              const key = warningKey(d);
              return (
                <li key={`${key}-${i}`} className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    id={`ack-${i}`}
                    data-testid="acknowledge-warning"
                    data-warning={key}
                    checked={acknowledged.has(key)}
                    onChange={(e) => onAcknowledge(key, e.target.checked)}
                    className="mt-1.5"
                  />
                  <label htmlFor={`ack-${i}`} className="sr-only">
                    Acknowledge {d.code}: {d.message}
                  </label>
                  <Finding diagnostic={d} onShow={onShow} />
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
    </section>
  );
}

function Finding({ diagnostic: d, onShow }: { diagnostic: Diagnostic; onShow: (path: string) => void }) {
  return (
    <button
      type="button"
      data-testid="push-finding"
      data-code={d.code}
      data-diagnostic-path={d.path}
      onClick={() => onShow(d.path)}
      className="flex flex-1 flex-col gap-0.5 rounded px-1.5 py-1 text-left hover:bg-slate-50 dark:hover:bg-slate-800"
    >
      <span className="flex items-baseline gap-2">
        <SeverityPill severity={d.severity} />
        <code className="font-mono text-xs text-indigo-700 dark:text-indigo-300">{d.code}</code>
        {d.path && <code className="truncate font-mono text-xs text-slate-500">{d.path}</code>}
      </span>
      <span>{d.message}</span>
    </button>
  );
}
