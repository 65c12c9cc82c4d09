import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { metrics } from '@opentelemetry/api';
import {
  DataPoint,
  Histogram,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import catalogModuleServiceRegistryEntityProvider from '.';
import { writeRegistry } from './__testUtils__/providerHarness';

const databases = createTestDatabases();
jest.setTimeout(180_000);

/** Reads what the process's meters hold when asked, as a metrics exporter's reader would. */
class CollectingReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

// the backend's metrics service takes its meters from the global OpenTelemetry API, as an
// adopter's instrumentation (the OpenTelemetry Node SDK) sets it up before the backend starts
const reader = new CollectingReader();
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));

type Point = DataPoint<number | Histogram>;

/** The data points of every metric the process recorded, by metric name. */
async function collected(): Promise<Map<string, Point[]>> {
  const { resourceMetrics } = await reader.collect();
  const points = new Map<string, Point[]>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      const name = metric.descriptor.name;
      points.set(name, [
        ...(points.get(name) ?? []),
        ...(metric.dataPoints as Point[]),
      ]);
    }
  }
  return points;
}

/** The value of a metric's data point with these attributes (a histogram's: its count). */
async function valueOf(
  name: string,
  attributes: Record<string, string>,
): Promise<number | undefined> {
  const point = (await collected())
    .get(name)
    ?.find(p =>
      Object.entries(attributes).every(([k, v]) => p.attributes[k] === v),
    );
  if (!point) return undefined;
  return typeof point.value === 'number' ? point.value : point.value.count;
}

const REGISTRY = {
  'services/catalog.toml': [
    '[service.shared-auth]',
    'type = "microservice"',
    'owner = "platform-team"',
    'version = "1.2.3"',
    '',
  ].join('\n'),
  'projects/shop/services.toml': [
    '[project]',
    'name = "Shop"',
    'owner = "shop-team"',
    '',
    '[service.cart]',
    'type = "microservice"',
    'version = "1.0.0"',
    '[service.cart.dependencies]',
    'requires = ["shared-auth@^1.0"]',
    '',
  ].join('\n'),
};

describe('the metrics of the registry runs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-metrics-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('counts and times every run by its state, says the last state, and counts findings and entities written', async () => {
    await writeRegistry(dir, REGISTRY);
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleServiceRegistryEntityProvider,
        schedulerServiceFactory,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'System', 'Group', 'Resource'] }],
              providers: {
                serviceRegistry: {
                  target: dir,
                  schedule: {
                    frequency: { seconds: 1 },
                    timeout: { seconds: 60 },
                    initialDelay: { seconds: 0 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const provider = 'default';
    /** The run.state gauge of a state: 1 when the last run ended in it. */
    const lastRunIn = (state: string) =>
      valueOf('catalog.service_registry.run.state', { provider, state });

    // the first run applies the whole registry
    await eventually(
      () =>
        valueOf('catalog.service_registry.runs.count', {
          provider,
          state: 'ok',
          mutation: 'full',
        }),
      count => count === 1,
    );
    expect(
      await valueOf('catalog.service_registry.run.duration', {
        provider,
        state: 'ok',
        mutation: 'full',
      }),
    ).toBe(1);
    const durations = (await collected())
      .get('catalog.service_registry.run.duration')!
      .map(p => (p.value as Histogram).sum ?? 0);
    expect(Math.min(...durations)).toBeGreaterThan(0);
    // two Components, a System per project and one for the global services, two owner Groups,
    // and the provider's status Resource
    expect(
      await valueOf('catalog.service_registry.entities.written.count', {
        provider,
      }),
    ).toBe(7);
    expect(await lastRunIn('ok')).toBe(1);
    expect(
      await valueOf('catalog.service_registry.findings', {
        provider,
        severity: 'error',
      }),
    ).toBe(0);
    // the registry's services by status and tier: neither declares any
    const servicesIn = (status: string, tier: string) =>
      valueOf('catalog.service_registry.services', { provider, status, tier });
    expect(await servicesIn('unset', 'unset')).toBe(2);
    expect(await servicesIn('deprecated', 'critical')).toBe(0);
    // later runs find nothing changed: counted, the findings left as they were
    await eventually(
      () =>
        valueOf('catalog.service_registry.runs.count', {
          provider,
          state: 'ok',
          mutation: 'none',
        }),
      count => (count ?? 0) >= 1,
    );

    // shared-auth deprecated without a sunset date or a replacement, in the critical tier: the
    // services gauge moves it, and its findings are counted by code
    const withoutSunset = () =>
      valueOf('catalog.service_registry.findings.by_code', {
        provider,
        code: 'lifecycle/deprecated-without-sunset',
      });
    await writeRegistry(dir, {
      'services/catalog.toml': REGISTRY['services/catalog.toml'].replace(
        'version = "1.2.3"',
        'version = "1.2.3"\nstatus = "deprecated"\ntier = "critical"',
      ),
    });
    await eventually(
      () => servicesIn('deprecated', 'critical'),
      value => value === 1,
    );
    expect(await servicesIn('unset', 'unset')).toBe(1);
    expect(await withoutSunset()).toBe(1);
    // back to ga: that code goes back to 0
    await writeRegistry(dir, {
      'services/catalog.toml': REGISTRY['services/catalog.toml'].replace(
        'version = "1.2.3"',
        'version = "1.2.3"\nstatus = "ga"\ntier = "critical"',
      ),
    });
    await eventually(
      () => servicesIn('ga', 'critical'),
      value => value === 1,
    );
    expect(await servicesIn('deprecated', 'critical')).toBe(0);
    expect(await withoutSunset()).toBe(0);

    // a file that does not parse: applied without it, degraded, its syntax error counted
    await writeRegistry(dir, {
      'projects/shop/services.toml': '[service.cart\ntype = "microservice"\n',
    });
    await eventually(
      () => lastRunIn('degraded'),
      value => value === 1,
    );
    expect(await lastRunIn('ok')).toBe(0);
    expect(
      await valueOf('catalog.service_registry.findings', {
        provider,
        severity: 'error',
      }),
    ).toBeGreaterThanOrEqual(1);

    // every file gone: the guard applies nothing, and the state to alert on says so
    await writeRegistry(dir, {
      'services/catalog.toml': undefined,
      'projects/shop/services.toml': undefined,
    });
    await eventually(
      () => lastRunIn('blocked'),
      value => value === 1,
    );
    for (const state of ['ok', 'degraded', 'error']) {
      expect(await lastRunIn(state)).toBe(0);
    }
    expect(
      await valueOf('catalog.service_registry.runs.count', {
        provider,
        state: 'blocked',
        mutation: 'none',
      }),
    ).toBeGreaterThanOrEqual(1);
    // nothing was removed
    expect(
      await valueOf('catalog.service_registry.entities.removed.count', {
        provider,
      }),
    ).toBeUndefined();

    await backend.stop();
  });
});
