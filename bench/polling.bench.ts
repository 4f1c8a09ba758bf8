/**
 * npm run bench:polling — the state page's polling against the production build and an emulator
 * (own processes, free ports). One pipeline waits at a manual approval, so its state counts as
 * running and is polled every 5 s (lib/domain/execution/polling.ts). For 1, 10 and 100 simulated
 * viewers, each polling the state route every 5 s from a random phase with the ETag it holds
 * (as the page does), for --intervals intervals (default 4):
 *   - upstream_per_interval: GetPipelineState calls the emulator received, per 5 s interval
 *     (the emulator's request counter; goal 1 whatever the number of viewers);
 *   - route_p95_ms_100_viewers: the state route's p95 response time under the 100 viewers;
 * and unchanged_poll_bytes: the bytes on the wire of a poll whose state did not change, status
 * line and headers included (a 304; goal < 1 KB).
 * Last line: {"bench":"polling","upstream_per_interval":{"1","10","100"},"unchanged_poll_bytes","route_p95_ms_100_viewers"}
 *
 *   tsx bench/polling.bench.ts [--no-build] [--intervals N]
 */
import { CodePipelineClient, CreatePipelineCommand, StartPipelineExecutionCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ACTIVE_POLL_MS } from "../lib/domain/execution/polling";
import { controlClient, type ControlCall } from "../lib/emulator/testing/control-client";
import { releasePipeline } from "../tests/sync/fixtures";
import { option } from "./support/args";
import { buildUnlessSkipped, startApp, startEmulator, stopChildren } from "./support/processes";
import { percentile } from "./support/stats";

const PIPELINE = "bench-polling";
const VIEWERS = [1, 10, 100] as const;
const INTERVALS = Math.max(2, Number(option("--intervals") ?? 4));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function stateCalls(control: ControlCall): Promise<number> {
  const { body } = await control("/requests");
  return (body.pipelines as Record<string, Record<string, number>>).GetPipelineState?.[PIPELINE] ?? 0;
}

/** `viewers` pollers for INTERVALS intervals; returns upstream calls per interval and the route's response times. */
async function simulate(url: string, control: ControlCall, viewers: number): Promise<{ perInterval: number; times: number[] }> {
  await control("/requests/reset");
  const times: number[] = [];
  const began = performance.now();
  const end = began + INTERVALS * ACTIVE_POLL_MS;
  const viewer = async () => {
    let etag: string | undefined;
    await sleep(Math.random() * ACTIVE_POLL_MS);
    while (performance.now() < end) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: etag ? { "If-None-Match": etag } : {} });
      await response.arrayBuffer();
      times.push(performance.now() - t0);
      if (response.status === 200) etag = response.headers.get("ETag") ?? undefined;
      else if (response.status !== 304) throw new Error(`the state route answered ${response.status}`);
      const next = t0 + ACTIVE_POLL_MS;
      if (next >= end) break;
      await sleep(next - performance.now());
    }
  };
  await Promise.all(Array.from({ length: viewers }, viewer));
  // Every viewer polled once in each of the INTERVALS intervals between `began` and `end`.
  return { perInterval: (await stateCalls(control)) / INTERVALS, times };
}

/** Every byte of the response to a conditional GET the server can answer 304, as received on the socket. */
async function unchangedPollBytes(port: number, path: string): Promise<{ bytes: number; status: string }> {
  const etag = (await fetch(`http://127.0.0.1:${port}${path}`)).headers.get("ETag");
  if (!etag) throw new Error("the state route sent no ETag");
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("connect", () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nIf-None-Match: ${etag}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`),
    );
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", fail);
    socket.on("end", () => {
      const raw = Buffer.concat(chunks);
      done({ bytes: raw.length, status: raw.toString("latin1").split("\r\n")[0] ?? "" });
    });
  });
}

async function main() {
  buildUnlessSkipped();
  const dataDir = mkdtempSync(join(tmpdir(), "pipewright-bench-polling-"));
  try {
    const emulator = await startEmulator(dataDir);
    const emulatorUrl = emulator.url;
    const control = controlClient(emulatorUrl);
    const client = new CodePipelineClient({ endpoint: emulatorUrl, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
    await client.send(new CreatePipelineCommand({ pipeline: releasePipeline(PIPELINE) as unknown as PipelineDeclaration }));
    // Running at normal speed, it waits at its manual approval for the whole run: a live state.
    await client.send(new StartPipelineExecutionCommand({ name: PIPELINE }));
    client.destroy();

    const app = await startApp({ emulatorUrl });
    const appPort = Number(new URL(app.url).port);
    const path = `/api/pipelines/${PIPELINE}/state`;
    const url = `${app.url}${path}`;

    const upstream: Record<string, number> = {};
    let p95 = Number.NaN;
    for (const viewers of VIEWERS) {
      const { perInterval, times } = await simulate(url, control, viewers);
      upstream[String(viewers)] = Math.round(perInterval * 100) / 100;
      const p = percentile(times, 95);
      if (viewers === 100) p95 = p;
      console.log(`${String(viewers).padStart(3)} viewers: ${perInterval.toFixed(2)} GetPipelineState per ${ACTIVE_POLL_MS / 1000} s interval, ${times.length} polls, route p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p.toFixed(1)} ms`);
    }
    const unchanged = await unchangedPollBytes(appPort, path);
    console.log(`unchanged poll: ${unchanged.status}, ${unchanged.bytes} bytes on the wire (status line and headers included)`);
    console.log(`(load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    console.log(
      JSON.stringify({
        bench: "polling",
        upstream_per_interval: upstream,
        unchanged_poll_bytes: unchanged.bytes,
        route_p95_ms_100_viewers: Math.round(p95 * 10) / 10,
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
