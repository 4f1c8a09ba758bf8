import Link from "next/link";
import { Ago, Duration } from "@/components/execution/state/clock";
import { StatusMark, TONE_BORDER, toneOf } from "@/components/execution/state/status-mark";
import type { DashboardCard } from "@/lib/domain/dashboard/card";
import { formatDuration } from "@/lib/domain/execution/format";
import { pipelinePath } from "@/lib/domain/execution/urls";
import { isUnread, type WallCard } from "@/lib/domain/dashboard/wire";
import { ResultsRow } from "./results-row";

export interface CardLook {
  /** The wall display: large type, dark, nothing hover-only. */
  readonly tv: boolean;
  /** Cards lead to the pipeline's page (not on a read-only wall). */
  readonly linked: boolean;
  /** Why the card's region is not being read right now, and since when its data is stale. */
  readonly stale?: { readonly since: number; readonly reason: string };
}

/** One pipeline on the wall: everything in words as well as colour, nothing shown only on hover. */
export function PipelineCard({ card, look }: { card: WallCard; look: CardLook }) {
  const { tv } = look;
  const base = tv
    ? "flex min-h-0 flex-col gap-1 overflow-hidden rounded-xl border-l-8 bg-slate-900 p-3 text-slate-100"
    : "flex flex-col gap-1 rounded-lg border-l-4 bg-white p-3 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";
  if (isUnread(card)) {
    return (
      <li data-testid="dashboard-card" data-name={card.name} data-region={card.region} data-status="unread" className={`${base} ${TONE_BORDER.none}`}>
        <CardTitle card={card} look={look} />
        <p className={tv ? "text-lg text-amber-300" : "text-sm text-amber-800 dark:text-amber-300"}>Could not be read: {card.unread.title}</p>
      </li>
    );
  }
  const status = card.latest?.status;
  const muted = tv ? "text-slate-300" : "text-slate-600 dark:text-slate-400";
  const text = tv ? "text-lg" : "text-sm";
  return (
    <li
      data-testid="dashboard-card"
      data-name={card.name}
      data-region={card.region}
      data-status={status ?? "none"}
      data-execution={card.latest?.executionId}
      className={`${base} ${TONE_BORDER[toneOf(status)]}`}
    >
      <CardTitle card={card} look={look} />
      <div className={`flex flex-wrap items-baseline gap-x-2 ${tv ? "text-2xl" : "text-base"}`}>
        <StatusMark status={status} className={tv ? "!text-slate-50" : ""} />
        {card.stage && (
          <span data-testid="card-stage" className={`${text} ${muted}`}>
            {card.stage.verb} <span className="font-medium">{card.stage.name}</span>
          </span>
        )}
      </div>
      {card.latest?.revision && <Revision revision={card.latest.revision} className={`${text} ${muted}`} />}
      {card.latest && <Times card={card} className={`${text} ${muted}`} />}
      <div className="mt-auto pt-1">
        <ResultsRow results={card.results} large={tv} />
      </div>
      {look.stale && (
        <p role="status" data-testid="card-stale" className={tv ? "text-base text-amber-300" : "text-xs text-amber-800 dark:text-amber-300"}>
          Stale since <Ago at={look.stale.since} />: {look.stale.reason}
        </p>
      )}
    </li>
  );
}

function CardTitle({ card, look }: { card: Pick<DashboardCard, "name" | "region">; look: CardLook }) {
  const size = look.tv ? "text-2xl leading-tight line-clamp-2 break-all" : "text-base truncate";
  return (
    <div className="flex items-baseline justify-between gap-2">
      <h3 className={`min-w-0 font-semibold ${size}`}>
        {look.linked ? (
          <Link href={pipelinePath({ name: card.name, region: card.region })} className="hover:underline focus-visible:underline">
            {card.name}
          </Link>
        ) : (
          card.name
        )}
      </h3>
      <span data-testid="card-region" className={`shrink-0 ${look.tv ? "text-base text-slate-300" : "text-xs text-slate-600 dark:text-slate-400"}`}>
        {card.region}
      </span>
    </div>
  );
}

function Revision({ revision, className }: { revision: NonNullable<NonNullable<DashboardCard["latest"]>["revision"]>; className: string }) {
  const id = revision.id ? revision.id.slice(0, 8) : undefined;
  return (
    <p data-testid="card-revision" className={`truncate ${className}`}>
      {id && <span className="font-mono">{id}</span>}
      {id && revision.summary && " · "}
      {revision.summary}
    </p>
  );
}

function Times({ card, className }: { card: DashboardCard; className: string }) {
  const latest = card.latest!;
  const start = latest.startTime;
  const end = latest.endTime;
  const actualMs = start && end ? Date.parse(end) - Date.parse(start) : undefined;
  const slower = actualMs !== undefined && card.usualMs !== undefined && card.usualMs > 0 ? actualMs / card.usualMs : undefined;
  return (
    <p data-testid="card-times" className={className}>
      {end ? (
        <>
          Finished <Ago at={Date.parse(end)} />
        </>
      ) : start ? (
        <>
          Started <Ago at={Date.parse(start)} />
        </>
      ) : null}
      {start && (
        <>
          {" · "}
          {end ? "took" : "running for"} <Duration start={start} end={end} />
        </>
      )}
      {card.usualMs !== undefined && (
        <>
          {" "}
          (usually {formatDuration(card.usualMs)}
          {slower !== undefined && slower >= 1.5 ? `, ${slower.toFixed(1)}× slower` : ""})
        </>
      )}
    </p>
  );
}
