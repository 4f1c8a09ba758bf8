/**
 * Where the canvas opens. A pipeline that fits legibly opens whole, centred; a longer one opens
 * on its first stages at a zoom where action names are still legible, with the minimap showing
 * the rest (fitting 50 stages would shrink names to a few pixels). Pure, so the rule is tested
 * without a browser; the browser test measures the names on screen.
 */
import { MIN_NAME_PX, NAME_FONT_PX, type Orientation, type Rect } from "./layout";

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Space kept free around the pipeline, in screen pixels. */
export const OPENING_PAD = 24;
/** The zoom at which stage and action names are MIN_NAME_PX tall on screen. */
export const LEGIBLE_ZOOM = MIN_NAME_PX / NAME_FONT_PX;
/** Small pipelines are not blown up beyond their natural size. */
export const MAX_OPENING_ZOOM = 1;

export function openingViewport(content: Rect, canvas: { readonly width: number; readonly height: number }, orientation: Orientation): Viewport {
  const room = { width: canvas.width - OPENING_PAD * 2, height: canvas.height - OPENING_PAD * 2 };
  if (content.width <= 0 || content.height <= 0 || room.width <= 0 || room.height <= 0) {
    return { x: OPENING_PAD, y: OPENING_PAD, zoom: MAX_OPENING_ZOOM };
  }
  const across = orientation === "vertical" ? room.width / content.width : room.height / content.height;
  const along = orientation === "vertical" ? room.height / content.height : room.width / content.width;
  const whole = Math.min(across, along, MAX_OPENING_ZOOM);
  if (whole >= LEGIBLE_ZOOM) return place(content, canvas, whole, "centre", "centre", orientation);
  // Too long to show whole and legible: as much of its width across as fits, from the first stage.
  const zoom = Math.min(MAX_OPENING_ZOOM, Math.max(LEGIBLE_ZOOM, across));
  return place(content, canvas, zoom, "start", zoom <= across ? "centre" : "start", orientation);
}

/** The viewport showing `content` at `zoom`, each axis at its start (after the pad) or centred. */
function place(
  content: Rect,
  canvas: { readonly width: number; readonly height: number },
  zoom: number,
  alongTime: "start" | "centre",
  acrossTime: "start" | "centre",
  orientation: Orientation,
): Viewport {
  const [xAlign, yAlign] = orientation === "vertical" ? [acrossTime, alongTime] : [alongTime, acrossTime];
  const offset = (align: "start" | "centre", start: number, size: number, room: number) =>
    align === "centre" ? (room - size * zoom) / 2 - start * zoom : OPENING_PAD - start * zoom;
  return {
    x: offset(xAlign, content.x, content.width, canvas.width),
    y: offset(yAlign, content.y, content.height, canvas.height),
    zoom,
  };
}
