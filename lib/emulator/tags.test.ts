/** TagResource / UntagResource / ListTagsForResource through the real SDK. */
import {
  CreatePipelineCommand,
  DeletePipelineCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-codepipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectAwsError } from "./testing/expect-error";
import { samplePipeline } from "./testing/pipelines";
import { startTestEmulator, type TestEmulator } from "./testing/start-test-emulator";

let emu: TestEmulator;
const ARN = "arn:aws:codepipeline:us-east-1:123456789012:tagged";

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control("/reset");
  await emu.client.send(new CreatePipelineCommand({ pipeline: samplePipeline("tagged"), tags: [{ key: "team", value: "web" }] }));
});

const list = async (arn = ARN) => (await emu.client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags;

describe("tags", () => {
  it("lists the tags given at creation", async () => {
    expect(await list()).toEqual([{ key: "team", value: "web" }]);
  });

  it("adds and overwrites tags, and removes them by key", async () => {
    await emu.client.send(new TagResourceCommand({ resourceArn: ARN, tags: [{ key: "team", value: "api" }, { key: "env", value: "" }] }));
    expect(await list()).toEqual([{ key: "team", value: "api" }, { key: "env", value: "" }]);
    await emu.client.send(new UntagResourceCommand({ resourceArn: ARN, tagKeys: ["team", "not-there"] }));
    expect(await list()).toEqual([{ key: "env", value: "" }]);
  });

  it("pages with maxResults", async () => {
    await emu.client.send(new TagResourceCommand({ resourceArn: ARN, tags: [{ key: "a", value: "1" }, { key: "b", value: "2" }] }));
    const first = await emu.client.send(new ListTagsForResourceCommand({ resourceArn: ARN, maxResults: 2 }));
    expect(first.tags).toHaveLength(2);
    const second = await emu.client.send(new ListTagsForResourceCommand({ resourceArn: ARN, maxResults: 2, nextToken: first.nextToken }));
    expect(second.tags).toEqual([{ key: "b", value: "2" }]);
    expect(second.nextToken).toBeUndefined();
    await expectAwsError(
      emu.client.send(new ListTagsForResourceCommand({ resourceArn: ARN, nextToken: "bogus" })),
      "InvalidNextTokenException",
    );
  });

  it("answers ResourceNotFoundException for a pipeline that does not exist (or a different region)", async () => {
    const missing = "arn:aws:codepipeline:us-east-1:123456789012:missing";
    await expectAwsError(
      emu.client.send(new TagResourceCommand({ resourceArn: missing, tags: [{ key: "a", value: "b" }] })),
      "ResourceNotFoundException",
      `The resource with the ARN '${missing}' was not found.`,
    );
    await expectAwsError(list("arn:aws:codepipeline:eu-west-1:123456789012:tagged"), "ResourceNotFoundException");
    await emu.client.send(new DeletePipelineCommand({ name: "tagged" }));
    await expectAwsError(list(), "ResourceNotFoundException");
  });

  it("answers InvalidArnException for something that is not a pipeline ARN", async () => {
    await expectAwsError(
      emu.client.send(new UntagResourceCommand({ resourceArn: "arn:aws:s3:::bucket", tagKeys: ["a"] })),
      "InvalidArnException",
      "The ARN 'arn:aws:s3:::bucket' is not a valid CodePipeline resource ARN.",
    );
  });

  it("answers InvalidTagsException and TooManyTagsException", async () => {
    await expectAwsError(
      emu.client.send(new TagResourceCommand({ resourceArn: ARN, tags: [{ key: "aws:cloudformation:stack-name", value: "x" }] })),
      "InvalidTagsException",
      "Tag key 'aws:cloudformation:stack-name' is not valid: keys that start with 'aws:' are reserved for AWS use.",
    );
    const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await expectAwsError(
      emu.client.send(new TagResourceCommand({ resourceArn: ARN, tags })),
      "TooManyTagsException",
      "Tag limit exceeded: a resource can have at most 50 tags; this request would leave it with 51.",
    );
  });

  it("checks tag lengths with ValidationException", async () => {
    await expectAwsError(
      emu.client.send(new TagResourceCommand({ resourceArn: ARN, tags: [{ key: "", value: "x" }] })),
      "ValidationException",
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });
});
