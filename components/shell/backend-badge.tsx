import { connection } from "next/server";
import { readBackendInfo } from "@/lib/aws/cached-reads";
import { describeGatewayError } from "@/lib/aws/errors";

/**
 * The active backend, account and region, e.g. "Local emulator · us-east-1". A server component:
 * it renders what backend-info says (never credentials), including when nothing answers.
 */
export async function BackendBadge() {
  // Rendered per request, never at build time (when no emulator runs).
  await connection();
  // Through the shared read cache: every page view shows it, the backend is asked once a minute.
  const info = await readBackendInfo();
  const where = <span>{`${info.label} · ${info.region}`}</span>;
  if (!info.reachable) {
    const problem = info.error ? describeGatewayError(info.error).title : "The backend did not answer.";
    const state =
      info.error?.kind === "misconfigured"
        ? "settings invalid"
        : info.kind === "emulator"
          ? "emulator not reachable"
          : "AWS not reachable";
    return (
      <div
        data-testid="backend-badge"
        data-reachable="false"
        title={problem}
        className="flex items-center gap-2 rounded-full border border-red-200 bg-red-50 px-3 py-1 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      >
        <span aria-hidden="true" className="h-2 w-2 rounded-full bg-red-500" />
        {where}
        <span className="whitespace-nowrap font-medium">· {state}</span>
      </div>
    );
  }
  return (
    <div
      data-testid="backend-badge"
      data-reachable="true"
      title={info.endpoint ? `Account ${info.account} · endpoint ${info.endpoint}` : `Account ${info.account}`}
      className="flex items-center gap-2 rounded-full border border-slate-200 px-3 py-1 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300"
    >
      <span aria-hidden="true" className="h-2 w-2 rounded-full bg-emerald-500" />
      {where}
      {/* The header's one line has no room for the account: it stays in the accessible text and the title. */}
      <span className="sr-only">{info.account}</span>
    </div>
  );
}

/** Shown while the probe runs (a slow or distant endpoint must not hold the page). */
export function BackendBadgeFallback() {
  return (
    <div data-testid="backend-badge" className="rounded-full border border-slate-200 px-3 py-1 text-xs text-slate-500 dark:border-slate-700">
      Connecting…
    </div>
  );
}
