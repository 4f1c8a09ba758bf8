"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { Draft } from "./draft-format";
import { saveDraft } from "./draft-storage";

/** Stores a new draft and opens it in the editor; false (and no navigation) when storage refused it. */
export function useOpenDraft(): (draft: Draft) => boolean {
  const router = useRouter();
  return useCallback(
    (draft: Draft) => {
      if (!saveDraft(draft)) return false;
      router.push(`/designer/${draft.id}`);
      return true;
    },
    [router],
  );
}
