/**
 * The demo seed: creates the demo pipelines through the shell (same checks as CreatePipeline)
 * and writes several days of history for each: successes, failures with error details, a
 * superseded run, a rejected approval, a stopped run, queued runs, and one execution that is
 * waiting for approval right now. Pipelines that already exist are left alone.
 */
import type { DefinitionWriter } from "../../contract";
import type { EngineContext } from "../context";
import { ACCOUNT_ID, CALLER_ARN, HOME_REGION } from "../../identity";
import { Runner } from "../runner";
import { seededRandom, type Random } from "../simulation/random";
import { CHECKOUT_ALARM } from "./pipelines";
import { demoFor, DEMO_SECOND_REGION } from "./regions";
import { Timeline, type Trigger } from "./timeline";

export interface SeedParams {
  readonly ctx: EngineContext;
  readonly definitions: DefinitionWriter;
  /** Work still pending after the seed (the waiting approval's timeout) runs at this scale. */
  readonly liveTimeScale: number;
  readonly random?: Random;
  /** The region being seeded: each has its own demo pipelines (regions.ts); default the home region. */
  readonly region?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const manual: Trigger = { type: "StartPipelineExecution", detail: CALLER_ARN };
const codeCommitEvent: Trigger = {
  type: "CloudWatchEvent",
  detail: `arn:aws:events:${HOME_REGION}:${ACCOUNT_ID}:rule/codepipeline-payments-api-main-rule`,
};
const webhook = (pipeline: string): Trigger => ({
  type: "WebhookV2",
  detail: `arn:aws:codepipeline:${HOME_REGION}:${ACCOUNT_ID}:${pipeline}`,
});

const euEvent = (pipeline: string): Trigger => ({
  type: "CloudWatchEvent",
  detail: `arn:aws:events:${DEMO_SECOND_REGION}:${ACCOUNT_ID}:rule/codepipeline-${pipeline}-main-rule`,
});

type Script = (t: Timeline, ago: (days: number, hours?: number, minutes?: number) => number) => void;

const SCRIPTS: Readonly<Record<string, Script>> = {
  "payments-api": (t, ago) => {
    const first = t.launch(ago(4, 6), codeCommitEvent);
    t.answer(ago(4, 5, 35), first, "Approved", "Release notes reviewed, go ahead.");

    t.failNext("Test", "IntegrationTests");
    t.launch(ago(3, 3), codeCommitEvent);

    // Three pushes in a row: the middle one is overtaken while the first waits for approval.
    const waiting = t.launch(ago(2, 5), codeCommitEvent);
    t.launch(ago(2, 4, 48), codeCommitEvent);
    const newest = t.launch(ago(2, 4, 35), codeCommitEvent);
    t.answer(ago(2, 4, 10), waiting, "Approved", "Approved for the afternoon release.");
    t.answer(ago(2, 2), newest, "Rejected", "Blocked: change freeze until the incident review is done.");

    const fix = t.launch(ago(1, 2), manual);
    t.answer(ago(1, 1, 30), fix, "Approved", "LGTM");

    t.launch(ago(0, 0, 45), codeCommitEvent); // still waiting for approval
  },
  "storefront-web": (t, ago) => {
    t.launch(ago(5, 4), webhook("storefront-web"));
    t.launch(ago(3, 1), webhook("storefront-web"));
    t.failNext("Deploy", "BlueGreenDeploy");
    t.launch(ago(2, 2), webhook("storefront-web"));
    const stopped = t.launch(ago(1, 5), manual);
    t.stop(ago(1, 5) + 75_000, stopped, true, "Wrong branch pushed - rebuilding from the hotfix");
    t.launch(ago(1, 4), webhook("storefront-web"));
    t.launch(ago(0, 3), webhook("storefront-web"));
  },
  "thumbnail-service": (t, ago) => {
    t.launch(ago(6, 2), manual);
    t.launch(ago(4, 7), manual);
    t.failNext("Invoke", "SmokeTest");
    t.launch(ago(2, 6), manual);
    t.launch(ago(2, 5), manual);
    t.launch(ago(0, 5), manual);
  },
  "checkout-service": (t, ago) => {
    t.launch(ago(3, 4), manual);
    // Production fails: onFailure ROLLBACK rolls it back to the run above (once that one is done).
    t.advanceTo(ago(2, 3));
    t.failNext("Production", "DeployProduction");
    t.launch(ago(2, 3), manual);
    // A nightly build is kept out of Staging by its entry condition.
    t.launch(ago(1, 7), manual, [{ name: "ReleaseChannel", value: "nightly" }]);
    // Staging fails once and retries itself; the canary runs this time.
    t.advanceTo(ago(0, 6));
    t.failNext("Staging", "DeployStaging");
    t.launch(ago(0, 6), manual, [{ name: "RunCanary", value: "true" }]);
  },
  "release-train": (t, ago) => {
    t.launch(ago(3, 2), webhook("release-train"));
    // Two pushes a minute apart: QUEUED runs them one after the other.
    t.launch(ago(1, 6), webhook("release-train"));
    t.launch(ago(1, 6) + MINUTE, webhook("release-train"));
    t.launch(ago(0, 8), manual, [
      { name: "DeployEnvironment", value: "production" },
      { name: "ReleaseNotes", value: "Quarterly release" },
    ]);
  },
  "ledger-eu": (t, ago) => {
    t.launch(ago(6, 3), euEvent("ledger-eu"));
    t.launch(ago(5, 1), euEvent("ledger-eu"));
    t.advanceTo(ago(3, 5)); // the run before has finished: the failure is the next one's
    t.failNext("Build", "Build");
    t.launch(ago(3, 4), euEvent("ledger-eu"));
    t.launch(ago(3, 2), euEvent("ledger-eu")); // the fix: restores service after the failure
    t.launch(ago(1, 7), euEvent("ledger-eu"));
    t.launch(ago(0, 2), euEvent("ledger-eu"));
  },
  "search-indexer-eu": (t, ago) => {
    t.launch(ago(5, 6), manual);
    t.launch(ago(4, 2), manual);
    t.launch(ago(2, 9), manual);
    t.advanceTo(ago(0, 2));
    t.failNext("Reindex", "Reindex");
    t.launch(ago(0, 1), manual); // the newest run failed: a red card on the wall
  },
};

export function seedDemoData(params: SeedParams): string[] {
  const { ctx, definitions } = params;
  const end = ctx.now();
  const ago = (days: number, hours = 0, minutes = 0) => end - days * DAY - hours * HOUR - minutes * MINUTE;
  // Repeatable content (commit ids, messages, durations); record ids stay unique.
  const runner = new Runner({
    store: ctx.store,
    conditions: ctx.conditions,
    plans: ctx.plans,
    timeScale: () => 1,
    random: params.random ?? seededRandom(20_261_128),
    newId: ctx.newId,
  });
  // The alarm the checkout-service's production stage watches.
  ctx.conditions.setAlarmState(CHECKOUT_ALARM, "OK", end);
  const created: string[] = [];
  const demo = demoFor(params.region ?? HOME_REGION);
  for (const declaration of demo.pipelines) {
    const name = String(declaration.name);
    if (definitions.getPipeline(name)) continue;
    // The pipeline exists from just before its first scripted run (ctx time is in milliseconds).
    definitions.createPipeline(declaration, demo.tags[name], { created: ago(7) / 1000 });
    ctx.plans.forget(name);
    const timeline = new Timeline(ctx, runner, name, ago(7));
    SCRIPTS[name]?.(timeline, ago);
    timeline.advanceTo(end);
    // What is still pending continues live, at the live time scale.
    ctx.store.rescaleDue(end, 1 / params.liveTimeScale, name);
    created.push(name);
  }
  return created;
}
