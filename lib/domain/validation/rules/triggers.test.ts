import { describe, expect, it } from "vitest";
import { codesOf, TEST_CONTEXT, validPipeline } from "../testing/fixtures";
import { find, only, withCode, without } from "../testing/expect";
import { validate } from "../validate";
import { triggersPipeline } from "./v2-fixtures";

const GIT = "triggers[0].gitConfiguration";

function withGit(git: Record<string, unknown>) {
  const doc = triggersPipeline();
  doc.triggers[0].gitConfiguration = { sourceActionName: "Source", ...git };
  return doc;
}

describe("valid trigger pipelines", () => {
  it("is silent on the triggers fixture", () => {
    expect(validate(triggersPipeline(), TEST_CONTEXT)).toEqual([]);
  });
  it("is silent on a tag trigger and on three filters of each kind", () => {
    const tags = withGit({ push: [{ tags: { includes: ["v*"], excludes: ["v0.*"] } }] });
    expect(validate(tags, TEST_CONTEXT)).toEqual([]);
    const filter = { branches: { includes: ["main"] } };
    const many = withGit({ push: [filter, filter, filter], pullRequest: [filter, filter, { ...filter, events: ["OPEN", "UPDATED", "CLOSED"] }] });
    expect(validate(many, TEST_CONTEXT)).toEqual([]);
  });
});

describe("TRIG001 triggers need V2", () => {
  it("rejects triggers in a V1 pipeline", () => {
    const doc = triggersPipeline();
    doc.pipelineType = "V1";
    only(validate(doc, TEST_CONTEXT), "TRIG001", "triggers", "error");
  });
  it("accepts an empty list in V1", () => {
    const doc = validPipeline();
    doc.pipelineType = "V1";
    doc.triggers = [];
    without(validate(doc, TEST_CONTEXT), "TRIG001");
  });
});

describe("TRIG002 at most 50 triggers", () => {
  it("rejects 51 triggers", () => {
    const doc = triggersPipeline();
    doc.triggers = Array.from({ length: 51 }, () => structuredClone(doc.triggers[0]));
    only(validate(doc, TEST_CONTEXT), "TRIG002", "triggers", "error", ["TRIG006"]);
  });
  it("rejects a non-list", () => {
    const doc = triggersPipeline();
    doc.triggers = doc.triggers[0];
    only(validate(doc, TEST_CONTEXT), "TRIG002", "triggers", "error");
  });
});

describe("TRIG003 providerType", () => {
  it("requires providerType and explains the 'provider' doc error", () => {
    const doc = triggersPipeline();
    delete doc.triggers[0].providerType;
    doc.triggers[0].provider = "Connection";
    only(validate(doc, TEST_CONTEXT), "TRIG003", "triggers[0].providerType", "error", ["GEN005"]);
    expect(withCode(validate(doc, TEST_CONTEXT), "TRIG003")[0]?.message).toMatch(/"providerType", not "provider"/);
  });
  it("rejects another provider type", () => {
    const doc = triggersPipeline();
    doc.triggers[0].providerType = "GitHub";
    only(validate(doc, TEST_CONTEXT), "TRIG003", "triggers[0].providerType", "error");
  });
  it("rejects a trigger that is not an object", () => {
    const doc = triggersPipeline();
    doc.triggers = ["Source"];
    only(validate(doc, TEST_CONTEXT), "TRIG003", "triggers[0]", "error");
  });
  it("leaves wrong case to GEN006", () => {
    const doc = triggersPipeline();
    doc.triggers[0].providerType = "codestarsourceconnection";
    without(validate(doc, TEST_CONTEXT), "TRIG003");
  });
});

