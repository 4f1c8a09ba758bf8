/**
 * The dashboard's parts that poll, as one module for live-wall.tsx to import dynamically: both
 * then come in one chunk, and TanStack Query and the poll code they share are fetched once.
 */
export { MetricsPanel } from "./metrics-panel";
export { Wall } from "./wall";
