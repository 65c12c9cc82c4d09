import {
  DiscoveryService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  computeConsumers,
  computeDeprecation,
  computeDeprecations,
  computeImpact,
  runningGraphOf,
  countDeprecations,
  DeprecatedDependenciesResponse,
  deprecatedDependenciesOf,
  DeprecationDetailResponse,
  DeprecationHistoryResponse,
  DeprecationsResponse,
  PendingChangesResponse,
  evaluateSla,
  hideSecretValues,
  isFindingOfProject,
  buildProjectSummary,
  buildServiceSummary,
  FindingsResponse,
  ImpactResponse,
  GLOBAL_PROJECT_ID,
  serviceRegistryReadPermission,
  SlaOverviewResponse,
  SlaServiceResponse,
  ProjectSummaryResponse,
  registryNotFoundMessages,
  RegistriesResponse,
  RegistryService,
  ServiceRecordResponse,
  ServiceSummaryResponse,
  sloDocumentsToYaml,
  toOpenSlo,
} from '@service-registry/plugin-service-registry-common';
import {
  chooseRegistryId,
  chooseRegistrySnapshot,
  parseRequest,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DeprecationHistoryStore } from '../database/DeprecationHistoryStore';
import { graphOfService, graphQuery } from './graphQuery';
import { projectKey } from './projectFilter';
import { PendingChangesSources } from './pendingChangesFromConfig';
import { servedOpenApiDocument } from './openApiDocument';
import { RegistryViewCache, RegistryViews } from './RegistryViews';
import {
  datedQuery,
  deprecationsQuery,
  findingsQuery,
  impactQuery,
  noQuery,
  openSloQuery,
  pendingChangesQuery,
  projectParams,
  registryQuery,
  serviceParams,
  slaQuery,
} from './requestSchemas';

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  snapshots: ServiceRegistrySnapshotService;
  logger: LoggerService;
  /** Names the plugin's external URL in the OpenAPI description it serves. */
  discovery: DiscoveryService;
  /** Migration progress of deprecated services. */
  history: DeprecationHistoryStore;
  /** The clock lifecycle days are counted from (default: the system clock, UTC). */
  now?: () => Date;
  /**
   * Ids of the registries configured under `catalog.providers.serviceRegistry`
   * (`configuredRegistryIds` of the node library): one without a snapshot yet answers 503 rather than 404.
   */
  configuredRegistries?: string[];
  /** The pending changes of the registries' repositories (`serviceRegistry.pendingChanges`), if configured. */
  pendingChanges?: PendingChangesSources;
}

const sameOwner = (a: string | undefined, b: string) =>
  a !== undefined && a.trim().replace(/^@/, '') === b.trim().replace(/^@/, '');

