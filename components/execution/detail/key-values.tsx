/** Name → value pairs (variables, outputs, configuration) as a definition list; values are text, never markup. */
export function KeyValues({ entries, empty, testId }: { entries: ReadonlyArray<readonly [string, string]>; empty: string; testId?: string }) {
  if (entries.length === 0) return <p className="text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <dl data-testid={testId} className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs text-slate-600 dark:text-slate-400">{key}</dt>
          <dd className="break-all font-mono text-xs">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
