/**
 * The tabs of one browser tell each other when they save a draft, on a BroadcastChannel
 * (https://developer.mozilla.org/en-US/docs/Web/API/BroadcastChannel): the saved copy and the copy
 * it was made from, so a tab that also changed the draft can merge the two with their last shared
 * copy as the base. Messages come from other tabs of this site only, yet are checked like any
 * input: a tab of another Pipewright version may send another shape.
 */
import { z } from "zod";

const CHANNEL_NAME = "pipewright:drafts";

const copySchema = z.object({
  declaration: z.record(z.string(), z.unknown()),
  region: z.string().min(1),
});

const draftSavedSchema = z.object({
  kind: z.literal("saved"),
  draftId: z.string().min(1),
  /** The sending tab, so a tab ignores its own messages wherever they come back from. */
  tab: z.string().min(1),
  updatedAt: z.number(),
  copy: copySchema,
  /** The copy the saved one was made from: the last one the saving tab shared with the others. */
  parent: copySchema,
});

export type DraftSaved = z.infer<typeof draftSavedSchema>;

export interface DraftChannel {
  publish(message: DraftSaved): void;
  close(): void;
}

/** Listens for other tabs' saves of `draftId`; nothing happens where BroadcastChannel is missing. */
export function openDraftChannel(draftId: string, tab: string, onSaved: (message: DraftSaved) => void): DraftChannel {
  if (typeof BroadcastChannel === "undefined") return { publish: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent) => {
    const parsed = draftSavedSchema.safeParse(event.data);
    if (parsed.success && parsed.data.draftId === draftId && parsed.data.tab !== tab) onSaved(parsed.data);
  };
  return {
    publish: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
