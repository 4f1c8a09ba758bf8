/**
 * npm run bench:canvas — how fluid the designer is at the quotas' maximum (50 stages × 10 actions =
 * 500 actions), against a bare React Flow page with as many plain nodes (/bench/bare), in one run on
 * the production build:
 *   - navigation start → interactive canvas (every node rendered and measured, viewport fitted);
 *   - frame-time p95 while panning the pane with the mouse (~2 s of small steps);
 *   - frame-time p95 while dragging a node (the designer: an action node);
 *   - the designer only: an edit → updated validation badges (renaming an action in the inspector to a
 *     sibling's name; deleting an action with the Delete key is measured too, and used when there is
 *     no inspector);
 *   - the editor route's first-load JavaScript, gzipped (bench/support/first-load-js.ts): deterministic
 *     for a build, unlike the frame figures, which go with the machine's load average.
 * Each measurement is repeated (--reps, default 5) and the median reported. Prints the figures (with,
 * per gesture, the share of missed frames and the renderer's main-thread ms per frame, which are less
 * quantized than frame times), then one JSON line for machines.
 *
 *   tsx bench/canvas.bench.ts [--no-build] [--reps N] [--only bare|designer] [--screenshots DIR] [--bare-chrome] [--headed]
 *
 * Its build includes the bench pages (PIPEWRIGHT_BENCH_PAGES=1) and replaces `.next`: `--no-build`
 * needs an earlier bench build, and a normal `next build` afterwards leaves them out again.
 *
 * Headless Chromium runs with --disable-gpu (software compositing), so absolute frame times are
 * indicative; the ratio to bare React Flow, measured in the same browser, is the meaningful figure.
 */
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../e2e/chromium";
import { buildLargePipeline } from "../lib/domain/validation/testing/large-pipeline";
import { flag, option } from "./support/args";
import { firstLoadJsGzipKb } from "./support/first-load-js";
import { benchEnv, buildUnlessSkipped, startApp, stopChildren } from "./support/processes";
import { median, percentile } from "./support/stats";

const STAGES = 50;
const ACTIONS_PER_STAGE = 10;
const NODE_COUNT = STAGES * ACTIONS_PER_STAGE;
const GESTURE_MS = 2_000;
const VIEWPORT = { width: 1440, height: 900 };

const REPS = Math.max(1, Number(option("--reps") ?? 5));
const ONLY = option("--only");
const SCREENSHOTS = option("--screenshots");

// ---------------------------------------------------------------------------------------------
// The in-page probe. Plain JavaScript in a string (not a serialized function): tsx's transpiled
// helpers would not exist in the page. performance.now() counts from navigation start.

