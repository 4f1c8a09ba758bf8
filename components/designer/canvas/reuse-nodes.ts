/**
 * Structural sharing between two projections: a node (or edge) equal to the previous one with
 * the same id is replaced by the previous object, so React Flow and the memoised node
 * components skip it. At 500 actions an edit then re-renders only the nodes it touched.
 * Pure; equality is structural over plain data (what project() emits).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function reuseUnchanged<T extends { readonly id: string }>(previous: ReadonlyMap<string, T>, next: readonly T[]): T[] {
  return next.map((item) => {
    const old = previous.get(item.id);
    return old !== undefined && deepEqual(old, item) ? old : item;
  });
}
