"use client";

import { useId } from "react";
import { arrayOf, asObject, asString, compact, type JsonObject } from "@/lib/domain/json";
import { buildIndex } from "@/lib/domain/pipeline/pipeline-index";
import { FieldDiagnostics } from "./field-diagnostics";
import { SelectField, SmallButton, TextField } from "./fields";

type FilterKind = "push" | "pullRequest";
const CRITERIA: Record<FilterKind, readonly string[]> = {
  push: ["branches", "tags", "filePaths"],
  pullRequest: ["branches", "filePaths"],
};
const EVENTS = ["OPEN", "UPDATED", "CLOSED"] as const;
const KIND_LABEL: Record<FilterKind, string> = { push: "push filter", pullRequest: "pull request filter" };

/** Names of the pipeline's CodeStarSourceConnection actions: the only valid trigger sources. */
export function connectionSourceActions(declaration: JsonObject): string[] {
  const names: string[] = [];
  for (const action of buildIndex(declaration).actions) {
    if (action.type.provider === "CodeStarSourceConnection" && action.name) names.push(action.name);
  }
  return names;
}

function patterns(value: unknown): string {
  return arrayOf(value).map(asString).join(", ");
}

function toPatterns(text: string): string[] | undefined {
  const items = text.split(",").map((s) => s.trim());
  // Keep a trailing empty item while the user is typing "main, "; drop a fully empty list.
  return items.length === 1 && items[0] === "" ? undefined : items;
}

interface Props {
  readonly declaration: JsonObject;
  readonly onChange: (triggers: JsonObject[] | undefined) => void;
}

/** Git triggers (V2): source action, push and pull-request filters with includes/excludes. */
export function TriggersEditor({ declaration, onChange }: Props) {
  const triggers = arrayOf(declaration.triggers).map(asObject);
  const sources = connectionSourceActions(declaration);
  const setGit = (i: number, git: JsonObject) =>
    onChange(triggers.map((t, j) => (j === i ? { ...t, providerType: "CodeStarSourceConnection", gitConfiguration: git } : t)));

  return (
    <div className="flex flex-col gap-3" data-path="triggers" tabIndex={-1}>
      <FieldDiagnostics path="triggers" exact />
      {sources.length === 0 && (
        <p className="text-xs text-slate-500">Triggers need a CodeStarSourceConnection source action (GitHub, GitLab, Bitbucket connections).</p>
      )}
      {triggers.map((trigger, i) => {
        const git = asObject(trigger.gitConfiguration);
        const path = `triggers[${i}].gitConfiguration`;
        const label = `Trigger ${i + 1}`;
        return (
          <div key={i} className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800" data-path={`triggers[${i}]`} tabIndex={-1}>
            <div className="flex items-center">
              <span className="text-xs font-medium">{label}</span>
              <span className="ml-auto">
                <SmallButton
                  tone="danger"
                  label={`Remove trigger ${i + 1}`}
                  onClick={() => {
                    const next = triggers.filter((_, j) => j !== i);
                    onChange(next.length === 0 ? undefined : next);
                  }}
                >
                  Remove
                </SmallButton>
              </span>
            </div>
            <FieldDiagnostics path={`triggers[${i}]`} exact />
            <SelectField
              label={`${label} source action`}
              path={`${path}.sourceActionName`}
              value={asString(git.sourceActionName)}
              options={sources}
              required
              emptyLabel="Choose…"
              onChange={(name) => setGit(i, { ...git, sourceActionName: name })}
            />
            {(["push", "pullRequest"] as const).map((kind) => (
              <FilterList
                key={kind}
                kind={kind}
                label={label}
                path={`${path}.${kind}`}
                filters={arrayOf(git[kind]).map(asObject)}
                onChange={(filters) => setGit(i, compact({ ...git, [kind]: filters }) ?? {})}
              />
            ))}
          </div>
        );
      })}
      {sources.length > 0 && (
        <div>
          <SmallButton
            label="Add trigger"
            onClick={() =>
              onChange([
                ...triggers,
                { providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: sources[0], push: [{ branches: { includes: ["main"] } }] } },
              ])
            }
          >
            + Trigger
          </SmallButton>
        </div>
      )}
    </div>
  );
}

