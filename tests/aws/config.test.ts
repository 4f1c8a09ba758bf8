import { describe, expect, it } from "vitest";
import { ConfigurationError, readGatewayConfig, readRegions } from "@/lib/aws/config";

describe("readGatewayConfig", () => {
  it("defaults to the local emulator on 127.0.0.1:4599 in us-east-1 with dummy credentials", () => {
    const config = readGatewayConfig({});
    expect(config).toMatchObject({ kind: "emulator", region: "us-east-1", endpoint: "http://127.0.0.1:4599" });
    expect(config.credentials?.accessKeyId).toBeTruthy();
  });

  it("follows PIPEWRIGHT_EMULATOR_PORT, CODEPIPELINE_ENDPOINT_URL and AWS_REGION", () => {
    expect(readGatewayConfig({ PIPEWRIGHT_EMULATOR_PORT: "4610" }).endpoint).toBe("http://127.0.0.1:4610");
    const config = readGatewayConfig({
      PIPEWRIGHT_EMULATOR_PORT: "4610",
      CODEPIPELINE_ENDPOINT_URL: "http://127.0.0.1:5000",
      AWS_REGION: "eu-west-1",
    });
    expect(config).toMatchObject({ kind: "emulator", endpoint: "http://127.0.0.1:5000", region: "eu-west-1" });
    expect(readGatewayConfig({ AWS_DEFAULT_REGION: "ap-south-1" }).region).toBe("ap-south-1");
  });

  it("uses the standard credential chain for real AWS", () => {
    const config = readGatewayConfig({ PIPEWRIGHT_BACKEND: "aws", AWS_REGION: "eu-central-1", AWS_PROFILE: "ops" });
    expect(config).toEqual({ kind: "aws", region: "eu-central-1", profile: "ops" });
    expect(readGatewayConfig({ PIPEWRIGHT_BACKEND: "aws", CODEPIPELINE_ENDPOINT_URL: "https://vpce.example" }).endpoint).toBe(
      "https://vpce.example",
    );
  });

  it("names the variable when a setting is wrong", () => {
    expect(() => readGatewayConfig({ PIPEWRIGHT_BACKEND: "localstack" })).toThrow(ConfigurationError);
    expect(() => readGatewayConfig({ PIPEWRIGHT_BACKEND: "localstack" })).toThrow(/PIPEWRIGHT_BACKEND/);
    expect(() => readGatewayConfig({ CODEPIPELINE_ENDPOINT_URL: "127.0.0.1:4599" })).toThrow(/CODEPIPELINE_ENDPOINT_URL/);
    expect(() => readGatewayConfig({ PIPEWRIGHT_EMULATOR_PORT: "http" })).toThrow(/PIPEWRIGHT_EMULATOR_PORT/);
  });
});

describe("readRegions", () => {
  it("is the gateway's one region unless PIPEWRIGHT_REGIONS lists several", () => {
    expect(readRegions({})).toEqual(["us-east-1"]);
    expect(readRegions({ AWS_REGION: "eu-west-1" })).toEqual(["eu-west-1"]);
    expect(readRegions({ PIPEWRIGHT_REGIONS: " eu-west-1, us-east-1 ,eu-west-1,", AWS_REGION: "ap-south-1" })).toEqual([
      "eu-west-1",
      "us-east-1",
    ]);
  });

  it("names the variable when an entry is not a region", () => {
    expect(() => readRegions({ PIPEWRIGHT_REGIONS: "us-east-1;eu-west-1" })).toThrow(ConfigurationError);
    expect(() => readRegions({ PIPEWRIGHT_REGIONS: "us-east-1,Ireland" })).toThrow(/PIPEWRIGHT_REGIONS.*"Ireland"/);
    expect(() => readRegions({ PIPEWRIGHT_REGIONS: " , " })).toThrow(/PIPEWRIGHT_REGIONS/);
  });
});
