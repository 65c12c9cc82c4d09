import { ConfigReader } from '@backstage/config';
import { readServiceRegistryProviderConfigs } from './ServiceRegistryEntityProviderConfig';

describe('readServiceRegistryProviderConfigs', () => {
  it('reads nothing when unconfigured', () => {
    expect(readServiceRegistryProviderConfigs(new ConfigReader({}))).toEqual(
      [],
    );
  });

  it('gives a single registry the id default, with defaults', () => {
    const [config] = readServiceRegistryProviderConfigs(
      new ConfigReader({
        catalog: { providers: { serviceRegistry: { target: './registry' } } },
      }),
    );
    expect(config).toMatchObject({
      id: 'default',
      target: './registry',
      sharedSystem: 'shared',
      defaultOwner: 'unknown',
      ownerGroups: true,
      maxRemovalShare: 0.5,
      rejectEmpty: true,
    });
    expect(config.schedule.frequency).toEqual({ minutes: 5 });
  });

  it('reads several keyed registries with their own settings', () => {
    const configs = readServiceRegistryProviderConfigs(
      new ConfigReader({
        catalog: {
          providers: {
            serviceRegistry: {
              main: { target: 'https://github.com/acme/registry/tree/main' },
              lab: {
                target: '/srv/lab',
                ownerGroups: false,
                guard: { maxRemovalShare: 0.2, rejectEmpty: false },
                schedule: {
                  frequency: { seconds: 30 },
                  timeout: { minutes: 1 },
                },
              },
            },
          },
        },
      }),
    );
    expect(configs.map(c => c.id)).toEqual(['main', 'lab']);
    expect(configs[1]).toMatchObject({
      ownerGroups: false,
      maxRemovalShare: 0.2,
      rejectEmpty: false,
    });
    expect(configs[1].schedule.frequency).toEqual({ seconds: 30 });
  });

  it('explains a share outside 0..1', () => {
    expect(() =>
      readServiceRegistryProviderConfigs(
        new ConfigReader({
          catalog: {
            providers: {
              serviceRegistry: { target: 'x', guard: { maxRemovalShare: 50 } },
            },
          },
        }),
      ),
    ).toThrow(/guard.maxRemovalShare must be between 0 and 1, got 50/);
  });
});
