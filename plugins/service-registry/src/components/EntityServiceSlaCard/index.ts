export { EntityServiceSlaCard } from './EntityServiceSlaCard';
export type { EntityServiceSlaCardProps } from './EntityServiceSlaCard';
