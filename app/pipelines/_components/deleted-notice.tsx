/** After a pipeline was deleted from its settings page, the list says so once (`?deleted=<name>`). */
export function DeletedNotice({ name }: { name: string | string[] | undefined }) {
  if (typeof name !== "string" || name === "") return null;
  return (
    <p role="status" data-testid="deleted-notice" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
      Deleted &ldquo;{name}&rdquo; and its execution history.
    </p>
  );
}
