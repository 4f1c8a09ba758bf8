import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import { expect, expectedConsoleErrors, test } from "./fixtures";

/**
 * The app's HTTP surface against the production build: every route the build serves (read from
 * its routes manifest, so a new page is covered without editing this file) answers with the
 * security headers and a fresh CSP nonce; pages run under that CSP without a single violation;
 * no other site can frame them; malformed URLs and router headers get 400, never 500; and the
 * bench's bare page is not part of a normal build.
 */

/** A value for each dynamic segment, so that every route can be requested. */
const SAMPLE_PARAMS: Record<string, string> = { draftId: "security-check" };

/** The build's routes; `pages` leaves out route handlers (`app/**\/route.ts`: /icon.svg, the sign-in routes). */
function builtRoutes(pages: boolean): string[] {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return [...new Set(Object.entries(manifest).filter(([entry]) => !pages || entry.endsWith("/page")).map(([, route]) => route))]
    .filter((route) => !route.startsWith("/_")) // Next's own error pages, checked below through a 404
    .map((route) => route.replace(/\[([^\]]+)\]/g, (_, name: string) => SAMPLE_PARAMS[name] ?? `sample-${name}`));
}

const ROUTES = [...builtRoutes(false), "/no-such-page"];
const PAGES = [...builtRoutes(true), "/no-such-page"];

function expectSecurityHeaders(response: APIResponse, route: string): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, route).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, route).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], route).toBe("nosniff");
  expect(headers["referrer-policy"], route).toBe("no-referrer");
  expect(headers["permissions-policy"], route).toContain("camera=()");
  return /'nonce-([^']+)'/.exec(policy)![1]!;
}

/** Collects what the browser reports against the CSP: violation events and console errors. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  return violations;
}

test.describe("security headers", () => {
  test("the route list comes from the build and covers the app's pages", () => {
    expect(ROUTES).toEqual(expect.arrayContaining(["/", "/pipelines", "/designer", "/designer/security-check", "/check", "/rules", "/icon.svg"]));
  });

  for (const route of ROUTES) {
    test(`${route} sends the security headers with a fresh nonce`, async ({ request }) => {
      const first = await request.get(route);
      expect(first.status(), route).toBeLessThan(500);
      const nonce = expectSecurityHeaders(first, route);
      expect(expectSecurityHeaders(await request.get(route), route)).not.toBe(nonce);
    });
  }

  test("static build files are sent with nosniff", async ({ page, request }) => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto("/");
    expect(scripts.length).toBeGreaterThan(0);
    const response = await request.get(scripts[0]!);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("pages under the CSP", () => {
  for (const route of PAGES) {
    test(`${route} runs with no CSP violation, every script carrying the nonce`, async ({ page, consoleErrors }) => {
      const violations = watchViolations(page);
      const documents: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "document") documents.push(r.url());
      });
      const response = await page.goto(route);
      const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")![1];
      // Every script the server wrote carries the nonce. Chunks the client loads later (a segment's
      // not-found boundary, a lazy component) are trusted through 'strict-dynamic': any violation
      // they caused would be among `violations` below.
      const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`)), `scripts without the nonce on ${route}`).toEqual([]);
      // Hydrated: a click navigates client-side (no new document), which needs the app's scripts.
      const [label, url] = route === "/rules" ? ["Overview", /\/$/] : ["Rules", /\/rules$/];
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(documents).toHaveLength(1);
      expect(violations).toEqual([]);
      // A page that answers 404 on purpose: the browser logs the status of its document.
      if (response!.status() === 404) expectedConsoleErrors(consoleErrors, /status of 404/);
    });
  }

  test("the designer with a template open: React Flow's styles, a selected node and a dialog", async ({ page }) => {
    const violations = watchViolations(page);
    await page.goto("/designer");
    await page.locator('[data-testid=new-from-template][data-template="github-codebuild-ecs"]').click();
    await page.waitForURL(/\/designer\/[^/]+$/);
    const firstAction = page.getByTestId("action-node").first();
    await expect(firstAction).toBeVisible();
    // React Flow positions nodes with style attributes: a blocked style would stack them at 0,0.
    const boxes = await page.getByTestId("stage-node").evaluateAll((nodes) => nodes.map((n) => `${n.getBoundingClientRect().x},${n.getBoundingClientRect().y}`));
    expect(new Set(boxes).size).toBe(boxes.length);
    await firstAction.click();
    await page.keyboard.press("Escape");
    expect(violations).toEqual([]);
  });
});

test.describe("framing", () => {
  test("another site cannot frame the app", async ({ page, baseURL, consoleErrors }) => {
    const violations: string[] = [];
    page.on("console", (message) => violations.push(message.text()));
    // A page of another origin (about:blank here) embedding the app.
    await page.setContent(`<iframe id="app" src="${baseURL}/designer" width="800" height="600"></iframe>`);
    await expect.poll(() => violations.some((v) => /frame-ancestors/.test(v))).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.locator("body").textContent().catch(() => "")).not.toContain("Designer");
    expectedConsoleErrors(consoleErrors, /frame-ancestors/);
  });
});

test.describe("malformed requests", () => {
  for (const route of ["/designer/%", "/designer/%E0%A4%A"]) {
    test(`${route} is a client error, not a server error`, async ({ request }) => {
      const response = await request.get(route);
      expect([400, 404]).toContain(response.status());
      // The answer carries the security headers too.
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    });
  }

  for (const tree of ["garbage", "[1,2", "%7B", encodeURIComponent('["",{"children":"x"}]')]) {
    test(`a Next-Router-State-Tree of ${JSON.stringify(tree)} is a client error`, async ({ request }) => {
      const response = await request.get("/designer", { headers: { rsc: "1", "next-router-state-tree": tree } });
      expect([400, 404]).toContain(response.status());
    });
  }

  test("a real client-side navigation still works (the router sends a valid tree)", async ({ page }) => {
    const rsc: number[] = [];
    page.on("response", (r) => {
      if (r.request().headers()["rsc"] === "1") rsc.push(r.status());
    });
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Designer", exact: true }).click();
    await expect(page).toHaveURL(/\/designer$/);
    expect(rsc.length).toBeGreaterThan(0);
    expect(rsc.every((status) => status === 200)).toBe(true);
  });
});

test("an unknown URL is the app's own 404 page", async ({ page, consoleErrors }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expectedConsoleErrors(consoleErrors, /status of 404/);
});

test("the bench's bare React Flow page is not served by a normal build", async ({ request }) => {
  expect((await request.get("/bench/bare")).status()).toBe(404);
});
