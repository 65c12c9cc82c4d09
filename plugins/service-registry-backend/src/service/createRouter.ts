import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  computeConsumers,
  computeDeprecation,
  computeDeprecations,
  computeImpact,
  countDeprecations,
  DeprecatedDependenciesResponse,
  deprecatedDependenciesOf,
  DeprecationDetailResponse,
  DeprecationHistoryResponse,
  DEPRECATION_STATUSES,
  DeprecationsResponse,
  DeprecationStatus,
  evaluateSla,
  hideSecretValues,
  buildFindingsResponse,
  buildProjectSummary,
  buildServiceSummary,
  FindingsResponse,
  GLOBAL_PROJECT_ID,
  isIsoDate,
  SERVICE_TIERS,
  ServiceTier,
  serviceRegistryReadPermission,
  slaOverview,
  SlaOverviewResponse,
  SlaServiceResponse,
  ProjectSummaryResponse,
  ServiceSummaryResponse,
  sloDocumentsToYaml,
  toOpenSlo,
} from '@service-registry/plugin-service-registry-common';
import {
  parseRequest,
  registryIdSchema,
  serviceIdSchema,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DeprecationHistoryStore } from '../database/DeprecationHistoryStore';
import { RegistryViewCache, RegistryViews } from './RegistryViews';

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  snapshots: ServiceRegistrySnapshotService;
  logger: LoggerService;
  /** Migration progress of deprecated services. */
  history: DeprecationHistoryStore;
  /** The clock lifecycle days are counted from (default: the system clock, UTC). */
  now?: () => Date;
}

const registryQuery = z.object({ registry: registryIdSchema }).passthrough();
const impactQuery = z
  .object({
    registry: registryIdSchema,
    includeOptional: z.enum(['true', 'false']).default('false'),
    maxDepth: z.coerce.number().int().positive().max(1000).optional(),
  })
  .strict();
const findingsQuery = z
  .object({
    registry: registryIdSchema,
    service: serviceIdSchema.optional(),
    project: z.string().max(63).optional(),
    owner: z.string().max(200).optional(),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    file: z.string().max(500).optional(),
  })
  .strict();

const today = z
  .string()
  .refine(isIsoDate, 'today must be a date written YYYY-MM-DD')
  .optional();
const ownerFilter = z.string().max(200).optional();
const projectFilter = z.string().max(63).optional();

const datedQuery = z.object({ registry: registryIdSchema, today }).strict();
const deprecationsQuery = z
  .object({
    registry: registryIdSchema,
    today,
    status: z
      .enum(
        DEPRECATION_STATUSES as unknown as [
          DeprecationStatus,
          ...DeprecationStatus[],
        ],
      )
      .optional(),
    project: projectFilter,
    owner: ownerFilter,
  })
  .strict();
const slaQuery = z
  .object({
    registry: registryIdSchema,
    project: projectFilter,
    tier: z
      .enum(SERVICE_TIERS as unknown as [ServiceTier, ...ServiceTier[]])
      .optional(),
    owner: ownerFilter,
  })
  .strict();
const openSloQuery = z
  .object({
    registry: registryIdSchema,
    format: z.enum(['yaml', 'json']).default('yaml'),
    service: serviceIdSchema.optional(),
    fillFromTierPolicy: z.enum(['true', 'false']).default('false'),
  })
  .strict();

/**
 * A project in a path parameter: a project folder name as a catalog System can be named (1 to 63
 * letters, digits, `.`, `_` or `-`), or `:global` (`GLOBAL_PROJECT_ID`) for the global services.
 */
const projectParams = z.object({
  project: z
    .string()
    .refine(
      value =>
        value === GLOBAL_PROJECT_ID || /^[A-Za-z0-9._-]{1,63}$/.test(value),
      `not a registry project id: give the project's folder name, or ${GLOBAL_PROJECT_ID} for the global services`,
    ),
});

const sameOwner = (a: string | undefined, b: string) =>
  a !== undefined && a.trim().replace(/^@/, '') === b.trim().replace(/^@/, '');

