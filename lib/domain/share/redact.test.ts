import { describe, expect, it } from "vitest";
import { SECRET_MASK } from "../catalog/secrets";
import { maskCopies, redactDeclaration } from "./redact";

const TOKEN = "ghp_5ecretT0kenValue";

function pipeline() {
  return {
    name: "p",
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "GitHub",
            actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
            configuration: { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: TOKEN },
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "Alexa",
            actionTypeId: { category: "Deploy", owner: "ThirdParty", provider: "AlexaSkillsKit", version: "1" },
            configuration: { ClientId: "id", ClientSecret: TOKEN, RefreshToken: TOKEN, SkillId: "skill" },
          },
          {
            name: "Custom",
            actionTypeId: { category: "Deploy", owner: "Custom", provider: "InHouse", version: "1" },
            configuration: { oauthtoken: TOKEN, Target: "prod" },
          },
        ],
        beforeEntry: { conditions: [{ result: "FAIL", rules: [{ name: "r", ruleTypeId: { category: "Rule", owner: "AWS", provider: "X", version: "1" }, configuration: { OAuthToken: TOKEN } }] }] },
      },
    ],
  };
}

describe("redactDeclaration", () => {
  it("masks every secret configuration value, by catalog and by name, on actions and rules, and lists them", () => {
    const input = pipeline();
    const { value, redacted } = redactDeclaration(input);
    expect(JSON.stringify(value)).not.toContain(TOKEN);
    expect(redacted).toEqual([
      "stages[0].actions[0].configuration.OAuthToken",
      "stages[1].actions[0].configuration.ClientSecret",
      "stages[1].actions[0].configuration.RefreshToken",
      "stages[1].actions[1].configuration.oauthtoken",
      "stages[1].beforeEntry.conditions[0].rules[0].configuration.OAuthToken",
    ]);
    const stages = value.stages as { actions: { configuration: Record<string, unknown> }[] }[];
    expect(stages[0]!.actions[0]!.configuration).toEqual({ Owner: "acme", Repo: "web", Branch: "main", OAuthToken: SECRET_MASK });
    expect(stages[1]!.actions[1]!.configuration.Target).toBe("prod");
    // The input is left as it was.
    expect(JSON.stringify(input)).toContain(TOKEN);
  });

  it("keeps what is not a secret, including odd shapes, and a __proto__ key as data", () => {
    const odd = { name: "x", stages: [null, { name: "s", actions: [1, { name: "a", configuration: JSON.parse('{"__proto__": {"polluted": 1}, "ProjectName": "p"}') }] }] };
    const { value, redacted } = redactDeclaration(odd);
    expect(redacted).toEqual([]);
    expect(JSON.stringify(value)).toBe(JSON.stringify(odd));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(redactDeclaration({ name: "no stages" })).toEqual({ value: { name: "no stages" }, redacted: [], secrets: [] });
  });
});

describe("maskCopies", () => {
  it("masks copies of a secret in strings and keys anywhere, and says where", () => {
    const found = redactDeclaration(pipeline());
    expect(found.secrets).toEqual([TOKEN]);
    const copied = {
      name: `p-${TOKEN}`,
      stages: [{ name: "s", actions: [{ configuration: { EnvironmentVariables: `[{"name":"T","value":"${TOKEN}"}]`, [TOKEN]: "as a key" } }] }],
    };
    const { value, redacted } = maskCopies(copied, found.secrets, "");
    expect(JSON.stringify(value)).not.toContain(TOKEN);
    expect(value.name).toBe("p-****");
    expect(redacted).toEqual(["name", "stages[0].actions[0].configuration.EnvironmentVariables", "stages[0].actions[0].configuration[\"****\"]"]);
    expect(maskCopies(`note with ${TOKEN}`, found.secrets, "note")).toEqual({ value: "note with ****", redacted: ["note"], secrets: [TOKEN] });
  });

  it("does not search for masks or short values, which would match ordinary text", () => {
    const { secrets } = redactDeclaration({
      stages: [{ actions: [{ actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" }, configuration: { OAuthToken: "****" } }, { configuration: { ClientSecret: "abc" } }] }],
    });
    expect(secrets).toEqual([]);
  });
});
