/** The designer's start page (`/designer`): where designs begin and drafts are listed. */
import { expect, type Locator, type Page } from "@playwright/test";

const DRAFT_URL = /\/designer\/[^/]+$/;

export class DesignerStartPage {
  readonly draftItems: Locator;
  readonly corruptDrafts: Locator;

  constructor(readonly page: Page) {
    this.draftItems = page.getByTestId("draft-item");
    this.corruptDrafts = page.getByTestId("corrupt-drafts");
  }

  async goto(): Promise<void> {
    await this.page.goto("/designer");
  }

  /** A new blank design, open in the editor with its two starter stages. */
  async newBlank(): Promise<void> {
    await this.goto();
    await this.page.getByTestId("new-blank").click();
    await this.page.waitForURL(DRAFT_URL);
    await expect(this.page.getByTestId("stage-node")).toHaveCount(2);
  }

  /** A new design from one of the starter templates, open in the editor. */
  async fromTemplate(template: string): Promise<void> {
    await this.goto();
    await this.page.locator(`[data-testid=new-from-template][data-template="${template}"]`).click();
    await this.page.waitForURL(DRAFT_URL);
  }

  /** Pastes a document (any form the importer reads) and imports it. */
  async importText(text: string): Promise<void> {
    await this.goto();
    await this.page.getByTestId("import-text").fill(text);
    await this.page.getByTestId("import-submit").click();
    await this.page.waitForURL(DRAFT_URL);
  }

  draft(name: string): Locator {
    return this.draftItems.filter({ hasText: name });
  }
}
