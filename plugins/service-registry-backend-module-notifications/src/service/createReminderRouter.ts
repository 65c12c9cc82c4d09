import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dependencyGraphOf,
  computeDeprecation,
  hideSecretValues,
  ReminderResponse,
  ReminderStatusResponse,
  serviceRegistryReadPermission,
  serviceRegistryRemindPermission,
  serviceEntityRefOf,
} from '@service-registry/plugin-service-registry-common';
import {
  chooseRegistrySnapshot,
  parseRequest,
  registryIdSchema,
  serviceIdSchema,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ConsumerNoticeStore } from '../database/ConsumerNoticeStore';
import { ConsumerNotifier } from './ConsumerNotifier';
import { readJsonBody } from './readJsonBody';
import { serviceEntityRefs } from './serviceEntityRefs';

/**
 * What {@link createReminderRouter} needs.
 *
 * @public
 */
export interface ReminderRouterOptions {
  /** Who calls. */
  httpAuth: HttpAuthService;
  /** Whether they may. */
  permissions: PermissionsService;
  /**
   * Finds the Component of a deprecated service, the resource the remind permission is asked on.
   */
  catalog: CatalogService;
  /** The module's own credentials for the catalog. */
  auth: AuthService;
  /** The registries. */
  snapshots: ServiceRegistrySnapshotService;
  /** Sends the reminders. */
  notifier: ConsumerNotifier;
  /** Knows the last reminders. */
  store: ConsumerNoticeStore;
  /** The clock (tests). */
  now?: () => Date;
  /**
   * Ids of the registries configured under `catalog.providers.serviceRegistry`: one without a
   * snapshot yet answers 503 rather than 404.
   */
  configuredRegistries?: string[];
}

const params = z.object({ service: serviceIdSchema });
const query = z
  .object({ registry: registryIdSchema.removeDefault().optional() })
  .strict();

const NO_BODY =
  'the reminder takes no body: give registry as a query parameter';
/** The reminder takes no body: a field there (a `registry`?) must not be silently ignored. */
const noBody = z.object({}).strict(NO_BODY);

/**
 * The reminder endpoints, mounted on the service-registry plugin's router:
 *
 * - `GET /deprecations/:service/reminders`: the last reminder of a deprecated service's consumers
 *   and whether one can be sent now (`service-registry.registry.read`);
 * - `POST /deprecations/:service/reminders`: reminds the owners of its consumers now, once a day
 *   (`service-registry.registry.read`, since the answer and its status tell what the registry
 *   holds, and `service-registry.deprecation.remind` on the service's Component, the one
 *   annotated with its id and registry or else `component:default/<id>`, so that a policy may let
 *   only its owners remind; users only, since the reminder names who sent it). When
 *   `component:default/<id>` is another registry's or another service's Component and none is
 *   this service's, the reminder is refused (403) without asking the policy.
 *
 * The router is mounted on the plugin's router before the plugin's own endpoints: it parses no
 * body but the reminder's, in its route, once the caller is allowed. Answers pass through
 * `hideSecretValues`, like the plugin's.
 *
 * @param options - the services it uses
 * @returns the router
 * @public
 */
export async function createReminderRouter(
  options: ReminderRouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, auth, snapshots, notifier, store } =
    options;
  const now = options.now ?? (() => new Date());
  const configured = options.configuredRegistries ?? [];
  // no body is parsed here for every request: this router runs before the plugin's own endpoints
  // (which take none), and a malformed body would be refused before any permission check
  const router = Router();

  type Credentials = Awaited<ReturnType<HttpAuthService['credentials']>>;

  async function authorizeRead(
    credentials: Credentials,
    denial = 'reading the service registry is not allowed',
  ) {
    const [read] = await permissions.authorize(
      [{ permission: serviceRegistryReadPermission }],
      { credentials },
    );
    if (read.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(denial);
    }
  }

  /**
   * The catalog entities of a registry's service, which the remind permission is asked on (see
   * {@link serviceEntityRefs}; looked up with the module's own credentials: the resource is the
   * service's, whoever asks).
   */
  async function entityRefsOf(
    registry: string,
    service: string,
  ): Promise<string[]> {
    const refs = await serviceEntityRefs({ catalog, auth }, registry, [
      service,
    ]);
    return refs.get(service)!;
  }

  /**
   * Reminding is asked on the deprecated service's catalog entity (each of them, should several
   * Components claim the service), so that a policy may answer with the catalog's conditions
   * (only its owners, say), which the catalog evaluates on that entity.
   */
  async function authorizeRemind(credentials: Credentials, refs: string[]) {
    const decisions = await permissions.authorize(
      refs.map(resourceRef => ({
        permission: serviceRegistryRemindPermission,
        resourceRef,
      })),
      { credentials },
    );
    return refs.find((_, i) => decisions[i].result !== AuthorizeResult.ALLOW);
  }

  /** The registry and the deprecation record of the service asked about. */
  function deprecationOf(req: Request) {
    const { service } = parseRequest(params, req.params);
    const snapshot = chooseRegistrySnapshot(
      snapshots,
      parseRequest(query, req.query).registry,
      configured,
    );
    const registry = snapshot.providerId;
    const record = computeDeprecation(
      snapshot.registry,
      dependencyGraphOf(snapshot.registry),
      service,
      now().toISOString().slice(0, 10),
    );
    if (!record) {
      throw new NotFoundError(
        `${service} is not a deprecated or retired service of registry "${registry}"`,
      );
    }
    return { registry, service, snapshot, record };
  }

  router.get('/deprecations/:service/reminders', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeRead(credentials);
    const { registry, service, record } = deprecationOf(req);
    const last = (await store.lastReminder(registry, service)) ?? null;
    const today = now().toISOString().slice(0, 10);
    const body: ReminderStatusResponse = {
      registry,
      service,
      last,
      canRemind:
        record.remainingConsumers > 0 && last?.at.slice(0, 10) !== today,
    };
    res.json(hideSecretValues(body));
  });

  router.post('/deprecations/:service/reminders', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    // reading first: a caller who may not read the registry learns nothing of it, not even
    // whether a service is deprecated (its answer and its status tell what the registry holds)
    await authorizeRead(
      credentials,
      `reminding the consumers of a deprecated service is not allowed: it needs the ${serviceRegistryReadPermission.name} permission as well as ${serviceRegistryRemindPermission.name}`,
    );
    const { registry, service, snapshot, record } = deprecationOf(req);
    const refs = await entityRefsOf(registry, service);
    if (refs.length === 0) {
      // its Component was left out of the catalog, and its name is another's: a policy answering
      // for that entity (its owners, say) would answer for another team's service
      throw new NotAllowedError(
        `reminding the consumers of ${service} is not allowed: registry "${registry}" has no Component of it in the catalog to ask the permission policy about (${serviceEntityRefOf(
          service,
        )} is another registry's or another service's)`,
      );
    }
    const denied = await authorizeRemind(credentials, refs);
    if (denied) {
      throw new NotAllowedError(
        `reminding the consumers of ${service} is not allowed: the permission policy denies ${serviceRegistryRemindPermission.name} on ${denied}`,
      );
    }
    parseRequest(noBody, (await readJsonBody(req, res, NO_BODY)) ?? {});
    if (record.remainingConsumers === 0) {
      throw new ConflictError(`${service} has no consumers left to remind`);
    }
    const result = await notifier.remind(
      snapshot,
      record,
      credentials.principal.userEntityRef,
    );
    const body: ReminderResponse = { registry, service, ...result };
    // owners and consumers as the registry writes them: a credential pasted there is not served
    res.status(201).json(hideSecretValues(body));
  });

  return router;
}
