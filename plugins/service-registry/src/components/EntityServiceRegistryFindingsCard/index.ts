export { EntityServiceRegistryFindingsCard } from './EntityServiceRegistryFindingsCard';
export type { EntityServiceRegistryFindingsCardProps } from './EntityServiceRegistryFindingsCard';
