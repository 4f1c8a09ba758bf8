/**
 * A stage's conditions rendered to static markup: a FAIL condition that failed with its rule's
 * message and Override for operators only (not in a read-only deployment), a watched alarm's countdown, and the attempt count of a
 * stage CodePipeline retried by itself, on the card and beside the timeline.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SessionProvider } from "@/components/access/session-provider";
import type { Role } from "@/lib/domain/access/roles";
import type { BoardView } from "@/lib/domain/execution/board";
import type { JsonObject } from "@/lib/domain/json";
import { TimelineChart } from "../detail/timeline-chart";
import { StageCards } from "./stage-cards";
import { StageConditions } from "./stage-conditions";

const EXECUTION = "0b4d1f6e-0000-4000-8000-00000000000a";
const pipeline = { name: "web" };

const declaration: JsonObject = {
  stages: [
    {
      name: "Deploy",
      beforeEntry: { conditions: [{ result: "FAIL", rules: [{ name: "OnlyMain", ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" } }] }] },
      onSuccess: { conditions: [{ result: "ROLLBACK", rules: [{ name: "Errors", ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" }, configuration: { AlarmName: "errors", WaitTime: "10" } }] }] },
    },
  ],
};
const deploy = (declaration.stages as JsonObject[])[0];

function render(node: ReactNode, roles: readonly Role[], readOnly?: string): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider user={{ method: "local", id: "ann@example.com", groups: [], roles }} {...(readOnly !== undefined && { readOnly })}>
        {node}
      </SessionProvider>
    </QueryClientProvider>,
  );
}

const failedEntry = {
  beforeEntry: {
    status: "Failed" as const,
    summary: "A rule was not met",
    conditions: [{ status: "Failed" as const, rules: [{ ruleName: "OnlyMain", status: "Failed" as const, summary: "BranchName is feature/x, not main" }] }],
  },
};

describe("StageConditions", () => {
  it("shows a failed FAIL condition with its rule's result and message, and Override to operators", () => {
    const html = render(<StageConditions pipeline={pipeline} stageName="Deploy" executionId={EXECUTION} declared={deploy} conditions={failedEntry} />, ["viewer", "operator"]);
    expect(html).toContain('data-kind="beforeEntry" data-status="Failed"');
    expect(html).toContain("OnlyMain");
    expect(html).toContain("(VariableCheck)");
    expect(html).toContain("→ FAIL");
    expect(html).toContain("BranchName is feature/x, not main");
    expect(html).toContain('data-testid="override-dialog-Deploy-BEFORE_ENTRY-open"');
    // The success condition has not been evaluated: no override for it.
    expect(html).toContain('data-kind="onSuccess" data-status="none"');
    expect(html).not.toContain("override-dialog-Deploy-ON_SUCCESS");
  });

  it("offers no Override to a viewer, nor in a read-only deployment (the page says why once, for every operation)", () => {
    const conditionsOf = <StageConditions pipeline={pipeline} stageName="Deploy" executionId={EXECUTION} declared={deploy} conditions={failedEntry} />;
    expect(render(conditionsOf, ["viewer"])).not.toContain("override-dialog-Deploy-BEFORE_ENTRY-open");
    expect(render(conditionsOf, ["operator"], "PIPEWRIGHT_READ_ONLY=1 refuses changes")).not.toContain("override-dialog-Deploy-BEFORE_ENTRY-open");
  });

  it("counts down while a CloudWatch alarm is watched, to WaitTime after the rule started", () => {
    const watching = {
      onSuccess: { status: "InProgress" as const, conditions: [{ status: "InProgress" as const, rules: [{ ruleName: "Errors", status: "InProgress" as const, lastStatusChange: "2025-01-01T00:00:00.000Z" }] }] },
    };
    const html = render(<StageConditions pipeline={pipeline} stageName="Deploy" executionId={EXECUTION} declared={deploy} conditions={watching} />, ["operator"]);
    expect(html).toContain('data-testid="alarm-countdown"');
    expect(html).toContain('dateTime="2025-01-01T00:10:00.000Z"');
    expect(html).toContain('data-testid="override-dialog-Deploy-ON_SUCCESS-open"');
  });
});

describe("automatic retries on screen", () => {
  it("puts the attempt count on the stage card", () => {
    const board: BoardView = {
      pipelineName: "web",
      active: true,
      stages: [
        {
          stageName: "Deploy",
          status: "InProgress",
          executionId: EXECUTION,
          inboundTransition: { enabled: true },
          conditions: {},
          retries: { autoStageRetryAttempt: 1, manualStageRetryAttempt: 0, latestRetryTrigger: "AutomatedStageRetry" },
          heldExecutions: [],
          revisions: [],
          actions: [],
        },
      ],
    };
    const html = render(<StageCards board={board} declaration={declaration} mount={{ pipeline, version: 1, board }} executionHref={(id) => `/x/${id}`} />, ["viewer"]);
    expect(html).toContain('data-testid="stage-attempts">Attempt 2 · 1 automatic retry · latest automatic<');
  });

  it("shows both attempts in the timeline with the stage's attempt count beside it", () => {
    const bar = (attempt: number, startMs: number, endMs: number, status: "Failed" | "Succeeded") => ({
      id: `a${attempt}`,
      stageName: "Deploy",
      actionName: "Apply",
      attempt,
      status,
      startMs,
      endMs,
      running: false,
      lane: 0,
    });
    const timeline = { startMs: 0, endMs: 20_000, criticalPath: [], stages: [{ stageName: "Deploy", lanes: 1, bars: [bar(1, 0, 8_000, "Failed"), bar(2, 9_000, 20_000, "Succeeded")] }] };
    const html = render(<TimelineChart timeline={timeline} attempts={new Map([["Deploy", "Attempt 2 · 1 automatic retry"]])} />, ["viewer"]);
    expect(html.match(/data-testid="timeline-bar"/g)).toHaveLength(2);
    expect(html).toContain('data-attempt="2" data-status="Succeeded"');
    expect(html).toMatch(/data-testid="timeline-stage-attempts"[^>]*>Attempt 2 · 1 automatic retry</);
  });
});
