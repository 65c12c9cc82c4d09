import {
  AuthService,
  DatabaseService,
  HttpAuthService,
  HttpRouterService,
  LifecycleService,
  PermissionsService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  configuredRegistryIds,
  readTaskSchedule,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import { ConsumerNoticeStore } from '../database/ConsumerNoticeStore';
import { ConsumerNotifier } from './ConsumerNotifier';
import { createReminderRouter } from './createReminderRouter';
import { reachableInCatalog } from './reachableInCatalog';

/** The default check of deprecations without a registry change. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 5 },
  initialDelay: { minutes: 1 },
};

/**
 * What {@link createConsumerNotifier} needs: the backend services of the module.
 *
 * @public
 */
export interface CreateConsumerNotifierOptions {
  /** Reads `serviceRegistry.notifications`. */
  config: RootConfigService;
  /** The service-registry plugin's database. */
  database: DatabaseService;
  /** The logger. */
  logger: LoggerService;
  /** Runs the scheduled check. */
  scheduler: SchedulerService;
  /** Stops the notifier on shutdown. */
  lifecycle: LifecycleService;
  /** The registry snapshots the catalog provider publishes. */
  snapshots: ServiceRegistrySnapshotService;
  /** Backstage's notification service. */
  notifications: NotificationService;
  /**
   * The catalog: consumers are told once their entity has an owner to route to; the remind
   * permission is asked on a deprecated service's Component.
   */
  catalog: CatalogService;
  /** The module's own credentials for the catalog. */
  auth: AuthService;
  /** The service-registry plugin's router: the reminder endpoints are added to it. */
  httpRouter: HttpRouterService;
  /** Who calls the reminder endpoints. */
  httpAuth: HttpAuthService;
  /** Whether they may. */
  permissions: PermissionsService;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * Creates the consumer notifier of a backend: runs the module's migrations, listens to registry
 * snapshots, schedules the check of deprecations (`serviceRegistry.notifications.schedule`),
 * serves the reminder endpoints (see {@link createReminderRouter}) and stops on shutdown.
 *
 * @param options - the backend services
 * @returns the running notifier
 * @public
 */
export async function createConsumerNotifier(
  options: CreateConsumerNotifierOptions,
): Promise<ConsumerNotifier> {
  const { config, database, logger, scheduler, lifecycle, snapshots } = options;
  const schedule = readTaskSchedule(
    config,
    'serviceRegistry.notifications.schedule',
    DEFAULT_SCHEDULE,
  );
  const store = await ConsumerNoticeStore.create(await database.getClient(), {
    skipMigrations: database.migrations?.skip,
  });
  const notifier = new ConsumerNotifier({
    store,
    notifications: options.notifications,
    logger,
    reachable: reachableInCatalog(options.catalog, options.auth),
    now: options.now,
  });
  options.httpRouter.use(
    await createReminderRouter({
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      catalog: options.catalog,
      auth: options.auth,
      snapshots,
      notifier,
      store,
      now: options.now,
      configuredRegistries: configuredRegistryIds(config),
    }),
  );
  notifier.start(snapshots);
  lifecycle.addShutdownHook(() => notifier.stop());
  await scheduler.scheduleTask({
    id: 'service-registry-notifications:check-deprecations',
    ...schedule,
    fn: async () => {
      await notifier.checkAll(snapshots);
    },
  });
  return notifier;
}
