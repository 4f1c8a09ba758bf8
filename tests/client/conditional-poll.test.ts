/**
 * The browser's one conditional poller against a real HTTP server: a 200 is held with its ETag
 * and age, a 304 keeps what was held with the new age, an error body becomes a PollError in its
 * words, and a server that does not answer is `offline`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollJson, PollError } from "@/lib/client/conditional-poll";
import { closedPortUrl } from "../aws/test-gateway";

let server: Server;
let base = "";
const seen: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers["if-none-match"]);
    const fetchedAt = "2026-12-07T10:00:00.000Z";
    if (request.url === "/value") {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304, { ETag: '"v1"', "X-Pipewright-Fetched-At": fetchedAt }).end();
      } else {
        response.writeHead(200, { ETag: '"v1"', "X-Pipewright-Fetched-At": fetchedAt, "Content-Type": "application/json" }).end(JSON.stringify({ n: 1 }));
      }
    } else if (request.url === "/refused") {
      response.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { kind: "not-found", title: "No such pipeline.", detail: "payments" } }));
    } else {
      response.writeHead(502).end("<html>bad gateway</html>");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("pollJson", () => {
  it("holds a 200 with its ETag and age, and keeps the held value on a 304 with the new age", async () => {
    const first = await pollJson<{ n: number }>(`${base}/value`, undefined, "The value");
    expect(first).toEqual({ value: { n: 1 }, etag: '"v1"', fetchedAt: Date.parse("2026-12-07T10:00:00.000Z") });
    const held = { ...first, fetchedAt: 0 };
    const again = await pollJson(`${base}/value`, held, "The value");
    expect(seen.at(-1)).toBe('"v1"');
    expect(again.value).toBe(held.value);
    expect(again.fetchedAt).toBe(Date.parse("2026-12-07T10:00:00.000Z"));
  });

  it("sends no If-None-Match for a value that came with the page (no ETag yet)", async () => {
    await pollJson(`${base}/value`, { value: { n: 0 }, etag: "", fetchedAt: 0 }, "The value");
    expect(seen.at(-1)).toBeUndefined();
  });

  it("turns the route's error body into a PollError, and a body-less failure into words naming what was read", async () => {
    await expect(pollJson(`${base}/refused`, undefined, "The state")).rejects.toMatchObject({ status: 404, kind: "not-found", title: "No such pipeline.", detail: "payments" });
    const failure = await pollJson(`${base}/other`, undefined, "The state").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PollError);
    expect(failure).toMatchObject({ status: 502, kind: "unknown", title: "The state could not be read (HTTP 502)." });
  });

  it("says offline when nothing answers", async () => {
    await expect(pollJson(`${await closedPortUrl()}/value`, undefined, "The state")).rejects.toMatchObject({ status: 0, kind: "offline" });
  });
});
