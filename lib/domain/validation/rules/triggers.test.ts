import { describe, expect, it } from "vitest";
import { codesOf, TEST_CONTEXT, validPipeline } from "../testing/fixtures";
import { validate } from "../validate";
import { expectNo, expectOnly, findings, triggersPipeline } from "./v2-fixtures";

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
    expectOnly(doc, "TRIG001", "triggers", "error");
  });
  it("accepts an empty list in V1", () => {
    const doc = validPipeline();
    doc.pipelineType = "V1";
    doc.triggers = [];
    expectNo(doc, "TRIG001");
  });
});

describe("TRIG002 at most 50 triggers", () => {
  it("rejects 51 triggers", () => {
    const doc = triggersPipeline();
    doc.triggers = Array.from({ length: 51 }, () => structuredClone(doc.triggers[0]));
    expectOnly(doc, "TRIG002", "triggers", "error", ["TRIG006"]);
  });
  it("rejects a non-list", () => {
    const doc = triggersPipeline();
    doc.triggers = doc.triggers[0];
    expectOnly(doc, "TRIG002", "triggers", "error");
  });
});

describe("TRIG003 providerType", () => {
  it("requires providerType and explains the 'provider' doc error", () => {
    const doc = triggersPipeline();
    delete doc.triggers[0].providerType;
    doc.triggers[0].provider = "Connection";
    expectOnly(doc, "TRIG003", "triggers[0].providerType", "error", ["GEN005"]);
    expect(findings(doc, "TRIG003")[0]?.message).toMatch(/"providerType", not "provider"/);
  });
  it("rejects another provider type", () => {
    const doc = triggersPipeline();
    doc.triggers[0].providerType = "GitHub";
    expectOnly(doc, "TRIG003", "triggers[0].providerType", "error");
  });
  it("rejects a trigger that is not an object", () => {
    const doc = triggersPipeline();
    doc.triggers = ["Source"];
    expectOnly(doc, "TRIG003", "triggers[0]", "error");
  });
  it("leaves wrong case to GEN006", () => {
    const doc = triggersPipeline();
    doc.triggers[0].providerType = "codestarsourceconnection";
    expectNo(doc, "TRIG003");
  });
});

describe("TRIG004 gitConfiguration / sourceActionName", () => {
  it("requires gitConfiguration", () => {
    const doc = triggersPipeline();
    delete doc.triggers[0].gitConfiguration;
    expectOnly(doc, "TRIG004", GIT, "error");
  });
  it("requires a valid sourceActionName", () => {
    const doc = withGit({ sourceActionName: "My Source", push: [{ branches: { includes: ["main"] } }] });
    expectOnly(doc, "TRIG004", `${GIT}.sourceActionName`, "error");
  });
  it("requires sourceActionName", () => {
    const doc = triggersPipeline();
    delete doc.triggers[0].gitConfiguration.sourceActionName;
    expectOnly(doc, "TRIG004", `${GIT}.sourceActionName`, "error");
  });
});

describe("TRIG005 trigger targets a connection source action", () => {
  it("rejects a trigger on a CodeCommit source", () => {
    const doc = validPipeline();
    doc.triggers = triggersPipeline().triggers;
    expectOnly(doc, "TRIG005", `${GIT}.sourceActionName`, "error");
    expect(findings(doc, "TRIG005")[0]?.message).toMatch(/Triggers for connection must reference a CodeStarSourceConnection action/);
  });
  it("names what is wrong with the target", () => {
    const message = (name: string) => findings(withGit({ sourceActionName: name, push: [{ tags: { includes: ["v*"] } }] }), "TRIG005")[0]?.message;
    expect(message("Build")).toMatch(/"Build" is not a source action of the first stage/);
    expect(message("App")).toMatch(/no action is named "App"/);
    const doc = validPipeline();
    doc.triggers = triggersPipeline().triggers;
    expect(findings(doc, "TRIG005")[0]?.message).toMatch(/"Source" is a CodeCommit action/);
  });
  it("leaves a wrong-case category to GEN006 and an unknown type to ACT004", () => {
    const wrongCase = triggersPipeline();
    wrongCase.stages[0].actions[0].actionTypeId.category = "source";
    expectOnly(wrongCase, "GEN006", "stages[0].actions[0].actionTypeId.category", "error");
    const unknown = triggersPipeline();
    unknown.stages[0].actions[0].actionTypeId.provider = "CodeStarConnection";
    expectNo(unknown, "TRIG005");
  });
  it("rejects a trigger on a non-source action or a missing action", () => {
    expectOnly(withGit({ sourceActionName: "Build", push: [{ tags: { includes: ["v*"] } }] }), "TRIG005", `${GIT}.sourceActionName`, "error");
    expectOnly(withGit({ sourceActionName: "App", push: [{ tags: { includes: ["v*"] } }] }), "TRIG005", `${GIT}.sourceActionName`, "error");
  });
});

describe("TRIG006 one trigger per source action", () => {
  it("rejects a second trigger for the same action", () => {
    const doc = triggersPipeline();
    doc.triggers.push(structuredClone(doc.triggers[0]));
    expectOnly(doc, "TRIG006", "triggers[1].gitConfiguration.sourceActionName", "error");
  });
});

describe("TRIG007 filter list sizes", () => {
  it("rejects four push filters", () => {
    const filter = { branches: { includes: ["main"] } };
    expectOnly(withGit({ push: [filter, filter, filter, filter] }), "TRIG007", `${GIT}.push`, "error");
  });
  it("rejects a non-list and a non-object filter", () => {
    expectOnly(withGit({ push: { branches: { includes: ["main"] } } }), "TRIG007", `${GIT}.push`, "error");
    expectOnly(withGit({ pullRequest: ["main"] }), "TRIG007", `${GIT}.pullRequest[0]`, "error");
  });
  it("leaves [] to GEN003", () => {
    expectNo(withGit({ push: [], pullRequest: [{ branches: { includes: ["main"] } }] }), "TRIG007");
  });
});

