import { describe, expect, it } from "vitest";
import type { ValidationContext } from "../context";
import type { Diagnostic } from "../diagnostic";
import { validate } from "../validate";
import { codesOf, TEST_CONTEXT, validPipeline, type Mutable } from "../testing/fixtures";
import { find, only, without } from "../testing/expect";

const NO_REGION: ValidationContext = {};
const BUCKET = "codepipeline-us-east-1-123456789012";
const EU_BUCKET = "codepipeline-eu-west-1-123456789012";

function run(d: Mutable, context: ValidationContext = TEST_CONTEXT): Diagnostic[] {
  return validate(d, context);
}

/** Valid cross-region variant: the deploy action runs in eu-west-1 with its own store. */
function crossRegion(): Mutable {
  const d = validPipeline();
  delete d.artifactStore;
  d.artifactStores = {
    "us-east-1": { type: "S3", location: BUCKET },
    "eu-west-1": { type: "S3", location: EU_BUCKET },
  };
  d.stages[2].actions[0].region = "eu-west-1";
  return d;
}

describe("valid variants", () => {
  it("a cross-region pipeline with artifactStores is clean", () => {
    expect(run(crossRegion())).toEqual([]);
    expect(run(crossRegion(), NO_REGION)).toEqual([]);
  });
});

describe("STORE001 exactly one store member", () => {
  it("rejects both members on artifactStores, a field the designer can focus", () => {
    const d = crossRegion();
    d.artifactStore = { type: "S3", location: BUCKET };
    expect(only(run(d), "STORE001")).toMatchObject({ severity: "error", path: "artifactStores" });
  });

  it("rejects neither member", () => {
    const d = validPipeline();
    delete d.artifactStore;
    expect(only(run(d), "STORE001").message).toContain("required");
  });

  it("rejects the CloudFormation list form, an empty map and a non-object store", () => {
    const d = validPipeline();
    delete d.artifactStore;
    d.artifactStores = [{ Region: "us-east-1", ArtifactStore: { Type: "S3", Location: BUCKET } }];
    expect(find(run(d), "STORE001", "artifactStores").message).toContain("CloudFormation");
    d.artifactStores = {};
    expect(find(run(d), "STORE001", "artifactStores").message).toContain("empty");
    d.artifactStores = { "us-east-1": "bucket" };
    find(run(d), "STORE001", 'artifactStores["us-east-1"]');
  });

  it("accepts either member alone", () => {
    without(run(validPipeline()), "STORE001");
    without(run(crossRegion()), "STORE001");
  });
});

describe("STORE002 store type", () => {
  it("rejects a type other than S3", () => {
    const d = validPipeline();
    d.artifactStore.type = "GCS";
    expect(only(run(d), "STORE002")).toMatchObject({ severity: "error", path: "artifactStore.type" });
  });

  it("rejects a missing type in a per-region store", () => {
    const d = crossRegion();
    delete d.artifactStores["eu-west-1"].type;
    expect(only(run(d), "STORE002").path).toBe('artifactStores["eu-west-1"].type');
  });

  it("leaves wrong case to GEN006", () => {
    const d = validPipeline();
    d.artifactStore.type = "s3";
    expect(codesOf(run(d))).toEqual(["GEN006"]);
  });
});

describe("STORE003 bucket name", () => {
  it("rejects a bucket with a prefix and suggests the bucket", () => {
    const d = validPipeline();
    d.artifactStore.location = "my-bucket/artifacts";
    const f = only(run(d), "STORE003");
    expect(f).toMatchObject({ severity: "error", path: "artifactStore.location" });
    expect(f.message).toContain('"my-bucket"');
  });

  it("rejects S3 URLs, short names, bad characters and a missing location", () => {
    const d = validPipeline();
    for (const location of ["s3://bucket", "ab", "my_bucket", undefined]) {
      d.artifactStore.location = location;
      expect(only(run(d), "STORE003").severity).toBe("error");
    }
  });

  it("warns on names the pattern allows but S3 does not", () => {
    const d = validPipeline();
    for (const location of ["My-Bucket", "-bucket", "bucket.", "a..b", "a.-b", "192.168.1.1", "xn--bucket", "data-s3alias"]) {
      d.artifactStore.location = location;
      expect(only(run(d), "STORE003").severity, location).toBe("warning");
    }
  });

  it("leaves the empty string to GEN004 and accepts dotted names", () => {
    const d = validPipeline();
    d.artifactStore.location = "";
    expect(codesOf(run(d))).toEqual(["GEN004"]);
    d.artifactStore.location = "artifacts.example.com";
    expect(run(d)).toEqual([]);
  });
});