interface FilterListProps {
  readonly kind: FilterKind;
  readonly label: string;
  readonly path: string;
  readonly filters: JsonObject[];
  readonly onChange: (filters: JsonObject[] | undefined) => void;
}

function FilterList({ kind, label, path, filters, onChange }: FilterListProps) {
  const set = (k: number, filter: JsonObject) => onChange(filters.map((f, j) => (j === k ? filter : f)));
  return (
    <div className="flex flex-col gap-2" data-path={path} tabIndex={-1}>
      <FieldDiagnostics path={path} exact />
      {filters.map((filter, k) => {
        const prefix = `${label} ${KIND_LABEL[kind]} ${k + 1}`;
        const fpath = `${path}[${k}]`;
        return (
          <div key={k} className="flex flex-col gap-2 border-l-2 border-slate-200 pl-2 dark:border-slate-700" data-path={fpath} tabIndex={-1}>
            <div className="flex items-center">
              <span className="text-xs font-medium capitalize">{KIND_LABEL[kind]} {k + 1}</span>
              <span className="ml-auto">
                <SmallButton
                  tone="danger"
                  label={`Remove ${prefix.toLowerCase()}`}
                  onClick={() => {
                    const next = filters.filter((_, j) => j !== k);
                    onChange(next.length === 0 ? undefined : next);
                  }}
                >
                  Remove
                </SmallButton>
              </span>
            </div>
            <FieldDiagnostics path={fpath} exact />
            {kind === "pullRequest" && (
              <EventsField prefix={prefix} path={`${fpath}.events`} value={arrayOf(filter.events).map(asString)} onChange={(events) => set(k, compact({ ...filter, events }) ?? {})} />
            )}
            {CRITERIA[kind].map((criterion) =>
              (["includes", "excludes"] as const).map((side) => {
                const criteria = asObject(filter[criterion]);
                return (
                  <TextField
                    key={`${criterion}.${side}`}
                    label={`${prefix} ${criterion} ${side}`}
                    path={`${fpath}.${criterion}.${side}`}
                    value={patterns(criteria[side])}
                    placeholder="glob patterns, comma-separated"
                    onChange={(text) => set(k, compact({ ...filter, [criterion]: compact({ ...criteria, [side]: toPatterns(text) }) }) ?? {})}
                  />
                );
              }),
            )}
          </div>
        );
      })}
      <div>
        <SmallButton
          label={`Add ${label.toLowerCase()} ${KIND_LABEL[kind]}`}
          onClick={() => onChange([...filters, kind === "push" ? { branches: { includes: ["main"] } } : { events: ["OPEN", "UPDATED"], branches: { includes: ["main"] } }])}
        >
          + {KIND_LABEL[kind]}
        </SmallButton>
      </div>
    </div>
  );
}

function EventsField({ prefix, path, value, onChange }: { prefix: string; path: string; value: string[]; onChange: (events: string[] | undefined) => void }) {
  const id = useId();
  return (
    <fieldset data-path={path} tabIndex={-1} className="flex flex-col gap-1">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Events</legend>
      <div className="flex gap-3">
        {EVENTS.map((event) => (
          <label key={event} htmlFor={`${id}-${event}`} className="flex items-center gap-1 text-xs">
            <input
              id={`${id}-${event}`}
              type="checkbox"
              aria-label={`${prefix} ${event}`}
              checked={value.includes(event)}
              onChange={(e) => {
                const next = e.target.checked ? [...value, event] : value.filter((v) => v !== event);
                onChange(next.length === 0 ? undefined : next);
              }}
            />
            {event}
          </label>
        ))}
      </div>
      <FieldDiagnostics path={path} />
    </fieldset>
  );
}
