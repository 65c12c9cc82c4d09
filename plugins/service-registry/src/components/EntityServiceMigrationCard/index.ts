export { EntityServiceMigrationCard } from './EntityServiceMigrationCard';
export type { EntityServiceMigrationCardProps } from './EntityServiceMigrationCard';
export { isServiceRegistryDeprecated } from './conditions';
