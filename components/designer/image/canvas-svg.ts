/**
 * The canvas as a standalone SVG document, drawn from the projection's layout (the same positions
 * and sizes the canvas uses), not from the screen: vector shapes, and every name as <text>, so the
 * image scales, stays searchable and pastes into design documents. Pure: the same projection
 * always gives the same bytes.
 */
import type { Edge } from "@xyflow/react";
import type { ActionNode, CanvasNode, GroupNode, Projection, StageNode } from "../canvas/project";
import { HEADER_EXTENT } from "../canvas/layout";

const MARGIN = 24;
const FONT = "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', sans-serif";
const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  Source: "#059669",
  Build: "#f59e0b",
  Test: "#0284c7",
  Deploy: "#7c3aed",
  Approval: "#e11d48",
  Invoke: "#ea580c",
  Compute: "#0e7490",
};

interface Point {
  readonly x: number;
  readonly y: number;
}

export interface CanvasSvgOptions {
  /** The document's <title>, e.g. the pipeline's name. */
  readonly title: string;
}

export function canvasSvg(projection: Projection, options: CanvasSvgOptions): string {
  const byId = new Map<string, CanvasNode>(projection.nodes.map((n) => [n.id, n]));
  const origin = new Map<string, Point>();
  const absolute = (node: CanvasNode): Point => {
    const known = origin.get(node.id);
    if (known) return known;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const base = parent ? absolute(parent) : { x: 0, y: 0 };
    const point = { x: base.x + node.position.x, y: base.y + node.position.y };
    origin.set(node.id, point);
    return point;
  };
  const { bounds } = projection;
  const width = Math.ceil(bounds.width + 2 * MARGIN);
  const height = Math.ceil(bounds.height + 2 * MARGIN);
  const body: string[] = [];
  for (const node of projection.nodes) {
    const at = absolute(node);
    if (node.type === "stage") body.push(stageSvg(node, at));
    else if (node.type === "actionGroup") body.push(groupSvg(node, at));
    else body.push(actionSvg(node, at));
  }
  const edges = projection.edges.map((edge) => edgeSvg(edge, byId, absolute)).filter(Boolean);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(bounds.x - MARGIN)} ${num(bounds.y - MARGIN)} ${width} ${height}" font-family="${FONT}">`,
    `<title>${escape(options.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>`,
    `<rect x="${num(bounds.x - MARGIN)}" y="${num(bounds.y - MARGIN)}" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    ...edges,
    "</svg>",
  ].join("\n");
}

function stageSvg(node: StageNode, at: Point): string {
  const { data } = node;
  const w = node.width ?? 0;
  const h = node.height ?? 0;
  const vertical = data.orientation === "vertical";
  const headerWidth = vertical ? HEADER_EXTENT.vertical - 16 : w - 20;
  const lines = [
    `<g data-stage="${escape(data.name)}">`,
    `<rect x="${num(at.x)}" y="${num(at.y)}" width="${num(w)}" height="${num(h)}" rx="12" fill="#f8fafc" stroke="${data.errors ? "#dc2626" : "#cbd5e1"}"/>`,
    text(at.x + 10, at.y + 22, data.name || "(unnamed stage)", { size: 14, weight: 600, fill: "#0f172a", maxWidth: headerWidth }),
    text(at.x + 10, at.y + 38, `${data.actionCount} action${data.actionCount === 1 ? "" : "s"}${data.collapsed ? " (collapsed)" : ""}`, { size: 11, fill: "#64748b", maxWidth: headerWidth }),
  ];
  const badge = issueText(data.errors, data.warnings);
  if (badge) lines.push(text(at.x + 10, at.y + 54, badge.text, { size: 11, weight: 600, fill: badge.color, maxWidth: headerWidth }));
  lines.push("</g>");
  return lines.join("");
}

function groupSvg(node: GroupNode, at: Point): string {
  if (!node.data.parallel) return "";
  return `<rect x="${num(at.x)}" y="${num(at.y)}" width="${num(node.width ?? 0)}" height="${num(node.height ?? 0)}" rx="10" fill="none" stroke="#a5b4fc" stroke-dasharray="4 3"/>`;
}

