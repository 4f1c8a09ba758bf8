/**
 * First-load JavaScript of a route, as a current browser gets it: every script the server-rendered
 * HTML loads (`<script src>` and preloaded scripts; not `noModule` polyfills, which only browsers
 * without ES modules fetch), each gzipped, summed in kB (1 kB = 1000 bytes, as Next.js printed its
 * "First Load JS"). Deterministic for a build, unlike frame times.
 */
import { gzipSync } from "node:zlib";

export async function firstLoadJsGzipKb(base: string, path: string): Promise<{ kb: number; scripts: { src: string; kb: number }[] }> {
  const html = await (await fetch(new URL(path, base))).text();
  const sources = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const src = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if (src !== undefined && !/\bnoModule\b/i.test(tag)) sources.add(src.replace(/&amp;/g, "&"));
  }
  const scripts = await Promise.all(
    [...sources].map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      return { src, kb: gzipSync(body).length / 1000 };
    }),
  );
  scripts.sort((a, b) => b.kb - a.kb);
  return { kb: Math.round(scripts.reduce((sum, s) => sum + s.kb, 0) * 10) / 10, scripts };
}
