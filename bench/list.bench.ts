/**
 * npm run bench:list — the pipelines list of a large account: `/pipelines` of the production build
 * against the emulator holding 300 pipelines, with 50 ms injected before every AWS answer (real
 * CodePipeline calls take 50–150 ms). Each repetition restarts the app, so its read cache is cold:
 *   - a cold view: time to the first byte, to the first pipeline row, and to the end of the HTML;
 *     its size; the AWS calls it cost (the emulator's request counter);
 *   - a warm view right after it (the same figures);
 *   - after another restart, 10 concurrent cold views: the AWS calls they cost together.
 * Prints the figures (medians of --reps, default 3), then one JSON line:
 *   {"bench":"list","pipelines":300,"latency_ms":50,"first_byte_ms","complete_ms","html_kb",
 *    "upstream_calls_1_view","upstream_calls_10_views"}
 * where the times and size are the cold view's. The header's backend probe (one ListPipelines of one
 * result, cached for a minute) is made by the page that warms each new server, so it is not counted.
 *
 *   tsx bench/list.bench.ts [--no-build] [--reps N] [--path /pipelines?sort=status]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { controlClient, type ControlCall } from "../lib/emulator/testing/control-client";
import { seedManyPipelines } from "../lib/emulator/testing/many-pipelines";
import { option } from "./support/args";
import { buildUnlessSkipped, startApp, startEmulator, stop, stopChildren } from "./support/processes";
import { median } from "./support/stats";

const PIPELINES = 300;
const LATENCY_MS = 50;
const VIEWERS = 10;

const REPS = Math.max(1, Number(option("--reps") ?? 3));
const PATH = option("--path") ?? "/pipelines";

// ---------------------------------------------------------------------------------------------
// One view.

interface View {
  readonly firstByteMs: number;
  /** The first chunk holding a pipeline row (NaN if none came). */
  readonly firstRowMs: number;
  readonly completeMs: number;
  readonly bytes: number;
  readonly rows: number;
}

