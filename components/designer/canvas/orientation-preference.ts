/**
 * The canvas orientation a person chose, kept in this browser: it is how they like to read
 * pipelines, not part of any design, so it is neither in the draft nor in the declaration.
 */
import type { Orientation } from "./layout";

const KEY = "pipewright:designer:orientation";

export function readOrientation(): Orientation {
  try {
    return window.localStorage.getItem(KEY) === "horizontal" ? "horizontal" : "vertical";
  } catch {
    return "vertical"; // Storage can be disabled; the default then.
  }
}

export function saveOrientation(orientation: Orientation): void {
  try {
    window.localStorage.setItem(KEY, orientation);
  } catch {
    // Not kept across visits when storage is unavailable; this session still uses it.
  }
}
