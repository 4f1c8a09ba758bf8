import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { expect, test } from "./fixtures";
import { DesignerPage } from "./pages/designer";

/**
 * One draft open in two tabs: each tab takes the other's saves when it changed nothing itself,
 * changes to different things merge, and the same field changed in both is asked about, field by
 * field. Nothing older ever replaces something newer.
 *
 * Two real tabs save within milliseconds of an edit and hear each other at once, so a race (both
 * editing before hearing the other) is staged from a third page: it saves the draft and announces
 * the save on the tabs' channel exactly as a tab does, as made from an older copy.
 */

const draftIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

interface Stored {
  updatedAt: number;
  region: string;
  declaration: { name: string; stages: { name: string }[] } & Record<string, unknown>;
}

async function stored(page: Page, id: string): Promise<Stored> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)!) as Stored, `pipewright:draft:${id}`);
}

/** What a tab does when it saves: store the draft, then tell the other tabs what it was made from. */
async function saveAsAnotherTab(page: Page, id: string, parent: Stored, declaration: Stored["declaration"]) {
  await page.evaluate(
    ({ key, id, parent, declaration }) => {
      const draft = JSON.parse(localStorage.getItem(key)!);
      const updatedAt = Math.max(Date.now(), draft.updatedAt + 1);
      localStorage.setItem(key, JSON.stringify({ ...draft, title: declaration.name, updatedAt, declaration }));
      const channel = new BroadcastChannel("pipewright:drafts");
      channel.postMessage({
        kind: "saved",
        draftId: id,
        tab: "staged-tab",
        updatedAt,
        copy: { declaration, region: draft.region },
        parent: { declaration: parent.declaration, region: parent.region },
      });
      channel.close();
    },
    { key: `pipewright:draft:${id}`, id, parent, declaration },
  );
}

async function rename(designer: DesignerPage, name: string) {
  await designer.pipelineName.fill(name);
  await designer.pipelineName.press("Enter");
  await expect(designer.pipelineName).toHaveValue(name);
}

test.describe("two tabs, one draft", () => {
  // Three pages of the editor at once: slow on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a tab that changed nothing takes the other's saves, both ways", async ({ page, context, designerStart, designer }) => {
    await designerStart.newBlank();
    const other = new DesignerPage(await context.newPage());
    await other.page.goto(page.url());
    await expect(other.stageNodes).toHaveCount(2, { timeout: 20_000 });

    await other.control("add-stage").click();
    await expect(designer.stageNodes).toHaveCount(3);
    await expect(designer.control("tab-sync-notice")).toHaveAttribute("data-notice", "taken");

    await rename(designer, "renamed-in-first");
    await expect(other.pipelineName).toHaveValue("renamed-in-first");
    await expect(other.stageNodes).toHaveCount(3);

    // Undo in the first tab steps back over its own rename; the other tab follows.
    await designer.control("undo").click();
    await expect(other.pipelineName).not.toHaveValue("renamed-in-first");
    await expect(other.stageNodes).toHaveCount(3);

    // Nothing asked, and the stored copy is what both show.
    await expect(designer.control("tab-merge")).toHaveCount(0);
    await expect(other.control("tab-merge")).toHaveCount(0);
    const id = draftIdOf(page);
    const last = await stored(page, id);
    await expect(designer.pipelineName).toHaveValue(last.declaration.name);
    expect(last.declaration.stages).toHaveLength(3);
    await other.page.close();
  });

  test("changes to different things made at once merge; the same field asks, and one answer settles both tabs", async ({
    page,
    context,
    designerStart,
    designer,
  }) => {
    await designerStart.newBlank();
    const id = draftIdOf(page);
    const other = new DesignerPage(await context.newPage());
    await other.page.goto(page.url());
    await expect(other.stageNodes).toHaveCount(2, { timeout: 20_000 });
    const shared = await stored(page, id);

    // This tab renames the pipeline; meanwhile a third tab, still on the shared copy, renames a stage.
    await rename(designer, "named-here");
    await expect(other.pipelineName).toHaveValue("named-here");
    const stageRenamed = structuredClone(shared.declaration);
    stageRenamed.stages[1]!.name = "RenamedElsewhere";
    const staging = await context.newPage();
    await staging.goto("/designer");
    await saveAsAnotherTab(staging, id, shared, stageRenamed);

    // Both tabs now hold both changes.
    for (const tab of [designer, other]) {
      await expect(tab.stage("RenamedElsewhere")).toHaveCount(1);
      await expect(tab.pipelineName).toHaveValue("named-here");
      await expect(tab.control("tab-sync-notice")).toHaveAttribute("data-notice", "merged");
    }
    await expect.poll(async () => (await stored(page, id)).declaration.name).toBe("named-here");

    // The third tab, still on the shared copy, renames the pipeline too: the same field, changed in both.
    const renamedThere = structuredClone(shared.declaration);
    renamedThere.name = "named-there";
    await saveAsAnotherTab(staging, id, shared, renamedThere);
    for (const tab of [designer, other]) {
      await expect(tab.control("tab-merge")).toBeVisible();
      await expect(tab.control("tab-merge-conflict")).toHaveCount(1);
      await expect(tab.control("tab-merge-conflict")).toContainText("name");
    }
    await expectNoSeriousA11yViolations(page, { include: "[data-testid=tab-merge]" });
    // The answer is needed before merging.
    await expect(designer.control("tab-merge-apply")).toBeDisabled();
    await designer.control("tab-merge-mine").check();
    await designer.control("tab-merge-apply").click();

    await expect(designer.control("tab-merge")).toHaveCount(0);
    await expect(designer.pipelineName).toHaveValue("named-here");
    // The stage renamed in the third tab stays: only the conflicting field was chosen.
    await expect(designer.stage("RenamedElsewhere")).toHaveCount(1);
    // The other tab had the same question: the answer saved here settles it there.
    await expect(other.control("tab-merge")).toHaveCount(0);
    await expect(other.pipelineName).toHaveValue("named-here");
    await expect.poll(async () => (await stored(page, id)).declaration.name).toBe("named-here");
    await staging.close();
    await other.page.close();
  });

  test("an older save never replaces a newer one", async ({ page, context, designerStart, designer }) => {
    await designerStart.newBlank();
    const id = draftIdOf(page);
    const before = await stored(page, id);
    await rename(designer, "newest");
    await expect.poll(async () => (await stored(page, id)).declaration.name).toBe("newest");

    // A save announced with an older time than the copy this tab holds is not offered at all.
    const staging = await context.newPage();
    await staging.goto("/designer");
    await staging.evaluate(
      ({ id, before }) => {
        const channel = new BroadcastChannel("pipewright:drafts");
        channel.postMessage({
          kind: "saved",
          draftId: id,
          tab: "staged-tab",
          updatedAt: before.updatedAt,
          copy: { declaration: { ...before.declaration, name: "stale" }, region: before.region },
          parent: { declaration: before.declaration, region: before.region },
        });
        channel.close();
      },
      { id, before },
    );
    await designer.control("add-stage").click();
    await expect(designer.stageNodes).toHaveCount(3);
    await expect(designer.pipelineName).toHaveValue("newest");
    await expect(designer.control("tab-merge")).toHaveCount(0);
    await expect(designer.control("tab-sync-notice")).toHaveCount(0);
    expect((await stored(page, id)).declaration.name).toBe("newest");
    await staging.close();
  });
});
