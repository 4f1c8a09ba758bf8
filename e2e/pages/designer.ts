/**
 * The designer's editor (`/designer/<draft>`) as a user meets it: the canvas with its stages and
 * actions, the palette, the toolbar, the inspector, the problems panel and the export dialog.
 * Only test ids, roles and accessible names the components promise are used here (and React
 * Flow's own viewport and fit-view control), so moving component files does not touch tests.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export interface ExportedAction {
  name: string;
  runOrder: number;
  actionTypeId: { provider: string };
  [member: string]: unknown;
}
export interface ExportedStage {
  name: string;
  actions: ExportedAction[];
  [member: string]: unknown;
}
export type ExportedDeclaration = { name: string; stages: ExportedStage[] } & Record<string, unknown>;

export class DesignerPage {
  readonly canvas: Locator;
  readonly stageNodes: Locator;
  readonly actionNodes: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;
  readonly problemCounts: Locator;
  readonly pipelineName: Locator;
  readonly region: Locator;
  readonly dragGhost: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("canvas");
    this.stageNodes = page.getByTestId("stage-node");
    this.actionNodes = page.getByTestId("action-node");
    this.inspector = page.getByTestId("inspector");
    this.problems = page.getByTestId("problem");
    this.problemCounts = page.getByTestId("problem-counts");
    this.pipelineName = page.getByTestId("pipeline-name");
    this.region = page.getByLabel("Pipeline region");
    this.dragGhost = page.getByTestId("drag-ghost");
  }

  async open(draftId: string): Promise<void> {
    await this.page.goto(`/designer/${encodeURIComponent(draftId)}`);
  }

  /** A toolbar or panel control by its test id (`add-stage`, `undo`, `redo`, `export`, …). */
  control(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  stage(name: string): Locator {
    return this.stageNodes.filter({ has: this.page.getByTestId("stage-name").getByText(name, { exact: true }) });
  }

  stageHeader(stage: Locator): Locator {
    return stage.getByTestId("stage-header");
  }

  /** The first action node whose text contains `name`. */
  action(name: string): Locator {
    return this.actionNodes.filter({ hasText: name }).first();
  }

  /** Action nodes are React Flow siblings of their stage node, not DOM children: matched by stage id. */
  async actionsIn(stage: Locator): Promise<Locator> {
    const id = await stage.getAttribute("data-stage-id");
    return this.page.locator(`[data-testid=action-node][data-stage="${id}"]`);
  }

  paletteItem(category: string, provider: string): Locator {
    return this.page.locator(`[data-testid=palette-item][data-category="${category}"][data-provider="${provider}"]`);
  }

  /** A drop zone of a stage: `join` an action group (parallel) or `insert` a new group before `index`. */
  zone(stage: Locator, kind: "join" | "insert", index: number): Locator {
    return stage.locator(`[data-testid=drop-zone][data-kind=${kind}][data-index="${index}"]`);
  }

  problem(code: string): Locator {
    return this.page.locator(`[data-testid=problem][data-code="${code}"]`);
  }

  problemAt(path: string): Locator {
    return this.page.locator(`[data-testid=problem][data-diagnostic-path="${path}"]`);
  }

  /** The CSS transform of the canvas viewport: changes whenever the canvas pans or zooms. */
  viewportTransform(): Promise<string> {
    return this.page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  }

  /** Fits the whole pipeline into the canvas and waits until the canvas holds still. */
  async fitView(): Promise<void> {
    await this.page.locator(".react-flow__controls-fitview").click();
    await expect.poll(() => this.viewportAtRest(), { message: "the canvas stops moving after fit view" }).toBe(true);
  }

  /** True when the viewport shows the same transform two frames apart (no pan or zoom animating). */
  private viewportAtRest(): Promise<boolean> {
    return this.page.locator(".react-flow__viewport").evaluate(
      (el) =>
        new Promise<boolean>((resolve) => {
          const before = getComputedStyle(el).transform;
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(getComputedStyle(el).transform === before)));
        }),
    );
  }

  /** Drags with the real mouse: down on the source, a few moves, up over the target's centre (or `offset` in it). */
  async drag(source: Locator, target: Locator, offset?: { x: number; y: number }): Promise<void> {
    const mouse = this.page.mouse;
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    await mouse.move(from.x + from.width / 2, from.y + Math.min(from.height / 2, 20));
    await mouse.down();
    await mouse.move(from.x + from.width / 2 + 10, from.y + 10, { steps: 3 });
    const x = offset ? to.x + offset.x : to.x + to.width / 2;
    const y = offset ? to.y + offset.y : to.y + to.height / 2;
    await mouse.move(x, y, { steps: 12 });
    await expect(this.dragGhost).toBeVisible();
    await mouse.up();
    await expect(this.dragGhost).toHaveCount(0);
  }

  /** The design as the export dialog's declaration JSON (the dialog is closed again). */
  async exportDeclaration(): Promise<ExportedDeclaration> {
    await this.control("export").click();
    await this.page.getByTestId("export-form-declaration").click();
    const text = await this.page.getByTestId("export-text").inputValue();
    await this.page.getByTestId("export-close").click();
    return JSON.parse(text) as ExportedDeclaration;
  }
}

/** A stage list as `Stage: Provider@runOrder …` lines, to compare layouts at a glance. */
export function shape(stages: readonly ExportedStage[]): string[] {
  return stages.map((s) => `${s.name}: ${s.actions.map((a) => `${a.actionTypeId.provider}@${a.runOrder}`).join(" ")}`);
}
