"use client";

import { useRouter } from "next/navigation";
import type { JsonObject } from "@/lib/domain/designer/contract";
import { newDraft } from "@/components/designer/drafts/draft-format";
import { newDraftId, saveDraft } from "@/components/designer/drafts/draft-storage";
import { DraftList } from "./draft-list";
import { ImportForm } from "./import-form";
import { NewDesign } from "./new-design";

/** New design, import, and the local drafts. */
export function DesignerStart() {
  const router = useRouter();
  const open = (declaration: JsonObject) => {
    const id = newDraftId();
    if (!saveDraft(newDraft(id, declaration, Date.now()))) {
      window.alert("The draft could not be saved in this browser's storage (full or disabled).");
      return;
    }
    router.push(`/designer/${id}`);
  };
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-6">
        <NewDesign onCreate={open} />
        <ImportForm onImport={open} />
      </div>
      <DraftList />
    </div>
  );
}
