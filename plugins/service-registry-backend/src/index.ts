export { serviceRegistryPlugin as default } from './plugin';
