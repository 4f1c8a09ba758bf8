"use client";

import type { JsonObject } from "@/lib/domain/designer/contract";
import { importedDraft, newDraft } from "@/components/designer/drafts/draft-format";
import { newDraftId } from "@/components/designer/drafts/draft-storage";
import { useOpenDraft } from "@/components/designer/drafts/use-open-draft";
import type { StoreImported } from "@/components/designer/drafts/use-store-imported";
import { DraftList } from "./draft-list";
import { ImportForm } from "./import-form";
import { NewDesign } from "./new-design";

/** New design, import, and the local drafts. */
export function DesignerStart() {
  const open = useOpenDraft();
  const create = (declaration: JsonObject) => {
    if (!open(newDraft(newDraftId(), declaration, Date.now()))) {
      window.alert("The draft could not be saved in this browser's storage (full or disabled).");
    }
  };
  const importPipeline: StoreImported = (pipeline, keepSource) => open(importedDraft(newDraftId(), pipeline, Date.now(), keepSource));
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-6">
        <NewDesign onCreate={create} />
        <ImportForm onImport={importPipeline} />
      </div>
      <DraftList />
    </div>
  );
}
