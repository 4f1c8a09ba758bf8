"use client";

/**
 * "Edit in designer": GetPipeline through the openLivePipeline server action, then a new local
 * draft linked to the version read (its base) and the editor opened on it. `error` says what went
 * wrong when it did not open.
 */
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { openLivePipeline } from "@/app/designer/actions";

export function useOpenLive() {
  const router = useRouter();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const open = useCallback(
    async (name: string) => {
      setOpening(true);
      setError(undefined);
      try {
        const result = await openLivePipeline({ name });
        if (result.status !== "opened") {
          setError(result.status === "failed" ? `${result.title} ${result.message}` : result.message);
          return;
        }
        const { storeLiveDraft } = await import("./store-live-draft");
        const id = storeLiveDraft({ base: result.base, declaration: result.declaration });
        if (id === undefined) setError("This browser's storage refused the draft (full or disabled): free some space and try again.");
        else router.push(`/designer/${id}`);
      } catch {
        setError("Pipewright's server did not answer: try again when the connection is back.");
      } finally {
        setOpening(false);
      }
    },
    [router],
  );
  return { open, opening, error };
}