describe("TRIG004 gitConfiguration / sourceActionName", () => {
  it("requires gitConfiguration", () => {
    const doc = triggersPipeline();
    delete doc.triggers[0].gitConfiguration;
    only(validate(doc, TEST_CONTEXT), "TRIG004", GIT, "error");
  });
  it("requires a valid sourceActionName", () => {
    const doc = withGit({ sourceActionName: "My Source", push: [{ branches: { includes: ["main"] } }] });
    only(validate(doc, TEST_CONTEXT), "TRIG004", `${GIT}.sourceActionName`, "error");
  });
  it("requires sourceActionName", () => {
    const doc = triggersPipeline();
    delete doc.triggers[0].gitConfiguration.sourceActionName;
    only(validate(doc, TEST_CONTEXT), "TRIG004", `${GIT}.sourceActionName`, "error");
  });
});

describe("TRIG005 trigger targets a connection source action", () => {
  it("rejects a trigger on a CodeCommit source", () => {
    const doc = validPipeline();
    doc.triggers = triggersPipeline().triggers;
    only(validate(doc, TEST_CONTEXT), "TRIG005", `${GIT}.sourceActionName`, "error");
    expect(withCode(validate(doc, TEST_CONTEXT), "TRIG005")[0]?.message).toMatch(/Triggers for connection must reference a CodeStarSourceConnection action/);
  });
  it("names what is wrong with the target", () => {
    const message = (name: string) => withCode(validate(withGit({ sourceActionName: name, push: [{ tags: { includes: ["v*"] } }] }), TEST_CONTEXT), "TRIG005")[0]?.message;
    expect(message("Build")).toMatch(/"Build" is not a source action of the first stage/);
    expect(message("App")).toMatch(/no action is named "App"/);
    const doc = validPipeline();
    doc.triggers = triggersPipeline().triggers;
    expect(withCode(validate(doc, TEST_CONTEXT), "TRIG005")[0]?.message).toMatch(/"Source" is a CodeCommit action/);
  });
  it("leaves a wrong-case category to GEN006", () => {
    const wrongCase = triggersPipeline();
    wrongCase.stages[0].actions[0].actionTypeId.category = "source";
    only(validate(wrongCase, TEST_CONTEXT), "GEN006", "stages[0].actions[0].actionTypeId.category", "error");
  });
  it("rejects a trigger on a source action of an unknown provider, beside ACT004's finding", () => {
    const unknown = triggersPipeline();
    unknown.stages[0].actions[0].actionTypeId.provider = "CodeStarConnection";
    const diagnostics = validate(unknown, TEST_CONTEXT);
    only(diagnostics, "TRIG005", `${GIT}.sourceActionName`, "error", ["ACT004"]);
    expect(withCode(diagnostics, "TRIG005")[0]?.message).toMatch(/"Source" is a CodeStarConnection action/);
    find(diagnostics, "ACT004", "stages[0].actions[0].actionTypeId", "error");
  });
  it("rejects a trigger on a custom source action", () => {
    const custom = triggersPipeline();
    custom.stages[0].actions[0].actionTypeId = { category: "Source", owner: "Custom", provider: "InternalGit", version: "1" };
    const diagnostics = validate(custom, TEST_CONTEXT);
    only(diagnostics, "TRIG005", `${GIT}.sourceActionName`, "error", ["ACT004"]);
    expect(withCode(diagnostics, "TRIG005")[0]?.message).toMatch(/"Source" is a InternalGit action/);
  });
  it("leaves a source action without a provider to ACT003", () => {
    const missing = triggersPipeline();
    delete missing.stages[0].actions[0].actionTypeId.provider;
    without(validate(missing, TEST_CONTEXT), "TRIG005");
  });
  it("rejects a trigger on a non-source action or a missing action", () => {
    only(validate(withGit({ sourceActionName: "Build", push: [{ tags: { includes: ["v*"] } }] }), TEST_CONTEXT), "TRIG005", `${GIT}.sourceActionName`, "error");
    only(validate(withGit({ sourceActionName: "App", push: [{ tags: { includes: ["v*"] } }] }), TEST_CONTEXT), "TRIG005", `${GIT}.sourceActionName`, "error");
  });
});

