import type { Edge, Node } from "@xyflow/react";

// Spacing of the grid: default nodes are 150 × ~40 px.
const COLUMN_WIDTH = 220;
const ROW_HEIGHT = 80;

/**
 * `count` default nodes in `columns` columns, filled column by column, like the designer's stages of
 * actions side by side.
 */
export function gridNodes(count: number, columns: number): Node[] {
  const rows = Math.ceil(count / columns);
  return Array.from({ length: count }, (_, i) => {
    const column = Math.floor(i / rows);
    const row = i % rows;
    return { id: `n${i}`, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT }, data: { label: `Node ${column}-${row}` } };
  });
}

/**
 * A chain down each column plus two links from each column to the next: for 500 nodes in 50 columns,
 * 450 + 98 = 548 edges, about as many as the designer draws.
 */
export function gridEdges(count: number, columns: number): Edge[] {
  const rows = Math.ceil(count / columns);
  const edges: Edge[] = [];
  const link = (a: number, b: number) => {
    if (a < count && b < count) edges.push({ id: `e${a}-${b}`, source: `n${a}`, target: `n${b}` });
  };
  for (let i = 0; i < count; i++) {
    if ((i % rows) + 1 < rows) link(i, i + 1);
  }
  for (let column = 0; column + 1 < columns; column++) {
    const first = column * rows;
    link(first, first + rows);
    link(first + rows - 1, first + 2 * rows - 1);
  }
  return edges;
}
