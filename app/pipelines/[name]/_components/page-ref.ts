import "server-only";
import { notFound } from "next/navigation";
import type { GatewayError } from "@/lib/aws/errors";
import { chooseRegion, regionParam } from "@/lib/aws/region-choice";
import { settle } from "@/lib/aws/result";
import { PipelineRefSchema } from "@/lib/domain/execution/pipeline-ref";
import type { PipelineKey } from "@/lib/queries";

type SearchParams = Record<string, string | string[] | undefined>;

export type PageRef =
  | { readonly ok: true; readonly key: PipelineKey; readonly region: string }
  | { readonly ok: false; readonly key: PipelineKey; readonly error: GatewayError };

/**
 * The pipeline a page under /pipelines/[name] is about. A name CodePipeline could never have is
 * a 404; a region the app does not cover is an error in words. `key.region` is absent for the
 * backend's own region, so URLs stay short.
 */
export async function pageRef(params: Promise<{ name: string }>, searchParams: Promise<SearchParams>): Promise<PageRef> {
  const { name } = await params;
  const raw = (await searchParams).region;
  const region = typeof raw === "string" ? raw : raw?.[0];
  const parsed = PipelineRefSchema.safeParse({ name, ...(region !== undefined && region !== "" && { region }) });
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "name")) notFound();
    return { ok: false, key: { name }, error: { kind: "invalid-request", name: "InvalidRegion", message: `"${region}" is not an AWS region.` } };
  }
  const chosen = await settle(async () => chooseRegion(parsed.data.region));
  if (!chosen.ok) return { ok: false, key: { name }, error: chosen.error };
  const param = regionParam(chosen.value);
  return { ok: true, key: { name, ...(param && { region: param }) }, region: chosen.value };
}
