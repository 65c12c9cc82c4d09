import { createDevApp } from '@backstage/dev-utils';
import { serviceRegistryPlugin } from '../src/plugin';

createDevApp().registerPlugin(serviceRegistryPlugin).render();
