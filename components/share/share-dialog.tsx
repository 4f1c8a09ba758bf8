"use client";

/**
 * "Share…": stores an immutable snapshot of the design on the server and copies its link. The
 * server redacts secrets and says which; the same content shared again gets the same link.
 */
import { useState } from "react";
import { copyShareLink } from "./copy-link";
import { shareDesign } from "@/app/s/actions";
import type { DesignerDocument } from "@/lib/domain/designer/contract";
import { MAX_NOTE, MAX_TITLE } from "@/lib/domain/share/design-snapshot";
import type { ShareResult } from "@/lib/server/share/results";
import type { Orientation } from "@/components/designer/canvas/layout";
import { titleOf } from "@/components/designer/drafts/draft-format";

interface ShareDialogProps {
  readonly document: DesignerDocument;
  readonly region: string;
  readonly orientation: Orientation;
  readonly collapsed: ReadonlySet<string>;
  readonly onClose: () => void;
}

const BUTTON = "rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700";

type Outcome = { readonly result: ShareResult; readonly link?: string; readonly copied?: boolean };

export function ShareDialog({ document: doc, region, orientation, collapsed, onClose }: ShareDialogProps) {
  const [title, setTitle] = useState(() => titleOf(doc.declaration));
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const share = async () => {
    setBusy(true);
    try {
      const result = await shareDesign({
        declaration: doc.declaration,
        region,
        title,
        ...(note.trim() ? { note } : {}),
        layout: {
          orientation,
          stageIds: [...doc.stageIds],
          actionIds: doc.actionIds.map((ids) => [...ids]),
          collapsed: doc.stageIds.filter((id) => collapsed.has(id)),
        },
      });
      if (result.status !== "shared") {
        setOutcome({ result });
        return;
      }
      setOutcome({ result, ...(await copyShareLink(result.path)) });
    } catch {
      setOutcome({ result: { status: "failed", kind: "unknown", title: "The share did not reach the server.", message: "Check the connection and try again." } });
    } finally {
      setBusy(false);
    }
  };
  const result = outcome?.result;
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="share-dialog-title"
      data-testid="share-dialog"
      className="fixed inset-0 z-40 flex items-center justify-center bg-slate-950/40 p-4"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        e.stopPropagation();
      }}
    >
      <div className="flex w-full max-w-xl flex-col gap-3 rounded-xl bg-white p-4 shadow-xl dark:bg-slate-900">
        <h2 id="share-dialog-title" className="text-lg font-semibold">
          Share a snapshot
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Anyone with the link can view this design as it is now, read-only; later edits do not change it. Secret values (tokens) are never stored.
        </p>
        <label className="flex flex-col gap-1 text-sm">
          Title
          <input
            value={title}
            maxLength={MAX_TITLE}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="share-title"
            className="rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Note (optional)
          <textarea
            value={note}
            maxLength={MAX_NOTE}
            onChange={(e) => setNote(e.target.value)}
            data-testid="share-note"
            rows={3}
            className="rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
        </label>
        {result?.status === "shared" && outcome?.link && (
          <div className="space-y-1 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-800 dark:bg-emerald-950" role="status">
            <p>
              {outcome.copied ? "Link copied to the clipboard" : "Link ready"}
              {result.created ? "" : " (this content was shared before: same link)"}:
            </p>
            <input readOnly aria-label="Shared link" value={outcome.link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs dark:border-emerald-800 dark:bg-slate-950" />
            {result.redacted.length > 0 && (
              <p data-testid="share-redacted">
                {result.redacted.length} secret field{result.redacted.length === 1 ? " was" : "s were"} replaced by **** in the snapshot.
              </p>
            )}
          </div>
        )}
        {result && result.status !== "shared" && (
          <p role="alert" data-testid="share-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {"title" in result ? `${result.title} ` : ""}
            {result.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className={BUTTON} data-testid="share-close">
            Close
          </button>
          <button
            type="button"
            disabled={busy || title.trim() === ""}
            onClick={() => void share()}
            data-testid="share-create"
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white disabled:opacity-50"
          >
            {busy ? "Sharing…" : "Create link"}
          </button>
        </div>
      </div>
    </div>
  );
}
