import { Entity } from '@backstage/catalog-model';
import {
  isServiceRegistryProject,
  isServiceRegistryService,
} from './conditions';

function entity(
  kind: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'shop', annotations },
    spec: {},
  };
}

const ingested = { 'service-registry.io/registry-id': 'default' };

describe('isServiceRegistryProject', () => {
  it('is true for a System the registry provider ingested, projects and the shared System alike', () => {
    expect(
      isServiceRegistryProject(
        entity('System', {
          ...ingested,
          'service-registry.io/project': 'shop',
        }),
      ),
    ).toBe(true);
    expect(isServiceRegistryProject(entity('system', ingested))).toBe(true);
  });

  it('is false for other Systems and for the registry’s Components', () => {
    expect(isServiceRegistryProject(entity('System'))).toBe(false);
    expect(isServiceRegistryProject(entity('Component', ingested))).toBe(false);
    expect(isServiceRegistryService(entity('System', ingested))).toBe(false);
  });
});
