/** Error/warning counts of an element (nothing when it is clean). */
export function IssueBadge({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0) return null;
  const label = [errors ? `${errors} error${errors > 1 ? "s" : ""}` : "", warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : ""]
    .filter(Boolean)
    .join(", ");
  return (
    <span
      data-testid="badge"
      data-errors={errors}
      data-warnings={warnings}
      title={label}
      aria-label={label}
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-1.5 text-[10px] font-semibold leading-4 ${
        errors ? "bg-red-600 text-white" : "bg-amber-400 text-amber-950"
      }`}
    >
      {errors > 0 && <span>{errors}</span>}
      {errors > 0 && warnings > 0 && <span aria-hidden>·</span>}
      {warnings > 0 && <span>{warnings}</span>}
    </span>
  );
}
