/**
 * An SVG document as a PNG, drawn by the browser itself: the SVG is loaded as an image and painted
 * on a canvas (https://developer.mozilla.org/en-US/docs/Web/API/CanvasRenderingContext2D/drawImage).
 * Large pipelines are scaled down to stay inside the canvas limits browsers enforce.
 */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 100_000_000;

export function pngScale(width: number, height: number, preferred = 2): number {
  return Math.min(preferred, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

export async function rasteriseSvg(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    const scale = pngScale(width, height);
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The size an SVG from canvasSvg declares. */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 1), height: Number(match?.[2] ?? 1) };
}
