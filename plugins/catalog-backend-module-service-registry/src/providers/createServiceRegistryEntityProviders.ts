import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogScmEventsService } from '@backstage/plugin-catalog-node/alpha';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import {
  ANNOTATION_REGISTRY_ID,
  LoadedRegistry,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';
import { ServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import { ProviderStateStore } from '../database/ProviderStateStore';
import { createRegistrySource } from './RegistrySource';
import {
  ServiceRegistryEntityProvider,
  ServiceRegistryEntityTransformer,
} from './ServiceRegistryEntityProvider';
import { readServiceRegistryProviderConfigs } from './ServiceRegistryEntityProviderConfig';
import { createRunMetrics } from '../lib/runMetrics';

/**
 * Creates one provider per registry configured under `catalog.providers.serviceRegistry`.
 *
 * @public
 */
export async function createServiceRegistryEntityProviders(options: {
  config: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler?: SchedulerService;
  reader: UrlReaderService;
  transformers?: ServiceRegistryEntityTransformer[];
  catalog?: CatalogService;
  auth?: AuthService;
  snapshots?: ServiceRegistrySnapshotService;
  validate?: (registry: LoadedRegistry) => RegistryFinding[];
  /**
   * The catalog's SCM events: a change pushed to a hosted registry starts its provider's run at
   * once (see `ServiceRegistryEntityProvider.onScmEvents`).
   */
  scmEvents?: CatalogScmEventsService;
  /**
   * The catalog plugin's metrics service: each provider's runs are counted and timed there
   * (`catalog.service_registry.*`, see the module's README).
   */
  metrics?: MetricsService;
}): Promise<ServiceRegistryEntityProvider[]> {
  const configs = readServiceRegistryProviderConfigs(options.config);
  if (configs.length === 0) return [];
  const store = await ProviderStateStore.create(
    await options.database.getClient(),
    {
      skipMigrations: options.database.migrations?.skip,
    },
  );
  const integrations = ScmIntegrations.fromConfig(options.config);
  const { catalog, auth } = options;
  const findExistingGroups =
    catalog && auth
      ? async (providerId: string) => {
          const { items } = await catalog.getEntities(
            {
              filter: { kind: 'group' },
              fields: [
                'metadata.name',
                'metadata.namespace',
                'metadata.annotations',
              ],
            },
            { credentials: await auth.getOwnServiceCredentials() },
          );
          return new Set(
            items
              .filter(
                g =>
                  (g.metadata.namespace ?? 'default').toLocaleLowerCase(
                    'en-US',
                  ) === 'default' &&
                  g.metadata.annotations?.[ANNOTATION_REGISTRY_ID] !==
                    providerId,
              )
              .map(g => g.metadata.name),
          );
        }
      : undefined;

  const configuredIds = new Set(configs.map(config => config.id));
  const metrics = options.metrics && createRunMetrics(options.metrics);
  const providers: ServiceRegistryEntityProvider[] = configs.map(
    config =>
      new ServiceRegistryEntityProvider({
        config,
        source: createRegistrySource(config.target, {
          reader: options.reader,
          integrations,
          maxFileBytes: config.maxFileBytes,
        }),
        store,
        logger: options.logger.child({
          provider: `service-registry-provider:${config.id}`,
        }),
        scheduler: options.scheduler,
        transformers: options.transformers,
        findExistingGroups,
        snapshots: options.snapshots,
        validate: options.validate,
        metrics,
        configuredIds,
        // what one registry lets go, another may emit (the System of global services, an owner
        // Group, a service both declare): its run starts now, so that the catalog is not left
        // without the entity until that registry's next interval
        onEntitiesReleased: () => {
          for (const other of providers) {
            if (
              other.getProviderName() ===
              `service-registry-provider:${config.id}`
            ) {
              continue;
            }
            other
              .requestRun()
              .catch(error =>
                options.logger.warn(
                  `${other.getProviderName()}: could not start a run after another registry let entities go; it runs at its next interval: ${stringifyError(
                    error,
                  )}`,
                ),
              );
          }
        },
      }),
  );

  const { scmEvents, logger } = options;
  if (scmEvents) {
    scmEvents.subscribe({
      onEvents: async events => {
        const started = await Promise.all(
          providers.map(provider =>
            provider.onScmEvents(events).catch(error => {
              logger.warn(
                `${provider.getProviderName()}: could not handle SCM events: ${stringifyError(
                  error,
                )}`,
              );
              return false;
            }),
          ),
        );
        const count = started.filter(Boolean).length;
        if (count) scmEvents.markEventActionTaken({ action: 'refresh', count });
      },
    });
  }
  return providers;
}
