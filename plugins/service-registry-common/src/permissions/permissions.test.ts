import {
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  serviceRegistryPermissions,
  serviceRegistryReadPermission,
  serviceRegistryRemindPermission,
} from './permissions';

describe('service-registry permissions', () => {
  it('makes reminding a permission on the deprecated service’s catalog entity, so a policy can answer with the catalog’s conditions (isEntityOwner)', () => {
    expect(
      isResourcePermission(serviceRegistryRemindPermission, 'catalog-entity'),
    ).toBe(true);
  });

  it('keeps the names existing policies match on', () => {
    // a policy written for the basic permission (isPermission compares names) still matches it
    expect(
      isPermission(serviceRegistryRemindPermission, {
        type: 'basic',
        name: 'service-registry.deprecation.remind',
        attributes: { action: 'update' },
      }),
    ).toBe(true);
    expect(serviceRegistryPermissions.map(p => [p.name, p.type])).toEqual([
      ['service-registry.registry.read', 'basic'],
      ['service-registry.deprecation.remind', 'resource'],
    ]);
    expect(serviceRegistryReadPermission.attributes).toEqual({
      action: 'read',
    });
  });
});