const PROBE = String.raw`
(() => {
  const bench = (window.__bench = { interactiveAt: null, nodesVisibleAt: null, config: null });
  const IDENTITY = "translate(0px, 0px) scale(1)";
  function poll() {
    const config = bench.config;
    if (config) {
      const nodes = document.querySelectorAll(config.nodeSelector);
      if (nodes.length >= config.expected) {
        let hidden = 0;
        for (const node of nodes) if (node.style.visibility === "hidden") hidden++;
        if (hidden === 0) {
          bench.nodesVisibleAt ??= performance.now();
          const viewport = document.querySelector(".react-flow__viewport");
          const transform = viewport ? viewport.style.transform : "";
          if (transform && transform !== IDENTITY) {
            bench.interactiveAt = performance.now();
            return;
          }
        }
      }
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);

  // Frame intervals between consecutive requestAnimationFrame callbacks.
  bench.startFrames = () => {
    const stamps = [];
    let running = true;
    const loop = (t) => { stamps.push(t); if (running) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    bench.stopFrames = () => {
      running = false;
      const intervals = [];
      for (let i = 1; i < stamps.length; i++) intervals.push(stamps[i] - stamps[i - 1]);
      return intervals;
    };
  };

  bench.transform = () => document.querySelector(".react-flow__viewport")?.style.transform ?? "";

  // A point on the empty pane (no node, edge, panel or minimap on top), nearest the flow's centre.
  bench.panePoint = () => {
    const flow = document.querySelector(".react-flow");
    if (!flow) return null;
    const r = flow.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    let best = null;
    for (let y = r.top + 20; y < r.bottom - 20; y += 12) {
      for (let x = r.left + 20; x < r.right - 20; x += 12) {
        const el = document.elementFromPoint(x, y);
        if (!el || !el.classList.contains("react-flow__pane")) continue;
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (!best || d < best.d) best = { x, y, d };
      }
    }
    return best && { x: best.x, y: best.y };
  };

  // The centre of a node matching the selector, the one nearest the flow's centre whose centre
  // point really hits it (not covered by a panel), skipping the ids given and nodes with a badge.
  bench.nodePoint = (selector, skip = []) => {
    const flow = document.querySelector(".react-flow");
    if (!flow) return null;
    const r = flow.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    let best = null;
    for (const node of document.querySelectorAll(selector)) {
      if (skip.includes(node.getAttribute("data-id")) || node.querySelector('[data-testid="badge"]')) continue;
      const b = node.getBoundingClientRect();
      const x = b.left + b.width / 2, y = b.top + Math.min(b.height / 2, 14);
      const hit = document.elementFromPoint(x, y);
      if (!hit || !node.contains(hit)) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (!best || d < best.d) best = { x, y, d, id: node.getAttribute("data-id") };
    }
    return best && { x: best.x, y: best.y, id: best.id };
  };
  // Edit → badges: the time from the keydown that makes the edit (its event timestamp, when the
  // browser received the key) to the DOM mutation that changes the set of validation badges.
  const badgeSignature = () => {
    let sum = "";
    for (const badge of document.querySelectorAll('[data-testid="badge"]')) {
      const node = badge.closest(".react-flow__node");
      sum += (node ? node.getAttribute("data-id") : "?") + ":" + badge.getAttribute("data-errors") + "/" + badge.getAttribute("data-warnings") + ";";
    }
    return sum;
  };
  bench.watchBadges = () => {
    const start = badgeSignature();
    const watch = (bench.badgeWatch = { editAt: null, changedAt: null });
    const observer = new MutationObserver(() => {
      if (watch.changedAt === null && badgeSignature() !== start) {
        watch.changedAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-errors", "data-warnings"] });
    window.addEventListener("keydown", (e) => { if (watch.editAt === null) watch.editAt = e.timeStamp; }, { capture: true, once: true });
  };
  // Selects an action the keyboard way (focus, as Tab does: the designer selects on focus), the one
  // nearest the flow's centre, skipping the ids given and nodes with a badge. Returns its node id.
  bench.focusAction = (skip = []) => {
    const flow = document.querySelector(".react-flow");
    if (!flow) return null;
    const r = flow.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    let best = null;
    for (const node of document.querySelectorAll(".react-flow__node-action")) {
      const id = node.getAttribute("data-id");
      if (skip.includes(id) || node.querySelector('[data-testid="badge"]')) continue;
      const b = node.getBoundingClientRect();
      const d = (b.left + b.width / 2 - cx) ** 2 + (b.top + b.height / 2 - cy) ** 2;
      if (!best || d < best.d) best = { node, id, d };
    }
    if (!best) return null;
    const target = best.node.querySelector("[tabindex]") || best.node;
    // Focus selects only when it moves: the node may still hold focus from the drag.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    target.focus({ preventScroll: true });
    return best.id;
  };
  bench.nodeBox = (id) => {
    const node = document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
    if (!node) return null;
    const b = node.getBoundingClientRect();
    return { x: b.left, y: b.top };
  };
})();
`;

// ---------------------------------------------------------------------------------------------
// Targets: what to open and how to recognise its nodes.

interface Target {
  readonly key: "pipewright" | "bare" | "bare-chrome";
  readonly label: string;
  readonly url: string;
  /** Nodes that must all be rendered before the canvas counts as interactive. */
  readonly nodeSelector: string;
  /** The node dragged in the drag measurement. */
  readonly dragSelector: string;
  readonly expected: number;
  /** Seeds the page (localStorage draft) before any of its scripts run. */
  readonly prepare?: (page: Page) => Promise<void>;
}

