/** The CSP the proxy sends, and the frame-ancestors setting for wall displays. */
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestors } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]));

describe("contentSecurityPolicy", () => {
  it("runs only nonce-carrying scripts (and what they load) and lets no site frame the app by default", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "bm9uY2U=", frameAncestors: frameAncestors(undefined) }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("'self' 'nonce-bm9uY2U='");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("default-src")).toBe("'self'");
  });

  it("allows eval and nonce-less styles only under next dev", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", frameAncestors: "'none'", development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("'self' 'unsafe-inline'");
    const prod = contentSecurityPolicy({ nonce: "n", frameAncestors: "'none'" });
    expect(prod).not.toContain("unsafe-eval");
    expect(directives(prod).get("script-src")).not.toContain("unsafe-inline");
  });
});

describe("frameAncestors (PIPEWRIGHT_FRAME_ANCESTORS)", () => {
  it.each([undefined, "", "   ", "'none'"])("is 'none' for %j", (value) => {
    expect(frameAncestors(value)).toBe("'none'");
  });

  it("takes the sites a wall display embeds the app from", () => {
    expect(frameAncestors(" https://wall.example.com  'self' http://10.0.0.5:8080 https://*.example.org ")).toBe(
      "https://wall.example.com 'self' http://10.0.0.5:8080 https://*.example.org",
    );
  });

  it.each([
    "https://wall.example.com; script-src *",
    "https://a.example, https://b.example",
    "'unsafe-inline'",
    "javascript:",
    "*",
    "'none' https://wall.example.com",
  ])("refuses %j rather than widening the policy", (value) => {
    expect(() => frameAncestors(value)).toThrow(/PIPEWRIGHT_FRAME_ANCESTORS/);
  });
});