function view(url: string): Promise<View> {
  return new Promise((done, fail) => {
    const start = performance.now();
    let firstByteMs = Number.NaN;
    let firstRowMs = Number.NaN;
    const chunks: Buffer[] = [];
    const req = request(url, (res) => {
      if (res.statusCode !== 200) {
        fail(new Error(`${url} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.on("data", (chunk: Buffer) => {
        const now = performance.now() - start;
        if (Number.isNaN(firstByteMs)) firstByteMs = now;
        chunks.push(chunk);
        if (Number.isNaN(firstRowMs) && chunk.includes('data-testid="pipeline-row"')) firstRowMs = now;
      });
      res.on("end", () => {
        const html = Buffer.concat(chunks);
        done({
          firstByteMs,
          firstRowMs,
          completeMs: performance.now() - start,
          bytes: html.length,
          rows: html.toString("utf8").split('data-testid="pipeline-row"').length - 1,
        });
      });
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

async function upstreamCalls(control: ControlCall): Promise<number> {
  const { body } = await control("/requests");
  return Number(body.total);
}

// Background work a view started (revalidations) counts too: let it land before reading the counter.
const settle = () => new Promise((done) => setTimeout(done, 4 * LATENCY_MS));

// ---------------------------------------------------------------------------------------------

const round = (n: number, digits = 0) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

async function main() {
  buildUnlessSkipped();
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-bench-list-"));
  try {
    const emulator = await startEmulator(dataDir);
    const control = controlClient(emulator.url);
    const client = new CodePipelineClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    });
    console.log(`seeding ${PIPELINES} pipelines …`);
    await control("/reset");
    await seedManyPipelines(client, control, { count: PIPELINES, timeScale: 1 });
    client.destroy();
    await control("/latency", { ms: LATENCY_MS });

    const cold: View[] = [];
    const warm: View[] = [];
    const coldCalls: number[] = [];
    const warmCalls: number[] = [];
    const crowdCalls: number[] = [];
    const crowdComplete: number[] = [];
    const coldRows: View[] = [];
    for (let rep = 1; rep <= REPS; rep++) {
      let app = await startApp({ emulatorUrl: emulator.url });
      await control("/requests/reset");
      cold.push(await view(app.url + PATH));
      await settle();
      coldCalls.push(await upstreamCalls(control));
      await control("/requests/reset");
      warm.push(await view(app.url + PATH));
      await settle();
      warmCalls.push(await upstreamCalls(control));
      await stop(app.child);

      app = await startApp({ emulatorUrl: emulator.url });
      await control("/requests/reset");
      const views = await Promise.all(Array.from({ length: VIEWERS }, () => view(app.url + PATH)));
      await settle();
      crowdCalls.push(await upstreamCalls(control));
      crowdComplete.push(Math.max(...views.map((v) => v.completeMs)));
      await stop(app.child);

      app = await startApp({ emulatorUrl: emulator.url });
      await view(`${app.url}/pipelines?q=no-pipeline-has-this-name`);
      coldRows.push(await view(app.url + PATH));
      await stop(app.child);

      const c = cold.at(-1)!;
      const w = warm.at(-1)!;
      console.log(
        `#${rep} cold: first byte ${c.firstByteMs.toFixed(0)} ms, first row ${c.firstRowMs.toFixed(0)} ms, complete ${c.completeMs.toFixed(0)} ms, ` +
          `${(c.bytes / 1024).toFixed(1)} KB, ${c.rows} rows, ${coldCalls.at(-1)} calls | warm: complete ${w.completeMs.toFixed(0)} ms, ` +
          `${warmCalls.at(-1)} calls | ${VIEWERS} cold views: ${crowdCalls.at(-1)} calls, slowest ${crowdComplete.at(-1)!.toFixed(0)} ms | ` +
          `cold rows: first byte ${coldRows.at(-1)!.firstByteMs.toFixed(0)} ms, complete ${coldRows.at(-1)!.completeMs.toFixed(0)} ms`,
      );
    }
    await stop(emulator.child);

    const figures = {
      first_byte_ms: round(median(cold.map((v) => v.firstByteMs))),
      complete_ms: round(median(cold.map((v) => v.completeMs))),
      html_kb: round(median(cold.map((v) => v.bytes / 1024)), 1),
      upstream_calls_1_view: round(median(coldCalls)),
      upstream_calls_10_views: round(median(crowdCalls)),
    };
    const load = loadavg()[0]!;
    console.log(`\n${PATH} with ${PIPELINES} pipelines, ${LATENCY_MS} ms per AWS call, medians of ${REPS} runs:`);
    console.log(`  (load average ${load.toFixed(1)} on ${availableParallelism()} cores)`);
    const row = (label: string, value: number | null, unit: string, goal?: string) =>
      console.log(`  ${label.padEnd(36)} ${value === null ? "n/a" : `${value} ${unit}`}${goal ? `  (goal ${goal})` : ""}`);
    row("cold (first request): first byte", figures.first_byte_ms, "ms", "< 300 ms");
    row("cold (first request): first row", round(median(cold.map((v) => v.firstRowMs))), "ms", "~300 ms");
    row("cold (first request): complete", figures.complete_ms, "ms", "< 1500 ms");
    row("cold rows, warm code: first byte", round(median(coldRows.map((v) => v.firstByteMs))), "ms");
    row("cold rows, warm code: first row", round(median(coldRows.map((v) => v.firstRowMs))), "ms");
    row("cold rows, warm code: complete", round(median(coldRows.map((v) => v.completeMs))), "ms");
    row("warm: first byte", round(median(warm.map((v) => v.firstByteMs))), "ms");
    row("warm: complete", round(median(warm.map((v) => v.completeMs))), "ms", "< 300 ms");
    row("HTML (cold view)", figures.html_kb, "KB", "< 150 KB");
    row("rows in the HTML", round(median(cold.map((v) => v.rows))), "");
    row("AWS calls: 1 cold view", figures.upstream_calls_1_view, "");
    row("AWS calls: the warm view", round(median(warmCalls)), "");
    row(`AWS calls: ${VIEWERS} cold views`, figures.upstream_calls_10_views, "", "≤ 301");
    row(`${VIEWERS} cold views: slowest`, round(median(crowdComplete)), "ms");
    console.log(JSON.stringify({ bench: "list", pipelines: PIPELINES, latency_ms: LATENCY_MS, ...figures }));
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
