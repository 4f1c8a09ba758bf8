/**
 * npm run bench:dashboard — the dashboard of the production build against an emulator holding 100
 * pipelines over 2 regions (50 in us-east-1, 50 in eu-west-1, lib/emulator/testing/many-pipelines.ts:
 * 1 in 6 waits at a manual approval, so its card counts as running), every AWS call delayed 50 ms.
 *
 *   - first_card_ms / all_cards_ms: Debian Chromium opens /dashboard with a cold server cache;
 *     from the navigation to the first card on screen, and to all 100.
 *   - upstream_per_interval: 50 simulated viewers poll both regions' wall routes every 5 s (as the
 *     page does while a card runs) with the ETags they hold, for --seconds (default 60). Each
 *     pipeline's card has its own interval (5 s running, 30 s idle; lib/aws/cached-reads.ts): the
 *     figure is the GetPipelineState calls the emulator received per pipeline per its interval,
 *     times 100 (goal 100: one per pipeline, however many viewers).
 *   - first_load_js_gzip_kb: the route's first-load JavaScript, gzipped (bench/support/first-load-js.ts; goal ≤ 150).
 *   - heap_ratio_500_vs_10: the page's JavaScript heap (after a forced GC) after 500 poll cycles over
 *     after 10 (goal ≤ 1.1). A cycle is one poll of every region through the page's own query,
 *     triggered by a visibility change (TanStack Query refetches on it) so 500 take minutes, not 40.
 * Last line: {"bench":"dashboard","pipelines":100,"viewers":50,"upstream_per_interval","first_card_ms","all_cards_ms","first_load_js_gzip_kb","heap_ratio_500_vs_10"}
 *
 *   tsx bench/dashboard.bench.ts [--no-build] [--seconds N] [--cycles N]
 */
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { chromium, type Page } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ACTIVE_POLL_MS, IDLE_POLL_MS } from "../lib/domain/execution/polling";
import { controlClient, type ControlCall } from "../lib/emulator/testing/control-client";
import { seedManyPipelines, type SeededPipeline } from "../lib/emulator/testing/many-pipelines";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../e2e/chromium";
import { option } from "./support/args";
import { firstLoadJsGzipKb } from "./support/first-load-js";
import { buildUnlessSkipped, startApp, startEmulator, stopChildren } from "./support/processes";