const BARE: Target = {
  key: "bare",
  label: "bare React Flow",
  url: `/bench/bare?nodes=${NODE_COUNT}`,
  nodeSelector: ".react-flow__node",
  dragSelector: ".react-flow__node",
  expected: NODE_COUNT,
};

/** The bare page plus background, controls and minimap (--bare-chrome; printed, not in the JSON). */
const BARE_CHROME: Target = { ...BARE, key: "bare-chrome", label: "bare React Flow + chrome", url: `${BARE.url}&chrome=1` };

// ---------------------------------------------------------------------------------------------
// Measurements.

interface RunFigures {
  interactive_ms: number;
  pan: FrameStats;
  drag: FrameStats;
  edit_to_badges_ms?: number;
  rename_to_badges_ms?: number;
  delete_to_badges_ms?: number;
  notes: string[];
}

/**
 * Polls an expression from here until it is true. Not page.waitForFunction: when the expression
 * is not already true, that compiles it inside the page with eval, which the app's
 * Content-Security-Policy forbids (proxy.ts). page.evaluate is not subject to it. The figures
 * come from in-page timestamps, so the polling interval does not change them.
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number, intervalMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

async function openCanvas(browser: Browser, base: string, target: Target): Promise<{ page: Page; interactive: number; notes: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: base });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(`console ${message.type()}: ${message.text()}`);
  });
  await target.prepare?.(page);
  await page.addInitScript(PROBE);
  await page.addInitScript(
    `window.__bench.config = ${JSON.stringify({ nodeSelector: target.nodeSelector, expected: target.expected })};`,
  );
  await page.goto(target.url, { waitUntil: "commit" });
  const notes: string[] = [];
  try {
    await waitInPage(page, "window.__bench.interactiveAt !== null", 60_000, 100);
  } catch {
    const state = await page.evaluate(
      `({ nodes: document.querySelectorAll(${JSON.stringify(target.nodeSelector)}).length, visibleAt: window.__bench.nodesVisibleAt, transform: window.__bench.transform() })`,
    );
    throw new Error(`${target.label}: canvas not interactive within 60 s: ${JSON.stringify(state)}\n${errors.join("\n")}`);
  }
  const interactive = (await page.evaluate("window.__bench.interactiveAt")) as number;
  notes.push(...errors);
  return { page, interactive, notes };
}

/** Moves the mouse for GESTURE_MS along a slow back-and-forth, in small steps (~250 Hz). */
async function gesture(page: Page, from: { x: number; y: number }, amplitude: { x: number; y: number }) {
  const start = Date.now();
  for (let t = 0; t < GESTURE_MS; t = Date.now() - start) {
    const phase = (2 * Math.PI * t) / 1000;
    await page.mouse.move(from.x + amplitude.x * Math.sin(phase), from.y + amplitude.y * Math.sin(phase / 2));
    await new Promise((done) => setTimeout(done, 4));
  }
  await page.mouse.move(from.x, from.y, { steps: 4 });
}

/** Renderer main-thread milliseconds per frame during a gesture: less quantized than frame times. */
interface MainThreadWork {
  readonly task: number;
  readonly script: number;
  readonly layout: number;
  readonly style: number;
}

interface FrameStats {
  readonly work?: MainThreadWork;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly frames: number;
  /** Share of intervals longer than 1.5 vsyncs (a frame missed). */
  readonly missed: number;
}

function frameStats(intervals: readonly number[], work?: MainThreadWork): FrameStats {
  return {
    work,
    p50: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    max: intervals.length ? Math.max(...intervals) : Number.NaN,
    frames: intervals.length,
    missed: intervals.filter((ms) => ms > 25).length / Math.max(1, intervals.length),
  };
}

const describe = (f: FrameStats) =>
  `p50 ${f.p50.toFixed(1)} / p95 ${f.p95.toFixed(1)} / max ${f.max.toFixed(0)} ms over ${f.frames} frames, ${(f.missed * 100).toFixed(0)}% missed` +
  (f.work
    ? ` (main thread ${f.work.task.toFixed(1)} ms/frame: script ${f.work.script.toFixed(1)}, style ${f.work.style.toFixed(1)}, layout ${f.work.layout.toFixed(1)})`
    : "");

