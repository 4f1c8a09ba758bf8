"use client";

/**
 * Autosave of the draft on every change, kept in step with the other tabs that have the same
 * draft open. Each save tells the other tabs (draft-channel.ts) what was saved and which copy it
 * was made from; a tab hearing of a newer copy reconciles it with its own (reconcile.ts): it takes
 * the copy when it changed nothing itself, merges changes to different things, and asks the user,
 * conflict by conflict, when both changed the same field. While the question is open this tab
 * saves nothing, so no tab overwrites the other's change before the user has chosen. Only copies
 * newer than the one this tab last saved or took are ever considered, so nothing older replaces
 * a newer copy.
 *
 * Taking or merging a copy is one step of the undo history (a replaceDeclaration), which undo
 * steps back over like any edit, the result being saved and shared again.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { jsonEqual } from "@/lib/domain/json";
import type { MergeChoices } from "@/lib/domain/sync/merge";
import { openDraftChannel, type DraftChannel } from "./draft-channel";
import { titleOf, type Draft } from "./draft-format";

/** The members that link a draft to the backend (draft-format.ts): they change when a push succeeds. */
export type DraftLink = Pick<Draft, "live" | "tags">;
import { readDraft, saveDraft } from "./draft-storage";
import { reconcile, settle, type DraftCopy, type Reconciled } from "./reconcile";

interface Saved {
  readonly copy: DraftCopy;
  readonly updatedAt: number;
}

export interface TabQuestion {
  /** The copy the other tab saved, whose changes conflict with this tab's. */
  readonly theirs: Saved;
  readonly asked: Extract<Reconciled, { kind: "ask" }>;
}

interface Pending extends TabQuestion {
  /** The last copy both tabs shared: the merge's base. */
  readonly base: DraftCopy;
}

/** What happened last with another tab's change, for the status line. */
export type TabNotice = "taken" | "merged";

/** How long after the last change the draft is saved (a burst of keystrokes is saved once). */
const SAVE_DELAY_MS = 250;

const sameCopy = (a: DraftCopy, b: DraftCopy) => a.region === b.region && jsonEqual(a.declaration, b.declaration);

