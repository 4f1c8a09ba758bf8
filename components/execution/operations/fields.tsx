/** The small form parts the operation dialogs share, labelled for assistive technology. */
import type { ReactNode } from "react";

export const INPUT_CLASS =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100";

export function Choice({ name, value, checked, onChange, label, hint }: { name: string; value: string; checked: boolean; onChange: (value: string) => void; label: string; hint: string }) {
  return (
    <label className="flex items-start gap-2 py-1">
      <input type="radio" name={name} value={value} checked={checked} onChange={() => onChange(value)} className="mt-1" />
      <span>
        <span className="font-medium">{label}</span>
        <span className="block text-slate-600 dark:text-slate-400">{hint}</span>
      </span>
    </label>
  );
}

export function SubmitRow({ children }: { children: ReactNode }) {
  return <div className="mt-4 flex flex-wrap justify-end gap-2">{children}</div>;
}

export function PrimaryButton({ children, disabled, danger, testId, onClick, type = "submit" }: { children: ReactNode; disabled?: boolean; danger?: boolean; testId: string; onClick?: () => void; type?: "submit" | "button" }) {
  const colour = danger ? "bg-red-700 hover:bg-red-800" : "bg-sky-700 hover:bg-sky-800";
  return (
    <button
      type={type}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className={`rounded-md px-3 py-1.5 text-sm font-medium text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 disabled:opacity-60 ${colour}`}
    >
      {children}
    </button>
  );
}

/** A link out only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
export function SafeLink({ href, children }: { href: string; children: ReactNode }) {
  return isWebUrl(href) ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline dark:text-sky-300">
      {children}
    </a>
  ) : (
    <span>{href}</span>
  );
}

function isWebUrl(href: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}
