"use client";

import { useEffect, type RefObject } from "react";
import { closestFieldPath } from "./selection-from-path";

/**
 * Scrolls to and focuses the field showing `focusPath` (set when a problem is clicked). Runs
 * after the inspector rendered the newly selected element, since selection and path change
 * together.
 */
export function useFocusPath(
  container: RefObject<HTMLElement | null>,
  focusPath: string | undefined,
  selectionKey: string,
  /** Changes on every request, so the same path can be focused again. */
  request?: number,
): void {
  useEffect(() => {
    const root = container.current;
    if (!root || focusPath === undefined) return;
    const elements = new Map<string, HTMLElement>();
    for (const el of root.querySelectorAll<HTMLElement>("[data-path]")) {
      const p = el.dataset.path;
      if (p !== undefined && !elements.has(p)) elements.set(p, el);
    }
    const best = closestFieldPath(elements.keys(), focusPath);
    if (best === undefined) return;
    const el = elements.get(best)!;
    // A group (fieldset) is focusable itself, but its first control is what the user wants: a
    // form field, else a button (an empty list's "Add…").
    const control = el.matches("input, select, textarea")
      ? el
      : (el.querySelector<HTMLElement>("input, select, textarea") ?? el.querySelector<HTMLElement>("button") ?? el);
    control.scrollIntoView({ block: "center" });
    control.focus({ preventScroll: true });
  }, [container, focusPath, selectionKey, request]);
}
