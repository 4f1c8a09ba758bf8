/** The proxy in front of server actions: oversized bodies get a 413 with a JSON error, not Next's 500. */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const actionRequest = (bytes: number) =>
  new NextRequest("http://127.0.0.1:3000/designer/d1", { method: "POST", headers: { "next-action": "abc", "content-length": String(bytes) } });

describe("proxy", () => {
  it("answers 413 with a JSON error to server action bodies over 4 MB", async () => {
    const response = await proxy(actionRequest(5 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ status: "invalid-input", message: "The request is 5.0 MB; the limit is 2 MB.", issues: [] });
  });

  it("lets smaller requests through to the action, which checks its 2 MB input itself", async () => {
    const response = await proxy(actionRequest(3 * 1024 * 1024));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("leaves large requests that are not server action calls to their route", async () => {
    const request = new NextRequest("http://127.0.0.1:3000/designer/d1", { method: "POST", headers: { "content-length": String(5 * 1024 * 1024) } });
    expect((await proxy(request)).status).toBe(200);
  });
});
