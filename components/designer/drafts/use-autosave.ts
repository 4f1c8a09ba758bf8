"use client";

/**
 * Autosave of the draft on every change, and the "newer autosave exists" banner: when another
 * tab (or a crashed session restored later) writes a newer version of this draft, offer it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { titleOf, type Draft } from "./draft-format";
import { draftKey, parseDraft, saveDraft } from "./draft-storage";

export function useAutosave(draft: Draft, declaration: JsonObject, region: string, apply: (declaration: JsonObject) => void) {
  const lastSaved = useRef(draft.updatedAt);
  const opened = useRef(draft.declaration);
  const openedRegion = useRef(region);
  const [conflict, setConflict] = useState<Draft | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    // Nothing edited yet: leave the stored copy alone.
    if (declaration === opened.current && region === openedRegion.current) return;
    const updatedAt = Math.max(Date.now(), lastSaved.current + 1);
    // Spread first: members of the format this hook does not edit are kept as they are.
    const ok = saveDraft({ ...draft, title: titleOf(declaration), updatedAt, declaration, region });
    if (ok) lastSaved.current = updatedAt;
    setFailed(!ok);
  }, [declaration, region, draft]);

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