/** Main-thread time of the renderer (Chromium's Performance domain), seconds, cumulative. */
type RendererTimes = Record<"TaskDuration" | "ScriptDuration" | "LayoutDuration" | "RecalcStyleDuration", number>;

// One session per page, kept enabled: enabling the domain again resets its counters.
const sessions = new WeakMap<Page, CDPSession>();

async function rendererTimes(page: Page): Promise<RendererTimes> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    await session.send("Performance.enable");
    sessions.set(page, session);
  }
  const { metrics } = await session.send("Performance.getMetrics");
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    TaskDuration: value("TaskDuration"),
    ScriptDuration: value("ScriptDuration"),
    LayoutDuration: value("LayoutDuration"),
    RecalcStyleDuration: value("RecalcStyleDuration"),
  };
}

async function framesDuring(page: Page, action: () => Promise<void>): Promise<{ intervals: number[]; work: MainThreadWork }> {
  const before = await rendererTimes(page);
  await page.evaluate("window.__bench.startFrames()");
  await action();
  const intervals = (await page.evaluate("window.__bench.stopFrames()")) as number[];
  const after = await rendererTimes(page);
  // Per frame, so pages that drew a different number of frames compare.
  const perFrame = (key: keyof RendererTimes) => ((after[key] - before[key]) * 1000) / Math.max(1, intervals.length);
  return {
    intervals,
    work: { task: perFrame("TaskDuration"), script: perFrame("ScriptDuration"), layout: perFrame("LayoutDuration"), style: perFrame("RecalcStyleDuration") },
  };
}

async function measurePan(page: Page, notes: string[]): Promise<FrameStats> {
  const point = (await page.evaluate("window.__bench.panePoint()")) as { x: number; y: number } | null;
  if (!point) throw new Error("no empty pane point to pan from");
  const before = await page.evaluate("window.__bench.transform()");
  let moved = false;
  const { intervals, work } = await framesDuring(page, async () => {
    await page.mouse.move(point.x, point.y);
    await page.mouse.down();
    await page.mouse.move(point.x + 8, point.y + 4, { steps: 2 });
    moved = (await page.evaluate("window.__bench.transform()")) !== before;
    await gesture(page, point, { x: 150, y: 60 });
    await page.mouse.up();
  });
  if (!moved) notes.push("pan: the viewport did not move on a pane drag");
  return frameStats(intervals, work);
}

async function measureDrag(page: Page, target: Target, notes: string[]): Promise<FrameStats> {
  const node = (await page.evaluate(`window.__bench.nodePoint(${JSON.stringify(target.dragSelector)})`)) as
    | { x: number; y: number; id: string }
    | null;
  if (!node) {
    notes.push(`drag: no node matching ${target.dragSelector} receives the pointer (pointer-events: none?); not measured`);
    return frameStats([]);
  }
  const before = (await page.evaluate(`window.__bench.nodeBox(${JSON.stringify(node.id)})`)) as { x: number; y: number };
  let moved = false;
  const { intervals, work } = await framesDuring(page, async () => {
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    await page.mouse.move(node.x + 10, node.y + 10, { steps: 3 });
    const during = (await page.evaluate(`window.__bench.nodeBox(${JSON.stringify(node.id)})`)) as { x: number; y: number } | null;
    // React Flow moves the node itself; the designer keeps it in place and shows a drag ghost.
    moved =
      (!!during && (during.x !== before.x || during.y !== before.y)) ||
      ((await page.evaluate(`!!document.querySelector('[data-testid="drag-ghost"]')`)) as boolean);
    await gesture(page, node, { x: 60, y: 40 });
    await page.mouse.up();
  });
  if (!moved) notes.push(`drag: node ${node.id} did not follow the mouse and no drag ghost appeared`);
  await page.keyboard.press("Escape");
  return frameStats(intervals, work);
}

