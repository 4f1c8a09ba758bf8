import type { FormatError } from "@/lib/domain/formats";

export function FormatErrorNotice({
  error,
  onReveal,
}: {
  error: FormatError;
  onReveal: (line: number, column: number) => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
      <p className="font-medium text-red-800 dark:text-red-300">
        {error.kind === "parse" ? "This is not valid JSON or YAML" : "This is not a pipeline document"}
      </p>
      <p className="mt-1 text-red-700 dark:text-red-300">{error.message}</p>
      {error.kind === "parse" && (
        <button
          type="button"
          onClick={() => onReveal(error.line, error.column)}
          className="mt-2 text-xs font-medium text-red-800 underline dark:text-red-300"
        >
          Go to line {error.line}, column {error.column}
        </button>
      )}
    </div>
  );
}
