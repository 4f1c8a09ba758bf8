import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ExecutionReportView } from "@/components/share/execution-report-view";
import { SnapshotProblem } from "@/components/share/snapshot-problem";
import { SnapshotView } from "@/components/share/snapshot-view";
import { arrayOf, asObject } from "@/lib/domain/json";
import { isSnapshotId } from "@/lib/domain/share/snapshot-id";
import { compareSnapshot } from "@/lib/server/share/against";
import { readSnapshot, type SnapshotRead } from "@/lib/server/share/read";
import { getStorage } from "@/lib/storage/server";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const snapshots = async () => (await getStorage()).snapshots;

/** One read per request, shared by the metadata and the page. */
const load = cache(async (id: string): Promise<SnapshotRead | { status: "unavailable" }> => {
  try {
    return await readSnapshot(id, snapshots);
  } catch (error) {
    console.error("[pipewright] reading a snapshot failed:", error instanceof Error ? error.message : error);
    return { status: "unavailable" };
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  if (!isSnapshotId(id)) return { title: "Not found" };
  const read = await load(id);
  // A capability link: its holder may look, search engines may not.
  const robots = { index: false, follow: false };
  if (read.status === "execution-report") {
    const { report } = read;
    const description = `Execution report shared from Pipewright: ${report.execution.status ?? "unknown status"}, ${report.actions.length} action runs, ${report.region}.`;
    return { title: report.title, description, robots, openGraph: { title: report.title, description, type: "website", siteName: "Pipewright" } };
  }
  if (read.status !== "design") return { title: "Shared link", robots };
  const { snapshot } = read;
  const stages = arrayOf(snapshot.declaration.stages);
  const actions = stages.reduce<number>((n, stage) => n + arrayOf(asObject(stage).actions).length, 0);
  const description = snapshot.note?.trim() || `A pipeline design shared from Pipewright: ${stages.length} stages, ${actions} actions, ${snapshot.region}.`;
  return {
    title: snapshot.title,
    description,
    robots,
    openGraph: { title: snapshot.title, description, type: "website", siteName: "Pipewright" },
  };
}

export default async function SnapshotPage({ params, searchParams }: Params) {
  const { id } = await params;
  // Ids of the wrong shape never reach the database.
  if (!isSnapshotId(id)) notFound();
  const read = await load(id);
  if (read.status === "not-found") notFound();
  if (read.status === "unavailable") {
    return <SnapshotProblem title="Shared links are unavailable right now">The storage of this Pipewright cannot be reached; try again later.</SnapshotProblem>;
  }
  if (read.status === "corrupt") {
    return <SnapshotProblem title="This shared link cannot be shown">The snapshot exists, but its stored copy is damaged. {read.message}</SnapshotProblem>;
  }
  if (read.status === "execution-report") return <ExecutionReportView createdAt={read.createdAt} report={read.report} />;
  const against = (await searchParams).against;
  const comparison = typeof against === "string" && against !== "" ? await compareSnapshot(read.snapshot, against, snapshots) : undefined;
  return <SnapshotView id={read.id} createdAt={read.createdAt} snapshot={read.snapshot} {...(comparison ? { comparison } : {})} />;
}