const REGIONS = ["us-east-1", "eu-west-1"] as const;
const PER_REGION = 50;
const VIEWERS = 50;
const SECONDS = Math.max(30, Number(option("--seconds") ?? 60));
const CYCLES = Math.max(20, Number(option("--cycles") ?? 500));
const LATENCY_MS = 50;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function seed(emulatorUrl: string, control: ControlCall): Promise<SeededPipeline[]> {
  await control("/reset");
  let specs: SeededPipeline[] = [];
  for (const region of REGIONS) {
    const client = new CodePipelineClient({ endpoint: emulatorUrl, region, credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
    specs = await seedManyPipelines(client, control, { count: PER_REGION, timeScale: 1, timeoutMs: 180_000 });
    client.destroy();
  }
  // The same names in both regions (each region its own name space), the same outcome in each.
  return specs;
}

/** Navigation → first card, → all cards, in a fresh page (the server's cache still cold). */
async function timeCards(page: Page, base: string, total: number): Promise<{ first: number; all: number }> {
  const cards = page.locator("[data-testid=dashboard-card]");
  const began = performance.now();
  await page.goto(`${base}/dashboard`, { waitUntil: "commit" });
  await cards.first().waitFor({ timeout: 120_000 });
  const first = performance.now() - began;
  while ((await cards.count()) < total) {
    if (performance.now() - began > 120_000) throw new Error(`only ${await cards.count()} of ${total} cards after 120 s`);
    await sleep(20);
  }
  return { first, all: performance.now() - began };
}

/** `VIEWERS` pollers of every region's wall route for SECONDS; GetPipelineState calls per pipeline. */
async function simulateViewers(base: string, control: ControlCall): Promise<{ calls: Record<string, number>; seconds: number; total: number }> {
  await control("/requests/reset");
  const began = performance.now();
  // The counts are read at exactly SECONDS after the reset while the viewers still poll: a window
  // that also took in the calls answered after it (the viewers' last round) could count one
  // refresh too many per pipeline (the fencepost), as if the cache refreshed more often than it does.
  const counted = sleep(SECONDS * 1000).then(async () => ({ at: performance.now(), counts: await control("/requests") }));
  const end = began + SECONDS * 1000 + ACTIVE_POLL_MS;
  const viewer = async () => {
    const etags = new Map<string, string>();
    await sleep(Math.random() * ACTIVE_POLL_MS);
    while (performance.now() < end) {
      const t0 = performance.now();
      await Promise.all(
        REGIONS.map(async (region) => {
          const etag = etags.get(region);
          const response = await fetch(`${base}/api/dashboard?region=${region}`, { headers: etag ? { "If-None-Match": etag } : {} });
          await response.arrayBuffer();
          if (response.status === 200) etags.set(region, response.headers.get("ETag") ?? "");
          else if (response.status !== 304) throw new Error(`the wall route answered ${response.status}`);
        }),
      );
      const next = t0 + ACTIVE_POLL_MS;
      if (next >= end) break;
      await sleep(next - performance.now());
    }
  };
  await Promise.all(Array.from({ length: VIEWERS }, viewer));
  const { at, counts } = await counted;
  const seconds = (at - began) / 1000;
  const { body } = counts;
  return { calls: (body.pipelines as Record<string, Record<string, number>>).GetPipelineState ?? {}, seconds, total: Number(body.total) };
}

/** The page's used JS heap after a forced garbage collection, bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

/**
 * One poll of every region through the page's own queries: a visibility change makes TanStack
 * Query refetch them (its focus manager listens on window, where the event does not bubble to
 * from document, so it is sent to window). A region whose poll was already under way answers that one instead, so the
 * change is sent again until every region has answered once more.
 */
async function pollCycles(page: Page, count: number, responses: { n: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < count; i++) {
    const target = responses.n + REGIONS.length;
    const deadline = performance.now() + 30_000;
    while (responses.n < target) {
      if (performance.now() > deadline) throw new Error(`poll cycle ${i} got no answer within 30 s`);
      await cdp.send("Runtime.evaluate", { expression: 'window.dispatchEvent(new Event("visibilitychange"))' });
      const wait = performance.now() + 250;
      while (responses.n < target && performance.now() < wait) await sleep(5);
    }
  }
  await cdp.detach();
}

async function main() {
  buildUnlessSkipped();
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-bench-dashboard-"));
  try {
    const emulator = await startEmulator(dataDir);
    const control = controlClient(emulator.url);
    console.log(`seeding ${PER_REGION} pipelines in each of ${REGIONS.join(", ")} …`);
    const specs = await seed(emulator.url, control);
    const running = new Set(specs.filter((s) => s.outcome === "InProgress").map((s) => s.name));
    await control("/latency", { ms: LATENCY_MS });
    const app = await startApp({ emulatorUrl: emulator.url, env: { PIPEWRIGHT_REGIONS: REGIONS.join(",") } });

    const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const responses = { n: 0 };
    page.on("response", (r) => {
      if (r.url().includes("/api/dashboard?region=")) responses.n++;
    });
    const total = REGIONS.length * PER_REGION;
    const times = await timeCards(page, app.url, total);
    console.log(`cold server cache: first card ${times.first.toFixed(0)} ms, all ${total} cards ${times.all.toFixed(0)} ms (${LATENCY_MS} ms per AWS call)`);
    const warm = await timeCards(page, app.url, total);
    console.log(`warm server cache: first card ${warm.first.toFixed(0)} ms, all ${total} cards ${warm.all.toFixed(0)} ms`);

    const viewers = await simulateViewers(app.url, control);
    let pipelineIntervals = 0;
    let calls = 0;
    for (const spec of specs) {
      const interval = (running.has(spec.name) ? ACTIVE_POLL_MS : IDLE_POLL_MS) / 1000;
      pipelineIntervals += REGIONS.length * (viewers.seconds / interval);
      calls += viewers.calls[spec.name] ?? 0;
    }
    const upstream = (calls / pipelineIntervals) * total;
    console.log(
      `${VIEWERS} viewers × ${REGIONS.length} regions for ${viewers.seconds.toFixed(0)} s: ${calls} GetPipelineState (${viewers.total} AWS calls in all) = ` +
        `${(calls / pipelineIntervals).toFixed(2)} per pipeline per its interval (${running.size * REGIONS.length} running at 5 s, the rest idle at 30 s)`,
    );

    const firstLoad = await firstLoadJsGzipKb(app.url, "/dashboard");
    console.log(`first-load JS ${firstLoad.kb} kB gzip (${firstLoad.scripts.length} scripts)`);

    await control("/latency", { ms: 0 });
    await pollCycles(page, 10, responses);
    const heap10 = await heapAfterGc(page);
    const cyclesBegan = performance.now();
    await pollCycles(page, CYCLES - 10, responses);
    console.log(`${CYCLES - 10} poll cycles in ${((performance.now() - cyclesBegan) / 1000).toFixed(0)} s`);
    const heap500 = await heapAfterGc(page);
    console.log(`heap after 10 poll cycles ${(heap10 / 1e6).toFixed(2)} MB, after ${CYCLES} ${(heap500 / 1e6).toFixed(2)} MB`);
    await browser.close();
    console.log(`(load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    console.log(
      JSON.stringify({
        bench: "dashboard",
        pipelines: total,
        viewers: VIEWERS,
        upstream_per_interval: Math.round(upstream * 10) / 10,
        first_card_ms: Math.round(times.first),
        all_cards_ms: Math.round(times.all),
        first_load_js_gzip_kb: firstLoad.kb,
        heap_ratio_500_vs_10: Math.round((heap500 / heap10) * 1000) / 1000,
      }),
    );
  } finally {
    stopChildren();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopChildren();
  process.exit(1);
});
