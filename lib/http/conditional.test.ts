import { describe, expect, it } from "vitest";
import { conditionalJson, ifNoneMatchHits } from "./conditional";

const ETAG = '"abc123"';

describe("ifNoneMatchHits", () => {
  it.each([
    [null, false],
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"other", "abc123"', true],
    ["*", true],
    ['"abc12"', false],
    ["abc123", false],
    ["", false],
  ])("If-None-Match %s → %s", (header, hit) => expect(ifNoneMatchHits(header, ETAG)).toBe(hit));
});

describe("conditionalJson", () => {
  const request = (inm?: string) => new Request("http://x/api", { headers: inm ? { "If-None-Match": inm } : {} });

  it("answers 200 with the body, the ETag and no-cache when the client holds nothing", async () => {
    const response = conditionalJson(request(), { etag: ETAG, body: () => '{"a":1}', headers: { "X-Extra": "1" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe(ETAG);
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(response.headers.get("X-Extra")).toBe("1");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(await response.text()).toBe('{"a":1}');
  });

  it("answers 304 with no body, the same ETag and headers, without building the body", async () => {
    let built = false;
    const response = conditionalJson(request(ETAG), { etag: ETAG, body: () => ((built = true), "{}"), headers: { "X-Extra": "1" } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("ETag")).toBe(ETAG);
    expect(response.headers.get("X-Extra")).toBe("1");
    expect(built).toBe(false);
  });
});