describe("STORE004 encryption key", () => {
  it("rejects a key without type", () => {
    const d = validPipeline();
    d.artifactStore.encryptionKey = { id: "alias/pipeline" };
    expect(only(run(d), "STORE004")).toMatchObject({ severity: "error", path: "artifactStore.encryptionKey.type" });
  });

  it("rejects a non-KMS type, a missing id, an over-long id and a non-object", () => {
    const d = validPipeline();
    d.artifactStore.encryptionKey = { id: "k", type: "AES256" };
    expect(only(run(d), "STORE004").path).toBe("artifactStore.encryptionKey.type");
    d.artifactStore.encryptionKey = { type: "KMS" };
    expect(only(run(d), "STORE004").path).toBe("artifactStore.encryptionKey.id");
    d.artifactStore.encryptionKey = { id: "k".repeat(401), type: "KMS" };
    expect(only(run(d), "STORE004").path).toBe("artifactStore.encryptionKey.id");
    d.artifactStore.encryptionKey = "alias/pipeline";
    expect(only(run(d), "STORE004").path).toBe("artifactStore.encryptionKey");
  });

  it("accepts a KMS key", () => {
    const d = validPipeline();
    d.artifactStore.encryptionKey = { id: "alias/pipeline", type: "KMS" };
    expect(run(d)).toEqual([]);
  });
});

describe("STORE005 KMS alias with cross-account actions", () => {
  function crossAccount(keyId: string): Mutable {
    const d = validPipeline();
    d.artifactStore.encryptionKey = { id: keyId, type: "KMS" };
    d.stages[2].actions[0].roleArn = "arn:aws:iam::210987654321:role/cross-account-deploy";
    return d;
  }

  it("warns when an action runs in another account", () => {
    const f = find(run(crossAccount("alias/pipeline")), "STORE005", "artifactStore.encryptionKey.id");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("210987654321");
    find(run(crossAccount("arn:aws:kms:us-east-1:123456789012:alias/pipeline")), "STORE005");
  });

  it("is silent for key ARNs and same-account roles", () => {
    without(run(crossAccount("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")), "STORE005");
    const d = crossAccount("alias/pipeline");
    d.stages[2].actions[0].roleArn = "arn:aws:iam::123456789012:role/deploy";
    without(run(d), "STORE005");
  });

  it("only considers the actions of a per-region store's region", () => {
    const d = crossRegion();
    d.artifactStores["us-east-1"].encryptionKey = { id: "alias/pipeline", type: "KMS" };
    d.stages[2].actions[0].roleArn = "arn:aws:iam::210987654321:role/cross-account-deploy"; // runs in eu-west-1
    without(run(d), "STORE005");
    d.artifactStores["eu-west-1"].encryptionKey = { id: "alias/pipeline", type: "KMS" };
    find(run(d), "STORE005", 'artifactStores["eu-west-1"].encryptionKey.id');
  });
});

describe("STORE006 artifactStores keys", () => {
  function withKey(key: string): Mutable {
    const d = crossRegion();
    d.artifactStores[key] = { type: "S3", location: "other-bucket" };
    d.stages[1].actions[0].region = key; // keep STORE010 quiet where the key is a region
    return d;
  }

  it("rejects a key that is not a region name", () => {
    const d = crossRegion();
    d.artifactStores["mars-1"] = { type: "S3", location: "other-bucket" };
    expect(only(run(d), "STORE006")).toMatchObject({ severity: "error", path: 'artifactStores["mars-1"]' });
    delete d.artifactStores["mars-1"];
    d.artifactStores.eu = { type: "S3", location: "other-bucket" };
    expect(only(run(d), "STORE006").message).toContain("4 to 30");
  });

  it("rejects af-south-1 with the service's message", () => {
    const f = find(run(withKey("af-south-1")), "STORE006", 'artifactStores["af-south-1"]');
    expect(f.severity).toBe("error");
    expect(f.message).toContain("is not a valid AWS Region");
  });

  it("warns on a well-formed region it does not know", () => {
    // Judgement call: a region launched after our list was compiled must not block the push.
    expect(find(run(withKey("ap-east-2")), "STORE006", 'artifactStores["ap-east-2"]').severity).toBe("warning");
  });

  it("accepts known regions", () => {
    without(run(withKey("ap-southeast-2")), "STORE006");
  });
});

