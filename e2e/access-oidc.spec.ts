import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { ROLE_ALLOWS } from "../lib/domain/access/roles";
import { startOidcTestProvider, TEST_ROLES, type OidcTestProvider } from "../lib/auth/testing/oidc-test-provider";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, expectedConsoleErrors, test } from "./fixtures";
import { startServedApp, type AppInstance } from "./support/app-instance";
import { builtActions, callAction } from "./support/server-actions";

/**
 * A team deployment with PIPEWRIGHT_AUTH=oidc, signed in through a real OpenID Connect provider
 * (npm oidc-provider, started here with test users and a groups claim): each role sees what it
 * may see, every server action in the build is called directly with each role's session and with
 * none, sign-out ends the session on the server, and the cookies are HTTP-only and SameSite=Lax.
 */
const APP_PORT = 3170;
const IDP_PORT = 4670;

/** What each built server action needs (the same table as tests/access/role-sweep.test.ts). */
const ACTION_ROLES: Record<string, { role: "viewer" | "editor" | "operator"; input: unknown; returnsNothing?: true }> = {
  "app/designer/actions.ts#openLivePipeline": { role: "viewer", input: { name: "access-missing" } },
  "app/designer/actions.ts#reviewPush": { role: "viewer", input: { declaration: {}, base: { name: "access-missing", region: "us-east-1", version: 1 } } },
  "app/designer/actions.ts#pushPipeline": { role: "editor", input: { declaration: {}, base: { name: "access-missing", region: "us-east-1", version: 1 } } },
  "app/pipelines/[name]/actions.ts#deletePipelineAction": { role: "editor", input: { name: "access-missing", confirmName: "not-it" } },
  "app/pipelines/[name]/actions.ts#startExecutionAction": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#stopExecutionAction": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#retryStageAction": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#answerApprovalAction": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#changeTransitionAction": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#rollbackStageAction": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#overrideStageCondition": { role: "operator", input: {} },
  "app/pipelines/[name]/actions.ts#approvalContextAction": { role: "viewer", input: {} },
  "app/pipelines/[name]/actions.ts#rollbackTargetsAction": { role: "viewer", input: {} },
  "app/pipelines/actions.ts#refreshPipelines": { role: "viewer", input: undefined, returnsNothing: true },
  // The role is checked before the input: an editor's empty share is `invalid-input`, a viewer's `forbidden`.
  "app/s/actions.ts#shareDesign": { role: "editor", input: {} },
  "app/s/actions.ts#shareExecutionReport": { role: "editor", input: {} },
};

const EXPECTED_ROLES = { viewer: "viewer", editor: "viewer editor", operator: "operator" } as const;

let idp: OidcTestProvider;
let app: AppInstance;

// Each test signs in through the provider's pages and calls every action: generous on a busy machine.
test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  idp = await startOidcTestProvider({ port: IDP_PORT, redirectUris: [`http://127.0.0.1:${APP_PORT}/auth/callback`] });
  app = await startServedApp(APP_PORT, {
    PIPEWRIGHT_AUTH: "oidc",
    PIPEWRIGHT_OIDC_ISSUER: idp.issuer,
    PIPEWRIGHT_OIDC_CLIENT_ID: idp.clientId,
    PIPEWRIGHT_OIDC_CLIENT_SECRET: idp.clientSecret,
    PIPEWRIGHT_OIDC_SCOPES: "openid email profile groups",
    PIPEWRIGHT_PUBLIC_URL: `http://127.0.0.1:${APP_PORT}`,
    PIPEWRIGHT_ROLES: JSON.stringify(TEST_ROLES),
    // Its own storage (the audit log): a fresh SQLite file.
    PIPEWRIGHT_DATA_DIR: mkdtempSync(path.join(tmpdir(), "pipewright-access-e2e-")),
    DATABASE_URL: "",
  });
});
test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
});

