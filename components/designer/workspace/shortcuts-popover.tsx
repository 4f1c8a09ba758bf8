"use client";

import { useState } from "react";
import { SHORTCUTS } from "./use-editor-keys";

/** The "?" button listing every keyboard shortcut. */
export function ShortcutsPopover() {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        data-testid="shortcuts-button"
        onClick={() => setOpen((o) => !o)}
        className="h-8 w-8 rounded-full border border-slate-300 text-sm font-semibold dark:border-slate-700"
      >
        ?
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Keyboard shortcuts"
          data-testid="shortcuts"
          onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
          className="absolute right-0 top-10 z-30 w-96 rounded-lg border border-slate-200 bg-white p-3 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <table className="w-full">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.keys} className="align-top">
                  <td className="whitespace-nowrap py-0.5 pr-3 font-mono">{s.keys}</td>
                  <td className="py-0.5 text-slate-600 dark:text-slate-300">{s.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
