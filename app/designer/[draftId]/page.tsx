import type { Metadata } from "next";
import { DraftEditor } from "@/components/designer/drafts/draft-editor";
import { deployment } from "@/lib/server/deployment";

export const metadata: Metadata = { title: "Designer" };

export default async function DraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  return <DraftEditor draftId={draftId} deployment={deployment()} />;
}
