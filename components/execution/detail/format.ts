/** "14:05:09 UTC": the same on the server and in every browser. */
export function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}