async function measureOnce(browser: Browser, base: string, target: Target): Promise<RunFigures> {
  const { page, interactive, notes } = await openCanvas(browser, base, target);
  try {
    // Let the first idle work (minimap, deferred effects) settle before measuring frames.
    await page.waitForTimeout(500);
    if (SCREENSHOTS) await page.screenshot({ path: resolve(SCREENSHOTS, `${target.key}.png`) });
    const pan = await measurePan(page, notes);
    await page.waitForTimeout(300);
    const drag = await measureDrag(page, target, notes);
    const figures: RunFigures = { interactive_ms: interactive, pan, drag, notes };
    if (target.key === "pipewright") {
      const used: string[] = [];
      const rename = await measureRenameToBadges(page, used, notes);
      figures.delete_to_badges_ms = await measureEditToBadges(page, used, notes);
      figures.rename_to_badges_ms = rename;
      if (rename === undefined) notes.push("edit-to-badges: no inspector \"Action name\" field; the edit measured is Delete");
      figures.edit_to_badges_ms = rename !== undefined && Number.isFinite(rename) ? rename : figures.delete_to_badges_ms;
    }
    return figures;
  } finally {
    await page.context().close();
  }
}

// ---------------------------------------------------------------------------------------------
// The designer side.

const DESIGNER_DRAFT_ID = "bench-canvas";

function designerTarget(): Target {
  const declaration = buildLargePipeline({ stages: STAGES, actionsPerStage: ACTIONS_PER_STAGE });
  // A draft as components/designer/drafts/ stores it (key prefix `pipewright:draft:`); this is the
  // first format, without schemaVersion, which the designer migrates on open.
  const draft = { id: DESIGNER_DRAFT_ID, title: declaration.name, updatedAt: Date.now(), declaration };
  return {
    key: "pipewright",
    label: "Pipewright designer",
    url: `/designer/${DESIGNER_DRAFT_ID}`,
    nodeSelector: ".react-flow__node-action",
    dragSelector: ".react-flow__node-action",
    expected: NODE_COUNT,
    prepare: async (page) => {
      await page.addInitScript(
        `localStorage.setItem(${JSON.stringify(`pipewright:draft:${DESIGNER_DRAFT_ID}`)}, ${JSON.stringify(JSON.stringify(draft))});`,
      );
    },
  };
}

const EDITS_PER_RUN = 3;

/**
 * Selects an action (focus) and renames it in the inspector to the name of a sibling in its stage (the large pipeline's
 * stages hold Build-0..Build-9), so a duplicate-name error appears: the last keystroke is the
 * edit. Undefined when the inspector has no "Action name" field.
 */
