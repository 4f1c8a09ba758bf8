import type { Metadata } from "next";
import { DraftEditor } from "@/components/designer/drafts/draft-editor";

export const metadata: Metadata = { title: "Designer" };

export default async function DraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  return <DraftEditor draftId={draftId} />;
}
