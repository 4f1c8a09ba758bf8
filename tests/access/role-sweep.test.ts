/**
 * Every server action checks the caller's role on the server. The test finds every
 * `app/**\/actions.ts`, imports it, and calls every exported function directly (not through the
 * UI) as nobody, as a signed-in user holding no role, and as a viewer, an editor and an operator
 * (real OIDC sessions in the session store, PIPEWRIGHT_AUTH=oidc). Callers lacking the role the
 * action needs get `unauthenticated` / `forbidden`; callers holding it get past the role check (the
 * mutating ones then meet PIPEWRIGHT_READ_ONLY=1, so nothing on the backend changes). A new action
 * fails this test until it is listed below with the role it needs.
 */
import { CreatePipelineCommand, ListPipelinesCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/lib/audit/server";
import { shareInput } from "../share/fixtures";
import { everyServerAction } from "../support/server-actions";
import { SESSION_COOKIE, userFor } from "@/lib/auth/current";
import { openSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/domain/access/roles";
import { startTestEmulator, type TestEmulator } from "@/lib/emulator/testing/start-test-emulator";
import { quiesce } from "../aws/fixtures";
import { releasePipeline, useEmulatorBackend } from "../sync/fixtures";
import { actAs } from "./request-scope";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders);

/** An execution id of the right shape; the refused calls never reach the backend with it. */
const ACL_EXECUTION = "00000000-0000-4000-8000-000000000000";

/** Every server action: the role it needs, whether it changes the backend, and an input that passes its schema. */
const ACTIONS: Record<string, { readonly role: Role; readonly mutating: boolean; readonly input: unknown; readonly returnsNothing?: true }> = {
  "app/designer/actions.ts#openLivePipeline": { role: "viewer", mutating: false, input: { name: "acl-live" } },
  "app/designer/actions.ts#reviewPush": { role: "viewer", mutating: false, input: { declaration: releasePipeline("acl-live"), base: { name: "acl-live", region: "us-east-1", version: 1 } } },
  "app/designer/actions.ts#pushPipeline": { role: "editor", mutating: true, input: { declaration: releasePipeline("acl-live"), base: { name: "acl-live", region: "us-east-1", version: 1 } } },
  "app/pipelines/[name]/actions.ts#deletePipelineAction": { role: "editor", mutating: true, input: { name: "acl-live", confirmName: "acl-live" } },
  "app/pipelines/[name]/actions.ts#startExecutionAction": {
    role: "operator",
    mutating: true,
    input: { pipelineName: "acl-live", clientRequestToken: "acl-start-1", variables: [{ name: "Env", value: "prod" }], sourceRevisions: [{ actionName: "Checkout", revisionType: "COMMIT_ID", revisionValue: "abc1234" }] },
  },
  "app/pipelines/[name]/actions.ts#stopExecutionAction": { role: "operator", mutating: true, input: { pipelineName: "acl-live", executionId: ACL_EXECUTION, abandon: true, reason: "role sweep" } },
  "app/pipelines/[name]/actions.ts#retryStageAction": { role: "operator", mutating: true, input: { pipelineName: "acl-live", stageName: "Build", executionId: ACL_EXECUTION, retryMode: "FAILED_ACTIONS" } },
  "app/pipelines/[name]/actions.ts#answerApprovalAction": {
    role: "operator",
    mutating: true,
    input: { pipelineName: "acl-live", stageName: "Approve", actionName: "Review", token: ACL_EXECUTION, status: "Approved", summary: "ok" },
  },
  "app/pipelines/[name]/actions.ts#changeTransitionAction": { role: "operator", mutating: true, input: { pipelineName: "acl-live", stageName: "Build", transitionType: "Inbound", enable: false, reason: "freeze" } },
  "app/pipelines/[name]/actions.ts#rollbackStageAction": { role: "operator", mutating: true, input: { pipelineName: "acl-live", stageName: "Build", targetExecutionId: ACL_EXECUTION } },
  "app/pipelines/[name]/actions.ts#overrideStageCondition": { role: "operator", mutating: true, input: { pipelineName: "acl-live", stageName: "Build", executionId: ACL_EXECUTION, conditionType: "ON_SUCCESS" } },
  // The operation dialogs' reads.
  "app/pipelines/[name]/actions.ts#approvalContextAction": { role: "viewer", mutating: false, input: { pipelineName: "acl-live", stageName: "Approve" } },
  "app/pipelines/[name]/actions.ts#rollbackTargetsAction": { role: "viewer", mutating: false, input: { pipelineName: "acl-live", stageName: "Build" } },
  "app/s/actions.ts#shareDesign": { role: "editor", mutating: true, input: shareInput(releasePipeline("acl-live")) },
  "app/s/actions.ts#shareExecutionReport": { role: "editor", mutating: true, input: { pipelineName: "acl-live", executionId: "00000000-0000-4000-8000-000000000000" } },
  // A form action (Refresh): it answers nothing, so only its not throwing is visible here.
  "app/pipelines/actions.ts#refreshPipelines": { role: "viewer", mutating: false, input: undefined, returnsNothing: true },
};

const ROLES_CONFIG = { viewer: ["group:readers"], editor: ["group:developers"], operator: ["group:release-managers", "ops@example.test"] };

/** The callers: their session cookie (none for nobody) and the roles ROLES_CONFIG gives them. */
const CALLERS = {
  nobody: { groups: undefined, roles: [] },
  "no-role": { groups: ["contractors"], roles: [] },
  viewer: { groups: ["readers"], roles: ["viewer"] },
  editor: { groups: ["developers"], roles: ["editor"] },
  operator: { groups: [], roles: ["operator"] },
} as const satisfies Record<string, { groups: readonly string[] | undefined; roles: readonly Role[] }>;

let emu: TestEmulator;
// The audit log goes to the app's storage: a SQLite file of this test's own.
const dataDir = mkdtempSync(path.join(tmpdir(), "pipewright-access-"));
const STORAGE = Symbol.for("pipewright.storage");
let restoreEnv: () => void;
const saved = { ...process.env };

beforeAll(async () => {
  emu = await startTestEmulator({ timeScale: 100 });
  restoreEnv = useEmulatorBackend(emu);
  await emu.client.send(new CreatePipelineCommand({ pipeline: releasePipeline("acl-live") as unknown as PipelineDeclaration }));
  await quiesce(emu.client, "acl-live");
  Object.assign(process.env, {
    PIPEWRIGHT_AUTH: "oidc",
    PIPEWRIGHT_ROLES: JSON.stringify(ROLES_CONFIG),
    // The guard reads sessions only; nothing here talks to the provider these settings name.
    PIPEWRIGHT_OIDC_ISSUER: "http://127.0.0.1:9/",
    PIPEWRIGHT_OIDC_CLIENT_ID: "pipewright",
    PIPEWRIGHT_OIDC_CLIENT_SECRET: "sweep",
    PIPEWRIGHT_PUBLIC_URL: "http://127.0.0.1:3000",
    PIPEWRIGHT_DATA_DIR: dataDir,
  });
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  const holder = globalThis as { [STORAGE]?: Promise<{ close(): Promise<void> }> };
  const open = holder[STORAGE];
  delete holder[STORAGE];
  if (open) await (await open).close();
  rmSync(dataDir, { recursive: true, force: true });
  if (saved.DATABASE_URL !== undefined) process.env.DATABASE_URL = saved.DATABASE_URL;
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  restoreEnv?.();
  await emu?.close();
});

async function signIn(caller: keyof typeof CALLERS): Promise<void> {
  const { groups } = CALLERS[caller];
  if (groups === undefined) return actAs({});
  const email = caller === "operator" ? "ops@example.test" : `${caller}@example.test`;
  const { id } = await openSession(userFor("oidc", { email, groups }, ROLES_CONFIG as never), 3600);
  actAs({}, { [SESSION_COOKIE]: id });
}

async function backendState(): Promise<string> {
  const listed = await emu.client.send(new ListPipelinesCommand({}));
  return JSON.stringify(listed.pipelines?.map((p) => [p.name, p.version]));
}

describe("roles (PIPEWRIGHT_AUTH=oidc)", { timeout: 120_000 }, () => {
  it("every server action refuses callers lacking its role, and lets those holding it past the check", async () => {
    const before = await backendState();
    process.env.PIPEWRIGHT_READ_ONLY = "1";
    const seen = new Set<string>();
    try {
      for (const { id, call } of await everyServerAction()) {
        seen.add(id);
        const entry = ACTIONS[id];
        expect(entry, `${id} is a server action this test does not know: add it to ACTIONS with the role it needs`).toBeDefined();
        for (const caller of Object.keys(CALLERS) as (keyof typeof CALLERS)[]) {
          await signIn(caller);
          const result = ((await call(entry!.input)) as { status: string; required?: Role } | undefined) ?? { status: "nothing" };
          const label = `${id} as ${caller}`;
          if (entry!.returnsNothing) {
            expect(result.status, label).toBe("nothing");
            continue;
          }
          const holds = caller !== "nobody" && (entry!.role === "viewer" ? CALLERS[caller].roles.length > 0 : (CALLERS[caller].roles as readonly Role[]).includes(entry!.role));
          if (caller === "nobody") expect(result, label).toMatchObject({ status: "unauthenticated" });
          else if (!holds) expect(result, label).toMatchObject({ status: "forbidden", required: entry!.role, message: expect.stringContaining(`Needs the ${entry!.role} role`) });
          else if (entry!.mutating) expect(result.status, label).toBe("read-only");
          else expect(["unauthenticated", "forbidden"], label).not.toContain(result.status);
        }
      }
    } finally {
      delete process.env.PIPEWRIGHT_READ_ONLY;
    }
    expect([...seen].sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(await backendState()).toBe(before);
  });

  it("an editor's push goes through when changes are allowed, and the audit log says who did what", async () => {
    const { pushPipeline } = await import("@/app/designer/actions");
    await signIn("viewer");
    const input = ACTIONS["app/designer/actions.ts#pushPipeline"]!.input as Parameters<typeof pushPipeline>[0];
    expect(await pushPipeline(input)).toMatchObject({ status: "forbidden", required: "editor" });
    await signIn("editor");
    const pushed = await pushPipeline(input);
    // The emulator answers every request with an x-amzn-RequestId, as AWS does: UpdatePipeline's is the push's.
    expect(pushed).toMatchObject({ status: "pushed", version: 2, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const entries = await auditLog().list({ pipeline: "acl-live", action: "push", limit: 2 });
    expect(entries[0]).toMatchObject({ actor: "editor@example.test", method: "oidc", action: "push", pipeline: "acl-live", region: "us-east-1", outcome: "pushed", requestId: pushed.status === "pushed" && pushed.requestId });
    expect(entries[1]).toMatchObject({ actor: "viewer@example.test", action: "push", outcome: "forbidden" });
    expect(entries[1]!.requestId).toBeUndefined();
  });

  it("a session that was closed or has expired is nobody's", async () => {
    const { openLivePipeline } = await import("@/app/designer/actions");
    const { closeSession } = await import("@/lib/auth/session-store");
    const user = userFor("oidc", { email: "viewer@example.test", groups: ["readers"] }, ROLES_CONFIG as never);
    const closed = (await openSession(user, 3600)).id;
    await closeSession(closed);
    actAs({}, { [SESSION_COOKIE]: closed });
    expect(await openLivePipeline({ name: "acl-live" })).toMatchObject({ status: "unauthenticated" });
    const expired = (await openSession(user, 3600, Date.now() - 3_601_000)).id;
    actAs({}, { [SESSION_COOKIE]: expired });
    expect(await openLivePipeline({ name: "acl-live" })).toMatchObject({ status: "unauthenticated" });
  });
});
