export { TopologyLegend } from './TopologyLegend';
export type { TopologyLegendProps } from './TopologyLegend';
