/**
 * How every browser here is launched: Debian's Chromium (Playwright's own browser download cannot
 * work on this network), as root (so no sandbox), software rendering, no background traffic.
 * Shared by playwright.config.ts and the canvas benchmark.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
