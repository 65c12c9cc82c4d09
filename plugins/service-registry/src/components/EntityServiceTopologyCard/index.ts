export { EntityServiceTopologyCard } from './EntityServiceTopologyCard';
export type { EntityServiceTopologyCardProps } from './EntityServiceTopologyCard';
