import { ConfigReader } from '@backstage/config';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import {
  chooseRegistryId,
  chooseRegistrySnapshot,
  configuredRegistryIds,
} from './chooseRegistrySnapshot';
import { RegistrySnapshot } from './RegistrySnapshot';
import { InMemoryServiceRegistrySnapshotService } from './serviceRegistrySnapshotServiceRef';

function snapshotOf(providerId: string): RegistrySnapshot {
  return {
    providerId,
    registry: loadRegistry([]),
    findings: [],
    state: 'ok',
    summary: '',
    updatedAt: '2026-12-01T00:00:00.000Z',
    rootLocation: `file:/srv/${providerId}`,
  };
}

function published(...ids: string[]) {
  const snapshots = new InMemoryServiceRegistrySnapshotService();
  for (const id of ids) snapshots.publish(snapshotOf(id));
  return snapshots;
}

describe('configuredRegistryIds', () => {
  it('reads one registry as default and several by their keys', () => {
    const one = { target: './registry' };
    expect(
      configuredRegistryIds(
        new ConfigReader({ catalog: { providers: { serviceRegistry: one } } }),
      ),
    ).toEqual(['default']);
    expect(
      configuredRegistryIds(
        new ConfigReader({
          catalog: {
            providers: { serviceRegistry: { platform: one, data: one } },
          },
        }),
      ),
    ).toEqual(['platform', 'data']);
    expect(configuredRegistryIds(new ConfigReader({}))).toEqual([]);
  });
});

describe('chooseRegistrySnapshot', () => {
  it('answers from default, or from the only registry there is, when none is asked for', () => {
    expect(
      chooseRegistrySnapshot(published('default', 'data'), undefined, [])
        .providerId,
    ).toBe('default');
    expect(
      chooseRegistrySnapshot(published('platform'), undefined, ['platform'])
        .providerId,
    ).toBe('platform');
    expect(
      chooseRegistrySnapshot(published('default', 'data'), 'data', [])
        .providerId,
    ).toBe('data');
  });

  it('is unavailable (503) for a configured registry not ingested yet', () => {
    expect(() =>
      chooseRegistrySnapshot(published(), undefined, ['default']),
    ).toThrow(
      expect.objectContaining({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining(
          'registry "default" has not been ingested yet',
        ),
      }),
    );
  });

  it('is not found (404), naming the registries there are, for an unknown one', () => {
    expect(() =>
      chooseRegistrySnapshot(published('platform'), 'plattform', ['platform']),
    ).toThrow(
      expect.objectContaining({
        name: 'NotFoundError',
        message:
          'no registry "plattform": give registry= one of platform (catalog.providers.serviceRegistry)',
      }),
    );
    // several registries and no default: a request must say which
    expect(() =>
      chooseRegistrySnapshot(published('a', 'b'), undefined, ['a', 'b']),
    ).toThrow(expect.objectContaining({ name: 'NotFoundError' }));
  });
});

describe('chooseRegistryId', () => {
  it('chooses as the snapshots do, before any registry has been ingested', () => {
    const none = published();
    expect(chooseRegistryId(none, undefined, ['platform'])).toEqual({
      id: 'platform',
      unnamed: 'platform',
      known: ['platform'],
    });
    expect(chooseRegistryId(none, undefined, ['platform', 'data'])).toEqual({
      id: 'default',
      unnamed: 'default',
      known: ['data', 'platform'],
    });
    expect(chooseRegistryId(none, 'data', ['platform', 'data'])).toEqual({
      id: 'data',
      unnamed: 'default',
      known: ['data', 'platform'],
    });
    // a registry published without being configured counts too
    expect(chooseRegistryId(published('lab'), undefined, [])).toEqual({
      id: 'lab',
      unnamed: 'lab',
      known: ['lab'],
    });
  });
});
