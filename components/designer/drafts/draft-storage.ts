/**
 * Local drafts in the browser's localStorage: one entry per draft under the key
 * `pipewright:draft:<id>`, whose value is the JSON of a draft (draft-format.ts, which also
 * migrates drafts saved in earlier formats).
 *
 * Reads never throw: an entry that is not valid JSON, or not a draft in any known format, is
 * reported (listDrafts returns it among `corrupt`). Writes may fail (quota, private mode):
 * saveDraft returns false then, and the caller says so.
 */
import { migrateDraft, type Draft, type DraftRead } from "./draft-format";

export const DRAFT_KEY_PREFIX = "pipewright:draft:";

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined; // Access can throw when storage is disabled.
  }
}

export function draftKey(id: string): string {
  return `${DRAFT_KEY_PREFIX}${id}`;
}

export function parseDraft(text: string | null): DraftRead {
  if (text === null) return { ok: false, reason: "not found" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not valid JSON" };
  }
  return migrateDraft(value);
}

export function readDraft(id: string): DraftRead {
  const store = storage();
  if (!store) return { ok: false, reason: "browser storage is not available" };
  return parseDraft(store.getItem(draftKey(id)));
}

export function saveDraft(draft: Draft): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(draftKey(draft.id), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function deleteDraft(id: string): void {
  storage()?.removeItem(draftKey(id));
}

export interface DraftList {
  readonly drafts: readonly Draft[];
  readonly corrupt: readonly { readonly key: string; readonly reason: string }[];
}

/** Every draft, most recently updated first; unreadable entries are listed apart. */
export function listDrafts(): DraftList {
  const store = storage();
  if (!store) return { drafts: [], corrupt: [] };
  const drafts: Draft[] = [];
  const corrupt: { key: string; reason: string }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key === null || !key.startsWith(DRAFT_KEY_PREFIX)) continue;
    const read = parseDraft(store.getItem(key));
    if (read.ok) drafts.push(read.draft);
    else corrupt.push({ key, reason: read.reason });
  }
  drafts.sort((a, b) => b.updatedAt - a.updatedAt);
  return { drafts, corrupt };
}

export function removeEntry(key: string): void {
  if (key.startsWith(DRAFT_KEY_PREFIX)) storage()?.removeItem(key);
}

/** A new draft id: short, URL-safe, unique enough for one browser. */
export function newDraftId(): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${Date.now().toString(36)}${random}`;
}