async function measureRenameToBadges(page: Page, used: string[], notes: string[]): Promise<number | undefined> {
  const samples: number[] = [];
  for (let i = 0; i < EDITS_PER_RUN; i++) {
    const id = (await page.evaluate(`window.__bench.focusAction(${JSON.stringify(used)})`)) as string | null;
    if (id) used.push(id);
    if (!id) break;
    const field = page.getByLabel(/^\s*Action name\b/).first();
    const shown = await field.waitFor({ state: "visible", timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (!shown) {
      if (i === 0) return undefined;
      break;
    }
    const name = await field.inputValue();
    const match = /^(.*-)(\d+)$/.exec(name);
    if (!match) {
      notes.push(`edit-to-badges: unexpected action name ${name}`);
      break;
    }
    // The sibling to collide with, other than the action itself.
    const sibling = match[2] === "0" ? "1" : "0";
    await field.click();
    await field.press("End");
    for (let k = 0; k < match[2]!.length; k++) await field.press("Backspace");
    await page.waitForTimeout(300);
    await page.evaluate("window.__bench.watchBadges()");
    await field.press(sibling);
    try {
      await waitInPage(page, "window.__bench.badgeWatch.changedAt !== null", 5_000, 50);
    } catch {
      notes.push(`edit-to-badges: renaming ${name} to ${match[1]}${sibling} changed no badge within 5 s`);
      break;
    }
    const watch = (await page.evaluate("window.__bench.badgeWatch")) as { editAt: number | null; changedAt: number };
    if (watch.editAt !== null) samples.push(watch.changedAt - watch.editAt);
    await page.keyboard.press("Escape");
    await page.waitForTimeout(300);
  }
  return median(samples);
}

/**
 * Deletes an action with the keyboard (focus selects it, Delete removes it): its consumer in the
 * next stage loses its input artifact and namespace, so new error badges appear. Repeated on
 * different actions; returns the median.
 */
async function measureEditToBadges(page: Page, used: string[], notes: string[]): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < EDITS_PER_RUN; i++) {
    const id = (await page.evaluate(`window.__bench.focusAction(${JSON.stringify(used)})`)) as string | null;
    if (id) used.push(id);
    if (!id) {
      notes.push("edit-to-badges: no action node to select");
      break;
    }
    await page.waitForTimeout(300);
    await page.evaluate("window.__bench.watchBadges()");
    await page.keyboard.press("Delete");
    try {
      await waitInPage(page, "window.__bench.badgeWatch.changedAt !== null", 5_000, 50);
    } catch {
      notes.push(`edit-to-badges: deleting ${id} with the Delete key changed no badge within 5 s`);
      break;
    }
    const watch = (await page.evaluate("window.__bench.badgeWatch")) as { editAt: number | null; changedAt: number };
    if (watch.editAt === null) {
      notes.push("edit-to-badges: the Delete keydown was not seen");
      break;
    }
    samples.push(watch.changedAt - watch.editAt);
    await page.waitForTimeout(300);
  }
  return median(samples);
}

// ---------------------------------------------------------------------------------------------
// Statistics.

const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

// PIPEWRIGHT_BENCH_PAGES=1 builds the bare React Flow page (app/bench), which a normal build leaves out.
const BENCH_PAGES = { PIPEWRIGHT_BENCH_PAGES: "1" } as const;