describe("STORE007 pipeline region present in artifactStores", () => {
  it("rejects a map without the pipeline region", () => {
    const d = crossRegion();
    delete d.artifactStores["us-east-1"];
    expect(only(run(d), "STORE007")).toMatchObject({ severity: "error", path: "artifactStores" });
  });

  it("skips when the pipeline region is unknown", () => {
    const d = crossRegion();
    delete d.artifactStores["us-east-1"];
    without(run(d, NO_REGION), "STORE007");
  });
});

describe("STORE008 cross-region action region present in artifactStores", () => {
  it("rejects an action region without a store", () => {
    const d = crossRegion();
    d.stages[2].actions[0].region = "eu-central-1";
    d.stages[1].actions[0].region = "eu-west-1"; // keep the eu-west-1 store used
    expect(only(run(d), "STORE008")).toMatchObject({ severity: "error", path: "stages[2].actions[0].region" });
  });

  it("still rejects it when the pipeline region is unknown (the map proves it)", () => {
    const d = crossRegion();
    d.stages[2].actions[0].region = "eu-central-1";
    find(run(d, NO_REGION), "STORE008", "stages[2].actions[0].region");
  });

  it("leaves the pipeline region to STORE007 and source actions to ACT009", () => {
    const d = crossRegion();
    delete d.artifactStores["us-east-1"];
    d.stages[1].actions[0].region = "us-east-1";
    without(run(d), "STORE008");
    const s = crossRegion();
    s.stages[0].actions[0].region = "ap-south-1";
    without(run(s), "STORE008");
  });
});

describe("STORE009 cross-region action with singular artifactStore", () => {
  it("rejects a cross-region action with artifactStore", () => {
    const d = validPipeline();
    d.stages[2].actions[0].region = "eu-west-1";
    expect(only(run(d), "STORE009")).toMatchObject({ severity: "error", path: "stages[2].actions[0].region" });
  });

  it("with the pipeline region unknown, rejects two distinct action regions only", () => {
    const d = validPipeline();
    d.stages[2].actions[0].region = "eu-west-1";
    without(run(d, NO_REGION), "STORE009");
    d.stages[1].actions[0].region = "us-east-1";
    find(run(d, NO_REGION), "STORE009", "artifactStore");
  });

  it("accepts an action region equal to the pipeline region", () => {
    const d = validPipeline();
    d.stages[2].actions[0].region = "us-east-1";
    without(run(d), "STORE009");
  });
});

describe("STORE010 unused store regions", () => {
  it("warns on a store no action uses", () => {
    const d = crossRegion();
    d.artifactStores["ap-south-1"] = { type: "S3", location: "codepipeline-ap-south-1-123456789012" };
    expect(only(run(d), "STORE010")).toMatchObject({ severity: "warning", path: 'artifactStores["ap-south-1"]' });
  });

  it("counts condition rule regions as uses, and skips when the pipeline region is unknown", () => {
    const d = crossRegion();
    d.artifactStores["ap-south-1"] = { type: "S3", location: "codepipeline-ap-south-1-123456789012" };
    without(run(d, NO_REGION), "STORE010");
    d.stages[2].onSuccess = {
      conditions: [
        {
          result: "FAIL",
          rules: [
            {
              name: "Alarm",
              ruleTypeId: { category: "Rule", owner: "AWS", provider: "CloudWatchAlarm", version: "1" },
              configuration: { AlarmName: "errors" },
              region: "ap-south-1",
            },
          ],
        },
      ],
    };
    without(run(d), "STORE010");
  });
});

describe("STORE011 same bucket for two regions", () => {
  it("warns when two regions share a bucket", () => {
    const d = crossRegion();
    d.artifactStores["eu-west-1"].location = BUCKET;
    expect(only(run(d), "STORE011")).toMatchObject({ severity: "warning", path: 'artifactStores["eu-west-1"].location' });
  });

  it("is silent for distinct buckets", () => {
    without(run(crossRegion()), "STORE011");
  });
});