describe("TRIG008 pattern list sizes", () => {
  it("rejects nine include patterns", () => {
    const includes = ["main", "a", "b", "c", "d", "e", "f", "g", "h"];
    expectOnly(withGit({ push: [{ branches: { includes } }] }), "TRIG008", `${GIT}.push[0].branches.includes`, "error");
  });
  it("rejects a pattern over 255 characters", () => {
    const doc = withGit({ push: [{ branches: { includes: ["main", "x".repeat(256)] } }] });
    expectOnly(doc, "TRIG008", `${GIT}.push[0].branches.includes[1]`, "error");
  });
  it("rejects criteria that are not objects", () => {
    expectOnly(withGit({ push: [{ branches: ["main"] }] }), "TRIG008", `${GIT}.push[0].branches`, "error");
    expectOnly(withGit({ push: [{ branches: { includes: "main" } }] }), "TRIG008", `${GIT}.push[0].branches.includes`, "error");
  });
});

describe("TRIG009 pull-request events", () => {
  const pr = (events: unknown) => withGit({ pullRequest: [{ events, branches: { includes: ["main"] } }] });
  it("rejects an unknown event", () => {
    expectOnly(pr(["MERGED"]), "TRIG009", `${GIT}.pullRequest[0].events[0]`, "error");
  });
  it("warns about duplicates", () => {
    expectOnly(pr(["OPEN", "OPEN"]), "TRIG009", `${GIT}.pullRequest[0].events[1]`, "warning");
  });
  it("rejects four events and a non-list", () => {
    expect(findings(pr(["OPEN", "UPDATED", "CLOSED", "OPEN"]), "TRIG009").map((d) => [d.path, d.severity])).toEqual([
      [`${GIT}.pullRequest[0].events`, "error"],
      [`${GIT}.pullRequest[0].events[3]`, "warning"],
    ]);
    expectOnly(pr("OPEN"), "TRIG009", `${GIT}.pullRequest[0].events`, "error");
  });
  it("leaves wrong case to GEN006", () => {
    expectNo(pr(["open"]), "TRIG009");
  });
});

describe("TRIG010–TRIG012 filter combinations", () => {
  it("TRIG010: push filter without tags or branches", () => {
    expectOnly(withGit({ push: [{ filePaths: { includes: ["src/**"] } }] }), "TRIG010", `${GIT}.push[0]`, "error");
  });
  it("TRIG011: pull-request filePaths without branches", () => {
    expectOnly(withGit({ pullRequest: [{ filePaths: { includes: ["src/**"] } }] }), "TRIG011", `${GIT}.pullRequest[0].filePaths`, "error");
  });
  it("TRIG011: push tags with filePaths", () => {
    const doc = withGit({ push: [{ tags: { includes: ["v*"] }, filePaths: { includes: ["src/**"] } }] });
    expectOnly(doc, "TRIG011", `${GIT}.push[0].filePaths`, "error");
  });
  it("TRIG012: pull-request filter without branches", () => {
    expectOnly(withGit({ pullRequest: [{ events: ["OPEN"] }] }), "TRIG012", `${GIT}.pullRequest[0]`, "error");
  });
  it("accepts branches with filePaths", () => {
    const doc = withGit({ push: [{ branches: { includes: ["main"] }, filePaths: { includes: ["src/**"] } }] });
    expect(codesOf(validate(doc, TEST_CONTEXT))).toEqual([]);
  });
});

describe("TRIG013 neither push nor pullRequest", () => {
  it("warns", () => {
    expectOnly(withGit({}), "TRIG013", GIT, "warning");
  });
});

describe("TRIG014 glob sanity", () => {
  it.each([["release/{a,{b,c}}"], ["release/{a,b"], ["v[0-9"], ["main\\"]])("warns about %s", (glob) => {
    const doc = withGit({ push: [{ branches: { includes: ["main", glob] } }] });
    expectOnly(doc, "TRIG014", `${GIT}.push[0].branches.includes[1]`, "warning");
  });
  it("accepts escapes and groups", () => {
    expectNo(withGit({ push: [{ branches: { includes: ["main", "release/{v1,v2}/**", "hot\\{fix\\}"] } }] }), "TRIG014");
  });
});

describe("TRIG015 same pattern in includes and excludes", () => {
  it("warns about the dead include", () => {
    const doc = withGit({
      push: [{ branches: { includes: ["main", "dev"], excludes: ["dev"] } }],
    });
    expectOnly(doc, "TRIG015", `${GIT}.push[0].branches.includes[1]`, "warning");
  });
});

describe("TRIG016 BranchName vs branch filters", () => {
  it("warns when no branch include matches BranchName", () => {
    const doc = withGit({
      push: [{ branches: { includes: ["release/**"] } }],
      pullRequest: [{ branches: { includes: ["release/**"] } }],
    });
    expectOnly(doc, "TRIG016", "stages[0].actions[0].configuration.BranchName", "warning");
  });
  it("counts excludes", () => {
    const doc = withGit({ push: [{ branches: { includes: ["**"], excludes: ["main"] } }] });
    expectOnly(doc, "TRIG016", "stages[0].actions[0].configuration.BranchName", "warning");
  });
  it("accepts a matching glob and tag-only triggers", () => {
    expectNo(withGit({ push: [{ branches: { includes: ["{main,develop}"] } }] }), "TRIG016");
    expectNo(withGit({ push: [{ tags: { includes: ["v*"] } }] }), "TRIG016");
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
