"use client";

import { useId, type ReactNode } from "react";
import { RegionSelect } from "@/components/ui/region-select";
import { FieldDiagnostics, useFieldDiagnostics } from "./field-diagnostics";

/** Undefined for an empty string: clearing an optional field removes the member. */
export function emptyToUndefined(value: string): string | undefined {
  return value === "" ? undefined : value;
}

/** A number member as the text of a number input: "" when absent, as written otherwise. */
export function numberText(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

/** A number input's text as the member: absent when emptied. */
export function numberOrUndefined(text: string): number | undefined {
  return text === "" ? undefined : Number(text);
}

export const INPUT_CLASS =
  "w-full rounded-md border bg-transparent px-2 py-1 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 ";

/** Border colour of an input given the diagnostics of its path. */
export function useInputTone(path: string, exact = false): string {
  const all = useFieldDiagnostics(path);
  const diagnostics = exact ? all.filter((d) => d.path === path) : all;
  if (diagnostics.some((d) => d.severity === "error")) return "border-red-500 dark:border-red-500";
  if (diagnostics.length > 0) return "border-amber-500 dark:border-amber-500";
  return "border-slate-300 dark:border-slate-700";
}

export interface FieldFrameProps {
  readonly label: string;
  readonly path: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly actions?: ReactNode;
  /** Show only diagnostics of exactly this path (the field is a key whose members have fields of their own). */
  readonly exact?: boolean;
  /** Renders the control with the id its label points to. */
  readonly children: (id: string) => ReactNode;
}

/** A label, the control, a hint and the diagnostics of the field's path. */
export function FieldFrame({ label, path, required, hint, actions, exact, children }: FieldFrameProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        {/* The required mark sits outside the label so the accessible name is the key itself
            (getByLabel("ProjectName")); aria-required on the control says it to screen readers. */}
        <span className="text-xs font-medium text-slate-700 dark:text-slate-300">
          <label htmlFor={id}>{label}</label>
          {required && (
            <span className="ml-0.5 text-red-600" title="required" aria-hidden="true">
              *
            </span>
          )}
        </span>
        {actions && <span className="ml-auto flex items-center gap-1">{actions}</span>}
      </div>
      {children(id)}
      {/* Catalog descriptions can be long: two lines, the rest on hover. */}
      {hint && (
        <p className="line-clamp-2 text-[11px] text-slate-500" title={hint}>
          {hint}
        </p>
      )}
      <FieldDiagnostics path={path} exact={exact} />
    </div>
  );
}

interface TextFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly required?: boolean;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly type?: "text" | "number";
}

export function TextField({ label, path, value, onChange, required, hint, placeholder, type = "text" }: TextFieldProps) {
  const tone = useInputTone(path);
  return (
    <FieldFrame label={label} path={path} required={required} hint={hint}>
      {(id) => (
        <input
          id={id}
          type={type}
          data-path={path}
          aria-required={required}
          className={INPUT_CLASS + tone}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly options: readonly (string | { readonly value: string; readonly label: string })[];
  readonly onChange: (value: string) => void;
  readonly required?: boolean;
  readonly hint?: string;
  /** Label of the empty option ("" = member absent); omitted: no empty option. */
  readonly emptyLabel?: string;
  readonly exact?: boolean;
}

export function SelectField({ label, path, value, options, onChange, required, hint, emptyLabel, exact }: SelectFieldProps) {
  const tone = useInputTone(path, exact);
  const values = options.map((o) => (typeof o === "string" ? o : o.value));
  return (
    <FieldFrame label={label} path={path} required={required} hint={hint} exact={exact}>
      {(id) => (
        <select
          id={id}
          data-path={path}
          aria-required={required}
          className={INPUT_CLASS + tone}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {/* A value outside the options (imported) stays visible instead of silently changing. */}
          {value !== "" && !values.includes(value) && <option value={value}>{value} (not a known value)</option>}
          {options.map((o) =>
            typeof o === "string" ? (
              <option key={o} value={o}>
                {o}
              </option>
            ) : (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ),
          )}
        </select>
      )}
    </FieldFrame>
  );
}

interface RegionFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  /** Label of the "no region" choice; omitted: a region must be chosen. */
  readonly emptyLabel?: string;
  /** Regions taken elsewhere (other artifact stores). */
  readonly exclude?: readonly string[];
  readonly exact?: boolean;
}

export function RegionField({ label, path, value, onChange, hint, emptyLabel, exclude, exact }: RegionFieldProps) {
  const tone = useInputTone(path, exact);
  return (
    <FieldFrame label={label} path={path} hint={hint} exact={exact}>
      {(id) => (
        <RegionSelect
          id={id}
          data-path={path}
          className={INPUT_CLASS + tone}
          value={value}
          onChange={onChange}
          {...(emptyLabel !== undefined ? { emptyLabel } : {})}
          {...(exclude ? { exclude } : {})}
        />
      )}
    </FieldFrame>
  );
}

export function Section({ title, children, path }: { title: string; children: ReactNode; path?: string }) {
  return (
    <section className="flex flex-col gap-3 border-t border-slate-200 pt-3 dark:border-slate-800" aria-label={title}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {path !== undefined && <FieldDiagnostics path={path} exact />}
      {children}
    </section>
  );
}

export function SmallButton({
  children,
  onClick,
  label,
  tone = "default",
}: {
  children: ReactNode;
  onClick: () => void;
  label?: string;
  tone?: "default" | "danger";
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className={
        "rounded border px-1.5 py-0.5 text-xs " +
        (tone === "danger"
          ? "border-red-200 text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-400 dark:hover:bg-red-950"
          : "border-slate-300 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-900")
      }
    >
      {children}
    </button>
  );
}
