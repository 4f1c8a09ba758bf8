/**
 * Nothing cross-site reaches the emulator: the control API takes only JSON with its custom header
 * from its own origin or the app's, on a loopback (or the configured) Host; neither surface
 * answers a CORS preflight.
 */
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_HEADER, CONTROL_HEADERS } from "./control-guard";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

const APP_ORIGIN = "http://localhost:3999";
const EVIL = "https://evil.example";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ appOrigins: [APP_ORIGIN] });
});
afterAll(() => emu.close());
afterEach(async () => {
  await emu.control("/latency", { ms: 0 });
});

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw request: node:http sends Host and Origin exactly as given (fetch would not). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const latency = async () => (await emu.control("/health")).body.latencyMs;

describe("the control API refuses what a web page could send", () => {
  it("a cross-site 'simple' request (text/plain, no custom header) changes nothing", async () => {
    const r = await raw("POST", "/_emulator/latency", { "content-type": "text/plain", origin: EVIL }, JSON.stringify({ ms: 4321 }));
    expect(r.status).toBe(403);
    expect(await latency()).toBe(0);
    const reset = await raw("POST", "/_emulator/reset", { "content-type": "text/plain" }, "");
    expect(reset.status).toBe(403);
  });

  it("requires the custom header, even from a same-origin JSON request", async () => {
    const r = await raw("POST", "/_emulator/latency", { "content-type": "application/json" }, JSON.stringify({ ms: 4321 }));
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ error: expect.stringContaining(CONTROL_HEADER) });
    expect((await raw("GET", "/_emulator/health", {})).status).toBe(403);
    expect(await latency()).toBe(0);
  });

  it("requires Content-Type: application/json on calls that change state", async () => {
    const r = await raw("POST", "/_emulator/latency", { "content-type": "text/plain", [CONTROL_HEADER]: "1" }, JSON.stringify({ ms: 4321 }));
    expect(r.status).toBe(415);
    expect(await latency()).toBe(0);
    const charset = await raw("POST", "/_emulator/latency", { "content-type": "application/json; charset=utf-8", [CONTROL_HEADER]: "1" }, JSON.stringify({ ms: 7 }));
    expect(charset.status).toBe(200);
    expect(await latency()).toBe(7);
  });

  it("refuses an Origin other than the emulator's own or the app's", async () => {
    for (const origin of [EVIL, "null", "http://localhost:1"]) {
      const r = await raw("POST", "/_emulator/latency", { ...CONTROL_HEADERS, origin }, JSON.stringify({ ms: 4321 }));
      expect(r.status, origin).toBe(403);
    }
    expect(await latency()).toBe(0);
    for (const origin of [emu.url, emu.url.replace("127.0.0.1", "localhost"), APP_ORIGIN]) {
      const r = await raw("POST", "/_emulator/latency", { ...CONTROL_HEADERS, origin }, JSON.stringify({ ms: 5 }));
      expect(r.status, origin).toBe(200);
    }
  });

  it("refuses a Host that is not loopback or the configured host (DNS rebinding)", async () => {
    const port = new URL(emu.url).port;
    const rebound = await raw("POST", "/_emulator/reset", { ...CONTROL_HEADERS, host: `evil.example:${port}` }, "{}");
    expect(rebound.status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await raw("GET", "/_emulator/health", { ...CONTROL_HEADERS, host })).status, host).toBe(200);
    }
  });

  it("answers no CORS preflight, neither on the control API nor on the AWS surface", async () => {
    const preflight = (path: string, requested: string) =>
      raw("OPTIONS", path, { origin: EVIL, "access-control-request-method": "POST", "access-control-request-headers": requested });
    for (const r of [await preflight("/_emulator/reset", `content-type,${CONTROL_HEADER}`), await preflight("/", "content-type,x-amz-target")]) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
    }
  });

  it("answers a well-formed control call as before", async () => {
    const r = await raw("POST", "/_emulator/latency", CONTROL_HEADERS, JSON.stringify({ ms: 3 }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, ms: 3 });
  });
});