function actionSvg(node: ActionNode, at: Point): string {
  const { data } = node;
  const w = node.width ?? 0;
  const h = node.height ?? 0;
  const stroke = data.errors ? "#dc2626" : data.warnings ? "#f59e0b" : "#cbd5e1";
  const color = CATEGORY_COLORS[data.category] ?? "#64748b";
  const badge = issueText(data.errors, data.warnings);
  const nameWidth = w - 34 - (badge ? 40 : 0);
  const artifacts = `${data.inputs.length ? data.inputs.join(", ") : "no input"} → ${data.outputs.length ? data.outputs.join(", ") : "no output"}`;
  return [
    `<g data-action="${escape(data.name)}">`,
    `<rect x="${num(at.x)}" y="${num(at.y)}" width="${num(w)}" height="${num(h)}" rx="8" fill="#ffffff" stroke="${stroke}" stroke-width="${data.errors || data.warnings ? 1.5 : 1}"/>`,
    `<rect x="${num(at.x + 8)}" y="${num(at.y + 9)}" width="16" height="16" rx="3" fill="${color}"/>`,
    text(at.x + 16, at.y + 21, (data.category[0] ?? "?").toUpperCase(), { size: 10, weight: 700, fill: "#ffffff", anchor: "middle" }),
    text(at.x + 30, at.y + 22, data.name || "(unnamed)", { size: 15, weight: 600, fill: "#0f172a", maxWidth: nameWidth }),
    badge ? text(at.x + w - 8, at.y + 21, badge.short, { size: 11, weight: 700, fill: badge.color, anchor: "end" }) : "",
    text(at.x + 8, at.y + 38, `${data.provider || "?"} · ${data.category || "?"}`, { size: 11, fill: "#64748b", maxWidth: w - 16 }),
    text(at.x + 8, at.y + 51, artifacts, { size: 10.5, fill: data.dangling.length ? "#dc2626" : "#475569", maxWidth: w - 16 }),
    "</g>",
  ].join("");
}

function edgeSvg(edge: Edge, byId: ReadonlyMap<string, CanvasNode>, absolute: (node: CanvasNode) => Point): string {
  const source = byId.get(edge.source);
  const target = byId.get(edge.target);
  if (!source || !target) return "";
  const vertical = source.type !== "actionGroup" && source.data.orientation !== "horizontal";
  const from = anchor(source, absolute(source), vertical, "out");
  const to = anchor(target, absolute(target), vertical, "in");
  const flow = edge.className?.includes("flow-edge") ?? false;
  const bad = edge.className?.includes("flow-edge-bad") ?? false;
  const stroke = flow ? (bad ? "#dc2626" : "#6366f1") : "#64748b";
  const path = vertical
    ? `M${num(from.x)} ${num(from.y)}C${num(from.x)} ${num((from.y + to.y) / 2)} ${num(to.x)} ${num((from.y + to.y) / 2)} ${num(to.x)} ${num(to.y)}`
    : `M${num(from.x)} ${num(from.y)}C${num((from.x + to.x) / 2)} ${num(from.y)} ${num((from.x + to.x) / 2)} ${num(to.y)} ${num(to.x)} ${num(to.y)}`;
  const label =
    typeof edge.label === "string" && edge.label
      ? text((from.x + to.x) / 2 + 4, (from.y + to.y) / 2 - 4, edge.label, { size: 10.5, fill: stroke })
      : "";
  return `<path d="${path}" fill="none" stroke="${stroke}" stroke-width="${flow ? 1.5 : 1.25}"${flow ? "" : ' marker-end="url(#arrow)"'}/>${label}`;
}

function anchor(node: CanvasNode, at: Point, vertical: boolean, side: "in" | "out"): Point {
  const w = node.width ?? 0;
  const h = node.height ?? 0;
  if (vertical) return { x: at.x + w / 2, y: side === "out" ? at.y + h : at.y };
  return { x: side === "out" ? at.x + w : at.x, y: at.y + h / 2 };
}

function issueText(errors: number, warnings: number): { text: string; short: string; color: string } | undefined {
  if (errors) return { text: `${errors} error${errors === 1 ? "" : "s"}`, short: `✕ ${errors}`, color: "#dc2626" };
  if (warnings) return { text: `${warnings} warning${warnings === 1 ? "" : "s"}`, short: `! ${warnings}`, color: "#d97706" };
  return undefined;
}

interface TextStyle {
  readonly size: number;
  readonly fill: string;
  readonly weight?: number;
  readonly anchor?: "start" | "middle" | "end";
  /** Longer text is cut with an ellipsis, estimated from the font size (no text measuring in a pure function). */
  readonly maxWidth?: number;
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const shown = style.maxWidth === undefined ? content : fit(content, style.maxWidth, style.size);
  const attributes = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${style.size}"`,
    `fill="${style.fill}"`,
    style.weight ? `font-weight="${style.weight}"` : "",
    style.anchor && style.anchor !== "start" ? `text-anchor="${style.anchor}"` : "",
  ].filter(Boolean);
  return `<text ${attributes.join(" ")}>${escape(shown)}</text>`;
}

/** Average advance of a proportional sans-serif glyph, in ems: a safe over-estimate for Latin text. */
const EM_PER_CHAR = 0.58;

function fit(content: string, maxWidth: number, size: number): string {
  const chars = Math.max(1, Math.floor(maxWidth / (size * EM_PER_CHAR)));
  const glyphs = [...content];
  return glyphs.length <= chars ? content : `${glyphs.slice(0, Math.max(1, chars - 1)).join("")}…`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
