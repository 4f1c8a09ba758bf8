"use client";

import { useEffect } from "react";

/**
 * On a wall display the app's header and navigation go: the page covers them at once (no flash
 * while loading), and this marks the document so the hidden header also leaves the tab order and
 * the accessibility tree (globals.css: `html[data-tv] [data-app-header]`).
 */
export function TvChrome() {
  useEffect(() => {
    document.documentElement.dataset.tv = "1";
    return () => {
      delete document.documentElement.dataset.tv;
    };
  }, []);
  return null;
}
