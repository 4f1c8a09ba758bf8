"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NotAllowedNote, useAllowed } from "@/components/access/session-context";
import { deletePipelineAction } from "../../actions";

/** The typed-name confirmation, then DeletePipeline; back to the list with a notice when done. Off, with the reason, for those who may not delete. */
export function DeletePipelineForm({ name }: { name: string }) {
  const router = useRouter();
  const allowance = useAllowed("delete");
  const [typed, setTyped] = useState("");
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      const result = await deletePipelineAction({ name, confirmName: typed });
      if (result.status === "deleted") {
        router.push(`/pipelines?deleted=${encodeURIComponent(name)}`);
        return;
      }
      setError(result.status === "failed" ? `${result.title} ${result.message}` : result.message);
    } catch {
      setError("Pipewright's server did not answer: nothing was deleted. Try again when the connection is back.");
    }
    setDeleting(false);
  };
  return (
    <form
      className="mt-4 flex flex-col gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="flex flex-col gap-1">
        <span>
          Type <strong className="font-mono">{name}</strong> to confirm
        </span>
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="delete-confirm"
          autoComplete="off"
          spellCheck={false}
          disabled={!allowance.allowed}
          className="max-w-sm rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono disabled:opacity-50 dark:border-slate-700"
        />
      </label>
      <NotAllowedNote allowance={allowance} testId="delete-not-allowed" className="text-slate-700 dark:text-slate-300" />
      {error && (
        <p role="alert" data-testid="delete-error" className="text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        data-testid="delete-pipeline"
        disabled={typed !== name || deleting || !allowance.allowed}
        aria-busy={deleting}
        className="self-start rounded-md bg-red-600 px-3 py-1.5 text-white hover:bg-red-700 disabled:opacity-40"
      >
        {deleting ? "Deleting…" : "Delete pipeline"}
      </button>
    </form>
  );
}