describe("TRIG006 one trigger per source action", () => {
  it("rejects a second trigger for the same action", () => {
    const doc = triggersPipeline();
    doc.triggers.push(structuredClone(doc.triggers[0]));
    only(validate(doc, TEST_CONTEXT), "TRIG006", "triggers[1].gitConfiguration.sourceActionName", "error");
  });
});

describe("TRIG007 filter list sizes", () => {
  it("rejects four push filters", () => {
    const filter = { branches: { includes: ["main"] } };
    only(validate(withGit({ push: [filter, filter, filter, filter] }), TEST_CONTEXT), "TRIG007", `${GIT}.push`, "error");
  });
  it("rejects a non-list and a non-object filter", () => {
    only(validate(withGit({ push: { branches: { includes: ["main"] } } }), TEST_CONTEXT), "TRIG007", `${GIT}.push`, "error");
    only(validate(withGit({ pullRequest: ["main"] }), TEST_CONTEXT), "TRIG007", `${GIT}.pullRequest[0]`, "error");
  });
  it("leaves [] to GEN003", () => {
    without(validate(withGit({ push: [], pullRequest: [{ branches: { includes: ["main"] } }] }), TEST_CONTEXT), "TRIG007");
  });
});

describe("TRIG008 pattern list sizes", () => {
  it("rejects nine include patterns", () => {
    const includes = ["main", "a", "b", "c", "d", "e", "f", "g", "h"];
    only(validate(withGit({ push: [{ branches: { includes } }] }), TEST_CONTEXT), "TRIG008", `${GIT}.push[0].branches.includes`, "error");
  });
  it("rejects a pattern over 255 characters", () => {
    const doc = withGit({ push: [{ branches: { includes: ["main", "x".repeat(256)] } }] });
    only(validate(doc, TEST_CONTEXT), "TRIG008", `${GIT}.push[0].branches.includes[1]`, "error");
  });
  it("rejects criteria that are not objects", () => {
    only(validate(withGit({ push: [{ branches: ["main"] }] }), TEST_CONTEXT), "TRIG008", `${GIT}.push[0].branches`, "error");
    only(validate(withGit({ push: [{ branches: { includes: "main" } }] }), TEST_CONTEXT), "TRIG008", `${GIT}.push[0].branches.includes`, "error");
  });
});

describe("TRIG009 pull-request events", () => {
  const pr = (events: unknown) => withGit({ pullRequest: [{ events, branches: { includes: ["main"] } }] });
  it("rejects an unknown event", () => {
    only(validate(pr(["MERGED"]), TEST_CONTEXT), "TRIG009", `${GIT}.pullRequest[0].events[0]`, "error");
  });
  it("warns about duplicates", () => {
    only(validate(pr(["OPEN", "OPEN"]), TEST_CONTEXT), "TRIG009", `${GIT}.pullRequest[0].events[1]`, "warning");
  });
  it("rejects four events and a non-list", () => {
    expect(withCode(validate(pr(["OPEN", "UPDATED", "CLOSED", "OPEN"]), TEST_CONTEXT), "TRIG009").map((d) => [d.path, d.severity])).toEqual([
      [`${GIT}.pullRequest[0].events`, "error"],
      [`${GIT}.pullRequest[0].events[3]`, "warning"],
    ]);
    only(validate(pr("OPEN"), TEST_CONTEXT), "TRIG009", `${GIT}.pullRequest[0].events`, "error");
  });
  it("leaves wrong case to GEN006", () => {
    without(validate(pr(["open"]), TEST_CONTEXT), "TRIG009");
  });
});

