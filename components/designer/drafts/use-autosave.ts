"use client";

/**
 * Autosave of the draft on every change, and the "newer autosave exists" banner: when another
 * tab (or a crashed session restored later) writes a newer version of this draft, offer it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { titleOf, type Draft } from "./draft-format";

/** The members that link a draft to the backend (draft-format.ts): they change when a push succeeds. */
export type DraftLink = Pick<Draft, "live" | "tags">;
import { draftKey, parseDraft, saveDraft } from "./draft-storage";

export function useAutosave(draft: Draft, declaration: JsonObject, region: string, apply: (declaration: JsonObject) => void, link: DraftLink) {
  const lastSaved = useRef(draft.updatedAt);
  const opened = useRef(draft.declaration);
  const openedRegion = useRef(region);
  const openedLink = useRef(link);
  const [conflict, setConflict] = useState<Draft | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    // Nothing edited yet: leave the stored copy alone.
    if (declaration === opened.current && region === openedRegion.current && link === openedLink.current) return;
    const updatedAt = Math.max(Date.now(), lastSaved.current + 1);
    // Spread first: members of the format this hook does not edit are kept as they are.
    const { live: _live, tags: _tags, ...kept } = draft;
    const ok = saveDraft({
      ...kept,
      title: titleOf(declaration),
      updatedAt,
      declaration,
      region,
      ...(link.live && { live: link.live }),
      ...(link.tags && { tags: link.tags }),
    });
    if (ok) lastSaved.current = updatedAt;
    setFailed(!ok);
  }, [declaration, region, draft, link]);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== draftKey(draft.id)) return;
      const read = parseDraft(e.newValue);
      if (read.ok && read.draft.updatedAt > lastSaved.current) setConflict(read.draft);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [draft.id]);

  const restore = useCallback(() => {
    if (!conflict) return;
    lastSaved.current = conflict.updatedAt;
    apply(conflict.declaration);
    setConflict(undefined);
  }, [conflict, apply]);
  const dismiss = useCallback(() => setConflict(undefined), []);
  return { conflict, restore, dismiss, failed };
}
