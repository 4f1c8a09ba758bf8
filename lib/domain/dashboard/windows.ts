/**
 * The windows delivery metrics are computed over, in days. Apart from the arithmetic
 * (metrics.ts) so that parsing a selection, which the browser does, does not bring it along.
 */
export const METRIC_WINDOWS = [7, 30, 90] as const;
export type MetricWindow = (typeof METRIC_WINDOWS)[number];
