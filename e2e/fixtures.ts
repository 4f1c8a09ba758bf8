/**
 * The one `test` every spec imports. Each test fails if any page it opened (including pages a
 * test opens itself, such as a second tab) logged a console error or threw an uncaught
 * exception: React warnings, hydration mismatches and CSP violations all surface there.
 * The designer's page objects come as fixtures too.
 */
import { expect, test as base, type Page } from "@playwright/test";
import { DesignerPage } from "./pages/designer";
import { DesignerStartPage } from "./pages/designer-start";

interface Fixtures {
  /** Console errors and uncaught exceptions of every page of the test, as `url: message`. */
  consoleErrors: string[];
  /** `/designer`: new designs, templates, import, the drafts list. */
  designerStart: DesignerStartPage;
  /** `/designer/<draft>`: the canvas, palette, inspector, problems and export of the open draft. */
  designer: DesignerPage;
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on("console", (message) => {
          if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
        });
        page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  designerStart: async ({ page }, use) => {
    await use(new DesignerStartPage(page));
  },
  designer: async ({ page }, use) => {
    await use(new DesignerPage(page));
  },
});

export { expect };

/**
 * Takes the console errors a test provokes on purpose (a 404 page's failed document load, a
 * refused frame) out of `consoleErrors`; any other error still fails the test.
 */
export function expectedConsoleErrors(consoleErrors: string[], pattern: RegExp): void {
  const unexpected = consoleErrors.filter((e) => !pattern.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
}
