"use client";

import type { ReactNode } from "react";
import { FieldDiagnostics } from "./field-diagnostics";
import { INPUT_CLASS, SmallButton, useInputTone } from "./fields";

/** An artifact list member (`[{name}]`); absent when empty, as CodePipeline writes it. */
function toArtifacts(names: readonly string[]): { name: string }[] | undefined {
  return names.length === 0 ? undefined : names.map((name) => ({ name }));
}

interface InputsProps {
  readonly path: string;
  readonly names: readonly string[];
  /** Artifacts produced by actions that run earlier: the only valid choices. */
  readonly available: readonly string[];
  readonly onChange: (artifacts: { name: string }[] | undefined) => void;
}

export function ArtifactInputs({ path, names, available, onChange }: InputsProps) {
  const unused = available.filter((a) => !names.includes(a));
  const set = (i: number, name: string) => onChange(toArtifacts(names.map((n, j) => (j === i ? name : n))));
  return (
    <fieldset className="flex flex-col gap-2" data-path={path} tabIndex={-1}>
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">Input artifacts</legend>
      {names.map((name, i) => (
        <ArtifactRow key={i} path={`${path}[${i}]`}>
          <InputSelect
            path={`${path}[${i}]`}
            label={`Input artifact ${i + 1}`}
            value={name}
            names={names}
            available={available}
            onChange={(v) => set(i, v)}
          />
          <SmallButton tone="danger" label={`Remove input artifact ${i + 1}`} onClick={() => onChange(toArtifacts(names.filter((_, j) => j !== i)))}>
            Remove
          </SmallButton>
        </ArtifactRow>
      ))}
      {available.length === 0 && <p className="text-xs text-slate-500">No earlier action produces an artifact.</p>}
      {unused.length > 0 && (
        <div>
          <SmallButton label="Add input artifact" onClick={() => onChange(toArtifacts([...names, unused[0]!]))}>
            + Input artifact
          </SmallButton>
        </div>
      )}
      <FieldDiagnostics path={path} exact />
    </fieldset>
  );
}

interface OutputsProps {
  readonly path: string;
  readonly names: readonly string[];
  readonly actionName: string;
  readonly onChange: (artifacts: { name: string }[] | undefined) => void;
}

/** A fresh artifact name from the action name, keeping only the characters AWS allows. */
function freshName(actionName: string, taken: readonly string[]): string {
  const base = `${actionName.replace(/[^A-Za-z0-9_-]/g, "") || "Artifact"}Output`;
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}${n}`;
  return name;
}

export function ArtifactOutputs({ path, names, actionName, onChange }: OutputsProps) {
  return (
    <fieldset className="flex flex-col gap-2" data-path={path} tabIndex={-1}>
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">Output artifacts</legend>
      {names.map((name, i) => (
        <ArtifactRow key={i} path={`${path}[${i}]`}>
          <OutputInput
            path={`${path}[${i}]`}
            label={`Output artifact ${i + 1}`}
            value={name}
            onChange={(v) => onChange(names.map((n, j) => ({ name: j === i ? v : n })))}
          />
          <SmallButton tone="danger" label={`Remove output artifact ${i + 1}`} onClick={() => onChange(toArtifacts(names.filter((_, j) => j !== i)))}>
            Remove
          </SmallButton>
        </ArtifactRow>
      ))}
      <div>
        <SmallButton label="Add output artifact" onClick={() => onChange(toArtifacts([...names, freshName(actionName, names)]))}>
          + Output artifact
        </SmallButton>
      </div>
      <FieldDiagnostics path={path} exact />
    </fieldset>
  );
}

function InputSelect(props: {
  path: string;
  label: string;
  value: string;
  names: readonly string[];
  available: readonly string[];
  onChange: (v: string) => void;
}) {
  const { path, label, value, names, available, onChange } = props;
  const tone = useInputTone(path);
  return (
    <select aria-label={label} data-path={path} className={INPUT_CLASS + tone} value={value} onChange={(e) => onChange(e.target.value)}>
      {/* A name no earlier action produces stays visible so the problem can be fixed here. */}
      {!available.includes(value) && <option value={value}>{value || "(none)"} (not produced earlier)</option>}
      {available.map((a) => (
        <option key={a} value={a} disabled={a !== value && names.includes(a)}>
          {a}
        </option>
      ))}
    </select>
  );
}

function OutputInput({ path, label, value, onChange }: { path: string; label: string; value: string; onChange: (v: string) => void }) {
  const tone = useInputTone(path);
  return (
    <input
      aria-label={label}
      data-path={path}
      className={INPUT_CLASS + tone}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function ArtifactRow({ path, children }: { path: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-center gap-2">{children}</div>
      <FieldDiagnostics path={path} />
    </div>
  );
}
