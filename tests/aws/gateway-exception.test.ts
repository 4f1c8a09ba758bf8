import { describe, expect, it, vi } from "vitest";
import { GatewayException } from "@/lib/aws/errors";

describe("GatewayException", () => {
  it("is recognised when thrown by another evaluation of its module (another Next.js bundle layer)", async () => {
    vi.resetModules();
    const other = await import("@/lib/aws/errors");
    expect(other.GatewayException).not.toBe(GatewayException);
    const thrown = new other.GatewayException({ kind: "throttled", name: "ThrottlingException", message: "slow down" });
    expect(thrown instanceof GatewayException).toBe(true);
    expect(new Error("plain") instanceof GatewayException).toBe(false);
  });
});
