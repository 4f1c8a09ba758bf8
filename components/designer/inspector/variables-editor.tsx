"use client";

import { arrayOf, asObject, asString, compact, type JsonObject } from "@/lib/domain/json";
import { FieldDiagnostics } from "./field-diagnostics";
import { SmallButton, TextField } from "./fields";

/** Pipeline-level variables (V2): name, default value, description. */
export function VariablesEditor({ value, onChange }: { value: unknown; onChange: (variables: JsonObject[] | undefined) => void }) {
  const variables = arrayOf(value).map(asObject);
  const set = (i: number, patch: JsonObject) =>
    onChange(variables.map((v, j) => (j === i ? (compact({ ...v, ...patch }) ?? { name: "" }) : v)));
  const freshName = () => {
    let n = variables.length + 1;
    while (variables.some((v) => v.name === `Variable${n}`)) n++;
    return `Variable${n}`;
  };
  return (
    <div className="flex flex-col gap-3" data-path="variables" tabIndex={-1}>
      <FieldDiagnostics path="variables" exact />
      {variables.map((v, i) => (
        <div key={i} className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <div className="flex items-center">
            <span className="text-xs font-medium">Variable {i + 1}</span>
            <span className="ml-auto">
              <SmallButton
                tone="danger"
                label={`Remove variable ${i + 1}`}
                onClick={() => {
                  const next = variables.filter((_, j) => j !== i);
                  onChange(next.length === 0 ? undefined : next);
                }}
              >
                Remove
              </SmallButton>
            </span>
          </div>
          <TextField label={`Variable ${i + 1} name`} path={`variables[${i}].name`} value={asString(v.name)} required onChange={(name) => set(i, { name })} />
          <TextField
            label={`Variable ${i + 1} default value`}
            path={`variables[${i}].defaultValue`}
            value={asString(v.defaultValue)}
            onChange={(d) => set(i, { defaultValue: d === "" ? undefined : d })}
          />
          <TextField
            label={`Variable ${i + 1} description`}
            path={`variables[${i}].description`}
            value={asString(v.description)}
            onChange={(d) => set(i, { description: d === "" ? undefined : d })}
          />
        </div>
      ))}
      <div>
        <SmallButton label="Add variable" onClick={() => onChange([...variables, { name: freshName() }])}>
          + Variable
        </SmallButton>
      </div>
    </div>
  );
}
