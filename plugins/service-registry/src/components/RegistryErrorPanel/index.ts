export { RegistryErrorPanel } from './RegistryErrorPanel';
export type { RegistryErrorPanelProps } from './RegistryErrorPanel';
