import { describe, expect, it } from "vitest";
import { ACTION_WIDTH, MIN_NAME_PX, NAME_FONT_PX } from "./layout";
import { LEGIBLE_ZOOM, OPENING_PAD, openingViewport } from "./opening-view";

const CANVAS = { width: 848, height: 800 };

describe("openingViewport", () => {
  it("opens a pipeline that fits legibly whole and centred, never above natural size", () => {
    const small = { x: 0, y: 0, width: 400, height: 300 };
    expect(openingViewport(small, CANVAS, "vertical")).toEqual({ x: 224, y: 250, zoom: 1 });
    const tall = { x: 0, y: 0, width: 600, height: 900 };
    const view = openingViewport(tall, CANVAS, "vertical");
    expect(view.zoom).toBeCloseTo((CANVAS.height - 2 * OPENING_PAD) / 900);
    expect(view.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    // Whole: both corners of the content on the canvas.
    expect(view.y).toBeCloseTo(OPENING_PAD);
    expect(view.x + 600 * view.zoom).toBeLessThanOrEqual(CANVAS.width);
  });

  it("keeps names legible: a long pipeline opens on its first stages, centred across when it fits", () => {
    const long = { x: 0, y: 0, width: 700, height: 5000 };
    const view = openingViewport(long, CANVAS, "vertical");
    expect(view.zoom * NAME_FONT_PX).toBeGreaterThanOrEqual(MIN_NAME_PX);
    expect(view.y).toBe(OPENING_PAD);
    expect(view.x).toBeCloseTo((CANVAS.width - 700 * view.zoom) / 2);
  });

  it("starts at the first stage and the left edge when even the width does not fit", () => {
    const wide = { x: 0, y: 0, width: 10 * ACTION_WIDTH + 400, height: 5000 };
    expect(openingViewport(wide, CANVAS, "vertical")).toEqual({ x: OPENING_PAD, y: OPENING_PAD, zoom: LEGIBLE_ZOOM });
  });

  it("mirrors the rule when time runs left to right", () => {
    const long = { x: 0, y: 0, width: 6000, height: 500 };
    const view = openingViewport(long, CANVAS, "horizontal");
    expect(view.x).toBe(OPENING_PAD);
    expect(view.zoom).toBe(1);
    expect(view.y).toBeCloseTo((CANVAS.height - 500) / 2);
  });

  it("has a defined answer before the canvas has a size", () => {
    expect(openingViewport({ x: 0, y: 0, width: 100, height: 100 }, { width: 0, height: 0 }, "vertical")).toEqual({ x: OPENING_PAD, y: OPENING_PAD, zoom: 1 });
  });
});
