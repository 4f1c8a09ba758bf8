/** A document's size for messages about browser storage, which counts characters. */
export function sizeLabel(characters: number): string {
  if (characters >= 1024 * 1024) return `${(characters / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(characters / 1024))} KB`;
}
