/** Sharing a design from the editor, and a shared link (`/s/<id>`) as its reader meets it. */
import { expect, type Locator, type Page } from "@playwright/test";

export class SharePage {
  readonly title: Locator;
  readonly stageNodes: Locator;
  readonly actionNodes: Locator;
  readonly problems: Locator;
  readonly badges: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("snapshot-title");
    this.stageNodes = page.getByTestId("stage-node");
    this.actionNodes = page.getByTestId("action-node");
    this.problems = page.getByTestId("problem");
    this.badges = page.getByTestId("canvas").getByTestId("badge");
  }

  /** In the editor: Share…, a note, Create link; answers the link the dialog shows. */
  async shareFromDesigner(note?: string): Promise<string> {
    await this.page.getByTestId("share").click();
    if (note) await this.page.getByTestId("share-note").fill(note);
    await this.page.getByTestId("share-create").click();
    const link = this.page.getByTestId("share-link");
    await expect(link).toBeVisible();
    const value = await link.inputValue();
    await this.page.getByTestId("share-close").click();
    return value;
  }

  /** The shared design's declaration, from its Export dialog. */
  async exportedDeclaration(): Promise<Record<string, unknown>> {
    await this.page.getByTestId("export").click();
    await this.page.getByTestId("export-form-declaration").click();
    const text = await this.page.getByTestId("export-text").inputValue();
    await this.page.getByTestId("export-close").click();
    return JSON.parse(text) as Record<string, unknown>;
  }
}

/** The id at the end of a shared link. */
export function idOf(link: string): string {
  return new URL(link).pathname.split("/").pop()!;
}