/** Through the provider's own login and consent pages, as `login`. */
async function signIn(page: Page, login: string, path = "/pipelines"): Promise<void> {
  // The provider's development pages load a web font from the internet, which this network lacks.
  await page.route("https://fonts.googleapis.com/**", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
  await page.goto(`${app.url}${path}`);
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function actionStatuses(request: APIRequestContext): Promise<Record<string, string | undefined>> {
  const statuses: Record<string, string | undefined> = {};
  for (const action of builtActions()) {
    const entry = ACTION_ROLES[action.name];
    expect(entry, `${action.name} is a server action this spec does not know: add it to ACTION_ROLES with the role it needs`).toBeDefined();
    const answer = await callAction(request, app.url, action, entry!.input);
    expect(answer.http, `${action.name}: ${answer.body}`).toBe(200);
    statuses[action.name] = answer.status;
  }
  return statuses;
}

for (const login of ["viewer", "editor", "operator"] as const) {
  test(`${login}: signs in at the provider, sees the role in the header, and each server action answers by role`, async ({ page, consoleErrors }) => {
    await signIn(page, login);
    await expect(page).toHaveURL(`${app.url}/pipelines`);
    const badge = page.getByTestId("user-badge");
    await expect(badge).toHaveAttribute("data-roles", EXPECTED_ROLES[login]);
    await expect(badge).toContainText(`Test ${login}`);
    await expect(page.getByRole("heading", { level: 1, name: "Pipelines" })).toBeVisible();
    const held = EXPECTED_ROLES[login].split(" ");
    const statuses = await actionStatuses(page.request);
    for (const [name, status] of Object.entries(statuses)) {
      const entry = ACTION_ROLES[name]!;
      if (entry.returnsNothing) continue;
      const may = entry.role === "viewer" || held.includes(entry.role);
      if (may) expect(["forbidden", "unauthenticated"], `${name} as ${login}`).not.toContain(status);
      else expect(status, `${name} as ${login}`).toBe("forbidden");
    }
    if (login === "viewer") await expectNoSeriousA11yViolations(page);

    // The UI offers what the role allows and says why the rest is missing.
    const name = (await page.getByTestId("pipeline-row").first().getAttribute("data-name"))!;
    if (login === "viewer") {
      // A refused delete of a real pipeline, called directly: its page's audit section lists it.
      const remove = builtActions().find((a) => a.name.endsWith("#deletePipelineAction"))!;
      expect((await callAction(page.request, app.url, remove, { name, confirmName: name })).status).toBe("forbidden");
    }
    await page.goto(`${app.url}/pipelines/${name}`);
    if (login === "viewer") {
      const audit = page.getByTestId("pipeline-audit");
      await expect(audit.locator('[data-testid=audit-row][data-actor="viewer@example.test"][data-action="delete"]').first()).toHaveAttribute("data-outcome", "forbidden");
      await expect(audit.getByTestId("pipeline-audit-all")).toHaveAttribute("href", `/audit?pipeline=${name}&region=us-east-1`);
    }
    const note = page.getByTestId("operations-not-allowed");
    if (held.includes("operator")) {
      await expect(page.getByTestId("start-dialog-open")).toBeVisible();
      await expect(note).toHaveCount(0);
    } else {
      await expect(note).toHaveText(`Operators can ${ROLE_ALLOWS.operator}; you are signed in as ${login}@example.test, ${login === "viewer" ? "a viewer" : "holding viewer and editor"}.`);
      await expect(page.getByTestId("start-dialog-open")).toHaveCount(0);
      await expect(page.locator("[data-testid=stage-operations] button")).toHaveCount(0);
    }
    if (login === "viewer") await expectNoSeriousA11yViolations(page);
    await page.goto(`${app.url}/pipelines/${name}/settings`);
    if (held.includes("editor")) await expect(page.getByTestId("delete-not-allowed")).toHaveCount(0);
    else await expect(page.getByTestId("delete-not-allowed")).toHaveAttribute("data-because", "role");
    await expect(page.getByTestId("delete-confirm")).toBeEnabled({ enabled: held.includes("editor") });
    expectedConsoleErrors(consoleErrors, new RegExp(`^${idp.issuer}`));
  });
}

test("someone the configuration gives no role is turned away after signing in", async ({ page, consoleErrors }) => {
  await signIn(page, "nobody");
  await expect(page.locator("body")).toContainText("nobody@example.test holds no role in this Pipewright");
  expectedConsoleErrors(consoleErrors, /status of 403|^http:\/\/127\.0\.0\.1:4670/);
});

test("the audit log lists who signed in, with their roles, and filters by person", async ({ page, consoleErrors }) => {
  await signIn(page, "viewer", "/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const rows = page.getByTestId("audit-row");
  for (const login of ["viewer", "editor", "operator", "nobody"]) {
    await expect(page.locator(`[data-testid=audit-row][data-actor="${login}@example.test"][data-action="sign-in"]`).first()).toBeVisible();
  }
  await expect(page.locator('[data-testid=audit-row][data-actor="nobody@example.test"]').first()).toHaveAttribute("data-outcome", "no-role");
  await page.getByLabel("Who").fill("editor");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=editor/);
  await expect(rows.first()).toHaveAttribute("data-actor", "editor@example.test");
  expect(new Set(await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-actor"))))).toEqual(new Set(["editor@example.test"]));
  await expectNoSeriousA11yViolations(page);
  expectedConsoleErrors(consoleErrors, new RegExp(`^${idp.issuer}`));
});

test("without a session pages send you to sign in, and server actions refuse", async ({ request }) => {
  const page = await request.get(`${app.url}/pipelines?q=x`, { maxRedirects: 0 });
  expect(page.status()).toBe(303);
  expect(page.headers().location).toMatch(/^(http:\/\/127\.0\.0\.1:3170)?\/auth\/sign-in\?returnTo=%2Fpipelines%3Fq%3Dx$/);
  for (const [name, status] of Object.entries(await actionStatuses(request))) {
    if (!ACTION_ROLES[name]!.returnsNothing) expect(status, name).toBe("unauthenticated");
  }
});

test("the session cookie is HTTP-only and SameSite=Lax; sign-out ends the session on the server", async ({ page, consoleErrors, playwright }) => {
  await signIn(page, "viewer", "/");
  await expect(page.getByTestId("user-badge")).toHaveAttribute("data-roles", "viewer");
  const session = (await page.context().cookies(app.url)).find((c) => c.name === "pipewright_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(await page.evaluate(() => document.cookie)).not.toContain("pipewright_session");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  await expect(page.getByTestId("user-badge")).toHaveAttribute("data-signed-in", "false");
  // The old cookie, replayed by someone who copied it, opens nothing.
  const replay = await playwright.request.newContext({ extraHTTPHeaders: { cookie: `pipewright_session=${session!.value}` } });
  const answer = await replay.get(`${app.url}/pipelines`, { maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  expect(answer.headers().location).toContain("/auth/sign-in");
  await replay.dispose();
  expectedConsoleErrors(consoleErrors, new RegExp(`^${idp.issuer}`));
});

test("sign-out refuses a POST from another site", async ({ request }) => {
  const response = await request.post(`${app.url}/auth/sign-out`, { headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
});

test("a server action POSTed from another origin is refused by Next's origin check, with a valid session", async ({ page, consoleErrors }) => {
  await signIn(page, "operator", "/");
  await expect(page.getByTestId("user-badge")).toHaveAttribute("data-roles", "operator");
  for (const action of builtActions()) {
    const input = ACTION_ROLES[action.name]!.input;
    expect((await callAction(page.request, app.url, action, input)).http, action.name).toBe(200);
    const crossSite = await callAction(page.request, app.url, action, input, "https://evil.example");
    expect(crossSite.http, action.name).toBe(500);
    expect(crossSite.status, action.name).toBeUndefined();
  }
  expectedConsoleErrors(consoleErrors, new RegExp(`^${idp.issuer}`));
});

test("no page or script chunk carries a secret: client secret, session id, keys", async ({ page, consoleErrors }) => {
  await signIn(page, "editor", "/");
  await expect(page.getByTestId("user-badge")).toHaveAttribute("data-roles", "viewer editor");
  const session = (await page.context().cookies(app.url)).find((c) => c.name === "pipewright_session")!.value;
  const scripts = new Set<string>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.add(response.url());
  });
  const secrets = [idp.clientSecret, session];
  const patterns = [/AKIA[0-9A-Z]{16}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /"access_token"|"id_token"|"refresh_token"/];
  for (const path of ["/", "/pipelines", "/designer", "/check", "/rules", "/audit", "/auth/signed-out"]) {
    const response = await page.goto(`${app.url}${path}`);
    const html = await response!.text();
    for (const secret of secrets) expect(html.includes(secret), `${path} contains a secret`).toBe(false);
    for (const pattern of patterns) expect(html, path).not.toMatch(pattern);
  }
  expect(scripts.size).toBeGreaterThan(0);
  for (const url of scripts) {
    const body = await (await page.request.get(url)).text();
    for (const secret of secrets) expect(body.includes(secret), `${url} contains a secret`).toBe(false);
    for (const pattern of patterns) expect(body, url).not.toMatch(pattern);
  }
  expectedConsoleErrors(consoleErrors, new RegExp(`^${idp.issuer}`));
});
