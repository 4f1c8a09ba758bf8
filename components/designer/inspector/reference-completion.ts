/**
 * Completion of `#{namespace.key}` references while typing a configuration value: what to
 * offer at the cursor and the text after picking an item. Pure; the popover is in
 * reference-input.tsx.
 */
import { referenceAtCursor, type AvailableNamespace } from "@/lib/domain/validation/variable-references";

export interface CompletionItem {
  readonly label: string;
  readonly detail: string;
  /** Replaces the text from the `#{` to the cursor. */
  readonly insert: string;
}

export interface Completion {
  /** Offset of the `#{` being completed. */
  readonly from: number;
  readonly to: number;
  readonly items: readonly CompletionItem[];
}

function startsWithCi(text: string, prefix: string): boolean {
  return text.toLowerCase().startsWith(prefix.toLowerCase());
}

/** What to offer at `cursor`, or undefined outside a reference or when nothing matches. */
export function completionAt(
  value: string,
  cursor: number,
  namespaces: readonly AvailableNamespace[],
): Completion | undefined {
  const at = referenceAtCursor(value, cursor);
  if (!at) return undefined;
  let items: CompletionItem[];
  if (at.key === undefined) {
    items = namespaces
      .filter((n) => startsWithCi(n.namespace, at.namespace))
      .map((n) => ({
        label: n.namespace,
        detail: n.source === "action" ? `action ${n.action?.name ?? ""}`.trim() : n.source,
        // With known keys the user picks one next; otherwise they type their own.
        insert: `#{${n.namespace}.`,
      }));
  } else {
    const ns = namespaces.find((n) => n.namespace === at.namespace);
    items = (ns?.keys ?? [])
      .filter((k) => startsWithCi(k, at.key!))
      .map((k) => ({ label: k, detail: at.namespace, insert: `#{${at.namespace}.${k}}` }));
  }
  return items.length === 0 ? undefined : { from: at.offset, to: cursor, items };
}

/** The value after picking `item`, and where the cursor goes. */
export function applyCompletion(value: string, completion: Completion, item: CompletionItem): { value: string; cursor: number } {
  // Picking a key inside an already closed reference must not leave a second "}".
  let rest = value.slice(completion.to);
  if (item.insert.endsWith("}")) rest = rest.replace(/^[A-Za-z0-9@\-_]*\}?/, "");
  return { value: value.slice(0, completion.from) + item.insert + rest, cursor: completion.from + item.insert.length };
}
