/** ListActionTypes from the provider catalog, through the real SDK. */
import { ListActionTypesCommand } from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAwsError } from "./testing/expect-error";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

describe("ListActionTypes", () => {
  it("lists the catalog's usable action types within the model's bounds", async () => {
    const out = await emu.client.send(new ListActionTypesCommand({}));
    const types = out.actionTypes!;
    const ids = types.map((t) => `${t.id!.category}/${t.id!.owner}/${t.id!.provider}`);
    expect(ids).toEqual(expect.arrayContaining(["Source/AWS/CodeCommit", "Build/AWS/CodeBuild", "Test/AWS/CodeBuild", "Approval/AWS/Manual", "Deploy/AWS/CloudFormation"]));
    // Placeholders, unverified and discontinued rows are not listed.
    expect(ids).not.toContain("Invoke/ThirdParty/Snyk");
    expect(ids.some((id) => id.includes("<"))).toBe(false);
    for (const t of types) {
      for (const d of [t.inputArtifactDetails!, t.outputArtifactDetails!]) {
        expect(d.minimumCount).toBeGreaterThanOrEqual(0);
        expect(d.maximumCount).toBeLessThanOrEqual(5);
      }
      expect(t.actionConfigurationProperties!.length).toBeLessThanOrEqual(10);
      for (const p of t.actionConfigurationProperties!) expect((p.description ?? "x").length).toBeLessThanOrEqual(160);
    }
    const cfn = types.find((t) => t.id!.provider === "CloudFormation")!;
    expect(cfn.inputArtifactDetails).toEqual({ minimumCount: 0, maximumCount: 5 }); // 10 in the catalog, clamped
    const github = types.find((t) => t.id!.provider === "GitHub")!;
    expect(github.actionConfigurationProperties!.find((p) => p.name === "OAuthToken")).toMatchObject({ secret: true, required: true });
  });

  it("filters by owner", async () => {
    const third = await emu.client.send(new ListActionTypesCommand({ actionOwnerFilter: "ThirdParty" }));
    expect(third.actionTypes!.length).toBeGreaterThan(0);
    expect(third.actionTypes!.every((t) => t.id!.owner === "ThirdParty")).toBe(true);
    const custom = await emu.client.send(new ListActionTypesCommand({ actionOwnerFilter: "Custom" }));
    expect(custom.actionTypes).toEqual([]);
  });

  it("rejects an unknown owner and a token it never issued", async () => {
    await expectAwsError(
      emu.client.send(new ListActionTypesCommand({ actionOwnerFilter: "Amazon" as never })),
      "ValidationException",
      "1 validation error detected: Value at 'actionOwnerFilter' failed to satisfy constraint: Member must satisfy enum value set: [AWS, ThirdParty, Custom]",
    );
    await expectAwsError(emu.client.send(new ListActionTypesCommand({ nextToken: "abc" })), "InvalidNextTokenException");
  });
});
