"use client";

import { useState } from "react";
import type { ProviderEntry } from "@/lib/domain/catalog/catalog";
import { joinPath } from "@/lib/domain/validation/path";
import type { AvailableNamespace } from "@/lib/domain/validation/variable-references";
import { FieldDiagnostics } from "./field-diagnostics";
import { FieldFrame, INPUT_CLASS, SelectField, SmallButton, useInputTone } from "./fields";
import { configurationFields, jsonError, splitMulti, toggleMulti, withConfigValue, type ConfigField } from "./form-model";
import { JsonError } from "./json-field";
import { ReferenceInput } from "./reference-input";

interface ConfigFormProps {
  readonly entry: ProviderEntry | undefined;
  readonly configuration: Readonly<Record<string, unknown>>;
  /** Diagnostic path of the configuration map, e.g. `stages[1].actions[0].configuration`. */
  readonly path: string;
  readonly namespaces: readonly AvailableNamespace[];
  /** Receives the whole new configuration; undefined when it became empty. */
  readonly onChange: (configuration: Record<string, unknown> | undefined) => void;
  /** Prefix of input labels, so two forms on one page stay distinguishable. */
  readonly labelPrefix?: string;
}

/** The configuration form of an action or a condition rule, generated from the catalog. */
export function ConfigForm({ entry, configuration, path, namespaces, onChange, labelPrefix = "" }: ConfigFormProps) {
  const fields = configurationFields(entry, configuration);
  const set = (key: string, value: string | undefined, keepEmpty = false) => {
    const next = withConfigValue(configuration, key, value, keepEmpty);
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <div className="flex flex-col gap-3">
      {fields.length === 0 && <p className="text-xs text-slate-500">This provider takes no configuration keys.</p>}
      {fields.map((field) => (
        <ConfigFieldControl
          key={field.key}
          field={field}
          label={labelPrefix + field.key}
          path={joinPath(path, field.key)}
          value={stringValue(configuration[field.key])}
          namespaces={namespaces}
          onChange={(v) => set(field.key, v, field.unknown)}
          onRemove={field.unknown ? () => set(field.key, undefined) : undefined}
        />
      ))}
      <AddKey labelPrefix={labelPrefix} existing={Object.keys(configuration)} onAdd={(key) => set(key, "", true)} />
    </div>
  );
}

function stringValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

interface ControlProps {
  readonly field: ConfigField;
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly namespaces: readonly AvailableNamespace[];
  readonly onChange: (value: string) => void;
  readonly onRemove: (() => void) | undefined;
}

function ConfigFieldControl({ field, label, path, value, namespaces, onChange, onRemove }: ControlProps) {
  const tone = useInputTone(path);
  const [revealed, setRevealed] = useState(false);
  const hint = field.unknown
    ? "Not a documented key of this provider."
    : [field.description, field.conditionalRequired, field.separator ? `Separate values with "${field.separator}".` : ""]
        .filter(Boolean)
        .join(" ");

  if (field.kind === "select" || field.kind === "boolean") {
    return (
      <SelectField
        label={label}
        path={path}
        value={value}
        options={field.options}
        onChange={onChange}
        required={field.required}
        hint={hint}
        emptyLabel={field.required ? "Choose…" : "(not set)"}
      />
    );
  }

  const removeButton = onRemove && (
    <SmallButton tone="danger" label={`Remove ${field.key}`} onClick={onRemove}>
      Remove
    </SmallButton>
  );

  if (field.kind === "multi") {
    const separator = field.separator ?? ",";
    const chosen = splitMulti(value, separator);
    // Values outside the catalog (imported) stay listed so they can be unticked.
    const items = [...field.options, ...chosen.filter((v) => !field.options.includes(v))];
    return (
      <fieldset data-path={path} tabIndex={-1} className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">{label}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {items.map((item) => (
            <label key={item} className="flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                aria-label={`${label} ${item}`}
                checked={chosen.includes(item)}
                onChange={(e) => onChange(toggleMulti(value, separator, item, e.target.checked, field.options))}
              />
              <span className="font-mono">{item}</span>
            </label>
          ))}
        </div>
        {hint && (
          <p className="line-clamp-2 text-[11px] text-slate-500" title={hint}>
            {hint}
          </p>
        )}
        <FieldDiagnostics path={path} />
      </fieldset>
    );
  }

  if (field.kind === "json") {
    const error = jsonError(value);
    const format = value.trim() !== "" && error === undefined && (
      <SmallButton label={`Format ${field.key}`} onClick={() => onChange(JSON.stringify(JSON.parse(value), null, 2))}>
        Format
      </SmallButton>
    );
    return (
      <FieldFrame
        label={label}
        path={path}
        required={field.required}
        hint={hint}
        actions={
          <>
            {format}
            {removeButton}
          </>
        }
      >
        {(id) => (
          <>
            <textarea
              id={id}
              data-path={path}
              aria-required={field.required}
              aria-invalid={error !== undefined}
              spellCheck={false}
              rows={4}
              className={`${INPUT_CLASS}${error ? "border-red-500" : tone} font-mono text-xs`}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
            <JsonError error={error} />
          </>
        )}
      </FieldFrame>
    );
  }

  const secret = field.kind === "secret";
  const actions = (
    <>
      {secret && (
        <SmallButton label={`${revealed ? "Hide" : "Reveal"} ${field.key}`} onClick={() => setRevealed((r) => !r)}>
          {revealed ? "Hide" : "Reveal"}
        </SmallButton>
      )}
      {removeButton}
    </>
  );
  return (
    <FieldFrame label={label} path={path} required={field.required} hint={hint} actions={actions}>
      {(id) => (
        <ReferenceInput
          id={id}
          path={path}
          value={value}
          onChange={onChange}
          namespaces={namespaces}
          required={field.required}
          type={secret && !revealed ? "password" : "text"}
          className={INPUT_CLASS + tone}
        />
      )}
    </FieldFrame>
  );
}

function AddKey({ existing, onAdd, labelPrefix }: { existing: readonly string[]; onAdd: (key: string) => void; labelPrefix: string }) {
  const [key, setKey] = useState("");
  const trimmed = key.trim();
  const valid = trimmed !== "" && !existing.includes(trimmed);
  const add = () => {
    if (!valid) return;
    onAdd(trimmed);
    setKey("");
  };
  return (
    <div className="flex items-center gap-2">
      <input
        aria-label={`${labelPrefix}New configuration key`}
        placeholder="Add key…"
        className={`${INPUT_CLASS}border-slate-300 dark:border-slate-700`}
        value={key}
        onChange={(e) => setKey(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add();
          }
        }}
      />
      <SmallButton label={`${labelPrefix}Add configuration key`} onClick={add}>
        Add
      </SmallButton>
    </div>
  );
}
