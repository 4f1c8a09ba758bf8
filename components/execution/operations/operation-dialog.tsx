"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { useAllowed } from "@/components/access/session-context";
import type { Mutation } from "@/lib/domain/access/mutations";

/**
 * The frame of every operation: a button that opens a native modal `<dialog>` (focus moves into
 * it and stays there, Escape closes it, focus returns to the button:
 * https://developer.mozilla.org/en-US/docs/Web/HTML/Element/dialog), a title, and a close button.
 * The body gets `close` to call once it is done. `available: false` hides the button but keeps an
 * open dialog open: the poll that shows the operation took effect (a stopped execution, a stage
 * running again) must not take its outcome away from under the user. Someone who may not make
 * `mutation` (the role it needs, a read-only deployment) gets no button at all; the page says
 * why once for all of them (OperationsNote).
 */
export function OperationDialog({
  mutation,
  label,
  title,
  testId,
  tone = "default",
  disabled,
  available = true,
  onOpen,
  children,
}: {
  mutation: Mutation;
  label: string;
  title: string;
  testId: string;
  tone?: "default" | "danger";
  disabled?: boolean;
  available?: boolean;
  onOpen?: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const allowance = useAllowed(mutation);
  const close = () => dialog.current?.close();
  const trigger =
    tone === "danger"
      ? "border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950"
      : "border-slate-300 text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800";
  if (!allowance.allowed || (!available && !open)) return null;
  return (
    <>
      {available && (
        <button
          type="button"
          data-testid={`${testId}-open`}
          disabled={disabled}
          onClick={() => {
            onOpen?.();
            setOpen(true);
            dialog.current?.showModal();
          }}
          className={`rounded-md border px-2.5 py-1 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-50 ${trigger}`}
        >
          {label}
        </button>
      )}
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
        data-testid={testId}
        className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" onClick={close} aria-label="Close" className="rounded px-1 text-slate-600 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-slate-300">
            ×
          </button>
        </div>
        <div className="px-5 py-4 text-sm">{children(close)}</div>
      </dialog>
    </>
  );
}