/**
 * The service-registry HTTP API. Every endpoint requires a user or service token and the
 * `service-registry.registry.read` permission; answers come from the last good snapshot the
 * catalog provider published (no parsing per request), with every value that looks like a
 * credential hidden.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, snapshots, history } = options;
  const configured = options.configuredRegistries ?? [];
  const now = options.now ?? (() => new Date());
  const todayOf = (value: string | undefined) =>
    value ?? now().toISOString().slice(0, 10);
  const views = new RegistryViewCache();
  // no endpoint takes a body: none is parsed, so a malformed one is neither refused before the
  // permission check nor echoed in a 400 (body-parser's error holds the body as sent)
  const router = Router();

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

  /** A JSON answer: registry tables as written may hold a credential, never served. */
  function send(res: Response, body: unknown) {
    res.json(hideSecretValues(body));
  }

  /** The views of the registry asked for, chosen as `chooseRegistrySnapshot` says. */
  function viewsOf(requested: string | undefined): RegistryViews {
    return views.of(chooseRegistrySnapshot(snapshots, requested, configured));
  }

  /**
   * What every endpoint of one service (`:service` in its path) starts with: the caller allowed,
   * its query checked with `schema`, the service id of the path checked, and the views of the
   * registry the query asks for.
   */
  async function serviceRequest<T extends z.ZodType<{ registry?: string }>>(
    req: Request,
    schema: T,
  ) {
    await authorize(req);
    const query: z.infer<T> = parseRequest(schema, req.query);
    const { service: id } = parseRequest(serviceParams, req.params);
    const v = viewsOf(query.registry);
    return { query, id, v, registry: v.snapshot.providerId };
  }

  /** A service of the snapshot, or the `404` that says why it is not there (held back or absent). */
  function serviceOf(v: RegistryViews, id: string): RegistryService {
    const service = v.snapshot.registry.services.get(id);
    if (!service) throw v.heldBack.notFound(id);
    return service;
  }

  router.get('/registries', async (req, res) => {
    await authorize(req);
    parseRequest(noQuery, req.query);
    const body: RegistriesResponse = {
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
    };
    send(res, body);
  });

  router.get('/graph', async (req, res) => {
    await authorize(req);
    const query = parseRequest(graphQuery, req.query);
    if (query.service !== undefined) {
      // a service's neighbourhood (the topology card's): a few nodes, from the graph indexed once,
      // kept serialised while it is asked for
      graphOfService(viewsOf(query.registry), query.service, query.depth).send(
        req,
        res,
      );
      return;
    }
    // Serialised and compressed once per snapshot: a 10k-service graph is megabytes of JSON, which
    // the root router's compression middleware would otherwise gzip again on every request.
    viewsOf(query.registry).graphBody.send(req, res);
  });

  router.get('/impact/:service', async (req, res) => {
    const { query, id, v, registry } = await serviceRequest(req, impactQuery);
    if (!v.graph.nodes.has(id) && !v.graph.incoming.has(id)) {
      throw v.heldBack.notFound(id);
    }
    const body: ImpactResponse = {
      registry,
      // a retired service consumes nothing
      ...computeImpact(runningGraphOf(v.snapshot.registry, v.graph), id, {
        includeOptional: query.includeOptional === 'true',
        maxDepth: query.maxDepth,
      }),
    };
    send(res, body);
  });

  router.get('/findings', async (req, res) => {
    await authorize(req);
    const { registry: requested, ...filters } = parseRequest(
      findingsQuery,
      req.query,
    );
    const v = viewsOf(requested);
    // items are built and hidden once per snapshot; the filters pick among them
    if (Object.values(filters).every(value => value === undefined)) {
      v.findingsBody.send(req, res);
      return;
    }
    const global = filters.project === GLOBAL_PROJECT_ID;
    const body: FindingsResponse = v.findings.answer(
      { ...filters, project: global ? undefined : filters.project },
      global
        ? f => isFindingOfProject(v.snapshot.registry, f, GLOBAL_PROJECT_ID)
        : undefined,
    );
    res.json(body);
  });

  router.get('/services/:service', async (req, res) => {
    const { id, v, registry } = await serviceRequest(req, registryQuery);
    const service = serviceOf(v, id);
    const body: ServiceRecordResponse = {
      registry,
      service,
      consumers: computeConsumers(
        runningGraphOf(v.snapshot.registry, v.graph),
        id,
      ),
      project: service.project
        ? v.snapshot.registry.projects.get(service.project)
        : undefined,
      findings: v.snapshot.findings.filter(f => f.service === id),
    };
    send(res, body);
  });

  router.get('/services/:service/summary', async (req, res) => {
    const { id, v } = await serviceRequest(req, registryQuery);
    const body: ServiceSummaryResponse | undefined = buildServiceSummary(
      v.snapshot,
      v.graph,
      id,
    );
    if (!body) {
      throw v.heldBack.notFound(id);
    }
    send(res, body);
  });

  router.get('/projects/:project/summary', async (req, res) => {
    await authorize(req);
    const query = parseRequest(registryQuery, req.query);
    const { project: id } = parseRequest(projectParams, req.params);
    const v = viewsOf(query.registry);
    const registry = v.snapshot.providerId;
    const body: ProjectSummaryResponse | undefined = buildProjectSummary(
      v.snapshot,
      v.graph,
      id,
    );
    if (!body) {
      throw new NotFoundError(
        id === GLOBAL_PROJECT_ID
          ? registryNotFoundMessages.globalServices(registry)
          : registryNotFoundMessages.project(id, registry),
      );
    }
    send(res, body);
  });

  router.get('/deprecations', async (req, res) => {
    await authorize(req);
    const query = parseRequest(deprecationsQuery, req.query);
    const v = viewsOf(query.registry);
    const day = todayOf(query.today);
    const wanted = query.project;
    const records = computeDeprecations(
      v.snapshot.registry,
      v.graph,
      day,
    ).filter(
      r =>
        (wanted === undefined ||
          projectKey(r.project) === wanted ||
          (wanted !== GLOBAL_PROJECT_ID && r.projects.includes(wanted))) &&
        (!query.owner || sameOwner(r.owner, query.owner)),
    );
    const body: DeprecationsResponse = {
      registry: v.snapshot.providerId,
      today: day,
      updatedAt: v.snapshot.updatedAt,
      counts: countDeprecations(records),
      items: query.status
        ? records.filter(r => r.status === query.status)
        : records,
    };
    send(res, body);
  });

  router.get('/deprecations/:service', async (req, res) => {
    const { query, id, v, registry } = await serviceRequest(req, datedQuery);
    const day = todayOf(query.today);
    const record = computeDeprecation(v.snapshot.registry, v.graph, id, day);
    if (!record) {
      if (!v.snapshot.registry.services.has(id)) {
        throw v.heldBack.notFound(id);
      }
      throw new NotFoundError(
        registryNotFoundMessages.notDeprecated(id, registry),
      );
    }
    const body: DeprecationDetailResponse = {
      registry,
      today: day,
      record,
      history: await history.history(registry, id),
    };
    send(res, body);
  });

  router.get('/deprecations/:service/history', async (req, res) => {
    const { id, v, registry } = await serviceRequest(req, registryQuery);
    const items = await history.history(registry, id);
    if (items.length === 0 && !v.snapshot.registry.services.has(id)) {
      throw v.heldBack.notFound(id);
    }
    const body: DeprecationHistoryResponse = { registry, service: id, items };
    send(res, body);
  });

  router.get('/services/:service/deprecated-dependencies', async (req, res) => {
    const { query, id, v, registry } = await serviceRequest(req, datedQuery);
    serviceOf(v, id);
    const day = todayOf(query.today);
    const items = deprecatedDependenciesOf(
      v.snapshot.registry,
      v.graph,
      id,
      day,
    );
    const body: DeprecatedDependenciesResponse = {
      registry,
      today: day,
      service: id,
      counts: {
        errors: items.filter(i => i.severity === 'error').length,
        warnings: items.filter(i => i.severity === 'warning').length,
      },
      items,
    };
    send(res, body);
  });

  router.get('/sla', async (req, res) => {
    await authorize(req);
    const query = parseRequest(slaQuery, req.query);
    const v = viewsOf(query.registry);
    // services are evaluated and hidden once per snapshot; the filters pick among them
    if (
      query.project === undefined &&
      query.tier === undefined &&
      query.owner === undefined
    ) {
      v.slaBody.send(req, res);
      return;
    }
    const body: SlaOverviewResponse = v.sla.answer(
      { registry: v.snapshot.providerId, updatedAt: v.snapshot.updatedAt },
      {
        project: query.project === GLOBAL_PROJECT_ID ? null : query.project,
        tier: query.tier,
        owner: query.owner,
      },
    );
    res.json(body);
  });

  router.get('/sla/:service', async (req, res) => {
    const { id, v, registry } = await serviceRequest(req, registryQuery);
    const service = serviceOf(v, id);
    const body: SlaServiceResponse = {
      registry,
      evaluation: evaluateSla(service, v.snapshot.registry.policies),
    };
    send(res, body);
  });

  router.get('/openslo', async (req, res) => {
    await authorize(req);
    const query = parseRequest(openSloQuery, req.query);
    const v = viewsOf(query.registry);
    if (query.service !== undefined) serviceOf(v, query.service);
    const fillFromTierPolicy = query.fillFromTierPolicy === 'true';
    if (query.service === undefined) {
      // every service's documents: made, hidden and serialised once per snapshot
      v.openSloBody(query.format, fillFromTierPolicy).send(req, res);
      return;
    }
    const documents = hideSecretValues(
      toOpenSlo(v.snapshot.registry, {
        service: query.service,
        fillFromTierPolicy,
      }),
    );
    if (query.format === 'json') {
      res.json(documents);
      return;
    }
    res.type('application/yaml').send(sloDocumentsToYaml(documents));
  });

  router.get('/pending-changes', async (req, res) => {
    await authorize(req);
    const query = parseRequest(pendingChangesQuery, req.query);
    const { id, unnamed, known } = chooseRegistryId(
      snapshots,
      query.registry,
      configured,
    );
    const sources = options.pendingChanges;
    if (!sources) {
      throw new NotFoundError(
        'No pending changes are configured: set serviceRegistry.pendingChanges.repository to the registry repository',
      );
    }
    const source = sources.of(id, unnamed);
    if (!source) {
      if (!known.includes(id)) {
        throw new NotFoundError(registryNotFoundMessages.registry(id, known));
      }
      throw new NotFoundError(
        sources.form === 'single'
          ? `No pending changes are configured for registry "${id}": serviceRegistry.pendingChanges is the backend's default registry's; key it by registry id (serviceRegistry.pendingChanges.${id}.repository) to configure several`
          : `No pending changes are configured for registry "${id}": set serviceRegistry.pendingChanges.${id}.repository to its repository`,
      );
    }
    let body: PendingChangesResponse;
    try {
      body = { registry: id, ...(await source.read(todayOf(query.today))) };
    } catch (error) {
      options.logger.warn(
        `Cannot read the pending changes of registry "${id}" from its repository: ${error}`,
      );
      throw new ServiceUnavailableError(
        "The registry repository cannot be read now; the backend's log says why",
      );
    }
    send(res, body);
  });

  router.get('/openapi.json', async (req, res) => {
    await authorize(req);
    parseRequest(noQuery, req.query);
    res.json(
      await servedOpenApiDocument(
        await options.discovery.getExternalBaseUrl('service-registry'),
      ),
    );
  });

  return router;
}