/**
 * The service-registry HTTP API. Every endpoint requires a user or service token and the
 * `service-registry.registry.read` permission; answers come from the last good snapshot the
 * catalog provider published (no parsing per request).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, snapshots, history } = options;
  const now = options.now ?? (() => new Date());
  const todayOf = (value: string | undefined) =>
    value ?? now().toISOString().slice(0, 10);
  const views = new RegistryViewCache(id => snapshots.get(id));
  const router = Router();
  router.use(express.json());

  async function authorize(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: serviceRegistryReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('reading the service registry is not allowed');
    }
  }

  function viewsOf(id: string): RegistryViews {
    const found = views.get(id);
    if (!found) {
      throw new NotFoundError(
        `no snapshot of registry "${id}" yet: check catalog.providers.serviceRegistry and the catalog's logs`,
      );
    }
    return found;
  }

  router.get('/registries', async (req, res) => {
    await authorize(req);
    res.json({
      items: snapshots.list().map(s => ({
        id: s.providerId,
        state: s.state,
        summary: s.summary,
        updatedAt: s.updatedAt,
        rootLocation: s.rootLocation,
        services: s.registry.services.size,
        projects: s.registry.projects.size,
        errors: s.findings.filter(f => f.severity === 'error').length,
        warnings: s.findings.filter(f => f.severity === 'warning').length,
      })),
    });
  });

  router.get('/graph', async (req, res) => {
    await authorize(req);
    const { registry } = parseRequest(registryQuery, req.query);
    const view = viewsOf(registry);
    // Serialised and compressed once per snapshot: a 10k-service graph is megabytes of JSON, which
    // the root router's compression middleware would otherwise gzip again on every request.
    res.setHeader('ETag', view.graphEtag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.headers['if-none-match'] === view.graphEtag) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    if (req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(view.graphBodyGzip);
    } else {
      res.send(view.graphBody);
    }
  });

  router.get('/impact/:service', async (req, res) => {
    await authorize(req);
    const query = parseRequest(impactQuery, req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const { graph } = viewsOf(query.registry);
    if (!graph.nodes.has(id) && !graph.incoming.has(id)) {
      throw new NotFoundError(
        `no service "${id}" in registry "${query.registry}"`,
      );
    }
    res.json(
      computeImpact(graph, id, {
        includeOptional: query.includeOptional === 'true',
        maxDepth: query.maxDepth,
      }),
    );
  });

  router.get('/findings', async (req, res) => {
    await authorize(req);
    const query = parseRequest(findingsQuery, req.query);
    const { snapshot } = viewsOf(query.registry);
    const body: FindingsResponse = buildFindingsResponse(snapshot, query);
    res.json(body);
  });

  router.get('/services/:service', async (req, res) => {
    await authorize(req);
    const { registry } = parseRequest(registryQuery, req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const v = viewsOf(registry);
    const service = v.snapshot.registry.services.get(id);
    if (!service) {
      throw new NotFoundError(`no service "${id}" in registry "${registry}"`);
    }
    // the tables as written may hold a credential the validation reports: never serve it
    res.json(
      hideSecretValues({
        registry,
        service,
        consumers: computeConsumers(v.graph, id),
        project: service.project
          ? v.snapshot.registry.projects.get(service.project)
          : undefined,
        findings: v.snapshot.findings.filter(f => f.service === id),
      }),
    );
  });

  router.get('/services/:service/summary', async (req, res) => {
    await authorize(req);
    const { registry } = parseRequest(registryQuery, req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const v = viewsOf(registry);
    const body: ServiceSummaryResponse | undefined = buildServiceSummary(
      v.snapshot,
      v.graph,
      id,
    );
    if (!body) {
      throw new NotFoundError(`no service "${id}" in registry "${registry}"`);
    }
    res.json(body);
  });

  router.get('/projects/:project/summary', async (req, res) => {
    await authorize(req);
    const { registry } = parseRequest(registryQuery.strict(), req.query);
    const { project: id } = parseRequest(projectParams, req.params);
    const v = viewsOf(registry);
    const body: ProjectSummaryResponse | undefined = buildProjectSummary(
      v.snapshot,
      v.graph,
      id,
    );
    if (!body) {
      throw new NotFoundError(
        id === GLOBAL_PROJECT_ID
          ? `registry "${registry}" declares no global services (services/catalog.toml)`
          : `no project "${id}" in registry "${registry}": a project is a folder under projects/ of the registry`,
      );
    }
    res.json(body);
  });

  router.get('/deprecations', async (req, res) => {
    await authorize(req);
    const query = parseRequest(deprecationsQuery, req.query);
    const v = viewsOf(query.registry);
    const day = todayOf(query.today);
    const wantedProject = query.project === 'global' ? null : query.project;
    const records = computeDeprecations(
      v.snapshot.registry,
      v.graph,
      day,
    ).filter(
      r =>
        (wantedProject === undefined ||
          r.project === wantedProject ||
          (wantedProject !== null && r.projects.includes(wantedProject))) &&
        (!query.owner || sameOwner(r.owner, query.owner)),
    );
    const body: DeprecationsResponse = {
      registry: query.registry,
      today: day,
      updatedAt: v.snapshot.updatedAt,
      counts: countDeprecations(records),
      items: query.status
        ? records.filter(r => r.status === query.status)
        : records,
    };
    res.json(body);
  });

  router.get('/deprecations/:service', async (req, res) => {
    await authorize(req);
    const query = parseRequest(datedQuery, req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const v = viewsOf(query.registry);
    const day = todayOf(query.today);
    const record = computeDeprecation(v.snapshot.registry, v.graph, id, day);
    if (!record) {
      throw new NotFoundError(
        v.snapshot.registry.services.has(id)
          ? `service "${id}" of registry "${query.registry}" is neither deprecated nor retired`
          : `no service "${id}" in registry "${query.registry}"`,
      );
    }
    const body: DeprecationDetailResponse = {
      registry: query.registry,
      today: day,
      record,
      history: await history.history(query.registry, id),
    };
    res.json(body);
  });

  router.get('/deprecations/:service/history', async (req, res) => {
    await authorize(req);
    const { registry } = parseRequest(registryQuery.strict(), req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const v = viewsOf(registry);
    const items = await history.history(registry, id);
    if (items.length === 0 && !v.snapshot.registry.services.has(id)) {
      throw new NotFoundError(`no service "${id}" in registry "${registry}"`);
    }
    const body: DeprecationHistoryResponse = { registry, service: id, items };
    res.json(body);
  });

  router.get('/services/:service/deprecated-dependencies', async (req, res) => {
    await authorize(req);
    const query = parseRequest(datedQuery, req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const v = viewsOf(query.registry);
    if (!v.snapshot.registry.services.has(id)) {
      throw new NotFoundError(
        `no service "${id}" in registry "${query.registry}"`,
      );
    }
    const day = todayOf(query.today);
    const items = deprecatedDependenciesOf(
      v.snapshot.registry,
      v.graph,
      id,
      day,
    );
    const body: DeprecatedDependenciesResponse = {
      registry: query.registry,
      today: day,
      service: id,
      counts: {
        errors: items.filter(i => i.severity === 'error').length,
        warnings: items.filter(i => i.severity === 'warning').length,
      },
      items,
    };
    res.json(body);
  });

  router.get('/sla', async (req, res) => {
    await authorize(req);
    const query = parseRequest(slaQuery, req.query);
    const v = viewsOf(query.registry);
    const body: SlaOverviewResponse = {
      registry: query.registry,
      updatedAt: v.snapshot.updatedAt,
      ...slaOverview(v.snapshot.registry, {
        project: query.project,
        tier: query.tier,
        owner: query.owner,
      }),
    };
    res.json(body);
  });

  router.get('/sla/:service', async (req, res) => {
    await authorize(req);
    const { registry } = parseRequest(registryQuery.strict(), req.query);
    const id = parseRequest(serviceIdSchema, req.params.service);
    const v = viewsOf(registry);
    const service = v.snapshot.registry.services.get(id);
    if (!service) {
      throw new NotFoundError(`no service "${id}" in registry "${registry}"`);
    }
    const body: SlaServiceResponse = {
      registry,
      evaluation: evaluateSla(service, v.snapshot.registry.policies),
    };
    res.json(body);
  });

  router.get('/openslo', async (req, res) => {
    await authorize(req);
    const query = parseRequest(openSloQuery, req.query);
    const v = viewsOf(query.registry);
    if (query.service && !v.snapshot.registry.services.has(query.service)) {
      throw new NotFoundError(
        `no service "${query.service}" in registry "${query.registry}"`,
      );
    }
    const documents = toOpenSlo(v.snapshot.registry, {
      service: query.service,
      fillFromTierPolicy: query.fillFromTierPolicy === 'true',
    });
    if (query.format === 'json') {
      res.json(documents);
      return;
    }
    res.type('application/yaml').send(sloDocumentsToYaml(documents));
  });

  return router;
}
