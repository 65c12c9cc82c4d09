export { EntityServiceRegistryCard } from './EntityServiceRegistryCard';
export type { EntityServiceRegistryCardProps } from './EntityServiceRegistryCard';
