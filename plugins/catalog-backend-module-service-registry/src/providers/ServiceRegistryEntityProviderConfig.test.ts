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
                maxFileBytes: 33554432,
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
    expect(configs[0].maxFileBytes).toBeUndefined();
    expect(configs[1]).toMatchObject({
      ownerGroups: false,
      maxFileBytes: 33554432,
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

describe('readServiceRegistryProviderConfigs: values the catalog cannot use', () => {
  function read(serviceRegistry: object) {
    return () =>
      readServiceRegistryProviderConfigs(
        new ConfigReader({ catalog: { providers: { serviceRegistry } } }),
      );
  }

  it('refuses a sharedSystem that is no entity name, naming the key', () => {
    expect(read({ target: 'x', sharedSystem: 'Shared Services' })).toThrow(
      /catalog\.providers\.serviceRegistry\.sharedSystem.*"Shared Services"/,
    );
    expect(read({ lab: { target: 'x', sharedSystem: '-shared' } })).toThrow(
      /catalog\.providers\.serviceRegistry\.lab\.sharedSystem/,
    );
  });

  it('refuses a maxFileBytes that is not a whole number of bytes, naming the key', () => {
    // above 256 MiB a file cannot be held as text: a larger limit would crash the read
    for (const maxFileBytes of [0, -1, 1.5, 4_000_000_000]) {
      expect(read({ target: 'x', maxFileBytes })).toThrow(
        `catalog.providers.serviceRegistry.maxFileBytes must be a whole number of bytes above 0 and up to 268435456 (256 MiB, the largest file a reader holds as text; e.g. 33554432 for 32 MiB), got ${maxFileBytes}`,
      );
    }
  });

  it('refuses a file:// target of another host, naming the key', () => {
    expect(read({ lab: { target: 'file://fileserver/srv/registry' } })).toThrow(
      /catalog\.providers\.serviceRegistry\.lab\.target: "file:\/\/fileserver\/srv\/registry" is not a file URL of this host/,
    );
    expect(read({ target: 'file:///srv/registry' })).not.toThrow();
  });

  it('refuses a defaultOwner that leaves no name, naming the key', () => {
    expect(read({ target: 'x', defaultOwner: '@@' })).toThrow(
      /catalog\.providers\.serviceRegistry\.defaultOwner/,
    );
  });

  it('refuses provider ids whose status Resource would clash or be too long', () => {
    expect(read({ Main: { target: 'x' }, main: { target: 'y' } })).toThrow(
      /"Main" and "main"/,
    );
    expect(read({ ['a'.repeat(47)]: { target: 'x' } })).toThrow(/at most 46/);
  });

  it('refuses provider ids that are no config key, with its own message', () => {
    for (const id of ['2nd', 'a--b', 'a-', 'team:a']) {
      expect(read({ [id]: { target: 'x' } })).toThrow(
        `catalog.providers.serviceRegistry.${id}: a provider id is letters and digits, starting with a letter, in parts joined by single '-' or '_'`,
      );
    }
    expect(
      readServiceRegistryProviderConfigs(
        new ConfigReader({
          catalog: {
            providers: {
              serviceRegistry: {
                team_2: { target: 'x' },
                'a-2': { target: 'y' },
              },
            },
          },
        }),
      ).map(c => c.id),
    ).toEqual(['team_2', 'a-2']);
  });

  it('refuses a keyed registry next to the single form, and unknown settings, naming them', () => {
    expect(read({ target: 'x', lab: { target: 'y' } })).toThrow(
      'catalog.providers.serviceRegistry.lab is not a setting of a registry; the settings are target, schedule, sharedSystem, defaultOwner, ownerGroups, guard, maxFileBytes (several registries are each keyed by id, with no target of their own directly under catalog.providers.serviceRegistry)',
    );
    expect(read({ lab: { target: 'y', scedule: {} } })).toThrow(
      'catalog.providers.serviceRegistry.lab.scedule is not a setting of a registry',
    );
    expect(read({ target: 'y', guard: { maxRemovalShares: 1 } })).toThrow(
      'catalog.providers.serviceRegistry.guard.maxRemovalShares is not a setting of a registry; the settings are maxRemovalShare, rejectEmpty',
    );
  });

  it('refuses a target with a scheme that is neither a directory nor http(s)', () => {
    expect(read({ target: 'htps://github.com/acme/registry' })).toThrow(
      'catalog.providers.serviceRegistry.target must be a directory or an http(s) URL read through the integrations, got the scheme "htps:"',
    );
    expect(read({ target: 'ftp://example.com/registry' })).toThrow(/"ftp:"/);
    // a catalog location reference is no target: it read as a relative directory
    expect(
      read({ target: 'url:https://github.com/acme/registry/tree/main' }),
    ).toThrow(
      'got the scheme "url:" in "url:https://github.com/acme/registry/tree/main" (write the URL without the "url:" of a catalog location: "https://github.com/acme/registry/tree/main")',
    );
    expect(read({ target: 'github:acme/registry' })).toThrow(/"github:"/);
    expect(read({ target: 'C:\\registry' })).not.toThrow();
    expect(read({ target: 'file:///srv/registry' })).not.toThrow();
    expect(
      read({ target: 'HTTPS://github.com/acme/r/tree/main/x' }),
    ).not.toThrow();
  });

  it('refuses a target that carries a user name or password, without repeating them', () => {
    // the target is shown in every entity's location annotations, on the status Resource and in
    // the logs; the readers take the token from the integrations, never from the URL
    for (const target of [
      'https://x-access-token:ghp_s3cr3tT0k3n@github.com/acme/registry/tree/main',
      'https://ghp_s3cr3tT0k3n@github.com/acme/registry/tree/main',
    ]) {
      const attempt = read({ lab: { target } });
      expect(attempt).toThrow(
        'catalog.providers.serviceRegistry.lab.target must not carry a user name or password (got https://***@github.com/acme/registry/tree/main)',
      );
      expect(attempt).not.toThrow(/ghp_s3cr3tT0k3n|x-access-token/);
    }
    // nor does the message about a scheme it cannot read
    const ssh = read({ target: 'ssh://git:hunter2@example.com/registry' });
    expect(ssh).toThrow(
      'got the scheme "ssh:" in "ssh://***@example.com/registry"',
    );
    expect(ssh).not.toThrow(/hunter2/);
    const location = read({
      target: 'url:https://bot:hunter2@github.com/acme/registry/tree/main',
    });
    expect(location).toThrow(/"url:"/);
    expect(location).not.toThrow(/hunter2/);
  });

  it('names the full key of a bad schedule', () => {
    expect(
      read({
        lab: { target: 'x', schedule: { frequency: 'bogus', timeout: 'PT1M' } },
      }),
    ).toThrow(
      /catalog\.providers\.serviceRegistry\.lab\.schedule is not a valid schedule.*'bogus'/,
    );
  });

  it('names the full key of a negative share', () => {
    expect(
      read({ lab: { target: 'x', guard: { maxRemovalShare: -0.1 } } }),
    ).toThrow(
      /catalog\.providers\.serviceRegistry\.lab\.guard\.maxRemovalShare must be between 0 and 1, got -0\.1/,
    );
  });
});