describe("TRIG010–TRIG012 filter combinations", () => {
  it("TRIG010: push filter without tags or branches", () => {
    only(validate(withGit({ push: [{ filePaths: { includes: ["src/**"] } }] }), TEST_CONTEXT), "TRIG010", `${GIT}.push[0]`, "error");
  });
  it("TRIG011: pull-request filePaths without branches", () => {
    only(validate(withGit({ pullRequest: [{ filePaths: { includes: ["src/**"] } }] }), TEST_CONTEXT), "TRIG011", `${GIT}.pullRequest[0].filePaths`, "error");
  });
  it("TRIG011: push tags with filePaths", () => {
    const doc = withGit({ push: [{ tags: { includes: ["v*"] }, filePaths: { includes: ["src/**"] } }] });
    only(validate(doc, TEST_CONTEXT), "TRIG011", `${GIT}.push[0].filePaths`, "error");
  });
  it("TRIG012: pull-request filter without branches", () => {
    only(validate(withGit({ pullRequest: [{ events: ["OPEN"] }] }), TEST_CONTEXT), "TRIG012", `${GIT}.pullRequest[0]`, "error");
  });
  it("accepts branches with filePaths", () => {
    const doc = withGit({ push: [{ branches: { includes: ["main"] }, filePaths: { includes: ["src/**"] } }] });
    expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual([]);
  });
});

describe("TRIG013 neither push nor pullRequest", () => {
  it("warns", () => {
    only(validate(withGit({}), TEST_CONTEXT), "TRIG013", GIT, "warning");
  });
});

describe("TRIG014 glob sanity", () => {
  it.each([["release/{a,{b,c}}"], ["release/{a,b"], ["v[0-9"], ["main\\"]])("warns about %s", (glob) => {
    const doc = withGit({ push: [{ branches: { includes: ["main", glob] } }] });
    only(validate(doc, TEST_CONTEXT), "TRIG014", `${GIT}.push[0].branches.includes[1]`, "warning");
  });
  it("accepts escapes and groups", () => {
    without(validate(withGit({ push: [{ branches: { includes: ["main", "release/{v1,v2}/**", "hot\\{fix\\}"] } }] }), TEST_CONTEXT), "TRIG014");
  });
});

describe("TRIG015 same pattern in includes and excludes", () => {
  it("warns about the dead include", () => {
    const doc = withGit({
      push: [{ branches: { includes: ["main", "dev"], excludes: ["dev"] } }],
    });
    only(validate(doc, TEST_CONTEXT), "TRIG015", `${GIT}.push[0].branches.includes[1]`, "warning");
  });
});

describe("TRIG016 BranchName vs branch filters", () => {
  it("warns when no branch include matches BranchName", () => {
    const doc = withGit({
      push: [{ branches: { includes: ["release/**"] } }],
      pullRequest: [{ branches: { includes: ["release/**"] } }],
    });
    only(validate(doc, TEST_CONTEXT), "TRIG016", "stages[0].actions[0].configuration.BranchName", "warning");
  });
  it("counts excludes", () => {
    const doc = withGit({ push: [{ branches: { includes: ["**"], excludes: ["main"] } }] });
    only(validate(doc, TEST_CONTEXT), "TRIG016", "stages[0].actions[0].configuration.BranchName", "warning");
  });
  it("accepts a matching glob and tag-only triggers", () => {
    without(validate(withGit({ push: [{ branches: { includes: ["{main,develop}"] } }] }), TEST_CONTEXT), "TRIG016");
    without(validate(withGit({ push: [{ tags: { includes: ["v*"] } }] }), TEST_CONTEXT), "TRIG016");
  });
});

describe("totality", () => {
  it("never throws on odd shapes", () => {
    const odd: unknown[] = [null, 1, "x", [], {}, [null], { gitConfiguration: [] }, { gitConfiguration: { push: [null, { branches: null, tags: 1 }], pullRequest: [{ events: [1, null] }] } }];
    for (const value of odd) {
      const doc = triggersPipeline();
      doc.triggers = [value, value];
      expect(codesOf(validate(doc, TEST_CONTEXT))).not.toContain("PW000");
    }
  });
});
