/** What the proxy answers 400 instead of letting Next.js fail with 500. */
import { describe, expect, it } from "vitest";
import { malformedRequest } from "./malformed-request";

const none = new Headers();
const tree = (value: string) => new Headers({ "next-router-state-tree": value });

describe("malformedRequest", () => {
  it.each(["/designer/%", "/designer/%E0%A4%A", "/%zz/x"])("refuses the path %s that is not valid percent-encoding", (path) => {
    expect(malformedRequest(path, none)).toMatch(/not valid percent-encoding/);
  });

  it.each(["/", "/designer/%25", "/designer/abc-123", "/designer/%E0%A4%A4"])("lets %s through", (path) => {
    expect(malformedRequest(path, none)).toBeUndefined();
  });

  it.each(["garbage", "[1,2", "%7B", '["",{"children":"x"}]'])("refuses a Next-Router-State-Tree of %j", (value) => {
    expect(malformedRequest("/designer", tree(value))).toBe("The Next-Router-State-Tree header cannot be parsed.");
  });

  it("lets the tree the client router sends through", () => {
    const sent = encodeURIComponent(JSON.stringify(["", { children: ["designer", { children: ["__PAGE__", {}, null, null] }] }, null, "refetch"]));
    expect(malformedRequest("/designer", tree(sent))).toBeUndefined();
  });
});
