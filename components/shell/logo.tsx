/** Three stages joined by transitions: the shape of every pipeline. */
export function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="text-indigo-600 dark:text-indigo-400">
      <rect x="1" y="8" width="6" height="8" rx="1.5" fill="currentColor" />
      <rect x="9" y="4" width="6" height="16" rx="1.5" fill="currentColor" opacity="0.75" />
      <rect x="17" y="8" width="6" height="8" rx="1.5" fill="currentColor" opacity="0.5" />
    </svg>
  );
}
