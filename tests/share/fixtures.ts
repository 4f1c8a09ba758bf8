import { releasePipeline } from "../sync/fixtures";
import type { ShareDesignInput } from "@/lib/domain/share/design-snapshot";
import { documentFromDeclaration } from "@/lib/domain/designer/document";
import type { JsonObject } from "@/lib/domain/json";

/** What the designer's Share dialog sends for a declaration. */
export function shareInput(declaration: JsonObject = releasePipeline("shared-release"), extra: Partial<ShareDesignInput> = {}): ShareDesignInput {
  const doc = documentFromDeclaration(declaration);
  return {
    declaration,
    region: "us-east-1",
    title: String(declaration.name),
    layout: { orientation: "vertical", stageIds: [...doc.stageIds], actionIds: doc.actionIds.map((ids) => [...ids]), collapsed: [] },
    ...extra,
  };
}
