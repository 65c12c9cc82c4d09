export { ServiceRegistrySlaPage } from './ServiceRegistrySlaPage';
export type { ServiceRegistrySlaPageProps } from './ServiceRegistrySlaPage';
