/**
 * The `shareDesign` server action end to end on each storage backend, as the app runs it (storage
 * from PIPEWRIGHT_DATA_DIR or DATABASE_URL): a payload that tries to smuggle a secret through every
 * field it has, then the stored row read straight from the database (and, for SQLite, the
 * database files' bytes).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { shareDesign } from "@/app/s/actions";
import type { JsonObject } from "@/lib/domain/json";
import { openSqlClient } from "@/lib/storage/storage";
import type { StorageConfig } from "@/lib/storage/config";
import { getStorage } from "@/lib/storage/server";
import { testBackends } from "../storage/backends";
import { releasePipeline } from "../sync/fixtures";
import { shareInput } from "./fixtures";

const SECRET = "ghp_SmuggledS3cretValue0123456789";
const backends = testBackends();
const HOLDER = Symbol.for("pipewright.storage");
const saved = { DATABASE_URL: process.env.DATABASE_URL, PIPEWRIGHT_DATA_DIR: process.env.PIPEWRIGHT_DATA_DIR };

async function useStorage(config: StorageConfig): Promise<void> {
  await closeStorage();
  if (config.backend === "sqlite") {
    delete process.env.DATABASE_URL;
    process.env.PIPEWRIGHT_DATA_DIR = path.dirname(config.file);
  } else {
    process.env.DATABASE_URL = config.url;
  }
}

async function closeStorage(): Promise<void> {
  const holder = globalThis as { [HOLDER]?: Promise<{ close(): Promise<void> }> };
  const open = holder[HOLDER];
  delete holder[HOLDER];
  if (open) await (await open).close();
}

afterEach(closeStorage);
afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  for (const backend of backends) await backend.cleanup();
});

/** Every place a secret could ride along: secret keys by catalog and by name, rules, copies in other fields, names, title and note. */
function smuggling(): JsonObject {
  const declaration = releasePipeline("smuggler");
  const stages = declaration.stages as JsonObject[];
  stages[0]!.actions = [
    ...(stages[0]!.actions as JsonObject[]),
    {
      name: "GitHubV1",
      actionTypeId: { category: "Source", owner: "ThirdParty", provider: "GitHub", version: "1" },
      configuration: { Owner: "acme", Repo: "web", Branch: "main", OAuthToken: SECRET, PollForSourceChanges: "false" },
      outputArtifacts: [{ name: "GitHubOut" }],
      runOrder: 1,
    },
  ];
  stages.push({
    name: "Ship",
    actions: [
      {
        name: "Alexa",
        actionTypeId: { category: "Deploy", owner: "ThirdParty", provider: "AlexaSkillsKit", version: "1" },
        configuration: { ClientId: "client", ClientSecret: `${SECRET}-2`, RefreshToken: `${SECRET}-3`, SkillId: "skill" },
        inputArtifacts: [{ name: "GitHubOut" }],
      },
      {
        name: `Custom-${SECRET}`,
        actionTypeId: { category: "Deploy", owner: "Custom", provider: "InHouse", version: "1" },
        configuration: { OAUTHTOKEN: `${SECRET}-4`, Notes: `copied ${SECRET} here` },
        runOrder: 2,
      },
    ],
    beforeEntry: { conditions: [{ result: "FAIL", rules: [{ name: "Gate", ruleTypeId: { category: "Rule", owner: "AWS", provider: "LambdaInvoke", version: "1" }, configuration: { FunctionName: "f", OAuthToken: `${SECRET}-5` } }] }] },
  });
  declaration.description = `token ${SECRET}`;
  return declaration;
}

describe.each(backends)("shareDesign on $name", (backend) => {
  it("stores no secret from any field, and lists what it masked", async () => {
    const config = await backend.fresh();
    await useStorage(config);
    const declaration = smuggling();
    const base = shareInput(declaration, { title: `Release ${SECRET}`, note: `The token is ${SECRET}` });

    // Fields that cannot carry free text refuse anything else: nothing is stored for these.
    const refused = [
      { ...base, secret: SECRET },
      { ...base, region: SECRET },
      { ...base, layout: { ...base.layout, orientation: SECRET } },
      { ...base, layout: { ...base.layout, stageIds: [SECRET, ...base.layout.stageIds.slice(1)] } },
      { ...base, layout: { ...base.layout, actionIds: [[SECRET], ...base.layout.actionIds.slice(1)] } },
      { ...base, layout: { ...base.layout, collapsed: [SECRET] } },
      { ...base, layout: { ...base.layout, extra: SECRET } },
    ];
    for (const input of refused) expect(await shareDesign(input as never)).toMatchObject({ status: "invalid-input" });

    const shared = await shareDesign(base);
    expect(shared).toMatchObject({ status: "shared", created: true });
    if (shared.status !== "shared") throw new Error("not shared");
    expect(shared.redacted).toEqual(
      expect.arrayContaining([
        "stages[0].actions[1].configuration.OAuthToken",
        "stages[3].actions[0].configuration.ClientSecret",
        "stages[3].actions[0].configuration.RefreshToken",
        "stages[3].actions[1].configuration.OAUTHTOKEN",
        "stages[3].actions[1].configuration.Notes",
        "stages[3].actions[1].name",
        "stages[3].beforeEntry.conditions[0].rules[0].configuration.OAuthToken",
        "description",
        "title",
        "note",
      ]),
    );

    const raw = openSqlClient(config);
    try {
      const rows = await raw.query("SELECT * FROM snapshots");
      expect(rows).toHaveLength(1);
      const stored = JSON.stringify(rows);
      expect(stored).not.toContain(SECRET);
      expect(stored).toContain("****");
      const payload = JSON.parse(String(rows[0]!.payload)) as JsonObject;
      expect(payload.title).toBe("Release ****");
      expect(payload.note).toBe("The token is ****");
    } finally {
      await raw.close();
    }
    if (config.backend === "sqlite") {
      await closeStorage();
      const dir = path.dirname(config.file);
      for (const file of readdirSync(dir)) expect(readFileSync(path.join(dir, file)).includes(SECRET), file).toBe(false);
    }
  });

  it("answers a clear refusal for a snapshot over 2 MB and for read-only deployments", async () => {
    await useStorage(await backend.fresh());
    const big = await shareDesign(shareInput({ ...releasePipeline("big"), description: "x".repeat(2 * 1024 * 1024 + 1) }));
    expect(big).toMatchObject({ status: "invalid-input", message: expect.stringMatching(/^The request is 2\.0 MB; the limit is 2\.0 MB\.$/) });
    process.env.PIPEWRIGHT_READ_ONLY = "1";
    try {
      expect(await shareDesign(shareInput())).toMatchObject({ status: "read-only" });
    } finally {
      delete process.env.PIPEWRIGHT_READ_ONLY;
    }
    const storage = await getStorage();
    expect(await storage.sql.query("SELECT id FROM snapshots")).toEqual([]);
  });
});
