"use client";

import { useState } from "react";
import { canvasSvg } from "./canvas-svg";
import { rasteriseSvg, svgSize } from "./rasterise";
import type { Projection } from "../canvas/project";

const BUTTON = "rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-900";

/** "SVG" and "PNG" downloads of the canvas as laid out now (collapsed stages, overlay, orientation). */
export function ImageExport({ projection, title }: { projection: Projection; title: string }) {
  const [error, setError] = useState<string | undefined>();
  const fileBase = title.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "pipeline";
  const svg = () => canvasSvg(projection, { title });
  const downloadSvg = () => download(new Blob([svg()], { type: "image/svg+xml" }), `${fileBase}.svg`);
  const downloadPng = () => {
    setError(undefined);
    const text = svg();
    const { width, height } = svgSize(text);
    rasteriseSvg(text, width, height).then(
      (blob) => download(blob, `${fileBase}.png`),
      (thrown: unknown) => setError(`The PNG could not be made: ${thrown instanceof Error ? thrown.message : String(thrown)}.`),
    );
  };
  return (
    <span className="inline-flex items-center gap-1" role="group" aria-label="Image of the canvas">
      <span className="text-sm text-slate-600 dark:text-slate-400">Image</span>
      <button type="button" className={BUTTON} onClick={downloadSvg} data-testid="export-svg">
        SVG
      </button>
      <button type="button" className={BUTTON} onClick={downloadPng} data-testid="export-png">
        PNG
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
