/**
 * A live pipeline stored as a new local draft linked to the version read. Loaded on demand by
 * "Edit in designer": the pipelines list should not carry the draft format (and the formats
 * library it checks source documents with) for a button most views never press.
 */
import { liveDraft, type DraftLive } from "../drafts/draft-format";
import { newDraftId, saveDraft } from "../drafts/draft-storage";

/** The new draft's id, or undefined when the browser's storage refused it. */
export function storeLiveDraft(live: DraftLive): string | undefined {
  const draft = liveDraft(newDraftId(), live, Date.now());
  return saveDraft(draft) ? draft.id : undefined;
}