export function useAutosave(draft: Draft, declaration: JsonObject, region: string, apply: (copy: DraftCopy) => void, link: DraftLink) {
  const [tab] = useState(() => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);
  // The last copy this tab and storage agreed on: saved here, or taken from another tab.
  const synced = useRef<Saved>({ copy: { declaration: draft.declaration, region: draft.region }, updatedAt: draft.updatedAt });
  const mine = useRef<DraftCopy>({ declaration, region });
  // The link this tab last wrote (or opened with): only a change of its own replaces the stored one,
  // so a tab that has not pushed never writes an older base over another tab's newer one.
  const savedLink = useRef(link);
  const applyRef = useRef(apply);
  const channel = useRef<DraftChannel | undefined>(undefined);
  const pendingRef = useRef<Pending | undefined>(undefined);
  const [pending, setPendingState] = useState<Pending | undefined>();
  const [notice, setNotice] = useState<TabNotice | undefined>();
  const [failed, setFailed] = useState(false);

  const setPending = useCallback((next: Pending | undefined) => {
    pendingRef.current = next;
    setPendingState(next);
  }, []);

  useEffect(() => {
    mine.current = { declaration, region };
    applyRef.current = apply;
  });

  // The save of the last change, while it waits. Declared before the effect that schedules it, so
  // that on unmount this cleanup runs first and saves what is still waiting.
  const waiting = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    const flush = () => {
      const save = waiting.current;
      waiting.current = undefined;
      save?.();
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") flush();
    };
    // A page being left may never run a timer again (https://developer.mozilla.org/docs/Web/API/Window/pagehide_event).
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
      flush();
    };
  }, []);

  useEffect(() => {
    // Paused while the user settles a conflict with another tab's copy.
    if (pending) return;
    const current = { declaration, region };
    const changed = () => !sameCopy(current, synced.current.copy) || link !== savedLink.current;
    if (!changed()) return;
    // Saved a moment after the last change, not on every keystroke: reading, writing and sharing a
    // quota-max draft takes the main thread for longer than an edit should wait to show its badges.
    const save = () => {
      waiting.current = undefined;
      // Another tab's copy may have been taken meanwhile: compare with what is synced now.
      if (!changed()) return;
      const last = synced.current;
      const linkChanged = link !== savedLink.current;
      const updatedAt = Math.max(Date.now(), last.updatedAt + 1);
      // Spread first: members of the format this hook does not edit are kept as they are, as
      // stored (another tab may have replaced the draft's source document since this one opened).
      const stored = readDraft(draft.id);
      const { live: storedLive, tags: storedTags, ...kept } = stored.ok ? stored.draft : draft;
      const { live, tags } = linkChanged ? link : { live: storedLive, tags: storedTags };
      const ok = saveDraft({ ...kept, title: titleOf(declaration), updatedAt, declaration, region, ...(live && { live }), ...(tags && { tags }) });
      if (ok) {
        savedLink.current = link;
        synced.current = { copy: current, updatedAt };
        channel.current?.publish({ kind: "saved", draftId: draft.id, tab, updatedAt, copy: current, parent: last.copy });
      }
      setFailed(!ok);
    };
    waiting.current = save;
    const timer = setTimeout(save, SAVE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (waiting.current === save) waiting.current = undefined;
    };
  }, [declaration, region, draft, pending, tab, link]);

  /** Another tab's copy, made from `parent`: take it, merge it, or ask. */
  const receive = useCallback(
    (theirs: Saved, parent: DraftCopy) => {
      if (theirs.updatedAt <= synced.current.updatedAt) return;
      const open = pendingRef.current;
      // Still asking about an earlier copy this one was made from: the base stays the shared one.
      const base = open && sameCopy(parent, open.theirs.copy) ? open.base : parent;
      const result = reconcile(base, theirs.copy, mine.current);
      synced.current = theirs;
      if (result.kind === "ask") {
        setPending({ base, theirs, asked: result });
        return;
      }
      setPending(undefined);
      if (result.kind === "update") {
        applyRef.current(result.copy);
        setNotice(result.merged ? "merged" : "taken");
      }
    },
    [setPending],
  );

  useEffect(() => {
    const opened = openDraftChannel(draft.id, tab, (m) => receive({ copy: m.copy, updatedAt: m.updatedAt }, m.parent));
    channel.current = opened;
    // A save made before this tab listened (while it opened, or while it slept): this tab had
    // only the copy it last shared, so that is the base.
    const checkStored = () => {
      const read = readDraft(draft.id);
      if (read.ok) receive({ copy: { declaration: read.draft.declaration, region: read.draft.region }, updatedAt: read.draft.updatedAt }, synced.current.copy);
    };
    checkStored();
    const onVisible = () => {
      if (document.visibilityState === "visible") checkStored();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      opened.close();
      channel.current = undefined;
    };
  }, [draft.id, tab, receive]);

  /** The user's answer, conflict by conflict; this tab's edits made meanwhile are merged too. */
  const choose = useCallback(
    (choices: MergeChoices) => {
      const open = pendingRef.current;
      if (!open) return;
      const again = reconcile(open.base, open.theirs.copy, mine.current);
      const copy = again.kind === "ask" ? settle(again, choices) : again.kind === "update" ? again.copy : mine.current;
      setPending(undefined);
      applyRef.current(copy);
      setNotice("merged");
    },
    [setPending],
  );
  const dismissNotice = useCallback(() => setNotice(undefined), []);

  const question: TabQuestion | undefined = pending && { theirs: pending.theirs, asked: pending.asked };
  return { failed, question, choose, notice, dismissNotice };
}