async function main() {
  buildUnlessSkipped({ ...benchEnv, ...BENCH_PAGES });
  const { url: base } = await startApp({ env: BENCH_PAGES, probePath: BARE.url });
  // Deterministic for a build: what the editor route loads before the user asks for anything.
  const firstLoad = await firstLoadJsGzipKb(base, `/designer/${DESIGNER_DRAFT_ID}`);
  const targets: Target[] = [];
  if (ONLY !== "designer") targets.push(BARE);
  if (ONLY !== "designer" && flag("--bare-chrome")) targets.push(BARE_CHROME);
  if (ONLY !== "bare") {
    const probe = await fetch(`${base}/designer/${DESIGNER_DRAFT_ID}`);
    if (probe.ok) targets.push(designerTarget());
    else console.log(`/designer/${DESIGNER_DRAFT_ID} answers ${probe.status}: the designer side is skipped`);
  }

  const browser = await chromium.launch({
    headless: !flag("--headed"),
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
  });
  const runs = new Map<Target["key"], RunFigures[]>();
  try {
    // One unmeasured visit each warms the server and the browser's caches.
    for (const target of targets) await (await openCanvas(browser, base, target)).page.context().close();
    // Interleaved, so drift on the shared machine affects both alike.
    for (let rep = 1; rep <= REPS; rep++) {
      for (const target of targets) {
        const figures = await measureOnce(browser, base, target);
        runs.set(target.key, [...(runs.get(target.key) ?? []), figures]);
        console.log(
          `#${rep} ${target.label}: interactive ${figures.interactive_ms.toFixed(0)} ms; pan ${describe(figures.pan)}; ` +
            `drag ${describe(figures.drag)}` +
            (figures.rename_to_badges_ms !== undefined ? `; rename→badges ${figures.rename_to_badges_ms.toFixed(1)} ms` : "") +
            (figures.delete_to_badges_ms !== undefined ? `; delete→badges ${figures.delete_to_badges_ms.toFixed(1)} ms` : ""),
        );
      }
    }
  } finally {
    await browser.close();
    stopChildren();
  }

  const summary = (key: Target["key"]) => {
    const list = runs.get(key) ?? [];
    return {
      interactive_ms: round(median(list.map((r) => r.interactive_ms)), 0),
      pan_frame_p95_ms: round(median(list.map((r) => r.pan.p95))),
      drag_frame_p95_ms: round(median(list.map((r) => r.drag.p95))),
      ...(key === "pipewright" ? { edit_to_badges_ms: round(median(list.map((r) => r.edit_to_badges_ms ?? Number.NaN))) } : {}),
    };
  };
  const pipewright = summary("pipewright");
  const bare = summary("bare");
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b, 2) : null);
  const ratios = {
    interactive: ratio(pipewright.interactive_ms, bare.interactive_ms),
    pan: ratio(pipewright.pan_frame_p95_ms, bare.pan_frame_p95_ms),
    drag: ratio(pipewright.drag_frame_p95_ms, bare.drag_frame_p95_ms),
  };

  const notes = new Set([...runs.values()].flat().flatMap((r) => r.notes));
  for (const note of notes) console.log(`note: ${note}`);
  const load = loadavg()[0]!;
  console.log(`\n${STAGES} stages × ${ACTIONS_PER_STAGE} actions (${NODE_COUNT} actions), medians of ${REPS} runs:`);
  console.log(`  (load average ${load.toFixed(1)} on ${availableParallelism()} cores${load > availableParallelism() * 0.75 ? ": a busy machine, frame figures are noisy" : ""})`);
  const row = (label: string, value: number | null, unit: string, target?: string) =>
    console.log(`  ${label.padEnd(34)} ${value === null ? "n/a" : `${value} ${unit}`}${target ? `  (target ${target})` : ""}`);
  row("designer: interactive", pipewright.interactive_ms, "ms", "< 1500 ms");
  row("designer: pan frame p95", pipewright.pan_frame_p95_ms, "ms", "< 16.7 ms");
  row("designer: drag frame p95", pipewright.drag_frame_p95_ms, "ms", "< 16.7 ms");
  row("designer: edit → badges", pipewright.edit_to_badges_ms ?? null, "ms", "< 50 ms");
  row("bare React Flow: interactive", bare.interactive_ms, "ms");
  row("bare React Flow: pan frame p95", bare.pan_frame_p95_ms, "ms");
  row("bare React Flow: drag frame p95", bare.drag_frame_p95_ms, "ms");
  if (runs.has("bare-chrome")) {
    const chrome = summary("bare-chrome");
    row("bare + minimap etc.: interactive", chrome.interactive_ms, "ms");
    row("bare + minimap etc.: pan frame p95", chrome.pan_frame_p95_ms, "ms");
    row("bare + minimap etc.: drag frame p95", chrome.drag_frame_p95_ms, "ms");
  }
  const missed = (key: Target["key"], gesture: "pan" | "drag") =>
    round(median((runs.get(key) ?? []).map((r) => r[gesture].missed * 100)), 0);
  const work = (key: Target["key"], gesture: "pan" | "drag") =>
    round(median((runs.get(key) ?? []).map((r) => r[gesture].work?.task ?? Number.NaN)));
  for (const key of runs.keys()) {
    console.log(`  ${`${key}: frames missed (pan / drag)`.padEnd(34)} ${missed(key, "pan")}% / ${missed(key, "drag")}%`);
    console.log(`  ${`${key}: main thread ms/frame (pan / drag)`.padEnd(34)} ${work(key, "pan")} / ${work(key, "drag")}`);
  }
  row("editor first-load JS (gzip)", firstLoad.kb, "kB", "≤ 300 kB");
  row("ratio interactive", ratios.interactive, "×", "< 1.5");
  row("ratio pan", ratios.pan, "×", "< 1.5");
  row("ratio drag", ratios.drag, "×", "< 1.5");
  console.log("  (frame times under software rendering with --disable-gpu are indicative; the ratios are the meaningful figures)");
  const machineLoad = loadavg().map((n) => Math.round(n * 100) / 100);
  console.log(
    JSON.stringify({ bench: "canvas", pipewright, bare, ratios, editor_first_load_js_gzip_kb: firstLoad.kb, machine_load: machineLoad }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopChildren();
  process.exit(1);
});
