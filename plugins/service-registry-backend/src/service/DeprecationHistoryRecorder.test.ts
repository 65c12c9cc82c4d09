import { mockServices } from '@backstage/backend-test-utils';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import {
  InMemoryServiceRegistrySnapshotService,
  RegistrySnapshot,
} from '@service-registry/plugin-service-registry-node';
import { DeprecationHistoryStore } from '../database/DeprecationHistoryStore';
import { DeprecationHistoryRecorder } from './DeprecationHistoryRecorder';

const CATALOG = `[service.old-api]
status = "deprecated"
sunset_date = "2026-12-24"
[service.app]
dependencies = { requires = ["old-api"] }
[service.web]
dependencies = { optional = ["old-api"] }
`;

function snapshot(updatedAt: string): RegistrySnapshot {
  return {
    providerId: 'default',
    registry: loadRegistry([{ path: 'services/catalog.toml', text: CATALOG }]),
    findings: [],
    state: 'ok',
    summary: 'test',
    updatedAt,
    rootLocation: 'file:/registry',
  };
}

describe('DeprecationHistoryRecorder', () => {
  it('records the snapshots published before and after it starts, in order, as of their day', async () => {
    const record = jest.fn(async () => ['old-api']);
    const store = { record } as unknown as DeprecationHistoryStore;
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    snapshots.publish(snapshot('2026-11-20T10:00:00.000Z'));
    const recorder = new DeprecationHistoryRecorder({
      store,
      logger: mockServices.logger.mock(),
    });
    recorder.start(snapshots);
    snapshots.publish(snapshot('2026-11-25T10:00:00.000Z'));
    await recorder.stop();
    snapshots.publish(snapshot('2026-11-26T10:00:00.000Z'));
    await recorder.idle();

    expect(record.mock.calls).toEqual([
      [
        'default',
        '2026-11-20T10:00:00.000Z',
        [
          {
            service: 'old-api',
            consumers: 1,
            optionalConsumers: 1,
            status: 'on-track',
          },
        ],
      ],
      [
        'default',
        '2026-11-25T10:00:00.000Z',
        [
          {
            service: 'old-api',
            consumers: 1,
            optionalConsumers: 1,
            status: 'at-risk',
          },
        ],
      ],
    ]);
  });

  it('logs a failure and keeps recording the next snapshots', async () => {
    const record = jest
      .fn()
      .mockRejectedValueOnce(new Error('database is down'))
      .mockResolvedValue([]);
    const logger = mockServices.logger.mock();
    const recorder = new DeprecationHistoryRecorder({
      store: { record } as unknown as DeprecationHistoryStore,
      logger,
    });
    recorder.enqueue(snapshot('2026-11-20T10:00:00.000Z'));
    recorder.enqueue(snapshot('2026-11-21T10:00:00.000Z'));
    await recorder.idle();
    expect(record).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not record the migration progress of registry "default": Error: database is down',
    );
  });
});
