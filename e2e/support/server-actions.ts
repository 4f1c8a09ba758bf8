/**
 * Calls a server action the way the browser does (a POST with its id in `Next-Action` and the
 * arguments as JSON), not through the UI: how the access specs prove the server refuses what the
 * UI merely hides. The ids come from the build's server-reference manifest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export interface BuiltAction {
  /** `app/designer/actions.ts#pushPipeline` */
  readonly name: string;
  readonly id: string;
  /** A page whose build includes the action, to POST it to. */
  readonly page: string;
}

interface ManifestEntry {
  readonly workers: Record<string, unknown>;
  readonly exportedName?: string;
  readonly filename?: string;
}

/** A value for each dynamic segment of a page path. */
const SAMPLE: Record<string, string> = { draftId: "access-check", name: "access-check" };

export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename?.startsWith("app/") && entry.filename.endsWith("actions.ts"))
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0]!;
      const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\[([^\]]+)\]/g, (_, p: string) => SAMPLE[p] ?? "sample") || "/";
      return { name: `${entry.filename}#${entry.exportedName}`, id, page };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The action's answer: its result's `status` (the first one in the response), and the HTTP status. */
export async function callAction(request: APIRequestContext, baseUrl: string, action: BuiltAction, input: unknown, origin = baseUrl): Promise<{ http: number; status: string | undefined; body: string }> {
  const response = await request.post(`${baseUrl}${action.page}`, {
    headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin },
    data: JSON.stringify(input === undefined ? [] : [input]),
    maxRedirects: 0,
  });
  const body = await response.text();
  return { http: response.status(), status: /"status":"([a-z-]+)"/.exec(body)?.[1], body };
}
