/** "2025-01-31 14:05 UTC": the same on the server and in every browser. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
