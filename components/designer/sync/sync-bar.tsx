"use client";

import { forwardRef } from "react";
import { useAllowed } from "@/components/access/session-context";
import { describeBase } from "@/lib/domain/sync/draft-base";
import type { Deployment } from "@/lib/server/deployment";
import type { DraftSync } from "./use-draft-sync";

interface SyncBarProps {
  readonly name: string;
  readonly sync: DraftSync;
  readonly deployment: Deployment;
  readonly onReview: () => void;
}

/**
 * Above the toolbar: which live pipeline the draft belongs to ("payments-api · v7 on Local
 * emulator / us-east-1", or "not yet pushed"), whether it has unpushed changes, and the way to
 * "Review & push". When pushing is off (read-only deployment, or a person without the editor
 * role) the bar says why; reviewing still shows what a push would change.
 */
export const SyncBar = forwardRef<HTMLButtonElement, SyncBarProps>(function SyncBar({ name, sync, deployment, onReview }, ref) {
  const base = sync.link.live?.base;
  const label = deployment.backend?.label ?? "the backend";
  const push = useAllowed("push");
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-sm dark:border-slate-800 dark:bg-slate-950" data-testid="sync-bar">
      <span data-testid="sync-base">
        <span className="font-semibold">{name || "Untitled pipeline"}</span>
        {" · "}
        {base ? describeBase(base, label) : "not yet pushed"}
      </span>
      <span
        data-testid="sync-state"
        data-unpushed={sync.unpushed}
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${sync.unpushed ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"}`}
      >
        {!base ? "Draft only" : sync.unpushed ? "Unpushed changes" : "Up to date with the live pipeline"}
      </span>
      {!push.allowed && (
        <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="sync-not-allowed" data-because={push.because}>
          {push.because === "read-only" ? "Read-only: pushing is off." : push.reason}
        </span>
      )}
      <button
        ref={ref}
        type="button"
        data-testid="review-push"
        onClick={onReview}
        {...(!push.allowed && { title: push.reason })}
        className="ml-auto rounded-md bg-indigo-600 px-3 py-1 text-sm text-white hover:bg-indigo-700"
      >
        Review &amp; push…
      </button>
    </div>
  );
});
