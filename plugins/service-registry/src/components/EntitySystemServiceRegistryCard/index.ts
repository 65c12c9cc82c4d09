export { EntitySystemServiceRegistryCard } from './EntitySystemServiceRegistryCard';
export type { EntitySystemServiceRegistryCardProps } from './EntitySystemServiceRegistryCard';
